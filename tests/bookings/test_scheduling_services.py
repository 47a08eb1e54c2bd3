"""The coordinator's workflow for a school's request: review, propose a date,
a start time and two trainers per class (the hard rules refused by the
service itself, the soft ones only with an override), propose again, decline
or cancel. Trainers are mailed with calendar files read back with icalendar."""

from datetime import date, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from icalendar import Calendar

from bookings import school_scheduling as scheduling
from bookings.models import SchoolLessonRequest
from bookings.school_scheduling import PlannedLesson
from lms.errors import Refused
from tests.bookings.scheduling_factories import (
    TUESDAY,
    lesson_request,
    lesson_trainer,
    school,
)
from tests.workshops.factories import SessionFactory, TrainerFactory, VenueFactory
from workshops.choices import Programme
from workshops.models import Assignment, SchoolHoliday, Session, Unavailability

pytestmark = pytest.mark.django_db

Status = SchoolLessonRequest.Status


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def pair():
    return lesson_trainer("Anna"), lesson_trainer("Bram")


def plan_for(request, *when, trainers):
    """One PlannedLesson per class, in class order, with (date, start) each."""
    ids = tuple(t.pk for t in trainers)
    return [
        PlannedLesson(school_class.pk, day, start, ids)
        for school_class, (day, start) in zip(request.classes.all(), when, strict=True)
    ]


def propose(request, *when, trainers, capture, **options):
    with capture(execute=True):
        return scheduling.propose(
            request, plan_for(request, *when, trainers=trainers), by=None, **options
        )


def events(message):
    [(_name, content, _mimetype)] = message.attachments
    calendar = Calendar.from_ical(content)
    return calendar, list(calendar.walk("VEVENT"))


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


def busy(trainer, day, start, end, **place):
    place = place or {"venue": VenueFactory(name="Wijkcentrum Zuid")}
    session = SessionFactory(
        training_day=None, date=day, starts_at_time=start, ends_at_time=end, **place
    )
    Assignment.objects.create(session=session, trainer=trainer)
    return session


# --- Review --------------------------------------------------------------------------


def test_a_new_request_is_taken_into_review():
    request = lesson_request(Status.REQUESTED)
    scheduling.start_review(request, by=None)
    request.refresh_from_db()
    assert request.status == Status.IN_REVIEW


def test_only_a_new_request_can_be_taken_into_review():
    request = lesson_request(Status.PROPOSED)
    with pytest.raises(Refused) as refused:
        scheduling.start_review(request, by=None)
    assert refused.value.status == 409


# --- A proposal ------------------------------------------------------------------------


def test_a_proposal_makes_a_90_minute_lesson_at_the_school_per_class(
    pair, django_capture_on_commit_callbacks
):
    request = lesson_request(classes=("2B", "3A"))
    propose(
        request,
        (TUESDAY, time(9, 0)),
        (TUESDAY, time(10, 30)),
        trainers=pair,
        capture=django_capture_on_commit_callbacks,
    )
    request.refresh_from_db()
    sessions = [c.session for c in request.classes.all()]
    assert [(s.starts_at_time, s.ends_at_time) for s in sessions] == [
        (time(9, 0), time(10, 30)),
        (time(10, 30), time(12, 0)),
    ]
    assert {s.programme for s in sessions} == {Programme.PREVENTION_LESSON}
    assert {s.location for s in sessions} == {request.school.one_line}
    assert all(set(s.trainers.all()) == set(pair) for s in sessions)
    assert request.status == Status.PROPOSED
    assert len(request.answer_token) >= 30
    expires_in = request.answer_token_expires_at - timezone.now()
    assert timedelta(days=13, hours=23) < expires_in <= timedelta(days=14)


def test_the_school_and_each_trainer_are_mailed(pair, django_capture_on_commit_callbacks):
    request = lesson_request()
    mail.outbox.clear()
    propose(
        request, (TUESDAY, time(9, 0)), trainers=pair, capture=django_capture_on_commit_callbacks
    )
    assert len(to("contact@example.org")) == 1
    anna_mails = to(pair[0].user.email)
    assert len(anna_mails) == 1
    assert "Bram Demo" in anna_mails[0].body and "Demo College Noord" in anna_mails[0].body
    calendar, [event] = events(anna_mails[0])
    assert calendar["method"] == "REQUEST"
    session = request.classes.get().session
    assert str(event["uid"]).startswith(f"trainer-{pair[0].pk}-session-{session.pk}@")
    assert event["sequence"] == 0
    assert event.decoded("dtstart") == session.starts_at
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=90)


# --- Dates that are never proposed ---------------------------------------------------------


@pytest.mark.parametrize(
    "day,expected",
    [
        (date(2030, 5, 30), "holiday"),  # Ascension Day
        (date(2030, 3, 9), "weekend"),  # a Saturday
    ],
)
def test_a_holiday_or_weekend_is_refused(pair, day, expected):
    request = lesson_request()
    with pytest.raises(Refused, match=expected) as refused:
        scheduling.propose(request, plan_for(request, (day, time(9, 0)), trainers=pair), by=None)
    assert refused.value.status == 400
    assert not Session.objects.exists()


def test_a_school_holiday_is_refused_naming_it(pair):
    SchoolHoliday.objects.create(name="Voorjaarsvakantie", starts_on=TUESDAY, ends_on=TUESDAY)
    request = lesson_request()
    with pytest.raises(Refused, match="Voorjaarsvakantie"):
        scheduling.propose(
            request, plan_for(request, (TUESDAY, time(9, 0)), trainers=pair), by=None
        )


def test_a_date_in_the_past_is_refused(pair):
    request = lesson_request()
    yesterday = timezone.localdate() - timedelta(days=1)
    with pytest.raises(Refused, match="passed"):
        scheduling.propose(
            request, plan_for(request, (yesterday, time(9, 0)), trainers=pair), by=None
        )


# --- The pair --------------------------------------------------------------------------


def test_one_trainer_twice_is_refused(pair):
    request = lesson_request()
    with pytest.raises(Refused, match="two different trainers") as refused:
        scheduling.propose(
            request,
            plan_for(request, (TUESDAY, time(9, 0)), trainers=(pair[0], pair[0])),
            by=None,
        )
    assert refused.value.status == 400


def test_a_trainer_not_qualified_for_the_lesson_is_refused(pair):
    other = TrainerFactory(user__first_name="Eva", programmes=[Programme.GIRLS_TALK])
    request = lesson_request()
    with pytest.raises(Refused, match="Eva.*not qualified") as refused:
        scheduling.propose(
            request, plan_for(request, (TUESDAY, time(9, 0)), trainers=(pair[0], other)), by=None
        )
    assert refused.value.status == 409
    assert not Session.objects.exists()


def test_every_class_needs_a_lesson(pair):
    request = lesson_request(classes=("2B", "3A"))
    with pytest.raises(Refused, match="every class"):
        scheduling.propose(
            request,
            plan_for(request, (TUESDAY, time(9, 0)), (TUESDAY, time(13, 0)), trainers=pair)[:1],
            by=None,
        )


# --- Hard clashes ---------------------------------------------------------------------


def test_back_to_back_lessons_at_the_same_school_are_fine(pair, django_capture_on_commit_callbacks):
    request = lesson_request(classes=("2B", "3A"))
    propose(
        request,
        (TUESDAY, time(9, 0)),
        (TUESDAY, time(10, 30)),
        trainers=pair,
        capture=django_capture_on_commit_callbacks,
    )
    assert Session.objects.count() == 2


def test_back_to_back_at_another_place_is_refused_without_travel_time(pair):
    busy(pair[0], TUESDAY, time(8, 0), time(9, 0))
    request = lesson_request()
    with pytest.raises(Refused, match="Wijkcentrum Zuid.*travel time") as refused:
        scheduling.propose(
            request, plan_for(request, (TUESDAY, time(9, 0)), trainers=pair), by=None
        )
    assert refused.value.status == 409
    assert not request.classes.get().session


def test_with_enough_travel_time_another_place_is_fine(pair, django_capture_on_commit_callbacks):
    busy(pair[0], TUESDAY, time(8, 0), time(9, 0))
    request = lesson_request()
    propose(
        request, (TUESDAY, time(9, 45)), trainers=pair, capture=django_capture_on_commit_callbacks
    )
    assert request.classes.get().session is not None


def test_two_classes_at_once_cannot_share_a_trainer(pair):
    request = lesson_request(classes=("2B", "3A"))
    with pytest.raises(Refused, match="already booked"):
        scheduling.propose(
            request,
            plan_for(request, (TUESDAY, time(9, 0)), (TUESDAY, time(10, 0)), trainers=pair),
            by=None,
        )


def test_an_unavailable_trainer_is_refused(pair):
    Unavailability.objects.create(trainer=pair[1], starts_on=TUESDAY, ends_on=TUESDAY)
    request = lesson_request()
    with pytest.raises(Refused, match="Bram Demo is unavailable"):
        scheduling.propose(
            request, plan_for(request, (TUESDAY, time(9, 0)), trainers=pair), by=None
        )


# Monday 1 April 2030 follows the last Sunday of March (summer time starts);
# Monday 28 October 2030 the last Sunday of October (winter time).
@pytest.mark.parametrize("monday", [date(2030, 4, 1), date(2030, 10, 28)])
def test_the_clock_change_weekend_does_not_shift_the_travel_time(
    pair, monday, django_capture_on_commit_callbacks
):
    busy(pair[0], monday, time(9, 0), time(10, 30))
    request = lesson_request()
    with pytest.raises(Refused, match="travel time"):
        scheduling.propose(
            request, plan_for(request, (monday, time(11, 0)), trainers=pair), by=None
        )
    propose(
        request, (monday, time(11, 15)), trainers=pair, capture=django_capture_on_commit_callbacks
    )
    session = request.classes.get().session
    assert session.starts_at.utcoffset() == timedelta(hours=2 if monday.month == 4 else 1)


def test_the_daily_maximum_is_kept():
    anna = lesson_trainer("Anna", max_sessions_per_day=1)
    busy(anna, TUESDAY, time(14, 0), time(15, 0))
    request = lesson_request()
    with pytest.raises(Refused, match="maximum of 1 sessions on"):
        scheduling.propose(
            request,
            plan_for(request, (TUESDAY, time(9, 0)), trainers=(anna, lesson_trainer("Bram"))),
            by=None,
        )


def test_the_weekly_maximum_is_kept():
    anna = lesson_trainer("Anna", max_sessions_per_week=2)
    busy(anna, TUESDAY - timedelta(days=1), time(9, 0), time(10, 0))
    busy(anna, TUESDAY + timedelta(days=2), time(9, 0), time(10, 0))
    request = lesson_request()
    with pytest.raises(Refused, match="maximum of 2 sessions in that week"):
        scheduling.propose(
            request,
            plan_for(request, (TUESDAY, time(9, 0)), trainers=(anna, lesson_trainer("Bram"))),
            by=None,
        )


def test_a_cancelled_session_does_not_block_the_trainer(pair, django_capture_on_commit_callbacks):
    session = busy(pair[0], TUESDAY, time(9, 0), time(10, 30))
    session.cancelled_at = timezone.now()
    session.save()
    request = lesson_request()
    propose(
        request, (TUESDAY, time(9, 0)), trainers=pair, capture=django_capture_on_commit_callbacks
    )
    assert request.classes.get().session is not None


# --- Soft rules ------------------------------------------------------------------------


def test_a_trainer_from_another_region_needs_an_override(django_capture_on_commit_callbacks):
    anna, bram = lesson_trainer("Anna"), lesson_trainer("Bram", region="Schiedam")
    request = lesson_request()
    with pytest.raises(Refused, match="Bram Demo does not work in Rotterdam") as refused:
        scheduling.propose(
            request, plan_for(request, (TUESDAY, time(9, 0)), trainers=(anna, bram)), by=None
        )
    assert refused.value.status == 409
    assert "override soft rules" in refused.value.message
    proposal = propose(
        request,
        (TUESDAY, time(9, 0)),
        trainers=(anna, bram),
        capture=django_capture_on_commit_callbacks,
        override_soft=True,
    )
    assert proposal.warnings == ["Bram Demo does not work in Rotterdam."]
    assert request.classes.get().session is not None


def test_a_trainer_with_a_high_load_needs_an_override(pair, django_capture_on_commit_callbacks):
    anna, bram = pair
    lesson_trainer("Cem")
    for day in (4, 6, 7, 11, 12):
        busy(anna, date(2030, 3, day) + timedelta(days=14), time(9, 0), time(10, 0))
    request = lesson_request()
    with pytest.raises(Refused, match="Anna Demo already has 5 sessions in"):
        scheduling.propose(
            request, plan_for(request, (TUESDAY, time(9, 0)), trainers=pair), by=None
        )


# --- Proposing again, declining, cancelling ----------------------------------------------------


def test_a_moved_lesson_keeps_its_session_and_tells_its_trainers(
    pair, django_capture_on_commit_callbacks
):
    anna, bram = pair
    cem = lesson_trainer("Cem")
    request = lesson_request()
    propose(
        request, (TUESDAY, time(9, 0)), trainers=pair, capture=django_capture_on_commit_callbacks
    )
    first = request.classes.get().session
    request.refresh_from_db()
    first_token = request.answer_token
    SchoolLessonRequest.objects.filter(pk=request.pk).update(status=Status.IN_REVIEW)
    mail.outbox.clear()
    propose(
        request,
        (TUESDAY + timedelta(days=1), time(13, 0)),
        trainers=(anna, cem),
        capture=django_capture_on_commit_callbacks,
    )
    moved = request.classes.get().session
    assert moved.pk == first.pk and moved.date == TUESDAY + timedelta(days=1)
    assert set(moved.trainers.all()) == {anna, cem}
    request.refresh_from_db()
    assert request.status == Status.PROPOSED and request.answer_token != first_token
    kinds = {}
    for trainer in (anna, bram, cem):
        [message] = to(trainer.user.email)
        calendar, [event] = events(message)
        kinds[trainer.user.first_name] = (str(calendar["method"]), event["sequence"])
        assert str(event["uid"]).startswith(f"trainer-{trainer.pk}-session-{first.pk}@")
    assert kinds == {"Anna": ("REQUEST", 1), "Bram": ("CANCEL", 1), "Cem": ("REQUEST", 1)}
    assert "gewijzigd" in to(anna.user.email)[0].body  # Anna reads Dutch


def test_declining_needs_a_reason(pair):
    request = lesson_request()
    with pytest.raises(Refused, match="reason") as refused:
        scheduling.decline(request, "  ", by=None)
    assert refused.value.status == 400
    request.refresh_from_db()
    assert request.status == Status.IN_REVIEW


def test_declining_cancels_the_lessons_and_tells_the_trainers(
    pair, django_capture_on_commit_callbacks
):
    request = lesson_request()
    propose(
        request, (TUESDAY, time(9, 0)), trainers=pair, capture=django_capture_on_commit_callbacks
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.decline(request, "Geen trainers beschikbaar.", by=None)
    request.refresh_from_db()
    assert (request.status, request.status_reason) == (
        Status.DECLINED,
        "Geen trainers beschikbaar.",
    )
    assert request.answer_token == ""
    session = request.classes.get().session
    assert session.cancelled_at is not None
    for trainer in pair:
        [message] = to(trainer.user.email)
        calendar, [event] = events(message)
        assert (str(calendar["method"]), event["sequence"]) == ("CANCEL", 1)
        assert "Geen trainers beschikbaar." in message.body


def test_a_confirmed_request_can_be_cancelled_and_frees_the_trainers(
    pair, django_capture_on_commit_callbacks
):
    request = lesson_request()
    propose(
        request, (TUESDAY, time(9, 0)), trainers=pair, capture=django_capture_on_commit_callbacks
    )
    SchoolLessonRequest.objects.filter(pk=request.pk).update(status=Status.CONFIRMED)
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.cancel(request, "De school heeft afgezegd.", by=None)
    request.refresh_from_db()
    assert request.status == Status.CANCELLED
    other = lesson_request(of_school=school("Demo Lyceum Zuid"))
    propose(other, (TUESDAY, time(9, 0)), trainers=pair, capture=django_capture_on_commit_callbacks)
    assert other.classes.get().session is not None


def test_a_closed_request_cannot_be_cancelled_again():
    request = lesson_request(Status.DECLINED)
    with pytest.raises(Refused) as refused:
        scheduling.cancel(request, "Nogmaals.", by=None)
    assert refused.value.status == 409


def test_declining_tells_the_school_with_the_reason(pair, django_capture_on_commit_callbacks):
    request = lesson_request()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.decline(request, "Geen trainers beschikbaar.", by=None)
    [message] = to(request.contact_email)
    assert "Geen trainers beschikbaar." in message.body
    assert message.attachments == []


def test_cancelling_confirmed_lessons_sends_the_school_a_calendar_cancel(
    pair, django_capture_on_commit_callbacks
):
    request = lesson_request()
    propose(
        request, (TUESDAY, time(9, 0)), trainers=pair, capture=django_capture_on_commit_callbacks
    )
    SchoolLessonRequest.objects.filter(pk=request.pk).update(status=Status.CONFIRMED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.cancel(request, "De school heeft afgezegd.", by=None)
    [message] = to(request.contact_email)
    calendar, [event] = events(message)
    assert str(calendar["method"]) == "CANCEL"
    assert "De school heeft afgezegd." in message.body
