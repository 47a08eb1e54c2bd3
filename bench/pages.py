"""Requests per second and p95 latency of three pages served by gunicorn.

A benchmark, not a test: it prints figures. It serves the site with gunicorn
(production settings, 2 sync workers) on 127.0.0.1 and measures, alternating in
several rounds, an anonymous course page, a logged-in lesson page and a plain
"hello" view of the same process, then prints each as a share of "hello".

    .venv/bin/python bench/pages.py [--rounds 3] [--seconds 4] [--clients 4]

Uses DATABASE_URL (default: a fresh PostgreSQL database lms_bench on
127.0.0.1) and REDIS_URL when set (the production cache). Targets: anonymous
course page >= 60% of hello; logged-in lesson page >= 10%.
"""

import argparse
import http.client
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, bench_environment, prepare_database, setup_django  # noqa: E402

PORT = 8765
COURSE = "/nl/aanbod/signalen-mensenhandel-herkennen/"
LESSON = "/nl/aanbod/signalen-mensenhandel-herkennen/drie-elementen/"


def learner_session(env: dict) -> str:
    """A logged-in session of the demo learner, enrolled in the e-learning."""
    setup_django(env)
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from courses.models import CoursePage
    from courses.services import enroll
    from lms.models import User

    user = User.objects.get(email="leerling@example.org")
    enroll(
        user,
        CoursePage.objects.get(slug="signalen-mensenhandel-herkennen", locale__language_code="nl"),
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def fetch(path: str, cookie: str | None) -> tuple[int, float]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    headers = {"Cookie": f"sessionid={cookie}"} if cookie else {}
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status, time.perf_counter() - started


def measure(
    path: str, cookie: str | None, seconds: float, clients: int
) -> tuple[float, list[float]]:
    latencies: list[float] = []
    errors: list[int] = []
    deadline = time.perf_counter() + seconds
    lock = threading.Lock()

    def run():
        while time.perf_counter() < deadline:
            status, elapsed = fetch(path, cookie)
            with lock:
                (latencies if status == 200 else errors).append(
                    elapsed if status == 200 else status
                )

    threads = [threading.Thread(target=run) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{path}: {len(errors)} non-200 answers, e.g. {errors[:3]}")
    return len(latencies) / (time.perf_counter() - started), latencies


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--clients", type=int, default=4)
    options = parser.parse_args()

    env = bench_environment()
    prepare_database(env, ["collectstatic", "--noinput", "-v0"])
    cookie = learner_session(env)

    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "lms.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                if fetch("/hello", None)[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        targets = {
            "hello": ("/hello", None),
            "anonymous course page": (COURSE, None),
            "logged-in lesson page": (LESSON, cookie),
        }
        for path, session in targets.values():  # warm up: caches, connections, imports
            measure(path, session, 1.0, options.clients)
        results: dict[str, list] = {name: [[], []] for name in targets}
        for _ in range(options.rounds):
            for name, (path, session) in targets.items():
                rate, latencies = measure(path, session, options.seconds, options.clients)
                results[name][0].append(rate)
                results[name][1].extend(latencies)
    finally:
        server.terminate()
        server.wait(timeout=10)

    hello_rate = statistics.median(results["hello"][0])
    print(
        f"gunicorn, 2 workers, production settings; {options.rounds} rounds x "
        f"{options.seconds:.0f}s, {options.clients} clients; cache: "
        f"{'Redis' if env.get('REDIS_URL') else 'local memory'}"
    )
    print(f"{'page':<24}{'req/s':>10}{'p95 ms':>10}{'vs hello':>10}")
    for name, (rates, latencies) in results.items():
        rate = statistics.median(rates)
        print(f"{name:<24}{rate:>10.0f}{p95(latencies):>10.1f}{rate / hello_rate:>10.0%}")
    print("targets: anonymous course page >= 60% of hello; logged-in lesson page >= 10%")


if __name__ == "__main__":
    main()
