"""Real Celery workers for the tests that need them (they run in CI)."""

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from lms.celery import app as celery_app


def start_worker(env: dict, *, concurrency: int, log: Path | None = None) -> subprocess.Popen:
    """`celery worker` on env["CELERY_QUEUE"], in its own process group. Its
    output is appended to `log`, else to $WORKER_TEST_LOG when set (to read a
    failing run)."""
    log = log or Path(os.environ.get("WORKER_TEST_LOG", os.devnull))
    with open(log, "a") as output:  # the worker keeps its own copy of the handle
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "lms",
                "worker",
                "--queues",
                env["CELERY_QUEUE"],
                "--concurrency",
                str(concurrency),
                "--without-gossip",
                "--without-mingle",
                "--loglevel",
                "WARNING",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            start_new_session=True,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def stop_worker(process: subprocess.Popen, *, hard: bool = False) -> None:
    """Stop the worker and its pool; `hard` is SIGKILL, as a crashed machine would."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL if hard else signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@contextlib.contextmanager
def tasks_sent_to(redis_url: str, queue: str):
    """Send this process's tasks to Redis on `queue` instead of running them eagerly."""
    keys = ("task_always_eager", "broker_url", "result_backend", "task_default_queue")
    saved = {key: celery_app.conf[key] for key in keys}
    celery_app.conf.update(
        task_always_eager=False,
        broker_url=redis_url,
        result_backend=redis_url,
        task_default_queue=queue,
    )
    try:
        yield
    finally:
        celery_app.conf.update(saved)
