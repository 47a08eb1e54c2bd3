"""The funders' figures for a period and a municipality (or all of them),
counted by the database: a fixed number of aggregate queries however long the
period or large the data, and never a name. The counting rules, in words, are
in the README ("Figures for the funders"); each function below says its own.

Which municipality a row belongs to:
- training-day participants and the waiting list: the municipality given
  with the booking, else the one in the participant's profile;
- e-learnings and certificates: the municipality in the person's profile;
- school lessons and evaluations: the school's municipality;
- group programmes: the group's municipality.
Rows without one count only under "all municipalities"."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from uuid import UUID

from django.db.models import Avg, Count, Exists, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bookings.models import Attendance, LessonEvaluation, Registration, SchoolLessonRequest
from certificates.models import Certificate
from courses.models import CoursePage, Enrollment
from lms.models import Municipality, User
from workshops.choices import DayStatus, Programme
from workshops.models import Session, TrainingDay

# A lesson of a request the school accepted; proposed, declined or cancelled
# requests gave no lesson, whatever their sessions' dates.
GIVEN_REQUEST_STATUSES = (
    SchoolLessonRequest.Status.CONFIRMED,
    SchoolLessonRequest.Status.DELIVERED,
    SchoolLessonRequest.Status.EVALUATED,
)
GROUP_PROGRAMMES = (Programme.GIRLS_TALK, Programme.MAKE_A_MOVE)


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included."""

    start: date
    end: date

    @classmethod
    def calendar_year(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 12, 31))

    def months(self) -> list[date]:
        """The first day of every month the period touches."""
        month, months = self.start.replace(day=1), []
        while month <= self.end:
            months.append(month)
            month = (month + timedelta(days=32)).replace(day=1)
        return months

    def moments(self) -> tuple[datetime, datetime]:
        """The period as moments in the site's time zone: from the start of
        its first day up to (not including) the start of the day after."""
        zone = timezone.get_current_timezone()
        return (
            datetime.combine(self.start, time.min, tzinfo=zone),
            datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=zone),
        )


@dataclass(frozen=True)
class CourseRow:
    title: str
    day_participants: int = 0
    training_days: int = 0
    elearnings_completed: int = 0
    certificates: int = 0


@dataclass(frozen=True)
class ProgrammeRow:
    programme: str
    groups: int = 0
    meetings: int = 0
    participants: int = 0
    meetings_without_count: int = 0


@dataclass(frozen=True)
class MonthRow:
    month: date
    day_participants: int = 0
    elearnings_completed: int = 0
    certificates: int = 0
    lessons: int = 0
    pupils: int = 0
    group_meetings: int = 0
    group_participants: int = 0
    waitlisted: int = 0


@dataclass(frozen=True)
class Ratings:
    evaluations: int = 0
    content: Decimal | None = None
    trainers: Decimal | None = None
    fit: Decimal | None = None

    @property
    def overall(self) -> Decimal | None:
        """Every evaluation rates all three, so this is the mean of all ratings."""
        if self.content is None:
            return None
        return _one_decimal((self.content + self.trainers + self.fit) / 3)


@dataclass(frozen=True)
class Figures:
    period: Period
    municipality: Municipality | None
    professionals: int
    day_participants: int
    elearnings_completed: int
    certificates: int
    lessons: int
    pupils: int
    schools: int
    waitlisted: int
    ratings: Ratings
    programmes: list[ProgrammeRow] = field(default_factory=list)
    courses: list[CourseRow] = field(default_factory=list)
    months: list[MonthRow] = field(default_factory=list)


def compute(
    period: Period, municipality: Municipality | None, *, today: date | None = None
) -> Figures:
    """Every figure for `period` in `municipality` (None: all, including rows
    with no municipality). Lessons and group meetings count only up to
    `today` (default: the site's date): a planned lesson is not yet given.
    Always the same number of queries (15)."""
    today = today or timezone.localdate()
    given = Period(period.start, min(period.end, today))
    attended = _attended(period, municipality)
    completed = _completed(period, municipality)
    certificates = _certificates(period, municipality)
    lessons = _lessons(given, municipality)
    meetings = _meetings(given, municipality)
    waiting = _waitlisted(period, municipality)

    by_course = _by_course(attended, completed, certificates)
    months = _by_month(period, attended, completed, certificates, lessons, meetings, waiting)
    lesson_totals = lessons.aggregate(
        lessons=Count("pk"),
        pupils=Coalesce(Sum("school_class__group_size"), 0),
        schools=Count("school_class__request__school", distinct=True),
    )
    professionals = User.objects.filter(
        Q(pk__in=attended.values("registration__user")) | Q(pk__in=completed.values("user"))
    ).count()
    return Figures(
        period=period,
        municipality=municipality,
        professionals=professionals,
        day_participants=attended.aggregate(n=Count("registration__user", distinct=True))["n"],
        elearnings_completed=sum(row.elearnings_completed for row in months),
        certificates=sum(row.certificates for row in months),
        lessons=lesson_totals["lessons"],
        pupils=lesson_totals["pupils"],
        schools=lesson_totals["schools"],
        waitlisted=sum(row.waitlisted for row in months),
        ratings=_ratings(period, municipality),
        programmes=_programmes(meetings),
        courses=by_course,
        months=months,
    )


# --- What is counted ---------------------------------------------------------------


def _attended(period: Period, municipality):
    """Marks "present" or "late" on a session in the period of a training day
    that was not cancelled."""
    marks = Attendance.objects.filter(
        status__in=Attendance.ATTENDED, session__date__range=(period.start, period.end)
    ).exclude(registration__training_day__status=DayStatus.CANCELLED)
    if municipality is not None:
        marks = marks.alias(
            where=Coalesce("registration__municipality", "registration__user__municipality")
        ).filter(where=municipality.pk)
    return marks


def _completed(period: Period, municipality):
    """E-learning enrolments completed in the period (one per person and course)."""
    start, after = period.moments()
    enrolments = Enrollment.objects.filter(completed_at__gte=start, completed_at__lt=after)
    if municipality is not None:
        enrolments = enrolments.filter(user__municipality=municipality)
    return enrolments


def _certificates(period: Period, municipality):
    """Certificates issued in the period and not revoked (a reissued one counts once)."""
    issued = Certificate.objects.filter(issued_on__range=(period.start, period.end)).exclude(
        status=Certificate.Status.REVOKED
    )
    if municipality is not None:
        issued = issued.filter(recipient__municipality=municipality)
    return issued


def _lessons(given: Period, municipality):
    """A class's 90-minute lesson on a date in the period up to today, not
    cancelled, of a request the school accepted."""
    lessons = Session.objects.filter(
        school_class__isnull=False,
        school_class__request__status__in=GIVEN_REQUEST_STATUSES,
        cancelled_at__isnull=True,
        date__range=(given.start, given.end),
    )
    if municipality is not None:
        lessons = lessons.filter(school_class__request__school__municipality=municipality)
    return lessons


def _meetings(given: Period, municipality):
    """Group-programme meetings on a date in the period up to today, not cancelled."""
    meetings = Session.objects.filter(
        group__isnull=False, cancelled_at__isnull=True, date__range=(given.start, given.end)
    )
    if municipality is not None:
        meetings = meetings.filter(group__municipality=municipality)
    return meetings


def _waitlisted(period: Period, municipality):
    """People on the waiting list now, of a training day (not cancelled) whose
    first session falls in the period. Who got a place no longer counts.

    A row per registration and first session of its day ("no session of the
    day is earlier", which PostgreSQL answers with an anti-join rather than a
    look-up per row); two sessions on that first date give two rows, so count
    distinct registrations."""
    earlier = Session.objects.filter(
        training_day=OuterRef("training_day"), date__lt=OuterRef("first_date")
    )
    waiting = (
        Registration.objects.filter(status=Registration.Status.WAITLISTED)
        .exclude(training_day__status=DayStatus.CANCELLED)
        .alias(first_date=F("training_day__sessions__date"))
        .filter(~Exists(earlier), first_date__range=(period.start, period.end))
    )
    if municipality is not None:
        waiting = waiting.alias(where=Coalesce("municipality", "user__municipality")).filter(
            where=municipality.pk
        )
    return waiting


def _ratings(period: Period, municipality) -> Ratings:
    """Evaluations received in the period, by the school's municipality."""
    start, after = period.moments()
    evaluations = LessonEvaluation.objects.filter(created_at__gte=start, created_at__lt=after)
    if municipality is not None:
        evaluations = evaluations.filter(request__school__municipality=municipality)
    found = evaluations.aggregate(
        n=Count("pk"),
        content=Avg("content_rating"),
        trainers=Avg("trainers_rating"),
        fit=Avg("fit_rating"),
    )
    if not found["n"]:
        return Ratings()
    return Ratings(
        evaluations=found["n"],
        content=_one_decimal(found["content"]),
        trainers=_one_decimal(found["trainers"]),
        fit=_one_decimal(found["fit"]),
    )


# --- Grouped -----------------------------------------------------------------------


def _by_course(attended, completed, certificates) -> list[CourseRow]:
    """Per course (both language versions together, by translation key)."""
    counts: dict[UUID | None, dict[str, int]] = defaultdict(dict)
    for row in attended.values(key=F("registration__training_day__course_key")).annotate(
        people=Count("registration__user", distinct=True),
        days=Count("registration__training_day", distinct=True),
    ):
        counts[row["key"]].update(day_participants=row["people"], training_days=row["days"])
    for row in completed.values(key=F("course_key")).annotate(n=Count("pk")):
        counts[row["key"]]["elearnings_completed"] = row["n"]
    # A training day's certificate names the day; the course is the day's.
    day_course = TrainingDay.objects.filter(key=OuterRef("subject_key")).values("course_key")[:1]
    for row in (
        certificates.annotate(key=Coalesce(Subquery(day_course), F("subject_key")))
        .values("key")
        .annotate(n=Count("pk"))
    ):
        counts[row["key"]]["certificates"] = row["n"]
    titles = _course_titles([key for key in counts if key is not None])
    rows = [
        CourseRow(title=titles.get(key) or _("Other or removed course"), **values)
        for key, values in counts.items()
    ]
    return sorted(rows, key=lambda row: row.title.casefold())


def _course_titles(keys: list[UUID]) -> dict[UUID, str]:
    """Each course's title in the reader's language where it has one."""
    language = (get_language() or "nl").split("-")[0]
    titles: dict[UUID, str] = {}
    for key, code, title in CoursePage.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "locale__language_code", "title"
    ):
        if code == language or key not in titles:
            titles[key] = title
    return titles


def _by_month(period, attended, completed, certificates, lessons, meetings, waiting):
    months = {month: defaultdict(int) for month in period.months()}

    def add(rows, **names):
        for row in rows:
            counts = months.get(_month(row["month"]))
            if counts is not None:
                for name, column in names.items():
                    counts[name] += row[column] or 0

    add(
        attended.annotate(month=TruncMonth("session__date"))
        .values("month")
        .annotate(people=Count("registration__user", distinct=True)),
        day_participants="people",
    )
    add(
        completed.annotate(month=TruncMonth("completed_at"))
        .values("month")
        .annotate(n=Count("pk")),
        elearnings_completed="n",
    )
    add(
        certificates.annotate(month=TruncMonth("issued_on"))
        .values("month")
        .annotate(n=Count("pk")),
        certificates="n",
    )
    add(
        lessons.annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(n=Count("pk"), pupils=Sum("school_class__group_size")),
        lessons="n",
        pupils="pupils",
    )
    add(
        meetings.annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(n=Count("pk"), people=Sum("participant_count")),
        group_meetings="n",
        group_participants="people",
    )
    add(
        waiting.annotate(month=TruncMonth("first_date"))
        .values("month")
        .annotate(n=Count("pk", distinct=True)),
        waitlisted="n",
    )
    return [MonthRow(month=month, **counts) for month, counts in months.items()]


def _programmes(meetings) -> list[ProgrammeRow]:
    """Per programme: groups that met, meetings, the young people counted at
    them (a young person at three meetings counts three times: no one is
    registered, so nobody can be counted once) and meetings not yet counted."""
    found = {
        row["group_programme"]: row
        for row in meetings.values(group_programme=F("group__programme")).annotate(
            groups=Count("group", distinct=True),
            meetings=Count("pk"),
            participants=Coalesce(Sum("participant_count"), 0),
            counted=Count("participant_count"),
        )
    }
    rows = []
    for programme in GROUP_PROGRAMMES:
        row = found.get(programme)
        if row is None:
            rows.append(ProgrammeRow(programme=str(programme.label)))
            continue
        rows.append(
            ProgrammeRow(
                programme=str(programme.label),
                groups=row["groups"],
                meetings=row["meetings"],
                participants=row["participants"],
                meetings_without_count=row["meetings"] - row["counted"],
            )
        )
    return rows


# --- Helpers -----------------------------------------------------------------------


def _month(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def _one_decimal(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
