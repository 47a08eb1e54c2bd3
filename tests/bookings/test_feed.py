"""A trainer's personal calendar feed: parsed back with icalendar, only the
owner's sessions, revoked and regenerated tokens, and a fixed number of
queries however many sessions it holds."""

from datetime import time, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from bookings.models import School, SchoolClass, SchoolLessonRequest
from lms.models import Municipality
from tests.factories import UserFactory
from tests.workshops.factories import SessionFactory, TrainerFactory, TrainingDayFactory
from workshops import feeds
from workshops.choices import Programme
from workshops.models import Assignment, ProgrammeGroup

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
PROGRAMMES = [Programme.TRAINING_DAY, Programme.PREVENTION_LESSON, Programme.GIRLS_TALK]


@pytest.fixture
def trainer():
    return TrainerFactory(
        user__first_name="Tarik", user__last_name="El Amrani", programmes=PROGRAMMES
    )


@pytest.fixture
def other():
    return TrainerFactory(user__first_name="Sara", user__last_name="Bos", programmes=PROGRAMMES)


def give(session, *trainers):
    for trainer in trainers:
        Assignment.objects.create(session=session, trainer=trainer)
    return session


def school_lesson(*trainers, day):
    municipality, _ = Municipality.objects.get_or_create(name="Rotterdam")
    school = School.objects.create(
        name="Demo College Noord",
        address="Voorbeeldstraat 12",
        postcode="0000 AA",
        city="Rotterdam",
        municipality=municipality,
        location_kind="secondary",
    )
    request = SchoolLessonRequest.objects.create(
        school=school,
        contact_name="Sanne Bakker",
        contact_role="Zorgcoördinator",
        contact_email="school@example.org",
        contact_phone="010 000 00 01",
        level="havo",
        school_year="2026-2027",
        status=SchoolLessonRequest.Status.CONFIRMED,
    )
    session = SessionFactory(
        programme=Programme.PREVENTION_LESSON,
        date=day,
        starts_at_time=time(10, 0),
        ends_at_time=time(11, 30),
        venue=None,
    )
    SchoolClass.objects.create(request=request, label="3H", group_size=27, session=session)
    return give(session, *trainers)


def meeting(*trainers, day, number=4):
    group = ProgrammeGroup.objects.create(
        programme=Programme.GIRLS_TALK,
        name="Groep Zuid",
        partner="Buurthuis De Voorbeeldhaven",
        location="Voorbeeldstraat 12, Rotterdam",
    )
    session = SessionFactory(
        programme=Programme.GIRLS_TALK,
        group=group,
        meeting_number=number,
        date=day,
        starts_at_time=time(15, 30),
        ends_at_time=time(17, 0),
        venue=None,
        location=group.location,
    )
    return give(session, *trainers)


def feed_url(trainer, language="en") -> str:
    return f"/{language}/feeds/trainer/{trainer.feed_token}.ics"


def events(response) -> dict[str, dict]:
    calendar = Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_holds_lessons_meetings_and_training_days_with_what_the_trainer_needs(
    client, trainer, other, training_course
):
    school_lesson(trainer, other, day=TODAY + timedelta(days=3))
    meeting(trainer, other, day=TODAY + timedelta(days=4))
    day = TrainingDayFactory(course=training_course, sessions=[TODAY + timedelta(days=5)])
    give(day.sessions.get(), trainer)
    response = client.get(feed_url(trainer))
    assert response.status_code == 200
    found = events(response)
    assert set(found) == {
        "Prevention lesson at Demo College Noord",
        "Girls' Talk: Groep Zuid",
        "Training jeugdprostitutie",
    }
    lesson = found["Prevention lesson at Demo College Noord"]
    assert str(lesson["location"]) == "Demo College Noord, Voorbeeldstraat 12, 0000 AA Rotterdam"
    description = str(lesson["description"])
    assert "Contact: Sanne Bakker, 010 000 00 01" in description
    assert "Level: HAVO" in description and "Group of 27" in description
    assert "With: Sara Bos" in description
    assert lesson.decoded("dtstart").hour == 10
    assert lesson.decoded("dtend") - lesson.decoded("dtstart") == timedelta(minutes=90)
    group = found["Girls' Talk: Groep Zuid"]
    assert "Meeting 4" in str(group["description"])
    assert str(group["location"]) == "Voorbeeldstraat 12, Rotterdam"
    assert str(found["Training jeugdprostitutie"]["location"]) == (
        "Expertisecentrum, Voorbeeldstraat 1, Rotterdam"
    )


def test_the_feed_is_calendar_app_friendly(client, trainer, other):
    meeting(trainer, other, day=TODAY + timedelta(days=4))
    response = client.get(feed_url(trainer))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["x-wr-calname"]) == "Sessions of Tarik El Amrani"
    assert str(calendar["method"]) == "PUBLISH"
    assert calendar.walk("VTIMEZONE")


def uids(client, trainer) -> list[str]:
    feed = Calendar.from_ical(client.get(feed_url(trainer)).content)
    return [str(event["uid"]) for event in feed.walk("VEVENT")]


def test_uids_are_stable_and_differ_per_trainer(client, trainer, other):
    session = meeting(trainer, other, day=TODAY + timedelta(days=4))
    first = uids(client, trainer)
    assert len(first) == 1
    assert first[0].startswith(f"trainer-{trainer.pk}-session-{session.pk}@")
    session.starts_at_time = time(16, 0)
    session.save()
    assert uids(client, trainer) == first
    assert uids(client, other) != first


def test_only_the_owners_sessions_from_30_days_back_to_a_year_ahead(client, trainer, other):
    meeting(trainer, other, day=TODAY - timedelta(days=29), number=1)
    meeting(trainer, other, day=TODAY + timedelta(days=364), number=2)
    meeting(trainer, day=TODAY - timedelta(days=31), number=3)
    meeting(trainer, day=TODAY + timedelta(days=366), number=4)
    meeting(other, day=TODAY + timedelta(days=5), number=5)
    found = Calendar.from_ical(client.get(feed_url(trainer)).content).walk("VEVENT")
    numbers = sorted(str(e["description"]).split("\n")[0] for e in found)
    assert numbers == ["Meeting 1", "Meeting 2"]


def test_a_cancelled_session_is_left_out(client, trainer, other):
    session = meeting(trainer, other, day=TODAY + timedelta(days=4))
    session.cancelled_at = timezone.now()
    session.save()
    assert Calendar.from_ical(client.get(feed_url(trainer)).content).walk("VEVENT") == []


def test_a_meeting_says_what_the_trainer_needs_and_nothing_about_those_who_came(
    client, trainer, other
):
    session = meeting(trainer, other, day=TODAY - timedelta(days=2))
    session.participant_count = 8
    session.note = "Goed gesprek over grenzen."
    session.save()
    [event] = Calendar.from_ical(client.get(feed_url(trainer)).content).walk("VEVENT")
    assert str(event["description"]).split("\n") == [
        "Meeting 4",
        "Partner: Buurthuis De Voorbeeldhaven",
        "With: Sara Bos",
    ]


def test_an_unknown_token_is_a_404(client, trainer, homes):
    assert client.get("/en/feeds/trainer/not-a-token.ics").status_code == 404


def test_an_inactive_trainer_has_no_feed(client, trainer):
    trainer.active = False
    trainer.save()
    assert client.get(feed_url(trainer)).status_code == 404


def test_a_new_token_has_32_random_bytes_and_the_old_one_answers_404(client, trainer, homes):
    old = feed_url(trainer)
    client.force_login(trainer.user)
    response = client.post("/en/my/calendar-feed/", {"action": "regenerate"})
    assert response.status_code == 302
    trainer.refresh_from_db()
    assert len(trainer.feed_token) == 43  # base64 of 32 bytes
    assert client.get(old).status_code == 404
    assert client.get(feed_url(trainer)).status_code == 200


def test_a_revoked_feed_answers_404_until_regenerated(client, trainer, homes):
    old = feed_url(trainer)
    client.force_login(trainer.user)
    client.post("/en/my/calendar-feed/", {"action": "revoke"})
    trainer.refresh_from_db()
    assert trainer.feed_token is None
    assert client.get(old).status_code == 404
    page = client.get("/en/my/").text
    assert "Your calendar feed is off." in page
    feeds.regenerate_feed_token(trainer)
    trainer.refresh_from_db()
    assert client.get(feed_url(trainer)).status_code == 200
    assert client.get(old).status_code == 404


def test_the_dashboard_shows_the_feed_address_and_how_to_subscribe(client, trainer, homes):
    client.force_login(trainer.user)
    page = client.get("/en/my/").text
    assert f'value="http://testserver/en/feeds/trainer/{trainer.feed_token}.ics"' in page
    assert "Outlook: Add calendar" in page and "Google Calendar: Other calendars" in page


def test_only_a_trainer_manages_a_feed(client, homes):
    client.force_login(UserFactory(roles=["Learners"]))
    assert client.post("/en/my/calendar-feed/", {"action": "revoke"}).status_code == 404


def test_managing_a_feed_needs_a_post(client, trainer, homes):
    client.force_login(trainer.user)
    assert client.get("/en/my/calendar-feed/").status_code == 405


@pytest.mark.parametrize("n", [1, 30])
def test_constant_queries_for_1_or_30_sessions(
    client, trainer, other, training_course, django_assert_num_queries, n
):
    for index in range(n):
        day = TODAY + timedelta(days=index + 1)
        kind = index % 3
        if kind == 0:
            school_lesson(trainer, other, day=day)
        elif kind == 1:
            meeting(trainer, other, day=day)
        else:
            give(TrainingDayFactory(course=training_course, sessions=[day]).sessions.get(), trainer)
    url = feed_url(trainer)
    # The site and the route (middleware), the trainer, the plans' courses,
    # the sessions with all they show, the co-trainers.
    with django_assert_num_queries(7):
        response = client.get(url)
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == n
