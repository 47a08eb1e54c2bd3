"""What the school side's mails and pages share: the links a school gets
(confirm, answer a proposal, evaluate, ask again next year), the signed token
of the new-school-year invitation, and the planned lessons of a request as a
school sees them (date, time, place, trainers' first names)."""

from dataclasses import dataclass
from datetime import date, time
from urllib.parse import urlencode

from django.core import signing
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation

from lms.http import public_url
from workshops.models import Assignment

from .forms_schools import format_weeks
from .models import DayPart, SchoolClass, SchoolLessonRequest, Topic

# How long the invitation to ask again for a new school year stays valid.
INVITATION_MAX_AGE = 180 * 24 * 60 * 60
_INVITATION_SALT = "bookings.school-invitation"


def _url(name: str, language: str, *args, query: dict | None = None) -> str:
    with translation.override(language or "nl"):
        path = reverse(f"bookings:{name}", args=args)
    return public_url(path + ("?" + urlencode(query) if query else ""))


def confirm_url(request: SchoolLessonRequest) -> str:
    return _url("school_confirm", request.language, request.confirm_token)


def proposal_url(request: SchoolLessonRequest) -> str:
    return _url("school_proposal", request.language, request.answer_token)


def evaluation_url(request: SchoolLessonRequest) -> str:
    return _url("school_evaluation", request.language, request.evaluation_token)


def invitation_token(previous: SchoolLessonRequest, school_year: str) -> str:
    return signing.dumps({"r": previous.pk, "y": school_year}, salt=_INVITATION_SALT)


def read_invitation(token: str) -> tuple[int, str]:
    """(previous request id, school year). Raises signing.SignatureExpired
    when older than INVITATION_MAX_AGE, signing.BadSignature when forged."""
    data = signing.loads(token, salt=_INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    try:
        return int(data["r"]), str(data["y"])
    except (KeyError, TypeError, ValueError) as error:
        raise signing.BadSignature("malformed invitation") from error


def invitation_url(previous: SchoolLessonRequest, school_year: str) -> str:
    return _url(
        "school_request",
        previous.language,
        query={"invitation": invitation_token(previous, school_year)},
    )


@dataclass(frozen=True)
class PlannedClass:
    """One class of a request and, once proposed, its lesson."""

    label: str
    group_size: int
    date: date | None
    starts_at: time | None
    ends_at: time | None
    place: str
    trainers: list[str]  # first names only


def _class_with_lesson(school_class: SchoolClass) -> PlannedClass:
    session = school_class.session
    if session is None or session.cancelled_at is not None:
        return PlannedClass(str(school_class), school_class.group_size, None, None, None, "", [])
    return PlannedClass(
        label=str(school_class),
        group_size=school_class.group_size,
        date=session.date,
        starts_at=session.starts_at_time,
        ends_at=session.ends_at_time,
        place=session.place,
        trainers=[
            assignment.trainer.user.first_name or str(assignment.trainer)
            for assignment in session.assignments.all()
        ],
    )


def classes_with_lessons() -> Prefetch:
    """For prefetch_related on requests: their classes, lessons and trainers."""
    return Prefetch(
        "classes",
        queryset=SchoolClass.objects.select_related("session__venue").prefetch_related(
            Prefetch(
                "session__assignments",
                queryset=Assignment.objects.select_related("trainer__user").order_by("pk"),
            )
        ),
    )


def planned_classes(request: SchoolLessonRequest) -> list[PlannedClass]:
    """The request's classes with their lessons; prefetch classes_with_lessons()
    to read many requests in a fixed number of queries."""
    return [_class_with_lesson(school_class) for school_class in request.classes.all()]


def wishes(request: SchoolLessonRequest) -> dict:
    """The school's wishes as words: weeks ("6-8, 10"), day-parts and topics."""
    return {
        "weeks": format_weeks(request.preferred_weeks or []),
        "day_parts": ", ".join(
            str(DayPart(value).label) for value in request.day_parts if value in DayPart.values
        ),
        "topics": ", ".join(
            str(Topic(value).label) for value in request.topics if value in Topic.values
        ),
    }
