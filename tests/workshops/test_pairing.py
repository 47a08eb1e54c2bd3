"""Pair suggestions for a lesson: hard rules never broken, soft ones ranked."""

from datetime import datetime, timedelta

from workshops.pairing import HIGH_LOAD, OUTSIDE_REGION, Candidate, suggest_pairs
from workshops.scheduling import Availability, Slot

LESSON = Slot(datetime(2027, 3, 9, 10, 0), datetime(2027, 3, 9, 11, 30), place="Zuiderpark College")
ROTTERDAM, SCHIEDAM = 1, 2


def candidate(trainer_id, *, qualified=True, busy=(), unavailable=(), regions=(ROTTERDAM,), load=0):
    return Candidate(
        trainer_id=trainer_id,
        name=f"Trainer {trainer_id}",
        qualified=qualified,
        availability=Availability(busy=tuple(busy), unavailable=tuple(unavailable)),
        regions=frozenset(regions),
        load_this_month=load,
    )


def ids(pairs):
    return [pair.trainer_ids for pair in pairs]


def test_only_qualified_and_free_trainers_are_paired():
    clash = Slot(LESSON.starts_at, LESSON.ends_at, place="Elders")
    candidates = [
        candidate(1),
        candidate(2, qualified=False),
        candidate(3, busy=[clash]),
        candidate(4, unavailable=[(LESSON.day, LESSON.day)]),
        candidate(5),
    ]
    assert ids(suggest_pairs(LESSON, candidates)) == [(1, 5)]


def test_fewer_than_two_free_trainers_gives_no_pair():
    assert suggest_pairs(LESSON, [candidate(1), candidate(2, qualified=False)]) == []


def test_a_session_elsewhere_too_close_before_the_lesson_is_a_clash():
    before = Slot(
        LESSON.starts_at - timedelta(hours=1), LESSON.starts_at - timedelta(minutes=15), "Elders"
    )
    same_place = Slot(before.starts_at, before.ends_at, LESSON.place)
    pairs = suggest_pairs(
        LESSON, [candidate(1, busy=[before]), candidate(2, busy=[same_place]), candidate(3)]
    )
    assert ids(pairs) == [(2, 3)]


def test_trainers_from_the_region_come_before_others():
    candidates = [candidate(1, regions=[SCHIEDAM]), candidate(2), candidate(3)]
    pairs = suggest_pairs(LESSON, candidates, region=ROTTERDAM)
    assert ids(pairs)[0] == (2, 3)
    assert pairs[1].warnings == ((1, OUTSIDE_REGION),)


def test_the_least_loaded_trainers_come_first_and_a_heavy_load_is_a_warning():
    candidates = [
        candidate(1, load=9),
        candidate(2, load=1),
        candidate(3, load=0),
        candidate(4, load=2),
    ]
    pairs = suggest_pairs(LESSON, candidates, region=ROTTERDAM)
    assert ids(pairs)[0] == (2, 3)
    heavy = next(pair for pair in pairs if 1 in pair.trainer_ids)
    assert (1, HIGH_LOAD) in heavy.warnings


def test_the_same_input_always_gives_the_same_order():
    candidates = [candidate(i) for i in range(1, 7)]
    assert ids(suggest_pairs(LESSON, candidates, limit=15)) == ids(
        suggest_pairs(LESSON, list(reversed(candidates)), limit=15)
    )
