"""Certificates through real Celery workers on Redis, with workers killed mid-run."""

import email
import os
import time
import uuid

import pytest
from django.db import connection

from certificates import services
from certificates.models import Certificate
from tests.factories import UserFactory
from tests.workers import start_worker, stop_worker, tasks_sent_to

pytestmark = [
    pytest.mark.live_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _messages(raw: bytes):
    """The file e-mail backend writes each message followed by a line of dashes."""
    separator = b"\n" + b"-" * 79 + b"\n"
    return [email.message_from_bytes(chunk) for chunk in raw.split(separator) if chunk.strip()]


def test_a_hundred_certificates_survive_three_killed_workers(
    require_postgres, redis_url, course, settings, tmp_path
):
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
        # Short, so a killed worker's tasks come back within the test's 90 s.
        "CELERY_VISIBILITY_TIMEOUT": "6",
        "CELERY_RESTORE_INTERVAL": "1",
        "EMAIL_URL": f"file://{mail_dir}",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "BASE_URL": "http://testserver",
    }
    learners = [UserFactory(email=f"cursist{i}@example.org") for i in range(100)]
    started = time.monotonic()
    worker = start_worker(env, concurrency=2)
    try:
        with tasks_sent_to(redis_url, queue):
            certificates = [services.issue_for_course(learner, course) for learner in learners]
        for _ in range(3):
            time.sleep(0.6)
            stop_worker(worker, hard=True)
            worker = start_worker(env, concurrency=2)
        done = Certificate.objects.filter(status=Certificate.Status.READY, emailed_at__isnull=False)
        while time.monotonic() < started + 90 and done.count() < 100:
            time.sleep(0.5)
        elapsed = time.monotonic() - started
    finally:
        stop_worker(worker, hard=True)

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
