"""What a trainer sees of their schedule on /my/: for a school lesson the
school, address, contact, level, group size and the other trainer; for a
group meeting the group, meeting number and partner; the session plan; their
load this month; only their own sessions; a fixed number of queries."""

from datetime import time, timedelta

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from bookings.models import School, SchoolClass, SchoolLessonRequest
from bookings.trainer_dashboard import trainer_sessions_section
from courses.choices import Format
from lms.models import Municipality
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    SessionPlanPageFactory,
    UserFactory,
)
from tests.workshops.factories import SessionFactory, TrainerFactory, TrainingDayFactory
from workshops.choices import Programme
from workshops.models import Assignment, ProgrammeGroup

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
SOON = TODAY + timedelta(days=3)


@pytest.fixture
def trainer():
    return TrainerFactory(
        user__first_name="Tarik",
        user__last_name="El Amrani",
        programmes=[Programme.PREVENTION_LESSON, Programme.GIRLS_TALK],
    )


@pytest.fixture
def other():
    return TrainerFactory(
        user__first_name="Sara",
        user__last_name="Bos",
        programmes=[Programme.PREVENTION_LESSON, Programme.GIRLS_TALK],
    )


@pytest.fixture
def plans(homes):
    """The prevention lesson with one plan, Girls' Talk with plans 1 to 3
    (Dutch pages; an English Girls' Talk page with plan 2)."""
    catalogue = CourseIndexPageFactory(parent=homes["nl"])
    lesson = CoursePageFactory(parent=catalogue, title="Preventieles", format=Format.SCHOOL_LESSON)
    SessionPlanPageFactory(parent=lesson, title="Lesplan preventieles", number=1)
    girls = CoursePageFactory(
        parent=catalogue, title="Girls' Talk", format=Format.GROUP_PROGRAMME, number_of_meetings=9
    )
    for number in (1, 2, 3):
        SessionPlanPageFactory(
            parent=girls, title=f"Bijeenkomst {number}", slug=f"bijeenkomst-{number}", number=number
        )
    catalogue_en = CourseIndexPageFactory(parent=homes["en"], slug="offer")
    girls_en = CoursePageFactory(
        parent=catalogue_en,
        title="Girls' Talk",
        format=Format.GROUP_PROGRAMME,
        locale=homes["en"].locale,
    )
    SessionPlanPageFactory(parent=girls_en, title="Meeting 2", slug="meeting-2", number=2)
    return {"lesson": lesson, "girls": girls}


def give(session, *trainers):
    for trainer in trainers:
        Assignment.objects.create(session=session, trainer=trainer)
    return session


def school_lesson(*trainers, day=SOON, status=SchoolLessonRequest.Status.CONFIRMED, label="2B"):
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
        level="vmbo",
        school_year="2026-2027",
        status=status,
    )
    session = SessionFactory(
        programme=Programme.PREVENTION_LESSON,
        date=day,
        starts_at_time=time(10, 0),
        ends_at_time=time(11, 30),
        venue=None,
    )
    SchoolClass.objects.create(request=request, label=label, group_size=24, session=session)
    return give(session, *trainers)


def meeting(*trainers, number=2, day=SOON):
    group = ProgrammeGroup.objects.create(
        programme=Programme.GIRLS_TALK,
        name="Groep Zuid najaar",
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


def my_page(client, user, language="en"):
    client.force_login(user)
    response = client.get(f"/{language}/my/")
    assert response.status_code == 200
    return response.text


def test_a_school_lesson_shows_school_address_contact_level_size_and_other_trainer(
    client, trainer, other, homes
):
    school_lesson(trainer, other)
    page = my_page(client, trainer.user)
    assert "Prevention lesson at Demo College Noord" in page
    assert "Demo College Noord, Voorbeeldstraat 12, 0000 AA Rotterdam" in page
    assert "Contact: Sanne Bakker, 010 000 00 01" in page
    assert "Class: 2B" in page
    assert "Level: VMBO" in page
    assert "Group of 24" in page
    assert "Sara Bos" in page


def test_a_proposed_lesson_says_the_school_has_not_confirmed(client, trainer, other, homes):
    school_lesson(trainer, other, status=SchoolLessonRequest.Status.PROPOSED)
    assert "the school has not confirmed yet" in my_page(client, trainer.user)


def test_a_declined_or_cancelled_lesson_is_not_listed(client, trainer, other, homes):
    school_lesson(trainer, other, status=SchoolLessonRequest.Status.CANCELLED)
    assert "Demo College Noord" not in my_page(client, trainer.user)


def test_a_cancelled_session_is_not_listed(client, trainer, other, homes):
    session = school_lesson(trainer, other)
    session.cancelled_at = timezone.now()
    session.save()
    assert "Demo College Noord" not in my_page(client, trainer.user)


def test_a_group_meeting_shows_group_meeting_number_and_partner(client, trainer, other, homes):
    meeting(trainer, other, number=2)
    page = my_page(client, trainer.user)
    assert "Girls&#x27; Talk: Groep Zuid najaar" in page
    assert "Meeting 2" in page
    assert "Partner: Buurthuis De Voorbeeldhaven" in page
    assert "Voorbeeldstraat 12, Rotterdam" in page


def section_for(rf, user, language):
    request = rf.get(f"/{language}/my/")
    request.user = user
    with translation.override(language):
        return trainer_sessions_section(request)


def test_the_session_plan_of_a_lesson_and_of_the_meeting_with_its_number(
    client, rf, trainer, other, plans
):
    school_lesson(trainer, other)
    meeting(trainer, other, number=3)
    lesson_plan = plans["lesson"].get_children().get()
    third = plans["girls"].get_children().get(slug="bijeenkomst-3")
    lesson, group = section_for(rf, trainer.user, "nl")["upcoming"]
    assert lesson["plans"] == [("Lesplan preventieles", lesson_plan.url)]
    assert group["plans"] == [("Bijeenkomst 3", third.url)]
    page = my_page(client, trainer.user, language="nl")
    assert f'href="{third.url}"' in page


def test_the_plan_is_in_the_readers_language_where_it_exists(rf, trainer, other, plans):
    meeting(trainer, other, number=2)
    [english] = section_for(rf, trainer.user, "en")["upcoming"]
    [dutch] = section_for(rf, trainer.user, "nl")["upcoming"]
    assert [title for title, _url in english["plans"]] == ["Meeting 2"]
    assert [title for title, _url in dutch["plans"]] == ["Bijeenkomst 2"]


def test_a_training_day_shows_its_course_and_venue(client, trainer, training_course):
    trainer.qualifications.create(programme=Programme.TRAINING_DAY)
    day = TrainingDayFactory(course=training_course, sessions=[SOON])
    give(day.sessions.get(), trainer)
    page = my_page(client, trainer.user)
    assert "Training jeugdprostitutie" in page
    assert "Expertisecentrum, Voorbeeldstraat 1, Rotterdam" in page


def test_a_trainer_sees_only_their_own_sessions(client, trainer, other, homes):
    third = TrainerFactory(programmes=[Programme.PREVENTION_LESSON])
    school_lesson(other, third)
    page = my_page(client, trainer.user)
    assert "Demo College Noord" not in page
    assert "You have no sessions planned." in page


def test_the_load_this_month_against_the_weekly_maximum(client, trainer, other, homes):
    trainer.max_sessions_per_week = 4
    trainer.max_sessions_per_day = 2
    trainer.save()
    first = TODAY.replace(day=1)
    for offset in (0, 1):
        SessionFactory(
            programme=Programme.PREVENTION_LESSON, date=first + timedelta(days=offset)
        ).assignments.create(trainer=trainer)
    next_month = (first + timedelta(days=32)).replace(day=1)
    SessionFactory(programme=Programme.PREVENTION_LESSON, date=next_month).assignments.create(
        trainer=trainer
    )
    page = my_page(client, trainer.user)
    assert "This month: 2 sessions. You take at most 4 a week and 2 a day." in page
    assert 'href="/en/my/availability/"' in page


def test_a_learner_sees_no_schedule(client, homes):
    page = my_page(client, UserFactory(roles=["Learners"]))
    assert "My sessions" not in page and "/my/availability/" not in page


@pytest.mark.parametrize("n", [1, 10])
def test_constant_queries_for_1_or_10_sessions(
    rf, trainer, other, plans, django_assert_max_num_queries, n
):
    for index in range(n):
        if index % 2:
            meeting(trainer, other, number=index % 9 + 1, day=TODAY + timedelta(days=index + 1))
        else:
            school_lesson(trainer, other, day=TODAY + timedelta(days=index + 1), label=f"{index}A")
    request = rf.get("/nl/my/")
    request.user = trainer.user
    # Holdings, the trainer, the plans' courses and plans, the site's root
    # paths for their URLs (two), the sessions (with school, group, venue and
    # course), the co-trainers: the same for any number of sessions.
    with django_assert_max_num_queries(8):
        section = trainer_sessions_section(request)
        html = render_to_string(section["template"], {"section": section}, request=request)
    assert html.count("Sara Bos") == n
