"""Lighthouse scores (mobile) of five pages: performance, accessibility, best practices.

A benchmark, not a test: it prints figures. The site runs as in bench/pages.py:
production settings (DEBUG off, PostgreSQL, Redis, whitenoise's compressed,
hashed static files) under gunicorn on a fresh demo database. Lighthouse (the
npm package in package.json, `npm ci`) runs headless in Debian's Chromium
(CHROME_PATH, default /usr/bin/chromium) with its mobile profile and simulated
throttling, once per page: the anonymous home, catalogue and course page, and
a learner's lesson page and /my/ (with a session cookie this script makes).

    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/lighthouse.py [--runs 1]

Targets: accessibility 100, best practices >= 95, performance >= 95 on every
page; it exits 1 when a page misses one. With --runs N each page is measured N
times and the median printed (performance moves a few points between runs on a
busy machine). tests/e2e/test_lighthouse.py asserts the accessibility score of
the anonymous pages against the test server.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, bench_environment, prepare_database, setup_django  # noqa: E402

CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices")
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 95}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"


def lighthouse(url: str, categories=CATEGORIES, cookie: str | None = None) -> dict[str, int]:
    """Scores (0-100) of one page by category, Lighthouse's mobile profile.
    Raises RuntimeError with Lighthouse's own message when it cannot run."""
    if not LIGHTHOUSE.exists():
        raise RuntimeError("Lighthouse is not installed: run `npm ci`.")
    if not Path(CHROME).exists():
        raise RuntimeError(f"no Chromium at {CHROME} (apt-get install chromium, or CHROME_PATH)")
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(categories)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': cookie})}")
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROME}
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"lighthouse {url} failed:\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse {url}: {report['runtimeError']}")
    return {
        name: round(100 * (category["score"] or 0))
        for name, category in report["categories"].items()
    }


def site_with_media():
    """The site as WSGI application, plus /media/ (the demo's images), which in
    production the web server in front serves; without it every image is a 404
    and the scores leave out what the images cost. gunicorn calls this."""
    from django.conf import settings
    from whitenoise import WhiteNoise

    from lms.wsgi import application

    # autorefresh: renditions are made while pages render, after start-up.
    return WhiteNoise(
        application, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, autorefresh=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median printed)")
    options = parser.parse_args()
    if shutil.which("node") is None:
        raise SystemExit("Lighthouse needs Node.js (and `npm ci`).")

    from bench.pages import PAGES, free_port, gunicorn, prepare_learner, wait_until_up

    env = bench_environment(
        CACHE_KEY_PREFIX=f"bench-{uuid.uuid4().hex[:8]}",
        BENCH_STATIC_ROOT=tempfile.mkdtemp(prefix="lms-lighthouse-static-"),
    )
    if not env.get("REDIS_URL") or not env["DATABASE_URL"].startswith("postgres"):
        raise SystemExit("Production-like means PostgreSQL and Redis: set REDIS_URL.")
    prepare_database(env, ["collectstatic", "--noinput", "-v0"])
    setup_django(env)
    cookie = prepare_learner()
    port = free_port()
    server = gunicorn("bench.lighthouse:site_with_media()", port, ROOT, env)
    missed = []
    try:
        wait_until_up(port, "/healthz", server)
        print(f"Lighthouse, mobile profile, median of {options.runs} run(s) per page")
        print(f"{'page':<26}{'performance':>12}{'accessibility':>15}{'best practices':>16}")
        for target in PAGES:
            url = f"http://127.0.0.1:{port}{target.path}"
            runs = [
                lighthouse(url, cookie=cookie if target.logged_in else None)
                for _ in range(options.runs)
            ]
            scores = {name: int(statistics.median(r[name] for r in runs)) for name in CATEGORIES}
            print(
                f"{target.name:<26}{scores['performance']:>12}{scores['accessibility']:>15}"
                f"{scores['best-practices']:>16}"
            )
            missed += [
                f"{target.name}: {name} {scores[name]} < {goal}"
                for name, goal in GOALS.items()
                if scores[name] < goal
            ]
    finally:
        server.terminate()
        server.wait()
    if missed:
        print("\nBelow target:\n  " + "\n  ".join(missed))
        raise SystemExit(1)
    print("\nEvery page meets its targets.")


if __name__ == "__main__":
    main()
