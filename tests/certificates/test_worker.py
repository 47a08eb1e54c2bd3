"""Certificates through real Celery workers on Redis, with workers killed mid-run."""

import email
import os
import re
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection, transaction

from certificates import services
from certificates.models import Certificate
from tests.factories import UserFactory
from tests.workers import start_worker, stop_worker, tasks_sent_to

pytestmark = [
    pytest.mark.live_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DEADLINE = 90  # seconds for the whole run
CONCURRENCY = 2  # pool processes per worker
# What certificates.tasks logs when the broker hands a task out again.
DELIVERED_AGAIN = re.compile(r"Certificate (\d+): task delivered again")


def _messages(raw: bytes):
    """The file e-mail backend writes each message followed by a line of dashes."""
    separator = b"\n" + b"-" * 79 + b"\n"
    return [email.message_from_bytes(chunk) for chunk in raw.split(separator) if chunk.strip()]


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _locked(certificates) -> set[int]:
    """Those of `certificates` whose row a worker holds locked right now."""
    before = set(certificates.values_list("pk", flat=True))
    with transaction.atomic():
        free = set(certificates.select_for_update(skip_locked=True).values_list("pk", flat=True))
    return (before - free) & set(certificates.values_list("pk", flat=True))


def _kill_while_rendering(worker, deadline: float) -> set[int]:
    """SIGKILL the worker once it has finished a certificate and every one of
    its processes is rendering another, so that it dies with tasks in hand;
    returns the certificates it was rendering.

    rendering.generate holds a pending row's lock while it renders and stores
    the PDF. Killing only while every process renders keeps the kill out of
    two short windows that retries cannot close: a mail sent but not yet
    recorded (it would go out twice), and a message taken from Redis but not
    yet listed as unacknowledged (lost until requeue_stuck_certificates finds
    the certificate)."""
    ready = Certificate.objects.filter(status=Certificate.Status.READY)
    pending = Certificate.objects.filter(status=Certificate.Status.PENDING)
    ready_before = ready.count()
    while time.monotonic() < deadline:
        if ready.count() > ready_before and len(rendering := _locked(pending)) == CONCURRENCY:
            stop_worker(worker, hard=True)
            return rendering
        time.sleep(0.02)
    pytest.fail(f"the worker rendered nothing to kill it in ({ready.count()} of 100 ready)")


def test_a_hundred_certificates_survive_three_workers_killed_while_rendering(
    require_postgres, redis_url, course, settings, tmp_path
):
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    worker_log = tmp_path / "worker.log"
    queue = f"test-cert-{uuid.uuid4().hex[:8]}"
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": redis_url,
        "CELERY_QUEUE": queue,
        # Short, so a killed worker's tasks come back within the test's 90 s.
        "CELERY_VISIBILITY_TIMEOUT": "6",
        "CELERY_RESTORE_INTERVAL": "1",
        "EMAIL_URL": f"file://{mail_dir}",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        "BASE_URL": "http://testserver",
    }
    learners = [UserFactory(email=f"cursist{i}@example.org") for i in range(100)]
    started = time.monotonic()
    worker = start_worker(env, concurrency=CONCURRENCY, log=worker_log)
    rendering_when_killed = set()
    try:
        with tasks_sent_to(redis_url, queue):
            certificates = [services.issue_for_course(learner, course) for learner in learners]
        for _ in range(3):
            rendering_when_killed |= _kill_while_rendering(worker, started + DEADLINE)
            worker = start_worker(env, concurrency=CONCURRENCY, log=worker_log)
        done = Certificate.objects.filter(status=Certificate.Status.READY, emailed_at__isnull=False)
        while time.monotonic() < started + DEADLINE and done.count() < 100:
            time.sleep(0.5)
        elapsed = time.monotonic() - started
    finally:
        stop_worker(worker, hard=True)

    unfinished = list(
        Certificate.objects.exclude(status=Certificate.Status.READY).values_list(
            "pk", "status", "failure"
        )
    )
    assert unfinished == [], f"not ready after {elapsed:.0f}s; see {worker_log}"
    assert elapsed < DEADLINE
    # A task that a killed worker held was handed out again and finished.
    delivered_again = {int(pk) for pk in DELIVERED_AGAIN.findall(worker_log.read_text())}
    assert rendering_when_killed & delivered_again, (rendering_when_killed, delivered_again)
    # One PDF each in the private storage (a killed run's file was replaced,
    # not copied), none in public media.
    for certificate in certificates:
        certificate.refresh_from_db()
    assert _files(Path(settings.PRIVATE_MEDIA_ROOT)) == sorted(c.pdf.name for c in certificates)
    assert _files(Path(settings.MEDIA_ROOT)) == []
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
