"""The periodic school-lesson tasks: a reminder two days before each lesson
(school and both trainers, once) and, after the last lesson, "delivered" with
the evaluation invitation (once)."""

from datetime import datetime, time, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from bookings import school_beat
from bookings.models import SchoolLessonRequest
from lms.celery import app

from .school_factories import link_in, proposed_request

Status = SchoolLessonRequest.Status


def confirmed(**kwargs):
    request = proposed_request(**kwargs)
    request.status = Status.CONFIRMED
    request.answer_token = ""
    request.save()
    return request


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def lesson_dates(request):
    return [school_class.session.date for school_class in request.classes.all()]


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run_(task, now=None):
        with django_capture_on_commit_callbacks(execute=True):
            return task(now)

    return run_


# --- Reminders ---------------------------------------------------------------------------


def test_the_school_and_both_trainers_are_reminded_once_per_lesson(db, run):
    request = confirmed(classes=1, days_ahead=0, contact_email="sanne@example.org")
    day = lesson_dates(request)[0]
    now = at(day - timedelta(days=2), 8)
    assert run(school_beat.send_lesson_reminders, now) == 1
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert len(by_recipient) == 3
    school_mail = by_recipient["sanne@example.org"]
    assert school_mail.subject == f"Reminder: prevention lesson on {day:%d-%m-%Y}"
    assert "Anouk, Bram" in school_mail.body
    trainer_mails = [m for to, m in by_recipient.items() if to != "sanne@example.org"]
    assert {m.body.split(",")[0] for m in trainer_mails} == {
        "Beste Anouk",
        "Beste Bram",
    }  # trainers read Dutch
    assert run(school_beat.send_lesson_reminders, now) == 0
    assert len(mail.outbox) == 3


def test_no_reminder_earlier_than_two_days_before(db, run):
    request = confirmed(classes=1, days_ahead=0)
    now = at(lesson_dates(request)[0] - timedelta(days=3), 8)
    assert run(school_beat.send_lesson_reminders, now) == 0
    assert mail.outbox == []


def test_no_reminder_for_a_proposal_not_yet_accepted(db, run):
    request = proposed_request(classes=1, days_ahead=0)
    now = at(lesson_dates(request)[0] - timedelta(days=1), 8)
    assert run(school_beat.send_lesson_reminders, now) == 0


def test_no_reminder_for_a_cancelled_lesson(db, run):
    request = confirmed(classes=1, days_ahead=0)
    session = request.classes.get().session
    session.cancelled_at = timezone.now()
    session.save()
    assert run(school_beat.send_lesson_reminders, at(session.date, 7)) == 0


# --- Delivered and the evaluation invitation -------------------------------------------------


def test_after_the_last_lesson_the_school_is_invited_to_evaluate_once(db, run):
    request = confirmed(classes=2, days_ahead=0, contact_email="sanne@example.org")
    day = lesson_dates(request)[0]
    assert run(school_beat.deliver_finished, at(day, 12)) == 0  # the second ends at 12:30
    assert run(school_beat.deliver_finished, at(day, 12, 45)) == 1
    request.refresh_from_db()
    assert request.status == Status.DELIVERED and request.evaluation_token
    (message,) = mail.outbox
    assert message.to == ["sanne@example.org"]
    assert message.subject == "How were the prevention lessons?"
    assert link_in(message, "/evaluation/") == f"/en/schools/evaluation/{request.evaluation_token}/"
    assert run(school_beat.deliver_finished, at(day, 13)) == 0
    assert len(mail.outbox) == 1


def test_a_request_not_confirmed_is_not_delivered(db, run):
    request = proposed_request(classes=1, days_ahead=0)
    assert run(school_beat.deliver_finished, at(lesson_dates(request)[0] + timedelta(1), 9)) == 0


def test_the_tasks_are_scheduled(db):
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    for name in (
        "bookings.school_beat.remind_school_lessons",
        "bookings.school_beat.deliver_finished_school_lessons",
    ):
        assert name in scheduled and name in app.tasks
