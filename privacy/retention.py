"""How long personal data is kept when nobody asks for its removal: one rule
per kind, each with its day count in `settings.RETENTION`, run daily by
Celery beat (`privacy.tasks.apply_retention`, CELERY_BEAT_SCHEDULE).

Every rule is safe to run twice (a second run changes nothing) and takes
"now" as an argument, so tests can place it in time. What a rule removes is
gone; what the funders' figures count stays: schools, classes and their
sizes, ratings, organisations and team sizes. The same words are on the
privacy page (`privacy_tags.retention_periods`) and in the README."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import ngettext_lazy

from bookings.models import (
    InCompanyRequest,
    LessonEvaluation,
    Registration,
    SchoolLessonRequest,
)
from lms import roles
from lms.models import User

from . import sessions

logger = logging.getLogger(__name__)


def days(rule: str) -> int:
    return int(settings.RETENTION[rule])


def _cutoff(rule: str, now: datetime) -> datetime:
    return now - timedelta(days=days(rule))


def remove_unconfirmed_requests(now: datetime) -> int:
    """School and in-company requests whose address was never confirmed did
    not count: they go, with their classes. The school stays (it is not a
    person, and another request may name it)."""
    cutoff = _cutoff("unconfirmed_requests", now)
    school, _ = SchoolLessonRequest.objects.filter(
        status=SchoolLessonRequest.Status.UNCONFIRMED, created_at__lt=cutoff
    ).delete()
    in_company, _ = InCompanyRequest.objects.filter(
        status=InCompanyRequest.Status.UNCONFIRMED, created_at__lt=cutoff
    ).delete()
    return school + in_company


def last_school_year_ended_before(day: date) -> str:
    """The latest school year (1 August to 31 July) over before `day`, as
    requests name it: "2025-2026"."""
    end = day.year if day > date(day.year, 7, 31) else day.year - 1
    return f"{end - 1}-{end}"


SCHOOL_CONTACT_FIELDS = {
    "contact_name": "",
    "contact_role": "",
    "contact_email": "",
    "contact_phone": "",
    "contact_user": None,
    "notes": "",
    "school_answer": "",
    "answer_token": "",
    "answer_token_expires_at": None,
    "evaluation_token": "",
}


def remove_school_contact_details(now: datetime) -> int:
    """Who asked for a school's lessons, and what they wrote, once the school
    year the lessons were for has been over for the set number of days (so
    next year's invitation still reaches them). Open requests are kept whole."""
    last_year = last_school_year_ended_before(_cutoff("school_contact_details", now).date())
    still_there = Q()
    for field, empty in SCHOOL_CONTACT_FIELDS.items():
        still_there |= Q(**{f"{field}__isnull": False}) if empty is None else ~Q(**{field: ""})
    return (
        SchoolLessonRequest.objects.filter(still_there, school_year__lte=last_year)
        .exclude(status__in=SchoolLessonRequest.OPEN)
        .update(**SCHOOL_CONTACT_FIELDS)
    )


def remove_in_company_contact_details(now: datetime) -> int:
    """Who asked for an in-company training, and their questions: after the
    training day, or after the request was declined. Open ones are kept."""
    cutoff = _cutoff("in_company_requests", now)
    Status = InCompanyRequest.Status
    done = (
        InCompanyRequest.objects.annotate(last_day=Max("training_day__sessions__date"))
        .filter(
            Q(status=Status.DECLINED, created_at__lt=cutoff)
            | Q(status=Status.PLANNED, last_day__lt=cutoff.date())
            | Q(status=Status.PLANNED, training_day__isnull=True, created_at__lt=cutoff)
        )
        .filter(
            ~Q(contact_name="") | ~Q(contact_email="") | ~Q(contact_phone="") | ~Q(questions="")
        )
        .values_list("pk", flat=True)
    )
    return InCompanyRequest.objects.filter(pk__in=list(done)).update(
        contact_name="", contact_email="", contact_phone="", questions=""
    )


def remove_unclaimed_places(now: datetime) -> int:
    """The colleague's address on a place booked for them that they never
    claimed (released, cancelled, or still held when the day came): once the
    training day is past, the address serves nobody. The place stays, without
    it, for the group's count; claimed places belong to their account."""
    cutoff = _cutoff("unclaimed_places", now).date()
    done = (
        Registration.objects.filter(group__isnull=False, user__isnull=True)
        .exclude(invited_email="", claim_token="")
        .annotate(last_day=Max("training_day__sessions__date"))
        .filter(last_day__lt=cutoff)
        .values_list("pk", flat=True)
    )
    return Registration.objects.filter(pk__in=list(done)).update(invited_email="", claim_token="")


def remove_evaluation_comments(now: datetime) -> int:
    """A school's comments on the lessons; its ratings stay for the figures."""
    return (
        LessonEvaluation.objects.filter(created_at__lt=_cutoff("evaluation_comments", now))
        .exclude(comments="")
        .update(comments="")
    )


def remove_unverified_accounts(now: datetime) -> int:
    """Accounts whose address was never confirmed could never log in: they
    go. Never staff, trainers or anyone given a role besides Learners, and
    never the stand-in of a removed account."""
    other_roles = [role for role in roles.ALL_ROLES if role != roles.LEARNERS]
    unverified = (
        User.objects.filter(
            date_joined__lt=_cutoff("unverified_accounts", now),
            last_login__isnull=True,
            is_staff=False,
            is_superuser=False,
            erased__isnull=True,
            trainer__isnull=True,
        )
        .exclude(emailaddress__verified=True)
        .exclude(groups__name__in=other_roles)
        .values_list("pk", flat=True)
    )
    ids = list(unverified)
    User.objects.filter(pk__in=ids).delete()
    return len(ids)


def remove_expired_sessions(now: datetime) -> int:
    """Sessions expire `RETENTION["sessions"]` days after they were last saved
    (SESSION_COOKIE_AGE); expired ones are removed, as `clearsessions` does."""
    return sessions.clear_expired(now)


@dataclass(frozen=True)
class Rule:
    apply: Callable[[datetime], int]
    # What goes and when, for the privacy page; `%(days)s` is the day count.
    description: Promise


RULES = {
    "unconfirmed_requests": Rule(
        remove_unconfirmed_requests,
        ngettext_lazy(
            "A request for school lessons or an in-company training whose e-mail address "
            "was never confirmed is removed after %(days)s day.",
            "A request for school lessons or an in-company training whose e-mail address "
            "was never confirmed is removed after %(days)s days.",
            "days",
        ),
    ),
    "school_contact_details": Rule(
        remove_school_contact_details,
        ngettext_lazy(
            "On a school's request, the contact person's name, role, e-mail address and "
            "phone number, and what they wrote, are removed %(days)s day after the end of "
            "the school year the lessons were for. The school, its classes (level and "
            "size) and the lessons given stay for our figures.",
            "On a school's request, the contact person's name, role, e-mail address and "
            "phone number, and what they wrote, are removed %(days)s days after the end of "
            "the school year the lessons were for. The school, its classes (level and "
            "size) and the lessons given stay for our figures.",
            "days",
        ),
    ),
    "in_company_requests": Rule(
        remove_in_company_contact_details,
        ngettext_lazy(
            "On a request for an in-company training, the contact person's name, e-mail "
            "address and phone number, and their questions, are removed %(days)s day "
            "after the training day (or after we declined the request). The organisation, "
            "the team size and the training stay for our figures.",
            "On a request for an in-company training, the contact person's name, e-mail "
            "address and phone number, and their questions, are removed %(days)s days "
            "after the training day (or after we declined the request). The organisation, "
            "the team size and the training stay for our figures.",
            "days",
        ),
    ),
    "unclaimed_places": Rule(
        remove_unclaimed_places,
        ngettext_lazy(
            "When a contact books places for colleagues, the e-mail address of a "
            "colleague who never claimed their place is removed %(days)s day after the "
            "training day.",
            "When a contact books places for colleagues, the e-mail address of a "
            "colleague who never claimed their place is removed %(days)s days after the "
            "training day.",
            "days",
        ),
    ),
    "evaluation_comments": Rule(
        remove_evaluation_comments,
        ngettext_lazy(
            "Comments in a school's evaluation of the lessons are removed %(days)s day "
            "after the evaluation; the ratings stay for our figures.",
            "Comments in a school's evaluation of the lessons are removed %(days)s days "
            "after the evaluation; the ratings stay for our figures.",
            "days",
        ),
    ),
    "unverified_accounts": Rule(
        remove_unverified_accounts,
        ngettext_lazy(
            "An account whose e-mail address was never confirmed is removed %(days)s day "
            "after it was made.",
            "An account whose e-mail address was never confirmed is removed %(days)s days "
            "after it was made.",
            "days",
        ),
    ),
    "sessions": Rule(
        remove_expired_sessions,
        ngettext_lazy(
            "A log-in session expires %(days)s day after it was last saved, or earlier "
            "when you log out or change your password; expired sessions are removed.",
            "A log-in session expires %(days)s days after it was last saved, or earlier "
            "when you log out or change your password; expired sessions are removed.",
            "days",
        ),
    ),
}


def apply(rule: str, now: datetime | None = None) -> int:
    """Run one rule; returns how many requests, evaluations, accounts or
    sessions it changed or removed."""
    changed = RULES[rule].apply(now or timezone.now())
    logger.info("retention %s: %s removed or emptied", rule, changed)
    return changed
