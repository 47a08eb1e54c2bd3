"""The trainer's part of /my/: their sessions to come, each with what they need
on the day (a school lesson: the school, its address, the contact, level and
group size; a group meeting: the group, the meeting's number and the partner
location; a training day: the course and venue), the other trainer, a link to
the session plan and the attendance page; the sessions of the last 30 days
still missing attendance; their load this month; the calendar feed.

A fixed number of queries, however many sessions they give: the trainer, their
sessions (with school, group, venue and course in one join), the co-trainers,
and the session plans (two queries, kept under the page generation)."""

from datetime import timedelta
from functools import reduce
from operator import or_

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from courses.models import CoursePage, SessionPlanPage
from lms.pagecache import remember
from workshops.choices import DayStatus, Programme
from workshops.models import Assignment, Session, Trainer
from workshops.programmes import GROUP_PROGRAMMES, course_pages_of, programme_of_course

from .attendance import is_group_programme
from .dashboard import holdings
from .models import Attendance, Registration, SchoolLessonRequest

# How far back a session still asks for its attendance.
LOOK_BACK = timedelta(days=30)
# A school lesson whose request ended no longer happens.
ENDED_REQUESTS = (SchoolLessonRequest.Status.DECLINED, SchoolLessonRequest.Status.CANCELLED)
PLANNED_PROGRAMMES = (Programme.PREVENTION_LESSON, *GROUP_PROGRAMMES)


def _count(queryset, by: str):
    counted = queryset.values(by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def given_by(trainer_id: int):
    """The sessions `trainer_id` gives that still happen: not cancelled, not
    on a cancelled training day, not of a declined or cancelled school
    request; with what a schedule shows of them in the same query."""
    return (
        Session.objects.filter(assignments__trainer=trainer_id, cancelled_at__isnull=True)
        .exclude(training_day__status=DayStatus.CANCELLED)
        .exclude(school_class__request__status__in=ENDED_REQUESTS)
        .select_related("venue", "training_day__course", "group", "school_class__request__school")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.select_related("trainer__user").order_by("pk"),
            )
        )
        .order_by("date", "starts_at_time")
    )


def _sessions(trainer_id: int, since):
    confirmed = Registration.objects.filter(
        training_day=OuterRef("training_day"), status=Registration.Status.CONFIRMED
    )
    marked = Attendance.objects.filter(session=OuterRef("pk"))
    return (
        given_by(trainer_id)
        .filter(date__gte=since)
        .annotate(confirmed=_count(confirmed, "training_day"), marked=_count(marked, "session"))
    )


def school_class_of(session: Session):
    """The school class a session teaches, or None (without a query: the
    reverse one-to-one is part of `given_by`'s join)."""
    try:
        return session.school_class
    except Session.school_class.RelatedObjectDoesNotExist:
        return None


def session_title(session: Session) -> str:
    if session.training_day_id:
        return session.training_day.course.title
    if session.group_id:
        return f"{session.get_programme_display()}: {session.group.name}"
    school_class = school_class_of(session)
    if school_class is not None:
        return _("Prevention lesson at %(school)s") % {"school": school_class.request.school.name}
    return session.get_programme_display()


def session_place(session: Session) -> str:
    """Where to go: the school's address for a lesson, else the session's place."""
    school_class = school_class_of(session)
    if school_class is not None and not (session.venue_id or session.location):
        return school_class.request.school.one_line
    return str(session.place)


def session_details(session: Session) -> list[str]:
    """What the trainer needs to know beyond time and place, line by line.
    A class is a label, a level and a size: never anything about pupils."""
    school_class = school_class_of(session)
    if school_class is not None:
        request = school_class.request
        lines = [
            _("Contact: %(name)s, %(phone)s")
            % {"name": request.contact_name, "phone": request.contact_phone},
            _("Level: %(level)s") % {"level": request.get_level_display()},
            ngettext("Group of %(count)d", "Group of %(count)d", school_class.group_size)
            % {"count": school_class.group_size},
        ]
        if school_class.label:
            lines.insert(1, _("Class: %(label)s") % {"label": school_class.label})
        if request.status == SchoolLessonRequest.Status.PROPOSED:
            lines.append(_("Proposed: the school has not confirmed yet."))
        return lines
    if session.group_id:
        group = session.group
        lines = [_("Partner: %(partner)s") % {"partner": group.partner}]
        if session.meeting_number:
            lines.insert(0, _("Meeting %(number)d") % {"number": session.meeting_number})
        return lines
    return []


def _plan_links(language: str) -> dict[str, dict[int, list[tuple[str, str]]]]:
    """(title, url) of the live session plans per programme and meeting
    number, in `language` where a programme's course page exists in it, else
    in another language (two queries)."""
    wanted = reduce(or_, (course_pages_of(programme) for programme in PLANNED_PROGRAMMES))
    courses = list(
        CoursePage.objects.live().filter(wanted).select_related("locale").order_by("path")
    )
    chosen: dict[str, CoursePage] = {}
    for course in courses:
        programme = programme_of_course(course)
        if programme is None:
            continue
        current = chosen.get(programme)
        if current is None or (
            course.locale.language_code == language and current.locale.language_code != language
        ):
            chosen[programme] = course
    links: dict[str, dict[int, list[tuple[str, str]]]] = {p: {} for p in chosen}
    if not chosen:
        return links
    by_path = {course.path: programme for programme, course in chosen.items()}
    below = reduce(or_, (Q(path__startswith=c.path, depth=c.depth + 1) for c in chosen.values()))
    plans = SessionPlanPage.objects.live().filter(below).order_by("number", "path")
    for plan in plans.defer_streamfields():
        programme = by_path[plan.path[: -plan.steplen]]
        links[programme].setdefault(plan.number, []).append((plan.title, plan.get_url()))
    return links


def plan_links() -> dict[str, dict[int, list[tuple[str, str]]]]:
    """`_plan_links` in the reader's language, kept under the page generation
    (the same for every reader; a publish changes it)."""
    language = get_language() or "nl"
    return remember(f"trainer-plan-links:{language}", lambda: _plan_links(language))


def session_plans(session: Session, links: dict) -> list[tuple[str, str]]:
    """The plans for this session: every plan of the prevention lesson; for a
    group meeting the plan with its meeting number."""
    of_programme = links.get(session.programme, {})
    if session.programme == Programme.PREVENTION_LESSON:
        return [plan for plans in of_programme.values() for plan in plans]
    if session.programme in GROUP_PROGRAMMES and session.meeting_number:
        return of_programme.get(session.meeting_number, [])
    return []


def _entry(session: Session, trainer_id: int, links: dict) -> dict:
    group = is_group_programme(session)
    return {
        "session": session,
        "title": session_title(session),
        "place": session_place(session),
        "details": session_details(session),
        "plans": session_plans(session, links),
        "co_trainers": [
            str(assignment.trainer)
            for assignment in session.assignments.all()
            if assignment.trainer_id != trainer_id
        ],
        "group": group,
        "registers": session.training_day_id is not None and not group,
        "confirmed": None if group else session.confirmed,
    }


def _missing_attendance(session: Session) -> bool:
    if is_group_programme(session):
        return session.participant_count is None
    return session.training_day_id is not None and session.marked < session.confirmed


def month_load(sessions: list[Session], today) -> dict:
    """The sessions in this calendar month and the most in one of its weeks."""
    in_month = [s for s in sessions if (s.date.year, s.date.month) == (today.year, today.month)]
    weeks: dict[tuple, int] = {}
    for session in in_month:
        week = session.date.isocalendar()[:2]
        weeks[week] = weeks.get(week, 0) + 1
    return {"count": len(in_month), "busiest_week": max(weeks.values(), default=0)}


def feed_url(request, trainer: Trainer) -> str:
    if not trainer.feed_token:
        return ""
    return request.build_absolute_uri(reverse("bookings:trainer_feed", args=[trainer.feed_token]))


def trainer_sessions_section(request) -> dict | None:
    """For a user who is a trainer: upcoming sessions, what still needs
    marking, the month's load and the calendar feed."""
    if not request.user.is_authenticated:
        return None
    trainer_id = holdings(request).trainer_id
    if trainer_id is None:
        return None
    trainer = Trainer.objects.get(pk=trainer_id)
    links = plan_links()
    today = timezone.localdate()
    sessions = list(_sessions(trainer_id, today - LOOK_BACK))
    upcoming, to_mark = [], []
    for session in sessions:
        if session.date >= today:
            upcoming.append(_entry(session, trainer_id, links))
        elif _missing_attendance(session):
            to_mark.append(_entry(session, trainer_id, links))
    return {
        "template": "bookings/trainer_sessions.html",
        "trainer": trainer,
        "upcoming": upcoming,
        "to_mark": to_mark,
        "load": month_load(sessions, today),
        "feed_url": feed_url(request, trainer),
    }
