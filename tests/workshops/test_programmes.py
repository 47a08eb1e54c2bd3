"""Group programmes: a coordinator schedules a Girls' Talk series of nine
meetings with two trainers each (a clash refuses the whole batch); after a
meeting a trainer records how many took part and a note; nobody is ever
registered."""

from datetime import time, timedelta

import pytest
from django.utils import timezone, translation

from bookings.models import Registration
from courses.choices import Format
from lms.errors import Refused
from lms.models import Municipality
from tests.certificates.test_admin import log_in_with_second_factor
from tests.factories import CourseIndexPageFactory, CoursePageFactory, UserFactory
from tests.workshops.factories import SessionFactory, TrainerFactory
from workshops import programmes
from workshops.choices import Programme
from workshops.models import Assignment, ProgrammeGroup, Session, Unavailability

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
START, END = time(15, 30), time(17, 0)


@pytest.fixture
def girls_talk_page(homes):
    catalogue = CourseIndexPageFactory(parent=homes["nl"])
    return CoursePageFactory(
        parent=catalogue, title="Girls' Talk", format=Format.GROUP_PROGRAMME, number_of_meetings=9
    )


@pytest.fixture
def pair():
    return [
        TrainerFactory(
            user__first_name=first, user__last_name=last, programmes=[Programme.GIRLS_TALK]
        )
        for first, last in (("Anouk", "Verbeek"), ("Tarik", "El Amrani"))
    ]


@pytest.fixture
def group():
    return programmes.create_group(
        programme=Programme.GIRLS_TALK,
        name="Groep Zuid najaar",
        partner="Buurthuis De Voorbeeldhaven",
        location="Voorbeeldstraat 12, Rotterdam",
    )


def weekly(pair, count, first=7):
    return [
        programmes.MeetingSpec(
            date=TODAY + timedelta(days=first + 7 * n),
            starts_at=START,
            ends_at=END,
            trainers=tuple(pair),
        )
        for n in range(count)
    ]


def test_girls_talk_has_nine_meetings_from_its_course_page(girls_talk_page):
    assert programmes.number_of_meetings(Programme.GIRLS_TALK) == 9
    assert programmes.number_of_meetings(Programme.MAKE_A_MOVE) is None


def test_a_series_of_nine_with_two_trainers_each(girls_talk_page, group, pair):
    sessions = programmes.schedule_meetings(group, weekly(pair, 9))
    assert [s.meeting_number for s in sessions] == list(range(1, 10))
    for session in Session.objects.filter(group=group):
        assert session.programme == Programme.GIRLS_TALK
        assert session.location == "Voorbeeldstraat 12, Rotterdam"
        assert set(session.trainers.all()) == set(pair)


def test_a_tenth_meeting_is_refused(girls_talk_page, group, pair):
    programmes.schedule_meetings(group, weekly(pair, 9))
    with pytest.raises(Refused) as refused:
        programmes.schedule_meetings(group, weekly(pair, 1, first=80))
    assert refused.value.status == 400
    assert group.sessions.count() == 9


def test_meetings_in_two_batches_are_numbered_on(girls_talk_page, group, pair):
    programmes.schedule_meetings(group, weekly(pair, 4))
    later = programmes.schedule_meetings(group, weekly(pair, 5, first=40))
    assert [s.meeting_number for s in later] == [5, 6, 7, 8, 9]


def test_a_clash_refuses_the_whole_batch(girls_talk_page, group, pair):
    busy = SessionFactory(
        programme=Programme.GIRLS_TALK,
        date=TODAY + timedelta(days=21),
        starts_at_time=time(16, 0),
        ends_at_time=time(18, 0),
    )
    Assignment.objects.create(session=busy, trainer=pair[1])
    with translation.override("en"), pytest.raises(Refused) as refused:
        programmes.schedule_meetings(group, weekly(pair, 9))
    assert refused.value.status == 409
    assert "already booked" in refused.value.message
    assert not group.sessions.exists()


def test_an_unavailable_trainer_refuses_the_batch(girls_talk_page, group, pair):
    Unavailability.objects.create(
        trainer=pair[0], starts_on=TODAY + timedelta(days=14), ends_on=TODAY + timedelta(days=14)
    )
    with pytest.raises(Refused):
        programmes.schedule_meetings(group, weekly(pair, 3))
    assert not Session.objects.exists()


@pytest.mark.parametrize(
    "problem",
    ["past", "same_trainer", "end_before_start", "unqualified"],
)
def test_bad_meetings_are_refused(girls_talk_page, group, pair, problem):
    spec = weekly(pair, 1)[0]
    if problem == "past":
        spec = programmes.MeetingSpec(TODAY - timedelta(days=1), START, END, tuple(pair))
    elif problem == "same_trainer":
        spec = programmes.MeetingSpec(spec.date, START, END, (pair[0], pair[0]))
    elif problem == "end_before_start":
        spec = programmes.MeetingSpec(spec.date, END, START, tuple(pair))
    else:
        spec = programmes.MeetingSpec(
            spec.date, START, END, (pair[0], TrainerFactory(programmes=[Programme.MAKE_A_MOVE]))
        )
    with pytest.raises(Refused):
        programmes.schedule_meetings(group, [spec])
    assert not Session.objects.exists()


def test_only_group_programmes_make_a_group():
    with pytest.raises(Refused):
        programmes.create_group(
            programme=Programme.PREVENTION_LESSON, name="x", partner="y", location="z"
        )


def test_a_trainer_records_the_count_and_a_note_and_nobody_is_registered(client, group, pair):
    meeting = SessionFactory(
        programme=Programme.GIRLS_TALK,
        group=group,
        meeting_number=1,
        date=TODAY,
        venue=None,
        location=group.location,
    )
    Assignment.objects.create(session=meeting, trainer=pair[0])
    client.force_login(pair[0].user)
    url = f"/en/sessions/{meeting.pk}/attendance/"
    assert "Note about the meeting" in client.get(url).text
    response = client.post(
        url, {"participant_count": "8", "note": "Open gesprek over grenzen online."}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.participant_count == 8
    assert meeting.note == "Open gesprek over grenzen online."
    assert not Registration.objects.exists()


def test_a_too_long_note_saves_neither_count_nor_note(client, group, pair):
    meeting = SessionFactory(
        programme=Programme.GIRLS_TALK, group=group, meeting_number=1, date=TODAY
    )
    Assignment.objects.create(session=meeting, trainer=pair[0])
    client.force_login(pair[0].user)
    response = client.post(
        f"/en/sessions/{meeting.pk}/attendance/",
        {"participant_count": "8", "note": "x" * (programmes.MAX_NOTE_LENGTH + 1)},
    )
    assert response.status_code == 400
    meeting.refresh_from_db()
    assert meeting.participant_count is None and meeting.note == ""


def test_another_trainer_cannot_record_a_meeting(client, group, pair):
    meeting = SessionFactory(
        programme=Programme.GIRLS_TALK, group=group, meeting_number=1, date=TODAY
    )
    Assignment.objects.create(session=meeting, trainer=pair[0])
    client.force_login(pair[1].user)
    response = client.post(f"/en/sessions/{meeting.pk}/attendance/", {"participant_count": "8"})
    assert response.status_code == 404


# --- The coordinator's admin ---------------------------------------------------


@pytest.fixture
def coordinator(client, homes):
    user = UserFactory(roles=["Coordinators"])
    log_in_with_second_factor(client, user)
    return user


def test_the_coordinator_lists_groups_and_schedules_the_series(
    client, coordinator, girls_talk_page, group, pair
):
    listing = client.get("/admin/workshops/programmegroup/")
    assert listing.status_code == 200
    assert "Groep Zuid najaar" in listing.text
    url = f"/admin/workshops/groups/{group.pk}/meetings/"
    page = client.get(url)
    assert page.status_code == 200
    assert page.text.count('name="meeting-') >= 9 * 5  # nine rows of five fields
    data = {"meeting-TOTAL_FORMS": "9", "meeting-INITIAL_FORMS": "0"}
    for index, spec in enumerate(weekly(pair, 3)):
        data.update(
            {
                f"meeting-{index}-date": spec.date.isoformat(),
                f"meeting-{index}-starts_at": "15:30",
                f"meeting-{index}-ends_at": "17:00",
                f"meeting-{index}-first_trainer": str(pair[0].pk),
                f"meeting-{index}-second_trainer": str(pair[1].pk),
            }
        )
    response = client.post(url, data)
    assert response.status_code == 302
    assert group.sessions.count() == 3


def test_a_clash_in_the_admin_shows_the_reason_and_schedules_nothing(
    client, coordinator, girls_talk_page, group, pair
):
    spec = weekly(pair, 1)[0]
    busy = SessionFactory(date=spec.date, starts_at_time=time(15, 0), ends_at_time=time(16, 0))
    Assignment.objects.create(session=busy, trainer=pair[0])
    response = client.post(
        f"/admin/workshops/groups/{group.pk}/meetings/",
        {
            "meeting-TOTAL_FORMS": "1",
            "meeting-INITIAL_FORMS": "0",
            "meeting-0-date": spec.date.isoformat(),
            "meeting-0-starts_at": "15:30",
            "meeting-0-ends_at": "17:00",
            "meeting-0-first_trainer": str(pair[0].pk),
            "meeting-0-second_trainer": str(pair[1].pk),
        },
    )
    assert response.status_code == 409
    assert "Anouk Verbeek" in response.text  # the clash, named
    assert not group.sessions.exists()


def test_an_editor_may_not_schedule(client, homes, group):
    log_in_with_second_factor(client, UserFactory(roles=["Editors"]))
    # Wagtail answers a refused admin page with a redirect to the dashboard.
    response = client.get(f"/admin/workshops/groups/{group.pk}/meetings/")
    assert (response.status_code, response.url) == (302, "/admin/")
    response = client.get("/admin/workshops/programmegroup/")
    assert (response.status_code, response.url) == (302, "/admin/")


def test_the_coordinator_creates_a_group_in_the_admin(client, coordinator):
    rotterdam, _ = Municipality.objects.get_or_create(name="Rotterdam")
    response = client.post(
        "/admin/workshops/programmegroup/create/",
        {
            "programme": Programme.MAKE_A_MOVE,
            "name": "Make a Move West",
            "partner": "Jongerenwerk West (demo)",
            "location": "Voorbeeldstraat 3, Rotterdam",
            "municipality": str(rotterdam.pk),
        },
    )
    assert response.status_code == 302
    assert ProgrammeGroup.objects.filter(
        name="Make a Move West", programme=Programme.MAKE_A_MOVE
    ).exists()


def test_without_a_number_of_meetings_the_coordinator_says_how_many(client, coordinator, pair):
    group = programmes.create_group(
        programme=Programme.MAKE_A_MOVE, name="MaM", partner="Partner", location="Voorbeeldstraat 3"
    )
    page = client.get(f"/admin/workshops/groups/{group.pk}/meetings/?count=4").text
    assert 'name="count"' in page
    assert page.count('name="meeting-') == 4 * 5 + 4  # four rows and the management form
