import os
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from lms.celery import app as celery_app
from lms.tasks import send_email
from tests.workers import start_worker, stop_worker, tasks_sent_to

BASE_DIR = Path(settings.BASE_DIR)


def test_settings_ack_late_and_set_a_visibility_timeout_beyond_the_time_limit():
    """The settings that let a killed worker's tasks be delivered again; that
    they are is shown by tests/certificates/test_worker.py with real workers."""
    conf = celery_app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_serializer == "json"
    assert conf.accept_content == ["json"]
    timeout = conf.broker_transport_options["visibility_timeout"]
    assert conf.result_backend_transport_options["visibility_timeout"] == timeout
    # Longer than any task may run (or a running task would be handed out a
    # second time), far shorter than Redis's default hour.
    assert conf.task_time_limit < timeout
    assert timeout <= 15 * 60


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_account_mail_is_queued_after_commit_and_sent_by_the_task(client, homes):
    response = client.post(
        "/en/accounts/signup/",
        {
            "first_name": "Sanne",
            "last_name": "de Vries",
            "email": "queued@example.org",
            "password1": "long-enough-pw",
            "password2": "long-enough-pw",
        },
    )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["queued@example.org"]]


@pytest.fixture
def live_worker(redis_url, tmp_path):
    """A real `celery worker` process on its own queue, delivering mail to files."""
    queue = f"test-{uuid.uuid4().hex[:10]}"
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
        "DEBUG": "false",
        "REDIS_URL": redis_url,
        "CELERY_QUEUE": queue,
        "EMAIL_URL": f"file://{mail_dir}",
    }
    process = start_worker(env, concurrency=1)
    try:
        with tasks_sent_to(redis_url, queue):
            yield {"queue": queue, "mail_dir": mail_dir, "process": process}
    finally:
        stop_worker(process)


@pytest.mark.live_worker
def test_a_real_worker_on_redis_runs_a_task_end_to_end(live_worker):
    subject = f"Proef {uuid.uuid4().hex[:6]}"
    result = send_email.apply_async(
        kwargs={"subject": subject, "body": "Hallo", "to": ["trainer@example.org"]},
        queue=live_worker["queue"],
        ignore_result=False,  # kept only because this test asks for it
    )
    assert result.get(timeout=60) == 1

    deadline = time.monotonic() + 10
    files = []
    while time.monotonic() < deadline and not files:
        files = list(live_worker["mail_dir"].iterdir())
        time.sleep(0.1)
    assert len(files) == 1
    written = files[0].read_text()
    assert f"Subject: {subject}" in written
    assert "To: trainer@example.org" in written


@pytest.mark.live_worker
def test_a_mail_task_leaves_nothing_of_its_recipient_in_the_result_store(live_worker, redis_url):
    """What a task returns (or the traceback of its failure, which may name an
    address) is not kept in Redis: only the mail arrives."""
    import redis

    result = send_email.apply_async(
        kwargs={"subject": "Geen sporen", "body": "Hallo", "to": ["spoor@example.org"]},
        queue=live_worker["queue"],
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not list(live_worker["mail_dir"].iterdir()):
        time.sleep(0.1)
    assert len(list(live_worker["mail_dir"].iterdir())) == 1
    time.sleep(0.5)  # the worker would store a result right after sending
    store = redis.Redis.from_url(redis_url)
    assert store.exists(f"celery-task-meta-{result.id}") == 0
    assert not [key for key in store.scan_iter("celery-task-meta-*") if b"spoor" in store.get(key)]
