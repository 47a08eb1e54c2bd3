"""Demo calendar for `seed_demo`: the centre as a venue, five trainers with
their qualifications, regions and some unavailability, three upcoming open
training days of the youth-prostitution training (given by the first two
trainers) and two past ones, this school year's nationwide school holidays
and a Girls' Talk group halfway through its nine meetings. Participants, the
in-company day, attendance and the schools' lesson requests come from
`bookings.demo` (bookings builds on this).

School holidays: only the nationwide periods (Christmas, May); the regional
ones (autumn, spring, summer) are for coordinators to enter.

No prices: the sources give none, so the pages say "price on request".
The venue's street is left blank: the sources give no address.
Idempotent: once the course has training days, the Girls' Talk group or a
holiday exists, it is not added again."""

from datetime import date, time, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from courses.models import CoursePage
from lms import roles
from lms.demo import DEMO_PASSWORD, SeedContext
from lms.models import Municipality, User

from . import services
from .choices import DayStatus, Programme
from .models import (
    ProgrammeGroup,
    Qualification,
    SchoolHoliday,
    Session,
    Trainer,
    TrainingDay,
    Unavailability,
    Venue,
)

COURSE_SLUG = "training-jeugdprostitutie"
VENUE_NAME = "Expertisecentrum Seksualiteit, Sekswerk en Mensenhandel (ESSM)"

TRAINERS = [
    # (e-mail, first name, last name, programmes); the first is lms.demo's trainer.
    (
        "trainer@example.org",
        "Tarik",
        "El Amrani",
        [Programme.TRAINING_DAY, Programme.PREVENTION_LESSON, Programme.GIRLS_TALK],
    ),
    (
        "trainer2@example.org",
        "Fatima",
        "Ouali",
        [Programme.TRAINING_DAY, Programme.PREVENTION_LESSON, Programme.MAKE_A_MOVE],
    ),
]

# Three more, for school lessons and group programmes: (e-mail, first name,
# last name, programmes, regions, unavailable (days from today, length)).
MORE_TRAINERS = [
    (
        "trainer3@example.org",
        "Jeroen",
        "de Wit",
        [Programme.PREVENTION_LESSON, Programme.MAKE_A_MOVE],
        ["Schiedam", "Vlaardingen", "Maassluis"],
        (4, 3),
    ),
    (
        "trainer4@example.org",
        "Anouk",
        "Verbeek",
        [Programme.PREVENTION_LESSON, Programme.GIRLS_TALK],
        ["Rotterdam", "Capelle aan den IJssel", "Krimpen aan den IJssel"],
        (75, 8),
    ),
    (
        "trainer5@example.org",
        "Mehmet",
        "Yilmaz",
        [Programme.PREVENTION_LESSON, Programme.TRAINING_DAY],
        ["Rotterdam", "Barendrecht", "Ridderkerk", "Albrandswaard"],
        (30, 2),
    ),
]
# The first two trainers' regions (they are created with Rotterdam).
NEIGHBOURS = {"trainer2@example.org": ["Schiedam", "Barendrecht"]}

# Nationwide school holidays of school year 2026-2027 (the regional ones are
# entered by coordinators).
SCHOOL_HOLIDAYS = [
    ("Kerstvakantie", date(2026, 12, 19), date(2027, 1, 3)),
    ("Meivakantie", date(2027, 4, 24), date(2027, 5, 2)),
]

GIRLS_TALK_GROUP = {
    "programme": Programme.GIRLS_TALK,
    "name": "Girls' Talk Demo Buurthuis (demo)",
    "partner": "Buurthuis De Voorbeeldhaven (demo)",
    "location": "Buurthuis De Voorbeeldhaven, Voorbeeldstraat 12, Rotterdam",
}
GIRLS_TALK_MEETINGS, GIRLS_TALK_PAST = 9, 4
GIRLS_TALK_COUNTS = [8, 7, 9, 7]  # how many took part in the past meetings
GIRLS_TALK_TIME = (time(15, 30), time(17, 0))
# The Girls' Talk pair: trainer@example.org and trainer4@example.org.
GIRLS_TALK_PAIR = ("trainer@example.org", "trainer4@example.org")

# (days from today, capacity, minimum, days before the first session the
# minimum is decided; None: no minimum) for the upcoming open days. The
# participants that make one full and leave one below its minimum are booked
# by bookings.demo.
UPCOMING = [
    ("full", 21, 4, 0, None),
    ("below_minimum", 35, 12, 8, 14),
    ("open", 56, 12, 0, None),
]
PAST = [("past_recent", -14), ("past_older", -45)]
DAY_START, DAY_END = time(9, 30), time(16, 30)


def venue() -> Venue:
    found = Venue.objects.filter(name=VENUE_NAME).first()
    if found is None:
        found = Venue.objects.create(name=VENUE_NAME, address="", city="Rotterdam")
    return found


def _regions(trainer: Trainer, names: list[str]) -> None:
    # A parental many-to-many is written when the trainer is saved.
    trainer.regions.add(*Municipality.objects.filter(name__in=names))
    trainer.save()


def _trainer(email: str, first: str, last: str, programmes: list[str]) -> Trainer:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            username=email.split("@")[0],
            email=email,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        user.groups.add(Group.objects.get(name=roles.TRAINERS))
    trainer, created = Trainer.objects.get_or_create(user=user)
    if created:
        for programme in programmes:
            Qualification.objects.create(trainer=trainer, programme=programme)
        _regions(trainer, ["Rotterdam"])
    return trainer


def trainers() -> list[Trainer]:
    """The two trainers of the training days."""
    return [_trainer(*row) for row in TRAINERS]


def more_trainers() -> list[Trainer]:
    """The three trainers for school lessons and group programmes, with
    their regions and a period off; the first two get neighbouring regions."""
    made = []
    for email, first, last, programmes, regions, (offset, days) in MORE_TRAINERS:
        new = not Trainer.objects.filter(user__email=email).exists()
        trainer = _trainer(email, first, last, programmes)
        if new:
            _regions(trainer, regions)
            starts = timezone.localdate() + timedelta(days=offset)
            Unavailability.objects.create(
                trainer=trainer, starts_on=starts, ends_on=starts + timedelta(days=days - 1)
            )
        made.append(trainer)
    for email, names in NEIGHBOURS.items():
        trainer = Trainer.objects.filter(user__email=email).first()
        if trainer is not None and not trainer.regions.filter(name__in=names).exists():
            _regions(trainer, names)
    return made


def all_trainers() -> dict[str, Trainer]:
    """The five demo trainers by e-mail address."""
    everyone = [*trainers(), *more_trainers()]
    return {trainer.user.email: trainer for trainer in everyone}


def school_holidays() -> int:
    made = 0
    for name, starts_on, ends_on in SCHOOL_HOLIDAYS:
        _holiday, created = SchoolHoliday.objects.get_or_create(
            name=name, starts_on=starts_on, defaults={"ends_on": ends_on}
        )
        made += created
    return made


def in_holiday(day: date) -> bool:
    return any(start <= day <= end for _name, start, end in SCHOOL_HOLIDAYS)


def _weekly_dates(first: date, count: int, *, step: int = 7) -> list[date]:
    """`count` dates a week apart from `first` (back in time with step=-7),
    skipping school holidays. Always the same weekday as `first`, so they
    never fall on a training day's date (21, 35… days from today)."""
    dates, day = [], first
    while len(dates) < count:
        if not in_holiday(day):
            dates.append(day)
        day += timedelta(days=step)
    return dates


def girls_talk_group(team: dict[str, Trainer]) -> ProgrammeGroup | None:
    """A Girls' Talk group halfway: four weekly meetings past, with how many
    took part, five to come; each given by the same two trainers."""
    if ProgrammeGroup.objects.filter(name=GIRLS_TALK_GROUP["name"]).exists():
        return None
    pair = [team[email] for email in GIRLS_TALK_PAIR]
    rotterdam = Municipality.objects.filter(name="Rotterdam").first()
    group = ProgrammeGroup.objects.create(**GIRLS_TALK_GROUP, municipality=rotterdam)
    today = timezone.localdate()
    # Past meetings go back weekly from two days ago; the rest follow on.
    past = _weekly_dates(today - timedelta(days=2), GIRLS_TALK_PAST, step=-7)[::-1]
    coming = _weekly_dates(past[-1] + timedelta(days=7), GIRLS_TALK_MEETINGS - len(past))
    starts, ends = GIRLS_TALK_TIME
    for number, day in enumerate([*past, *coming], start=1):
        session = Session.objects.create(
            programme=group.programme,
            group=group,
            meeting_number=number,
            date=day,
            starts_at_time=starts,
            ends_at_time=ends,
            location=group.location,
            participant_count=(
                GIRLS_TALK_COUNTS[number - 1] if number <= len(GIRLS_TALK_COUNTS) else None
            ),
        )
        for trainer in pair:
            services.assign_trainer(session, trainer, by=None)
    return group


def demo_days(course: CoursePage) -> dict[str, TrainingDay]:
    """The demo's training days by their role, for bookings.demo (matched by
    their place in time: upcoming ones by date, past ones likewise)."""
    days = {}
    today = timezone.localdate()
    upcoming, past = [], []
    for day in TrainingDay.objects.filter(course=course).prefetch_related("sessions"):
        first = day.first_session
        if first is not None:
            (upcoming if first.date >= today else past).append((first.date, day))
    for (role, *_rest), (_date, day) in zip(UPCOMING, sorted(upcoming), strict=False):
        days[role] = day
    for (role, _offset), (_date, day) in zip(PAST, sorted(past, reverse=True), strict=False):
        days[role] = day
    return days


def _day(course, place, team, offset, capacity, minimum, decide_before, status) -> TrainingDay:
    today = timezone.localdate()
    date = today + timedelta(days=offset)
    day = TrainingDay.objects.create(
        course=course,
        status=status,
        capacity=capacity,
        min_participants=minimum,
        decision_date=date - timedelta(days=decide_before) if decide_before else None,
    )
    session = Session.objects.create(
        training_day=day, date=date, starts_at_time=DAY_START, ends_at_time=DAY_END, venue=place
    )
    for trainer in team:
        services.assign_trainer(session, trainer, by=None)
    return day


def seed(ctx: SeedContext) -> None:
    place = venue()
    team = trainers()
    everyone = all_trainers()
    if holidays := school_holidays():
        ctx.log.append(f"{holidays} school holidays")
    if girls_talk_group(everyone) is not None:
        ctx.log.append("a Girls' Talk group with 9 meetings, 4 of them past")
    course = CoursePage.objects.filter(slug=COURSE_SLUG, locale__language_code="nl").first()
    if course is None or TrainingDay.objects.filter(course=course).exists():
        return
    for _role, offset, capacity, minimum, decide_before in UPCOMING:
        _day(course, place, team, offset, capacity, minimum, decide_before, DayStatus.PUBLISHED)
    for _role, offset in PAST:
        _day(course, place, team, offset, 12, 0, None, DayStatus.COMPLETED)
    ctx.log.append(f"{len(UPCOMING) + len(PAST)} training days with {len(team)} trainers")
