"""Demo participants for `seed_demo`, on the calendar of `workshops.demo`:
one upcoming day full with a waiting list, one below its minimum, an
in-company day planned from an organisation's request, and past days whose
attendance is marked (so some demo participants hold a training-day
certificate). Everyone is a demo account at example.org.

Schools: seven fictional schools (Demo …, Voorbeeldstraat, @example.org, phone
numbers no one can have) asking for prevention lessons, one request in each
state: requested, in review, proposed (with sessions, trainers and an answer
link), confirmed, delivered, evaluated, and declined. The school contact demo
log-in (school@example.org) is a contact of two of them. Classes are a label,
a level and a size: nothing about pupils.

Idempotent: once a demo participant has a registration, no participants are
added; once a demo school exists, no schools are."""

import secrets
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from courses.models import CoursePage
from lms import roles
from lms.demo import DEMO_PASSWORD, SeedContext
from lms.errors import Refused
from lms.models import Municipality, User
from workshops import demo as calendar
from workshops import services as scheduling
from workshops.choices import Programme
from workshops.models import Session

from . import attendance, incompany, services
from .models import (
    InCompanyRequest,
    LessonEvaluation,
    Level,
    LocationKind,
    Registration,
    School,
    SchoolClass,
    SchoolLessonRequest,
)

LEARNER = "leerling@example.org"
COORDINATOR = "coordinator@example.org"
IN_COMPANY_COURSE = "jeugdprostitutie-incompany"

PARTICIPANTS = [
    # (e-mail, first name, last name, organisation, works in Rotterdam)
    ("deelnemer1@example.org", "Daan", "Mulder", "Jongerenwerk Noord (demo)", True),
    ("deelnemer2@example.org", "Yasmina", "Haddou", "Wijkteam Zuid (demo)", True),
    ("deelnemer3@example.org", "Kevin", "Pinas", "Opvang De Haven (demo)", True),
    ("deelnemer4@example.org", "Iris", "van Dijk", "Scholengroep West (demo)", False),
    ("deelnemer5@example.org", "Milan", "Koster", "Jeugdzorg Voorbeeld (demo)", False),
    ("deelnemer6@example.org", "Sophie", "Claes", "Wijkteam Zuid (demo)", True),
    ("deelnemer7@example.org", "Ravi", "Ramdin", "Politie, wijkteam (demo)", True),
]

IN_COMPANY_REQUEST = {
    "organisation": "Opvang De Haven (demo)",
    "contact_name": "Kevin Pinas",
    "contact_email": "deelnemer3@example.org",
    "team_size": 10,
    "preferred_periods": "Bij voorkeur op een dinsdag in de komende twee maanden.",
    "location": "Op de eigen locatie van de organisatie",
    "questions": "Kunnen we casussen uit onze eigen praktijk inbrengen?",
}


def _participant(email, first, last, organisation, in_rotterdam, rotterdam) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            username=email.split("@")[0],
            email=email,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            organisation=organisation,
            municipality=rotterdam if in_rotterdam else None,
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        user.groups.add(Group.objects.get(name=roles.LEARNERS))
    return user


def _book(day, users) -> None:
    for user in users:
        services.book_place(
            day, user, organisation=user.organisation, municipality=user.municipality
        )


def _attended(day, users, marks, trainer_user) -> None:
    """Past days: places as they were, then the trainer marks attendance
    (completion sends the signal certificates listen to)."""
    registrations = [
        Registration.objects.create(
            training_day=day,
            user=user,
            status=Registration.Status.CONFIRMED,
            confirmed_at=timezone.now(),
            organisation=user.organisation,
            municipality=user.municipality,
            tariff="standard",
            price=None,
        )
        for user in users
    ]
    for session in day.sessions.all():
        attendance.mark_attendance(
            session,
            {r.pk: mark for r, mark in zip(registrations, marks, strict=True)},
            by=trainer_user,
        )


def _in_company(coordinator, place, team) -> None:
    course = CoursePage.objects.filter(slug=IN_COMPANY_COURSE, locale__language_code="nl").first()
    if course is None or coordinator is None:
        return
    request = InCompanyRequest.objects.create(
        course_key=course.translation_key,
        course_title=course.title,
        language="nl",
        status=InCompanyRequest.Status.NEW,
        confirmed_at=timezone.now(),
        **IN_COMPANY_REQUEST,
    )
    date = timezone.localdate() + timedelta(days=42)
    day = incompany.plan_in_company(
        request,
        capacity=IN_COMPANY_REQUEST["team_size"],
        sessions=[incompany.SessionSpec(date=date, starts_at=time(9, 30), ends_at=time(16, 30))],
        by=coordinator,
    )
    for trainer in team:
        scheduling.assign_trainer(day.sessions.get(), trainer, by=coordinator)


def seed(ctx: SeedContext) -> None:
    seed_training_days(ctx)
    seed_schools(ctx)


def seed_training_days(ctx: SeedContext) -> None:
    emails = [row[0] for row in PARTICIPANTS]
    if Registration.objects.filter(user__email__in=emails).exists():
        return
    course = CoursePage.objects.filter(
        slug=calendar.COURSE_SLUG, locale__language_code="nl"
    ).first()
    if course is None:
        return
    days = calendar.demo_days(course)
    if len(days) < len(calendar.UPCOMING) + len(calendar.PAST):
        return  # editors changed the calendar: leave it to them
    rotterdam = Municipality.objects.filter(name="Rotterdam").first()
    people = [_participant(*row, rotterdam) for row in PARTICIPANTS]
    team = calendar.trainers()

    full = days["full"]
    _book(full, people[: full.capacity + 2])  # every seat, and two on the waiting list
    _book(days["below_minimum"], people[:3])
    _book(days["open"], people[3:5])

    learner = User.objects.filter(email=LEARNER).first()
    recent = [learner, *people[:3]] if learner is not None else people[:4]
    _attended(days["past_recent"], recent, ["present", "present", "late", "absent"], team[0].user)
    _attended(days["past_older"], people[4:6], ["present", "excused"], team[0].user)
    _in_company(User.objects.filter(email=COORDINATOR).first(), calendar.venue(), team)
    ctx.log.append(
        f"{len(people)} demo participants, bookings, a waiting list, attendance and an "
        "in-company day"
    )


# --- Schools and their requests for prevention lessons -----------------------

SCHOOL_CONTACT = "school@example.org"
Status = SchoolLessonRequest.Status
LESSON = timedelta(minutes=90)
LESSON_TIMES = [time(10, 0), time(12, 30)]

# (state, school name, city/municipality, kind, level, contact, classes
# (label, size), days from today of the lessons, trainer pair).
SCHOOLS = [
    (
        Status.REQUESTED,
        "Demo College Noord",
        "Rotterdam",
        LocationKind.SECONDARY,
        Level.VMBO,
        "school",
        [("2B", 24), ("2C", 22)],
        None,
        None,
    ),
    (
        Status.IN_REVIEW,
        "Demo Lyceum Zuid",
        "Schiedam",
        LocationKind.SECONDARY,
        Level.HAVO,
        "Jasper Vos",
        [("3H1", 28)],
        None,
        None,
    ),
    (
        Status.PROPOSED,
        "Demo Vakcollege West",
        "Vlaardingen",
        LocationKind.MBO,
        Level.MBO2,
        "school",
        [("ZW2A", 18), ("ZW2B", 20)],
        17,
        ("trainer3@example.org", "trainer5@example.org"),
    ),
    (
        Status.CONFIRMED,
        "Demo Scholengemeenschap Oost",
        "Capelle aan den IJssel",
        LocationKind.SECONDARY,
        Level.VMBO,
        "Lisa Mertens",
        [("3K", 21)],
        10,
        ("trainer@example.org", "trainer5@example.org"),
    ),
    (
        Status.DELIVERED,
        "Demo MBO Rijnmond",
        "Rotterdam",
        LocationKind.MBO,
        Level.MBO3,
        "Ahmed Bouzid",
        [("PW3A", 19), ("PW3B", 17)],
        -9,
        ("trainer3@example.org", "trainer5@example.org"),
    ),
    (
        Status.EVALUATED,
        "Demo Praktijkschool Maas",
        "Ridderkerk",
        LocationKind.SECONDARY,
        Level.PRO,
        "Monique de Graaf",
        [("P2", 14)],
        -20,
        ("trainer4@example.org", "trainer5@example.org"),
    ),
    (
        Status.DECLINED,
        "Demo Buurthuis De Brug",
        "Barendrecht",
        LocationKind.COMMUNITY,
        Level.OTHER,
        "Kees Hoekstra",
        [("Jongerengroep", 12)],
        None,
        None,
    ),
]
DECLINED_REASON = (
    "We geven deze les niet aan losse groepen buiten een vaste leeromgeving; "
    "we nemen contact op over een alternatief."
)
EVALUATION = {
    "content_rating": 5,
    "trainers_rating": 4,
    "fit_rating": 4,
    "comments": "De klas deed goed mee; het deel over sextortion kwam goed aan.",
}


def _school_year(today: date) -> str:
    start = today.year if today.month >= 8 else today.year - 1
    return f"{start}-{start + 1}"


def _weekday(day: date) -> date:
    while day.weekday() >= 5 or calendar.in_holiday(day):
        day += timedelta(days=1)
    return day


def _contact(who: str, user: User | None) -> dict:
    if who == "school" and user is not None:
        return {
            "contact_name": user.get_full_name(),
            "contact_email": user.email,
            "contact_user": user,
        }
    local = who.lower().replace(" ", ".")
    return {"contact_name": who, "contact_email": f"{local}@example.org", "contact_user": None}


def _lessons(request, school, classes, offset, pair, team) -> None:
    """Each class's 90-minute lesson at the school, both on one weekday, given
    by the pair; on a clash the next weekday is tried (the demo stays
    consistent with the scheduling rules whatever day it is seeded)."""
    trainers = [team[email] for email in pair]
    day = _weekday(timezone.localdate() + timedelta(days=offset))
    for _attempt in range(10):
        try:
            with transaction.atomic():
                for (label, size), starts in zip(classes, LESSON_TIMES, strict=False):
                    ends = (datetime.combine(day, starts) + LESSON).time()
                    session = Session.objects.create(
                        programme=Programme.PREVENTION_LESSON,
                        date=day,
                        starts_at_time=starts,
                        ends_at_time=ends,
                        location=school.one_line,
                    )
                    SchoolClass.objects.create(
                        request=request, label=label, group_size=size, session=session
                    )
                    for trainer in trainers:
                        scheduling.assign_trainer(session, trainer, by=None)
            return
        except Refused:
            day = _weekday(day + timedelta(days=1))
    raise RuntimeError(f"no free day for the demo lessons of {school.name}")


def seed_schools(ctx: SeedContext) -> None:
    if School.objects.filter(name__in=[row[1] for row in SCHOOLS]).exists():
        return
    team = calendar.all_trainers()
    contact_user = User.objects.filter(email=SCHOOL_CONTACT).first()
    today = timezone.localdate()
    now = timezone.now()
    for index, row in enumerate(SCHOOLS, start=1):
        status, name, city, kind, level, who, classes, offset, pair = row
        municipality = Municipality.objects.filter(name=city).first()
        if municipality is None:
            continue
        school = School.objects.create(
            name=name,
            address=f"Voorbeeldstraat {10 + index}",
            postcode="0000 AA",
            city=city,
            municipality=municipality,
            location_kind=kind,
        )
        contact = _contact(who, contact_user)
        if contact["contact_user"] is not None:
            school.contacts.add(contact["contact_user"])
        request = SchoolLessonRequest.objects.create(
            school=school,
            contact_role="Zorgcoördinator" if kind != LocationKind.COMMUNITY else "Jongerenwerker",
            contact_phone=f"010 000 00 {index:02d}",
            level=level,
            school_year=_school_year(today),
            preferred_weeks=[(today + timedelta(days=7 * n)).isocalendar()[1] for n in (2, 3, 4)],
            day_parts=["morning"],
            topics=["boundaries", "online_safety", "sexting"],
            language="nl",
            status=status,
            confirmed_at=now,
            status_reason=DECLINED_REASON if status == Status.DECLINED else "",
            **contact,
        )
        if offset is None:
            for label, size in classes:
                SchoolClass.objects.create(request=request, label=label, group_size=size)
        else:
            _lessons(request, school, classes, offset, pair, team)
        if status == Status.PROPOSED:
            request.answer_token = secrets.token_urlsafe(32)
            request.answer_token_expires_at = now + timedelta(days=14)
        if status in (Status.DELIVERED, Status.EVALUATED):
            request.evaluation_token = secrets.token_urlsafe(32)
        request.save()
        if status == Status.EVALUATED:
            LessonEvaluation.objects.create(request=request, **EVALUATION)
    ctx.log.append(f"{len(SCHOOLS)} demo schools with prevention-lesson requests")
