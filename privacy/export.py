"""A person's own data as one JSON document (AVG art. 15 and 20): what the
platform holds about them, in the words of its fields, with the titles of
the courses and quizzes they concern.

Secrets are left out (password hash, two-factor secrets, the calendar-feed
token and link tokens): they are keys, not data about the person. A quiz
attempt shows the person's own answers, never the right ones: the quiz
decides when those may be seen."""

from django.utils import timezone
from wagtail.models import Page

from bookings.models import GroupBooking, Registration
from certificates.models import Certificate
from courses import grading
from courses.models import Enrollment, LessonProgress, QuizAttempt
from lms.models import User
from workshops.models import Trainer

from . import obligations

FORMAT_VERSION = 1


def personal_data(user: User) -> dict:
    """Everything the export holds, as JSON-able values (dates as ISO text)."""
    addresses = obligations.verified_addresses(user)
    titles = _Titles(user.language)
    return {
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now(),
        "account": _account(user),
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in user.emailaddress_set.order_by("pk")
        ],
        "two_factor_authentication": [
            {"type": a.type, "created_at": a.created_at, "last_used_at": a.last_used_at}
            for a in user.authenticator_set.order_by("pk")
        ],
        "enrolments": _enrolments(user, titles),
        "quiz_attempts": _quiz_attempts(user, titles),
        "bookings": _bookings(user, titles),
        "group_bookings": _group_bookings(user, titles),
        "school_requests": _school_requests(user, addresses),
        "in_company_requests": _in_company_requests(addresses),
        "trainer": _trainer(user),
        "certificates": _certificates(user),
    }


class _Titles:
    """Page titles by translation key, in the person's language when there."""

    def __init__(self, language: str):
        self.language = language
        self.known: dict = {}

    def __call__(self, key) -> str:
        if key not in self.known:
            pages = Page.objects.filter(translation_key=key).select_related("locale")
            by_language = {page.locale.language_code: page.title for page in pages}
            self.known[key] = by_language.get(self.language) or next(iter(by_language.values()), "")
        return self.known[key]


def _account(user: User) -> dict:
    return {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "language": user.language,
        "organisation": user.organisation,
        "profession": user.get_profession_display() if user.profession else "",
        "municipality": user.municipality.name if user.municipality_id else "",
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def _enrolments(user, titles: _Titles) -> list[dict]:
    lessons: dict[int, list] = {}
    for done in LessonProgress.objects.filter(enrollment__user=user).order_by("completed_at"):
        lessons.setdefault(done.enrollment_id, []).append(
            {"lesson": titles(done.lesson_key), "done_at": done.completed_at}
        )
    return [
        {
            "course": titles(enrollment.course_key),
            "enrolled_at": enrollment.enrolled_at,
            "completed_at": enrollment.completed_at,
            "lessons_done": lessons.get(enrollment.pk, []),
        }
        for enrollment in Enrollment.objects.filter(user=user).order_by("enrolled_at")
    ]


def _quiz_attempts(user, titles: _Titles) -> list[dict]:
    return [
        {
            "quiz": titles(attempt.quiz_key),
            "attempt": attempt.number,
            "started_at": attempt.started_at,
            "submitted_at": attempt.submitted_at,
            "submitted_too_late": attempt.late,
            "score_percent": attempt.score,
            "passed": attempt.passed,
            "answers": [
                {
                    "question": question["value"].get("prompt", ""),
                    "your_answer": answer_text(
                        question["type"], question["value"], attempt.answers.get(question["id"])
                    ),
                }
                for question in attempt.questions
                if question["id"] in attempt.answers
            ],
        }
        for attempt in QuizAttempt.objects.filter(user=user).order_by("started_at")
    ]


def answer_text(block_type: str, value: dict, answer):
    """A stored answer in the words the person saw (`courses.grading` keeps
    option numbers): the option chosen, the pairs matched, the order given."""
    if answer is None:
        return None
    if block_type == "single_choice":
        return value["options"][answer]["text"]
    if block_type == "multiple_response":
        return [value["options"][i]["text"] for i in answer]
    if block_type == "matching":
        choices = grading.match_choices(value)
        return [
            f"{pair['left']} → {choices[chosen] if chosen is not None else ''}"
            for pair, chosen in zip(value["pairs"], answer, strict=True)
        ]
    if block_type == "ordering":
        given = sorted(
            (position, item)
            for item, position in zip(value["items"], answer, strict=True)
            if position is not None
        )
        return [item for _, item in given]
    return answer  # true/false, short answer, number: stored as given


def _sessions(day) -> list[dict]:
    return [
        {"date": s.date, "starts_at": s.starts_at_time, "ends_at": s.ends_at_time, "place": s.place}
        for s in day.sessions.all()
    ]


def _bookings(user, titles: _Titles) -> list[dict]:
    registrations = (
        Registration.objects.filter(user=user)
        .select_related("training_day", "municipality")
        .prefetch_related("training_day__sessions__venue", "attendance__session")
        .order_by("created_at")
    )
    return [
        {
            "training": titles(r.training_day.course_key),
            "sessions": _sessions(r.training_day),
            "status": r.get_status_display(),
            "waiting_list_position": r.waitlist_position,
            "organisation": r.organisation,
            "municipality": r.municipality.name if r.municipality_id else "",
            "invoice_reference": r.invoice_reference,
            "dietary_needs": r.dietary_needs,
            "access_needs": r.access_needs,
            "tariff": r.get_tariff_display(),
            "price_eur": r.price,
            "booked_at": r.created_at,
            "confirmed_at": r.confirmed_at,
            "cancelled_at": r.cancelled_at,
            "completed_at": r.completed_at,
            "attendance": [
                {"session": mark.session.date, "status": mark.get_status_display()}
                for mark in r.attendance.all()
            ],
        }
        for r in registrations
    ]


def _group_bookings(user, titles: _Titles) -> list[dict]:
    groups = (
        GroupBooking.objects.filter(contact=user)
        .select_related("training_day")
        .prefetch_related("training_day__sessions__venue", "places__user")
        .order_by("created_at")
    )
    return [
        {
            "training": titles(group.training_day.course_key),
            "sessions": _sessions(group.training_day),
            "organisation": group.organisation,
            "invoice_reference": group.invoice_reference,
            "places_can_be_claimed_until": group.claim_deadline,
            "booked_at": group.created_at,
            "places": [
                {"held_for": place.invited_email, "status": place.get_status_display()}
                for place in group.places.all()
            ],
        }
        for group in groups
    ]


def _school_requests(user, addresses: set[str]) -> list[dict]:
    requests = (
        obligations.school_requests_of(user, addresses)
        .select_related("school", "evaluation")
        .prefetch_related("classes")
        .order_by("created_at")
    )
    result = []
    for request in requests:
        evaluation = getattr(request, "evaluation", None)
        result.append(
            {
                "school": request.school.name,
                "school_year": request.school_year,
                "status": request.get_status_display(),
                "contact_name": request.contact_name,
                "contact_role": request.contact_role,
                "contact_email": request.contact_email,
                "contact_phone": request.contact_phone,
                "level": request.get_level_display(),
                "classes": [
                    {"class": c.label, "group_size": c.group_size} for c in request.classes.all()
                ],
                "preferred_weeks": request.preferred_weeks,
                "day_parts": request.day_parts,
                "topics": request.topics,
                "notes": request.notes,
                "school_answer": request.school_answer,
                "received_at": request.created_at,
                "evaluation": None
                if evaluation is None
                else {
                    "content": evaluation.content_rating,
                    "trainers": evaluation.trainers_rating,
                    "fit_with_the_class": evaluation.fit_rating,
                    "comments": evaluation.comments,
                },
            }
        )
    return result


def _in_company_requests(addresses: set[str]) -> list[dict]:
    return [
        {
            "organisation": r.organisation,
            "training": r.course_title,
            "status": r.get_status_display(),
            "contact_name": r.contact_name,
            "contact_email": r.contact_email,
            "contact_phone": r.contact_phone,
            "team_size": r.team_size,
            "preferred_periods": r.preferred_periods,
            "location": r.location,
            "questions": r.questions,
            "received_at": r.created_at,
        }
        for r in obligations.in_company_requests_of(addresses).order_by("created_at")
    ]


def _trainer(user) -> dict | None:
    trainer = (
        Trainer.objects.filter(user=user)
        .prefetch_related("qualifications", "regions", "unavailability")
        .first()
    )
    if trainer is None:
        return None
    assignments = trainer.assignments.select_related("session__venue").order_by(
        "session__date", "session__starts_at_time"
    )
    return {
        "active": trainer.active,
        "qualifications": [q.get_programme_display() for q in trainer.qualifications.all()],
        "regions": [region.name for region in trainer.regions.all()],
        "maximum_sessions_per_day": trainer.max_sessions_per_day,
        "maximum_sessions_per_week": trainer.max_sessions_per_week,
        "calendar_feed_on": trainer.feed_token is not None,
        "days_off": [
            {"from": u.starts_on, "until": u.ends_on} for u in trainer.unavailability.all()
        ],
        "sessions": [
            {
                "date": a.session.date,
                "starts_at": a.session.starts_at_time,
                "ends_at": a.session.ends_at_time,
                "programme": a.session.get_programme_display(),
                "place": a.session.place,
                "cancelled": a.session.cancelled_at is not None,
            }
            for a in assignments
        ],
    }


def _certificates(user) -> list[dict]:
    return [
        {
            "code": c.code,
            "name_on_certificate": c.recipient_name,
            "title": c.subject_title,
            "kind": c.get_kind_display(),
            "issued_on": c.issued_on,
            "valid_until": c.expires_on,
            "status": c.get_status_display(),
            "revoked_at": c.revoked_at,
        }
        for c in Certificate.objects.filter(recipient=user).order_by("issued_on", "pk")
    ]
