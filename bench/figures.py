"""How long do the funders' figures take for a year of data at ten times the
demo's size? Builds that year in its own PostgreSQL database
(lms_bench_figures) and times `reports.figures.compute` for all
municipalities and for one. Target: under 300 ms. Prints figures; not a test.

    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/figures.py [--scale 10] [--runs 20]

The demo (`seed_demo`: courses/demo.py, workshops/demo.py, bookings/demo.py,
certificates/demo.py) holds, for one year: 6 training days, 8 professionals
with 17 registrations (2 on a waiting list) and 6 attendance marks, 1
e-learning completed, 5 certificates, 7 schools with 10 classes (8 lessons
given) and 1 evaluation, and 1 Girls' Talk group of 9 meetings. `--scale`
multiplies each of these; the year is the twelve months up to today, so
every lesson and meeting in it counts as given.
"""

import argparse
import random
import statistics
import time as clock
from datetime import date, datetime, time, timedelta

from common import bench_environment, recreate_database, setup_django

TARGET_MS = 300
DEMO = {
    "training_days": 6,
    "professionals": 8,
    "registrations": 17,
    "waitlisted": 2,
    "marks": 6,
    "elearnings": 1,
    "certificates": 5,
    "schools": 7,
    "classes": 10,
    "lessons": 8,
    "evaluations": 1,
    "groups": 1,
}
MEETINGS_PER_GROUP = 9


def build(scale: int, first_day: date) -> dict:
    """The year's rows, written with bulk_create; returns what was made."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from bookings.models import (
        Attendance,
        LessonEvaluation,
        Registration,
        School,
        SchoolClass,
        SchoolLessonRequest,
    )
    from certificates.models import Certificate
    from courses.choices import Audience, Format, Theme
    from courses.models import CourseIndexPage, CoursePage, Enrollment
    from lms.models import Municipality, User
    from workshops.choices import DayStatus, Programme
    from workshops.models import ProgrammeGroup, Session, TrainingDay

    rng = random.Random(14)
    n = {name: count * scale for name, count in DEMO.items()}
    days_of_year = [first_day + timedelta(days=d) for d in range(365)]
    weekdays = [d for d in days_of_year if d.weekday() < 5]
    places = list(Municipality.objects.all())

    def moment(day: date) -> datetime:
        return timezone.make_aware(datetime.combine(day, time(14, 0)))

    locale = Locale.get_default()
    catalogue = Page.get_first_root_node().add_child(
        instance=CourseIndexPage(title="Aanbod", slug="aanbod", locale=locale)
    )
    courses = [
        catalogue.add_child(
            instance=CoursePage(
                title=f"Training {c}",
                slug=f"training-{c}",
                locale=locale,
                summary="Benchmark",
                audience=Audience.PROFESSIONALS,
                format=Format.TRAINING_DAY if c < 3 else Format.ELEARNING,
                theme=Theme.HUMAN_TRAFFICKING,
                learning_goals="<p>Benchmark</p>",
            )
        )
        for c in range(6)
    ]

    people = User.objects.bulk_create(
        User(
            username=f"bench-{p}",
            email=f"bench-{p}@example.org",
            password=make_password(None),  # unusable: nobody logs in
            first_name="Deelnemer",
            last_name=str(p),
            municipality=rng.choice(places + [None]),
        )
        for p in range(n["professionals"])
    )

    days = TrainingDay.objects.bulk_create(
        TrainingDay(
            course=course,
            course_key=course.translation_key,
            status=DayStatus.COMPLETED,
            capacity=12,
        )
        for course in (courses[d % 3] for d in range(n["training_days"]))
    )
    day_sessions = Session.objects.bulk_create(
        Session(
            training_day=day,
            date=rng.choice(weekdays),
            starts_at_time=time(9, 30),
            ends_at_time=time(16, 30),
            location="Expertisecentrum",
        )
        for day in days
    )
    seated = n["registrations"] - n["waitlisted"]
    # Registration i: day i mod D, person (i div D) mod P: never twice the same pair.
    pairs = [(i % len(days), (i // len(days)) % len(people)) for i in range(n["registrations"])]
    registrations = Registration.objects.bulk_create(
        Registration(
            training_day=days[d],
            user=people[p],
            status=Registration.Status.CONFIRMED if i < seated else Registration.Status.WAITLISTED,
            waitlist_position=None if i < seated else i - seated + 1,
            municipality=people[p].municipality if i % 2 else rng.choice(places),
            tariff="standard",
        )
        for i, (d, p) in enumerate(pairs)
    )
    session_of = {session.training_day_id: session for session in day_sessions}
    marked = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    Attendance.objects.bulk_create(
        Attendance(
            registration=r,
            session=session_of[r.training_day_id],
            status=rng.choice(["present", "present", "late", "absent"]),
        )
        for r in marked[: n["marks"]]
    )
    Enrollment.objects.bulk_create(
        Enrollment(
            user=person,
            course_key=courses[3 + i % 3].translation_key,
            completed_at=moment(rng.choice(days_of_year)),
        )
        for i, person in enumerate(rng.sample(people, n["elearnings"]))
    )
    Certificate.objects.bulk_create(
        Certificate(
            recipient=person,
            recipient_name=person.get_full_name(),
            subject_key=courses[3 + i % 3].translation_key,
            subject_title="Training",
            issued_on=rng.choice(days_of_year),
            status=Certificate.Status.READY,
        )
        for i, person in enumerate(rng.choices(people, k=n["certificates"]))
    )

    schools = School.objects.bulk_create(
        School(
            name=f"Demo School {s}",
            address="Voorbeeldstraat 1",
            postcode="0000 AA",
            city="Rotterdam",
            municipality=rng.choice(places),
            location_kind="secondary",
        )
        for s in range(n["schools"])
    )
    requests = SchoolLessonRequest.objects.bulk_create(
        SchoolLessonRequest(
            school=school,
            contact_name="Contact",
            contact_role="Zorgcoördinator",
            contact_email="school@example.org",
            contact_phone="010 000 00 00",
            level="vmbo",
            school_year="2025-2026",
            status=SchoolLessonRequest.Status.DELIVERED,
        )
        for school in schools
    )
    lessons = Session.objects.bulk_create(
        Session(
            programme=Programme.PREVENTION_LESSON,
            date=rng.choice(weekdays),
            starts_at_time=time(10, 0),
            ends_at_time=time(11, 30),
            location="School",
        )
        for _lesson in range(n["lessons"])
    )
    SchoolClass.objects.bulk_create(
        SchoolClass(
            request=requests[c % len(requests)],
            label=f"{c % 4 + 1}B",
            group_size=rng.randint(12, 30),
            session=lessons[c] if c < len(lessons) else None,
        )
        for c in range(n["classes"])
    )
    evaluations = LessonEvaluation.objects.bulk_create(
        LessonEvaluation(
            request=request,
            content_rating=rng.randint(3, 5),
            trainers_rating=rng.randint(3, 5),
            fit_rating=rng.randint(3, 5),
        )
        for request in requests[: n["evaluations"]]
    )
    for evaluation in evaluations:
        evaluation.created_at = moment(rng.choice(days_of_year))
    LessonEvaluation.objects.bulk_update(evaluations, ["created_at"])

    groups = ProgrammeGroup.objects.bulk_create(
        ProgrammeGroup(
            programme=Programme.GIRLS_TALK if g % 2 == 0 else Programme.MAKE_A_MOVE,
            name=f"Groep {g}",
            partner="Buurthuis",
            location="Voorbeeldstraat 12",
            municipality=rng.choice(places),
        )
        for g in range(n["groups"])
    )
    starts = {group.pk: first_day + timedelta(days=rng.randrange(280)) for group in groups}
    Session.objects.bulk_create(
        Session(
            programme=group.programme,
            group=group,
            meeting_number=m + 1,
            date=starts[group.pk] + timedelta(weeks=m),
            starts_at_time=time(15, 30),
            ends_at_time=time(17, 0),
            participant_count=rng.randint(5, 10),
        )
        for group in groups
        for m in range(MEETINGS_PER_GROUP)
    )
    return n


def timed(runs: int, work) -> tuple[float, float, float]:
    """The first run apart (it opens the connection), then median and worst."""
    timings = []
    for _run in range(runs):
        started = clock.perf_counter()
        work()
        timings.append((clock.perf_counter() - started) * 1000)
    return timings[0], statistics.median(timings[1:]), max(timings[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    env = bench_environment(DATABASE_URL="postgres://postgres@127.0.0.1:5432/lms_bench_figures")
    recreate_database(env)
    setup_django(env)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone, translation

    from lms.models import Municipality
    from reports import exports
    from reports.figures import Period, compute

    translation.activate("nl")
    today = timezone.localdate()
    period = Period(today - timedelta(days=364), today)
    made = build(args.scale, period.start)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    rotterdam = Municipality.objects.get(name="Rotterdam")
    print(f"scale {args.scale}: " + ", ".join(f"{count} {name}" for name, count in made.items()))
    for label, municipality in (("all municipalities", None), ("Rotterdam", rotterdam)):
        with CaptureQueriesContext(connection) as queries:
            figures = compute(period, municipality)
        first, median, worst = timed(args.runs, lambda m=municipality: compute(period, m))
        print(
            f"{label}: first {first:.1f} ms, then median {median:.1f} ms, worst {worst:.1f} ms, "
            f"{len(queries)} queries ({figures.professionals} professionals, "
            f"{figures.lessons} lessons, {figures.pupils} pupils) "
            f"(target < {TARGET_MS} ms: {'ok' if median < TARGET_MS else 'TOO SLOW'})"
        )
    _first, median, _worst = timed(args.runs, lambda: exports.as_xlsx(compute(period, None)))
    print(f"figures and their XLSX file: median {median:.1f} ms")


if __name__ == "__main__":
    main()
