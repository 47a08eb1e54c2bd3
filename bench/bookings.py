"""Bookings per second through the booking form, on two web nodes.

A benchmark, not a test: it prints figures. Two gunicorns (2 gthread workers of
4 threads each) on 127.0.0.1 share PostgreSQL and Redis (production settings,
as bench/pages.py). N professionals, logged in through sessions this script
makes, each GET the booking form (for its CSRF token) and then all POST it at
the same moment, alternately to each node. Printed: bookings per second (POSTs
answered divided by the wall time from the first POST to the last answer),
the median and 95th-percentile answer time, and whether the seats came out
right (CAPACITY confirmed, the others queued 1..N-CAPACITY, no errors).

    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/bookings.py \\
        [--people 400] [--capacity 20] [--clients 64]

Uses DATABASE_URL (default: a fresh PostgreSQL database lms_bench on 127.0.0.1).
tests/bookings/test_concurrency_http.py uses the same helpers for the proof.
"""

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, bench_environment, prepare_database, setup_django  # noqa: E402

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_node(port: int, env: dict, *, workers: int = 2, threads: int = 4) -> subprocess.Popen:
    """One web node: gunicorn with threaded workers, as production would run."""
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "lms.wsgi"),
            *("--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread"),
            *("--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--backlog", "2048"),
        ],
        cwd=ROOT,
        env=env,
    )


def wait_until_up(port: int, node: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if node.poll() is not None:
            raise RuntimeError(f"the node on port {port} exited with {node.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            conn.getresponse().read()
            conn.close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers on port {port}")


def stop(nodes: Sequence[subprocess.Popen]) -> None:
    for node in nodes:
        node.terminate()
    for node in nodes:
        try:
            node.wait(timeout=15)
        except subprocess.TimeoutExpired:
            node.kill()
            node.wait()


def session_cookies(users) -> list[str]:
    """A Cookie header per user for a logged-in session, made as the log-in
    would (in the database, which every node reads)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    cookies = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    return cookies


@dataclass
class Visitor:
    """One logged-in professional about to post the booking form to a node."""

    port: int
    path: str
    cookie: str
    token: str = ""
    status: int = 0
    location: str = ""
    seconds: float = 0.0


def _request(visitor: Visitor, method: str, body: str = "", cookie: str = ""):
    conn = http.client.HTTPConnection("127.0.0.1", visitor.port, timeout=120)
    headers = {"Cookie": cookie or visitor.cookie}
    if method == "POST":
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, visitor.path, body=body or None, headers=headers)
    response = conn.getresponse()
    content = response.read().decode(errors="replace")
    conn.close()
    return response, content


def open_form(visitor: Visitor) -> None:
    """GET the form: the CSRF cookie and the token in the page."""
    response, content = _request(visitor, "GET")
    if response.status != 200:
        raise RuntimeError(f"the booking form answered {response.status}")
    csrf = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
    visitor.cookie = f"{visitor.cookie}; csrftoken={csrf.group(1)}" if csrf else visitor.cookie
    visitor.token = TOKEN.search(content).group(1)


def post_form(visitor: Visitor, data: dict) -> None:
    started = time.monotonic()
    body = urlencode({"csrfmiddlewaretoken": visitor.token, **data})
    try:
        response, _content = _request(visitor, "POST", body)
        visitor.status, visitor.location = response.status, response.getheader("Location") or ""
    except OSError:
        visitor.status = -1  # no answer at all
    visitor.seconds = time.monotonic() - started


def book_at_once(visitors: Sequence[Visitor], data: dict, *, clients: int | None = None) -> float:
    """Every visitor opens the form, then all post it together (with `clients`
    connections at a time, or one each). Returns the wall time of the posts."""
    with ThreadPoolExecutor(max_workers=32) as pool:
        list(pool.map(open_form, visitors))
    clients = clients or len(visitors)
    barrier = threading.Barrier(min(clients, len(visitors)) + 1)
    queue = list(visitors)
    lock = threading.Lock()

    def client():
        barrier.wait()
        while True:
            with lock:
                if not queue:
                    return
                visitor = queue.pop()
            post_form(visitor, data)

    threads = [threading.Thread(target=client) for _ in range(min(clients, len(visitors)))]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.monotonic()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def node_environment(env: dict, database_url: str) -> dict:
    """What every node shares: the database and a cache namespace of its own run."""
    return {
        **env,
        "DATABASE_URL": database_url,
        "CACHE_KEY_PREFIX": f"bookings-{uuid.uuid4().hex[:8]}",
    }


def prepare_day(capacity: int, people: int):
    """An open training day on a demo training course and `people` professionals."""
    from datetime import time as clock
    from datetime import timedelta

    from django.utils import timezone

    from courses.choices import Format
    from courses.models import CoursePage
    from lms.models import User
    from workshops.choices import DayStatus
    from workshops.models import Session, TrainingDay

    course = CoursePage.objects.filter(format=Format.TRAINING_DAY).first()
    day = TrainingDay.objects.create(
        course=course, capacity=capacity, status=DayStatus.PUBLISHED, price_standard=None
    )
    Session.objects.create(
        training_day=day,
        date=timezone.localdate() + timedelta(days=30),
        starts_at_time=clock(9, 30),
        ends_at_time=clock(16, 30),
        location="Adres volgt",
    )
    tag = uuid.uuid4().hex[:6]
    users = User.objects.bulk_create(
        User(username=f"bench-{tag}-{n}", email=f"bench-{tag}-{n}@example.org")
        for n in range(people)
    )
    return day, users


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=400)
    parser.add_argument("--capacity", type=int, default=20)
    parser.add_argument("--clients", type=int, default=64, help="connections at a time")
    options = parser.parse_args()

    env = bench_environment(CACHE_KEY_PREFIX=f"bench-{uuid.uuid4().hex[:8]}")
    if not env.get("REDIS_URL") or not env["DATABASE_URL"].startswith("postgres"):
        raise SystemExit("Production-like means PostgreSQL and Redis: set REDIS_URL.")
    prepare_database(env, ["collectstatic", "--noinput", "-v0"])
    setup_django(env)
    from django.db import connection
    from django.urls import reverse
    from django.utils import translation

    from bookings.models import Registration

    day, users = prepare_day(options.capacity, options.people)
    with translation.override("nl"):
        path = reverse("bookings:book", kwargs={"key": day.key})
    cookies = session_cookies(users)
    connection.close()

    ports = [free_port(), free_port()]
    nodes = [start_node(port, env) for port in ports]
    try:
        for port, node in zip(ports, nodes, strict=True):
            wait_until_up(port, node)
        visitors = [Visitor(ports[n % 2], path, cookie) for n, cookie in enumerate(cookies)]
        seconds = book_at_once(visitors, {"organisation": "Wijkteam"}, clients=options.clients)
    finally:
        stop(nodes)

    statuses = [v.status for v in visitors]
    latencies = sorted(v.seconds * 1000 for v in visitors)
    registrations = Registration.objects.filter(training_day=day)
    confirmed = registrations.filter(status="confirmed").count()
    positions = sorted(
        registrations.filter(status="waitlisted").values_list("waitlist_position", flat=True)
    )
    right = (
        statuses.count(302) == len(visitors)
        and confirmed == options.capacity
        and positions == list(range(1, len(visitors) - options.capacity + 1))
    )
    print(
        f"{len(visitors)} bookings of {options.capacity} seats through the form, 2 nodes "
        f"(gunicorn, 2 gthread workers x 4 threads each), {options.clients} clients at once; "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"bookings per second: {len(visitors) / seconds:.0f}  "
        f"(median {statistics.median(latencies):.0f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95) - 1]:.0f} ms)"
    )
    print(
        f"answers: {dict(sorted((s, statuses.count(s)) for s in set(statuses)))}; "
        f"confirmed {confirmed}, waiting {len(positions)}: {'right' if right else 'WRONG'}"
    )
    if not right:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
