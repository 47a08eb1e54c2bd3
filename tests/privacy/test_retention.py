"""The retention rules: what each removes after how long, row by row, run the
way beat runs them (the Celery task, once a day)."""

from datetime import date, datetime, timedelta
from importlib import import_module

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from bookings.models import InCompanyRequest, LessonEvaluation, SchoolClass, SchoolLessonRequest
from lms.models import User
from privacy import retention
from privacy.models import ErasedAccount
from privacy.tasks import apply_retention
from tests.bookings.school_factories import SchoolClassFactory, SchoolLessonRequestFactory
from tests.factories import UserFactory
from tests.workshops.factories import TrainingDayFactory

pytestmark = pytest.mark.django_db

Status = SchoolLessonRequest.Status
NOW = timezone.make_aware(datetime(2028, 9, 1, 3, 0))


def aged(instance, field: str, days: int, now=NOW):
    """Set an auto-filled date `days` before `now`, as if it were that old."""
    type(instance).objects.filter(pk=instance.pk).update(**{field: now - timedelta(days=days)})
    return instance


def in_company(status, days_old: int, **fields) -> InCompanyRequest:
    request = InCompanyRequest.objects.create(
        organisation="Opvang Zuid",
        contact_name="Sanne Jansen",
        contact_email="sanne@opvang.example",
        contact_phone="010 000 00 02",
        course_key=fields.pop("course_key"),
        course_title="Training",
        team_size=10,
        preferred_periods="Voorjaar",
        location="Rotterdam",
        questions="Kan het op locatie?",
        status=status,
        **fields,
    )
    return aged(request, "created_at", days_old)


def test_every_rule_has_its_days_in_settings_and_a_daily_beat_entry():
    assert set(django_settings.RETENTION) == set(retention.RULES)
    for rule in retention.RULES:
        entry = django_settings.CELERY_BEAT_SCHEDULE[f"retention-{rule}"]
        assert entry == {
            "task": "privacy.tasks.apply_retention",
            "schedule": 24 * 60 * 60,
            "args": (rule,),
        }
    assert apply_retention.name == "privacy.tasks.apply_retention"
    assert django_settings.RETENTION["sessions"] * 86400 == django_settings.SESSION_COOKIE_AGE


def test_unconfirmed_requests_go_after_14_days(training_course):
    key = training_course.translation_key
    old = aged(
        SchoolLessonRequestFactory(status=Status.UNCONFIRMED, confirmed_at=None), "created_at", 15
    )
    SchoolClassFactory(request=old)
    recent = aged(
        SchoolLessonRequestFactory(status=Status.UNCONFIRMED, confirmed_at=None), "created_at", 13
    )
    confirmed = aged(SchoolLessonRequestFactory(status=Status.REQUESTED), "created_at", 100)
    old_in_company = in_company(InCompanyRequest.Status.UNCONFIRMED, 15, course_key=key)
    recent_in_company = in_company(InCompanyRequest.Status.UNCONFIRMED, 13, course_key=key)
    new_in_company = in_company(InCompanyRequest.Status.NEW, 100, course_key=key)

    assert retention.apply("unconfirmed_requests", now=NOW) == 3  # two requests and a class

    assert set(SchoolLessonRequest.objects.values_list("pk", flat=True)) == {
        recent.pk,
        confirmed.pk,
    }
    assert not SchoolClass.objects.filter(request_id=old.pk).exists()
    assert old.school.__class__.objects.filter(pk=old.school_id).exists()  # the school stays
    assert set(InCompanyRequest.objects.values_list("pk", flat=True)) == {
        recent_in_company.pk,
        new_in_company.pk,
    }
    assert old_in_company.pk not in InCompanyRequest.objects.values_list("pk", flat=True)
    assert retention.apply("unconfirmed_requests", now=NOW) == 0


@pytest.mark.parametrize(
    ("day", "school_year"),
    [
        (date(2027, 7, 31), "2025-2026"),
        (date(2027, 8, 1), "2026-2027"),
        (date(2028, 1, 15), "2026-2027"),
    ],
)
def test_the_last_school_year_over_before_a_day(day, school_year):
    assert retention.last_school_year_ended_before(day) == school_year


def test_school_contact_details_go_a_year_after_the_school_year(db):
    user = UserFactory()
    over = SchoolLessonRequestFactory(
        status=Status.EVALUATED,
        school_year="2026-2027",
        contact_user=user,
        notes="Graag in de ochtend.",
        school_answer="Akkoord.",
        evaluation_token="token",
    )
    SchoolClassFactory(request=over, label="2B", group_size=24)
    recent = SchoolLessonRequestFactory(status=Status.DELIVERED, school_year="2027-2028")
    still_open = SchoolLessonRequestFactory(status=Status.IN_REVIEW, school_year="2025-2026")

    assert retention.apply("school_contact_details", now=NOW) == 1

    over.refresh_from_db()
    assert (
        over.contact_name,
        over.contact_role,
        over.contact_email,
        over.contact_phone,
        over.contact_user,
        over.notes,
        over.school_answer,
        over.evaluation_token,
    ) == ("", "", "", "", None, "", "", "")
    assert (over.status, over.level, over.school_id) == (Status.EVALUATED, "havo", over.school.pk)
    assert list(over.classes.values_list("label", "group_size")) == [("2B", 24)]
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert (kept.contact_name, kept.contact_phone) == ("Sanne Jansen", "010 000 00 00")
    assert retention.apply("school_contact_details", now=NOW) == 0


def test_in_company_contact_details_go_a_year_after_the_day_or_the_refusal(training_course):
    key = training_course.translation_key
    declined_long_ago = in_company(InCompanyRequest.Status.DECLINED, 366, course_key=key)
    declined_lately = in_company(InCompanyRequest.Status.DECLINED, 364, course_key=key)
    long_ago = (NOW - timedelta(days=366)).date()
    planned_long_ago = in_company(
        InCompanyRequest.Status.PLANNED,
        400,
        course_key=key,
        training_day=TrainingDayFactory(course=training_course, sessions=[long_ago]),
    )
    planned_lately = in_company(
        InCompanyRequest.Status.PLANNED,
        400,
        course_key=key,
        training_day=TrainingDayFactory(
            course=training_course, sessions=[(NOW - timedelta(days=10)).date()]
        ),
    )
    in_progress = in_company(InCompanyRequest.Status.IN_PROGRESS, 1000, course_key=key)

    assert retention.apply("in_company_requests", now=NOW) == 2

    emptied = InCompanyRequest.objects.filter(pk__in=[declined_long_ago.pk, planned_long_ago.pk])
    assert (
        list(emptied.values_list("contact_name", "contact_email", "contact_phone", "questions"))
        == [("", "", "", "")] * 2
    )
    assert list(emptied.values_list("organisation", "team_size")) == [("Opvang Zuid", 10)] * 2
    kept = InCompanyRequest.objects.filter(
        pk__in=[declined_lately.pk, planned_lately.pk, in_progress.pk]
    )
    assert list(kept.values_list("contact_email", flat=True)) == ["sanne@opvang.example"] * 3
    assert retention.apply("in_company_requests", now=NOW) == 0


def test_evaluation_comments_go_after_a_year_and_the_ratings_stay(db):
    def evaluation(days_old):
        return aged(
            LessonEvaluation.objects.create(
                request=SchoolLessonRequestFactory(status=Status.EVALUATED),
                content_rating=4,
                trainers_rating=5,
                fit_rating=3,
                comments="Goede les, de mentor was blij.",
            ),
            "created_at",
            days_old,
        )

    old, recent = evaluation(366), evaluation(364)

    assert apply_retention.delay("evaluation_comments").get() == 0  # today is before NOW
    assert retention.apply("evaluation_comments", now=NOW) == 1

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.comments, old.content_rating, old.trainers_rating, old.fit_rating) == ("", 4, 5, 3)
    assert recent.comments == "Goede les, de mentor was blij."


def test_accounts_never_confirmed_go_after_30_days(db):
    def account(days_old, *, verified=False, **fields):
        user = UserFactory(**fields)
        EmailAddress.objects.filter(user=user).update(verified=verified)
        return aged(user, "date_joined", days_old)

    never_confirmed = account(31, roles=["Learners"])
    recent = account(29)
    confirmed = account(31, verified=True)
    trainer = account(31, roles=["Trainers"])
    superuser = account(31, is_superuser=True)
    logged_in_once = account(31, last_login=NOW - timedelta(days=40))
    stand_in = account(31)
    ErasedAccount.objects.create(user=stand_in)

    assert retention.apply("unverified_accounts", now=NOW) == 1

    assert not User.objects.filter(pk=never_confirmed.pk).exists()
    assert not EmailAddress.objects.filter(user_id=never_confirmed.pk).exists()
    assert set(User.objects.values_list("pk", flat=True)) == {
        recent.pk,
        confirmed.pk,
        trainer.pk,
        superuser.pk,
        logged_in_once.pk,
        stand_in.pk,
    }


def test_expired_sessions_are_removed(db):
    store = import_module(django_settings.SESSION_ENGINE).SessionStore
    expired, current = store(), store()
    for session, expires in ((expired, NOW - timedelta(seconds=1)), (current, NOW + timedelta(1))):
        session["note"] = "x"
        session.set_expiry(expires)
        session.save()

    assert retention.apply("sessions", now=NOW) == 1

    assert list(Session.objects.values_list("session_key", flat=True)) == [current.session_key]


def test_a_colleagues_address_goes_a_month_after_a_day_they_never_claimed(training_course):
    from bookings import groups
    from bookings.models import Registration

    contact = UserFactory(email="contact@example.org")
    past = TrainingDayFactory(course=training_course, capacity=5)  # in two weeks: long before NOW
    group = groups.book_group(
        past, contact, emails=["ali@example.org", "bo@example.org"], organisation="Wijkteam"
    )
    groups.claim_place(
        Registration.objects.get(group=group, invited_email="ali@example.org"),
        UserFactory(email="ali@example.org"),
    )
    lately = TrainingDayFactory(
        course=training_course, capacity=5, sessions=[(NOW - timedelta(days=10)).date()]
    )
    groups.book_group(lately, contact, emails=["cem@example.org"], organisation="Wijkteam")

    assert retention.apply("unclaimed_places", now=NOW) == 1
    places = {r.pk: r for r in Registration.objects.filter(group__isnull=False)}
    assert sorted(r.invited_email for r in places.values()) == [
        "",  # bo never claimed: gone, with the claim link
        "ali@example.org",  # claimed: part of Ali's own account
        "cem@example.org",  # the day was ten days ago
    ]
    emptied = next(r for r in places.values() if r.invited_email == "")
    assert emptied.claim_token == ""
    assert Registration.objects.filter(group=group).count() == 2  # the count stays
    assert retention.apply("unclaimed_places", now=NOW) == 0
