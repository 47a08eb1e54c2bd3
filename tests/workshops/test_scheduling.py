"""The pure scheduling rules: no database, no clock."""

from datetime import date, datetime, timedelta

import pytest

from workshops.scheduling import (
    TRAVEL_BUFFER,
    Availability,
    Slot,
    is_free,
    load,
    overlaps,
    reasons_not_free,
)

MONDAY = date(2026, 3, 2)


def slot(day: date, start: str, end: str, place: str = "centre") -> Slot:
    def at(clock: str) -> datetime:
        hours, minutes = map(int, clock.split(":"))
        return datetime(day.year, day.month, day.day, hours, minutes)

    return Slot(at(start), at(end), place)


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        (("09:00", "12:00"), ("11:00", "13:00"), True),  # partly
        (("09:00", "17:00"), ("10:00", "11:00"), True),  # one inside the other
        (("10:00", "11:00"), ("10:00", "11:00"), True),  # the same slot
        (("09:00", "10:30"), ("10:30", "12:00"), False),  # touching, same place
        (("13:00", "14:00"), ("09:00", "10:00"), False),  # apart
    ],
)
def test_overlap_at_the_same_place(first, second, clash):
    assert overlaps(slot(MONDAY, *first), slot(MONDAY, *second)) is clash
    assert overlaps(slot(MONDAY, *second), slot(MONDAY, *first)) is clash


def test_touching_slots_at_different_places_clash_for_lack_of_travel_time():
    morning = slot(MONDAY, "09:00", "10:30", "school A")
    assert overlaps(morning, slot(MONDAY, "10:30", "12:00", "school B"))
    assert overlaps(slot(MONDAY, "10:30", "12:00", "school B"), morning)


def test_less_than_the_travel_buffer_between_places_clashes():
    morning = slot(MONDAY, "09:00", "10:30", "school A")
    assert timedelta(minutes=45) == TRAVEL_BUFFER
    assert overlaps(morning, slot(MONDAY, "11:14", "12:00", "school B"))


def test_the_full_travel_buffer_between_places_is_enough():
    morning = slot(MONDAY, "09:00", "10:30", "school A")
    assert not overlaps(morning, slot(MONDAY, "11:15", "12:30", "school B"))
    assert not overlaps(slot(MONDAY, "07:00", "08:15", "school B"), morning)


def test_a_different_buffer_can_be_given():
    morning = slot(MONDAY, "09:00", "10:30", "school A")
    later = slot(MONDAY, "10:45", "12:00", "school B")
    assert not overlaps(morning, later, buffer=timedelta(minutes=15))
    assert overlaps(morning, later, buffer=timedelta(minutes=16))


def test_the_same_hours_on_another_day_are_free():
    busy = Availability(busy=(slot(MONDAY, "09:00", "17:00"),))
    assert is_free(slot(MONDAY + timedelta(1), "09:00", "17:00"), busy)


def test_a_free_trainer_has_no_reasons():
    assert reasons_not_free(slot(MONDAY, "09:00", "12:00"), Availability()) == []


def test_an_overlapping_slot_is_not_free():
    busy = Availability(busy=(slot(MONDAY, "09:00", "12:00"),))
    assert reasons_not_free(slot(MONDAY, "11:00", "13:00"), busy) == ["overlap"]


@pytest.mark.parametrize(
    ("day", "unavailable"),
    [
        (date(2026, 3, 10), True),  # first day of the period
        (date(2026, 3, 12), True),  # inside
        (date(2026, 3, 14), True),  # last day: inclusive
        (date(2026, 3, 9), False),  # the day before
        (date(2026, 3, 15), False),  # the day after
    ],
)
def test_an_unavailable_period_counts_both_ends(day, unavailable):
    availability = Availability(unavailable=((date(2026, 3, 10), date(2026, 3, 14)),))
    reasons = reasons_not_free(slot(day, "09:00", "12:00"), availability)
    assert reasons == (["unavailable"] if unavailable else [])


def test_the_daily_maximum_is_reached():
    availability = Availability(
        busy=(slot(MONDAY, "08:00", "09:00"), slot(MONDAY, "13:00", "14:00")), max_per_day=2
    )
    assert reasons_not_free(slot(MONDAY, "10:00", "11:00"), availability) == ["day_full"]


def test_below_the_daily_maximum_is_free():
    availability = Availability(busy=(slot(MONDAY, "08:00", "09:00"),), max_per_day=2)
    assert is_free(slot(MONDAY, "10:00", "11:00"), availability)


def test_the_weekly_maximum_counts_the_iso_week_only():
    week = tuple(slot(MONDAY + timedelta(d), "09:00", "10:00") for d in range(3))
    availability = Availability(busy=week, max_per_week=3)
    assert reasons_not_free(slot(MONDAY + timedelta(4), "09:00", "10:00"), availability) == [
        "week_full"
    ]
    # The next Monday starts a new week.
    assert is_free(slot(MONDAY + timedelta(7), "09:00", "10:00"), availability)


def test_all_reasons_are_given_at_once():
    availability = Availability(
        busy=(slot(MONDAY, "09:00", "12:00"),),
        unavailable=((MONDAY, MONDAY),),
        max_per_day=1,
        max_per_week=1,
    )
    assert reasons_not_free(slot(MONDAY, "10:00", "11:00"), availability) == [
        "unavailable",
        "overlap",
        "day_full",
        "week_full",
    ]


def test_load_counts_the_day_and_its_week():
    busy = [
        slot(MONDAY, "09:00", "10:00"),
        slot(MONDAY, "13:00", "14:00"),
        slot(MONDAY + timedelta(2), "09:00", "10:00"),
        slot(MONDAY + timedelta(7), "09:00", "10:00"),
    ]
    assert load(busy, MONDAY) == (2, 3)
    assert load(busy, MONDAY + timedelta(7)) == (1, 1)
    assert load([], MONDAY) == (0, 0)
