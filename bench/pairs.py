"""How fast are the trainer-pair suggestions for one school request? Builds 40
trainers and a year of 1,500 sessions (two trainers each) in its own
PostgreSQL database (lms_bench_pairs), then times the suggestions for a
request of four classes, from the database to the five best pairs each.
Target: under 200 ms. Prints figures; not a test.

    .venv/bin/python bench/pairs.py [--runs 30]
"""

import argparse
import random
import statistics
import time as clock
from datetime import date, time, timedelta

from common import bench_environment, recreate_database, setup_django

TRAINERS, SESSIONS, CLASSES = 40, 1500, 4
TARGET_MS = 200


def weekdays(start: date, count: int):
    day = start
    while count:
        if day.weekday() < 5:
            yield day
            count -= 1
        day += timedelta(days=1)


def build(first_day: date):
    from lms.models import Municipality, User
    from workshops.choices import Programme
    from workshops.models import Assignment, Qualification, Session, Trainer, Unavailability

    rng = random.Random(13)
    places = [Municipality.objects.get_or_create(name=f"Demogemeente {n}")[0] for n in range(4)]
    trainers = []
    for n in range(TRAINERS):
        user = User.objects.create(
            username=f"bench-trainer-{n}",
            email=f"bench-trainer-{n}@example.org",
            first_name="Trainer",
            last_name=str(n),
        )
        trainer = Trainer.objects.create(user=user, max_sessions_per_day=2, max_sessions_per_week=6)
        Qualification.objects.create(trainer=trainer, programme=Programme.PREVENTION_LESSON)
        trainer.regions.set(rng.sample(places, 2))
        trainer.save()
        if n % 4 == 0:
            start = first_day + timedelta(days=rng.randrange(300))
            Unavailability.objects.create(
                trainer=trainer, starts_on=start, ends_on=start + timedelta(days=7)
            )
        trainers.append(trainer)
    days = list(weekdays(first_day, 260))  # a year of working days
    sessions = Session.objects.bulk_create(
        Session(
            programme=Programme.PREVENTION_LESSON,
            date=days[n % len(days)],
            starts_at_time=time(8 + 2 * (n % 4), 30),
            ends_at_time=time(10 + 2 * (n % 4), 0),
            location=f"Demo College {n % 25}, Voorbeeldstraat {n % 25}",
        )
        for n in range(SESSIONS)
    )
    Assignment.objects.bulk_create(
        Assignment(session=session, trainer=trainer)
        for session in sessions
        for trainer in rng.sample(trainers, 2)
    )
    return places[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    env = bench_environment(DATABASE_URL="postgres://postgres@127.0.0.1:5432/lms_bench_pairs")
    recreate_database(env)
    setup_django(env)
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from workshops.suggestions import Wanted, suggest

    first_day = date.today() + timedelta(days=1)
    region = build(first_day)
    lesson_day = next(d for d in weekdays(first_day + timedelta(days=120), 1))
    wanted = [
        Wanted(
            lesson_day + timedelta(days=n // 2),
            time(9 + 2 * (n % 2), 0),
            time(10 + 2 * (n % 2), 30),
            "Demo College Noord, Voorbeeldstraat 12",
        )
        for n in range(CLASSES)
    ]
    timings = []
    for _run in range(args.runs):
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            started = clock.perf_counter()
            result = suggest(wanted, region=region.pk)
            timings.append((clock.perf_counter() - started) * 1000)
    # The first run also opens the connection and warms caches: shown apart.
    cold, warm = timings[0], timings[1:]
    median, worst = statistics.median(warm), max(warm)
    print(
        f"{TRAINERS} trainers, {SESSIONS} sessions, {CLASSES} classes: first {cold:.1f} ms, "
        f"then median {median:.1f} ms, worst {worst:.1f} ms, {len(queries)} queries, "
        f"pairs per class {[len(pairs) for pairs in result]} "
        f"(target < {TARGET_MS} ms: {'ok' if median < TARGET_MS else 'TOO SLOW'})"
    )


if __name__ == "__main__":
    main()
