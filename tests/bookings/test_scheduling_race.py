"""Two coordinators proposing at the same moment with the same trainer: the
trainers' row locks serve them one after the other, so one wins and the
other is refused with the clash; crossed pairs do not deadlock."""

import contextlib
import threading
from datetime import time

import pytest
from django.db import connection
from django.utils import translation

from bookings import school_scheduling as scheduling
from bookings.school_scheduling import PlannedLesson
from lms.errors import Refused
from tests.bookings.scheduling_factories import TUESDAY, lesson_request, lesson_trainer, school
from workshops.models import Assignment

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def race(monkeypatch, proposals):
    """Run the proposals in threads that meet just before reading calendars."""
    meeting = threading.Barrier(len(proposals), timeout=3)
    original = scheduling.check_plan

    def meet_then_check(*args, **kwargs):
        # Broken barrier: the other one waits on a trainer's lock, as it should.
        with contextlib.suppress(threading.BrokenBarrierError):
            meeting.wait()
        return original(*args, **kwargs)

    monkeypatch.setattr(scheduling, "check_plan", meet_then_check)
    results, errors = [], []

    def run(request, plan):
        try:
            with translation.override("en"):
                results.append(scheduling.propose(request, plan, by=None))
        except Refused as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=args) for args in proposals]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)
    return results, errors


def plan(request, start, trainers):
    school_class = request.classes.get()
    return [PlannedLesson(school_class.pk, TUESDAY, start, tuple(t.pk for t in trainers))]


def test_two_proposals_with_one_trainer_at_once_give_one_lesson(require_postgres, monkeypatch):
    anna, bram, cem = lesson_trainer("Anna"), lesson_trainer("Bram"), lesson_trainer("Cem")
    north = lesson_request(of_school=school("Demo College Noord"))
    south = lesson_request(of_school=school("Demo Lyceum Zuid"))
    results, errors = race(
        monkeypatch,
        [
            (north, plan(north, time(9, 0), (anna, bram))),
            (south, plan(south, time(10, 0), (anna, cem))),
        ],
    )
    assert len(results) == 1 and len(errors) == 1
    assert errors[0].status == 409 and "Anna Demo is already booked" in errors[0].message
    assert Assignment.objects.filter(trainer=anna).count() == 1


def test_crossed_pairs_at_once_do_not_deadlock(require_postgres, monkeypatch):
    anna, bram = lesson_trainer("Anna"), lesson_trainer("Bram")
    north = lesson_request(of_school=school("Demo College Noord"))
    south = lesson_request(of_school=school("Demo Lyceum Zuid"))
    results, errors = race(
        monkeypatch,
        [
            (north, plan(north, time(9, 0), (anna, bram))),
            (south, plan(south, time(9, 30), (bram, anna))),
        ],
    )
    assert len(results) == 1 and len(errors) == 1 and errors[0].status == 409
    assert Assignment.objects.count() == 2
