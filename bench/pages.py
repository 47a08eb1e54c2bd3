"""Requests per second, p95 latency and SQL queries of five pages, against the bare floor.

A benchmark, not a test: it prints figures. Two gunicorns with the same options
(2 sync workers) run side by side on 127.0.0.1:

- the floor: a bare Django app with one view and CommonMiddleware only
  (/work/shared/bench/hello.py, or --floor / BENCH_FLOOR), which is as fast as
  a Django page can be on this machine;
- the site with production settings (DEBUG off, PostgreSQL, Redis cache and
  cached_db sessions, hashed static files), on a fresh demo database.

wrk (2 threads, 16 connections) measures, alternating in rounds, the floor and
the anonymous home, catalogue and course pages, and a learner's lesson page and
/my/ (logged in through a session made by this script, so no log-in form or
second factor is involved). Each page is then printed as a share of the floor,
with the SQL queries of one warm request counted in-process, for the demo data
and again for a learner with many courses and a course with many lessons.

    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/pages.py \\
        [--rounds 3] [--seconds 5] [--floor /work/shared/bench/hello.py] \\
        [--settings bench.settings]

`--settings` runs the site with another settings module (on PYTHONPATH), e.g.
one that imports bench.settings and changes MIDDLEWARE, to compare a variant.
The machine's load average is printed with the figures: on a shared machine
compare only runs made under similar load.

Needs wrk (Debian/Ubuntu: `sudo apt-get install wrk`; macOS: `brew install wrk`).
Uses DATABASE_URL (default: a fresh PostgreSQL database lms_bench on 127.0.0.1).
Targets: anonymous pages >= 60% of the floor; the logged-in lesson page and /my/
>= 10%, with the same number of queries for few and many lessons and enrolments.
"""

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, bench_environment, prepare_database, setup_django  # noqa: E402

DEFAULT_FLOOR = "/work/shared/bench/hello.py"
FLOOR_PATH = "/hello/"
COURSE_SLUG = "signalen-mensenhandel-herkennen"
COURSE = f"/nl/aanbod/{COURSE_SLUG}/"
LESSON = f"{COURSE}risicofactoren/"  # the third lesson; the learner did the first two
# The larger data set for counting queries: a course of this many lessons and
# a learner enrolled in this many courses.
MANY_LESSONS = 60
MANY_COURSES = 20


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    logged_in: bool = False
    goal: float = 0.0  # the share of the floor to reach


PAGES = [
    Target("anonymous home", "/nl/", goal=0.6),
    Target("anonymous catalogue", "/nl/aanbod/", goal=0.6),
    Target("anonymous course page", COURSE, goal=0.6),
    Target("logged-in lesson page", LESSON, logged_in=True, goal=0.1),
    Target("logged-in /my/", "/nl/my/", logged_in=True, goal=0.1),
]

# Prints the 95th percentile and the error counts after wrk's own summary.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("p95_us %d\\n", latency:percentile(95)))
  io.write(string.format("errors %d\\n", e.connect + e.read + e.write + e.status + e.timeout))
end
"""
# The same, counting every answer but a 200 as an error (wrk itself accepts
# redirects, which is what a lost session would give). Slower, so only for the
# warm-up: Lua sees each response.
WRK_CHECKING_SCRIPT = """
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function(args) not_ok = 0 end
response = function(status, headers, body) if status ~= 200 then not_ok = not_ok + 1 end end
done = function(summary, latency, requests)
  local e = summary.errors
  local total = e.connect + e.read + e.write + e.status + e.timeout
  for _, thread in ipairs(threads) do total = total + thread:get("not_ok") end
  io.write(string.format("p95_us %d\\n", latency:percentile(95)))
  io.write(string.format("errors %d\\n", total))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn(app: str, port: int, cwd: Path, env: dict) -> subprocess.Popen:
    """The same server options for the floor and the site."""
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", app),
            *("--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"),
        ],
        cwd=cwd,
        env=env,
    )


def get(port: int, path: str, cookie: str | None = None) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def wait_until_up(port: int, path: str, server: subprocess.Popen) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise SystemExit(f"the server for {path} exited with {server.returncode}")
        try:
            get(port, path)
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing answers {path} on port {port}")


def wrk(url: str, seconds: float, script: str, cookie: str | None) -> tuple[float, float]:
    """Requests per second and p95 latency (ms) of `url`."""
    command = ["wrk", "-t2", "-c16", f"-d{seconds:g}s", "-s", script, url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p95 = int(re.search(r"p95_us (\d+)", output).group(1)) / 1000
    errors = int(re.search(r"errors (\d+)", output).group(1))
    if errors:
        raise SystemExit(f"{url}: {errors} errors or unexpected answers under load\n{output}")
    return rate, p95


def learner_cookie(email: str) -> str:
    """A Cookie header for a logged-in session of `email`, made as the log-in would."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from lms.models import User

    user = User.objects.get(email=email)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def prepare_learner() -> str:
    """The demo learner, enrolled in the e-learning with its first two lessons done."""
    from courses.models import CoursePage, LessonPage
    from courses.services import enroll, mark_lesson_done
    from lms.models import User

    user = User.objects.get(email="leerling@example.org")
    course = CoursePage.objects.get(slug=COURSE_SLUG, locale__language_code="nl")
    enroll(user, course)
    for lesson in LessonPage.objects.child_of(course).live().order_by("path")[:2]:
        mark_lesson_done(user, lesson)
    return learner_cookie(user.email)


def prepare_large() -> dict[str, tuple[str, str]]:
    """A learner in MANY_COURSES e-learnings (each with a quiz like the demo's),
    one of MANY_LESSONS lessons, with half of each done and 200 other learners
    in the big course. Returns, by page name, the path and cookie to count the
    queries of at this size."""
    from courses.choices import Format
    from courses.models import (
        CourseIndexPage,
        CoursePage,
        Enrollment,
        LessonPage,
        QuizPage,
    )
    from courses.services import enroll
    from lms import pagecache
    from lms.models import User

    catalogue = CourseIndexPage.objects.get(slug="aanbod", locale__language_code="nl")
    template = CoursePage.objects.get(slug=COURSE_SLUG, locale__language_code="nl")
    quiz = QuizPage.objects.child_of(template).get()
    learner = User.objects.create(username="bench-many", email="veel@example.org")
    courses = []
    for i in range(MANY_COURSES):
        course = CoursePage(
            title=f"Bench-cursus {i}",
            slug=f"bench-{i}",
            locale=template.locale,
            format=Format.ELEARNING,
            sequential=True,
            **{f: getattr(template, f) for f in ("summary", "audience", "theme", "duration")},
            learning_goals=template.learning_goals,
        )
        catalogue.add_child(instance=course)
        count = MANY_LESSONS if i == 0 else 6
        for j in range(count):
            course.add_child(
                instance=LessonPage(
                    title=f"Les {j}",
                    slug=f"les-{j}",
                    locale=template.locale,
                    body=[("paragraph", f"<p>Les {j} van cursus {i}.</p>")],
                )
            )
        course.add_child(
            instance=QuizPage(
                title="Toets",
                slug="toets",
                locale=template.locale,
                questions=list(quiz.questions.raw_data),
            )
        )
        courses.append(course)
    for course in courses:
        enrollment = enroll(learner, course)
        lessons = list(course.lessons())
        enrollment.lessons_done.bulk_create(
            enrollment.lessons_done.model(enrollment=enrollment, lesson_key=lesson.translation_key)
            for lesson in lessons[: len(lessons) // 2]
        )
    others = User.objects.bulk_create(
        User(username=f"bench-other-{n}", email=f"ander{n}@example.org") for n in range(200)
    )
    Enrollment.objects.bulk_create(
        Enrollment(user=user, course_key=courses[0].translation_key) for user in others
    )
    pagecache.invalidate()  # as a publish would
    cookie = learner_cookie(learner.email)
    middle = list(courses[0].lessons())[MANY_LESSONS // 2]
    return {
        "anonymous home": ("/nl/", None),
        "anonymous catalogue": ("/nl/aanbod/", None),
        "anonymous course page": (courses[0].url, None),
        "logged-in lesson page": (middle.url, cookie),
        "logged-in /my/": ("/nl/my/", cookie),
    }


def count_queries(path: str, cookie: str | None) -> int:
    """SQL queries of one request to `path` after a first one warmed the caches."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if cookie:
        name, value = cookie.split("=", 1)
        client.cookies[name] = value
    first = client.get(path)
    if first.status_code != 200:
        raise SystemExit(f"{path}: {first.status_code} in-process")
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument(
        "--floor",
        default=os.environ.get("BENCH_FLOOR", DEFAULT_FLOOR),
        help="the bare Django app to compare with (default: $BENCH_FLOOR or %(default)s)",
    )
    parser.add_argument(
        "--settings",
        default="bench.settings",
        help="settings module of the site, to compare a variant (default: %(default)s)",
    )
    options = parser.parse_args()

    if shutil.which("wrk") is None:
        raise SystemExit(
            "wrk is not installed: `sudo apt-get install wrk` (Debian/Ubuntu) "
            "or `brew install wrk` (macOS)."
        )
    floor = Path(options.floor).resolve()
    if not floor.is_file():
        raise SystemExit(f"no floor app at {floor} (set --floor or BENCH_FLOOR)")
    env = bench_environment(
        # Its own cache namespace, so other runs on the same Redis do not interfere.
        CACHE_KEY_PREFIX=f"bench-{uuid.uuid4().hex[:8]}",
        DJANGO_SETTINGS_MODULE=options.settings,
    )
    if not env.get("REDIS_URL") or not env["DATABASE_URL"].startswith("postgres"):
        raise SystemExit("Production-like means PostgreSQL and Redis: set REDIS_URL.")
    prepare_database(env, ["collectstatic", "--noinput", "-v0"])
    setup_django(env)
    cookie = prepare_learner()

    floor_port, site_port = free_port(), free_port()
    floor_env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    servers = [
        gunicorn(f"{floor.stem}:application", floor_port, floor.parent, floor_env),
        gunicorn("lms.wsgi", site_port, ROOT, env),
    ]
    scripts = Path(tempfile.mkdtemp(prefix="lms-bench-wrk-"))
    script, checking_script = scripts / "p95.lua", scripts / "check.lua"
    script.write_text(WRK_SCRIPT)
    checking_script.write_text(WRK_CHECKING_SCRIPT)
    floor_target = Target("floor (bare Django)", FLOOR_PATH)
    targets = [floor_target, *PAGES]
    results: dict[str, tuple[list, list]] = {t.name: ([], []) for t in targets}
    load_before = os.getloadavg()[0]
    try:
        wait_until_up(floor_port, FLOOR_PATH, servers[0])
        wait_until_up(site_port, "/healthz", servers[1])
        for target in targets:  # each answers 200 (a lost session would redirect)
            port = floor_port if target is floor_target else site_port
            status = get(port, target.path, cookie if target.logged_in else None).status
            if status != 200:
                raise SystemExit(f"{target.path} answers {status}, not 200")
        for target in targets:  # warm up (caches, connections, imports), all 200s
            port = floor_port if target is floor_target else site_port
            wrk(
                f"http://127.0.0.1:{port}{target.path}",
                1,
                str(checking_script),
                cookie if target.logged_in else None,
            )
        for _ in range(options.rounds):
            for target in targets:
                port = floor_port if target is floor_target else site_port
                rate, p95 = wrk(
                    f"http://127.0.0.1:{port}{target.path}",
                    options.seconds,
                    str(script),
                    cookie if target.logged_in else None,
                )
                results[target.name][0].append(rate)
                results[target.name][1].append(p95)
        load_after = os.getloadavg()[0]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=10)

    queries = {t.name: count_queries(t.path, cookie if t.logged_in else None) for t in PAGES}
    large = {name: count_queries(*request) for name, request in prepare_large().items()}

    floor_rate = statistics.median(results[floor_target.name][0])
    print(
        f"gunicorn, 2 sync workers each; wrk -t2 -c16, {options.rounds} rounds x "
        f"{options.seconds:g}s, medians; {os.cpu_count()} CPUs, load average "
        f"{load_before:.1f} before, {load_after:.1f} after; floor: {floor}"
    )
    print(
        f"site: {options.settings} (production: DEBUG off, PostgreSQL, Redis cache); queries: "
        f"one warm request, demo data | a learner in {MANY_COURSES} courses, a lesson of "
        f"{MANY_LESSONS}"
    )
    print(f"{'page':<24}{'req/s':>8}{'p95 ms':>8}{'floor':>7}{'goal':>6}{'queries':>9}{'large':>7}")
    for target in targets:
        rates, p95s = results[target.name]
        rate = statistics.median(rates)
        if target is floor_target:
            goal, counts = "", ("", "")
        else:
            reached = rate / floor_rate >= target.goal
            goal = f"{target.goal:.0%}{'' if reached else '!'}"
            counts = (queries[target.name], large[target.name])
        print(
            f"{target.name:<24}{rate:>8.0f}{statistics.median(p95s):>8.1f}"
            f"{rate / floor_rate:>7.0%}{goal:>6}{counts[0]:>9}{counts[1]:>7}"
        )
    print(
        "goal: the share of the floor to reach (! = not reached); queries should be the "
        "same in both columns"
    )


if __name__ == "__main__":
    main()
