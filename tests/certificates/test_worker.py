"""Certificates through real Celery workers on Redis, with workers killed mid-run."""

import contextlib
import email
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Count

from certificates import services
from certificates.models import Certificate
from lms.celery import app as celery_app
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.live_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def start_worker(env):
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
            "2",
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "WARNING",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        start_new_session=True,
        stdout=open(os.environ.get("KILL_TEST_LOG", os.devnull), "a"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )


def kill_hard(process):
    """SIGKILL the worker and its pool processes, as a crashed machine would."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def _messages(raw: bytes):
    """The file e-mail backend writes each message followed by a line of dashes."""
    separator = b"\n" + b"-" * 79 + b"\n"
    return [email.message_from_bytes(chunk) for chunk in raw.split(separator) if chunk.strip()]


def test_a_hundred_certificates_survive_three_killed_workers(
    require_postgres, course, settings, tmp_path, monkeypatch
):
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        from tests.conftest import skip_or_fail

        skip_or_fail("needs Redis: set REDIS_URL to run real workers")
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    queue = f"test-cert-{uuid.uuid4().hex[:8]}"
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": redis_url,
        "CELERY_QUEUE": queue,
        "CELERY_VISIBILITY_TIMEOUT": "6",
        "CELERY_RESTORE_INTERVAL": "1",
        "EMAIL_URL": f"file://{mail_dir}",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "BASE_URL": "http://testserver",
    }
    saved = {
        k: celery_app.conf[k]
        for k in ("task_always_eager", "broker_url", "result_backend", "task_default_queue")
    }
    celery_app.conf.update(
        task_always_eager=False,
        broker_url=redis_url,
        result_backend=redis_url,
        task_default_queue=queue,
    )
    learners = [UserFactory(email=f"cursist{i}@example.org") for i in range(100)]
    started = time.monotonic()
    worker = start_worker(env)
    try:
        certificates = [services.issue_for_course(learner, course) for learner in learners]
        for _ in range(3):
            time.sleep(0.6)
            kill_hard(worker)
            worker = start_worker(env)
        deadline = started + int(os.environ.get("KILL_TEST_DEADLINE", "90"))
        while time.monotonic() < deadline:
            if (
                Certificate.objects.filter(
                    status=Certificate.Status.READY, emailed_at__isnull=False
                ).count()
                == 100
            ):
                break
            if os.environ.get("KILL_TEST_TRACE"):
                print(
                    f"{time.monotonic() - started:5.1f}s",
                    dict(Certificate.objects.values_list("status").annotate(n=Count("id"))),
                    Certificate.objects.filter(emailed_at__isnull=False).count(),
                    flush=True,
                )
            time.sleep(0.5)
        elapsed = time.monotonic() - started
    finally:
        kill_hard(worker)
        celery_app.conf.update(saved)

    ready = Certificate.objects.filter(status=Certificate.Status.READY)
    assert ready.count() == 100, f"{ready.count()} of 100 ready after {elapsed:.0f}s"
    assert elapsed < 90
    pdfs = sorted(p.name for p in (settings.MEDIA_ROOT / "certificates").iterdir())
    assert pdfs == sorted(f"{c.code}.pdf" for c in certificates)  # one PDF each, no copies
    mails = [
        part.get_payload(decode=True).decode()
        for path in mail_dir.iterdir()
        for message in _messages(path.read_bytes())
        for part in message.walk()
        if part.get_content_type() == "text/plain"
    ]
    assert len(mails) == 100
    for certificate in certificates:
        assert sum(certificate.code in mail for mail in mails) == 1, certificate.code
