"""Pure scheduling rules: can a trainer take a slot? No database, no clock;
callers pass in what the trainer already has. Training days use it to refuse
a double-booked trainer; school lessons use it to suggest free pairs."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# Time to get from one place to the next between two sessions at different places.
TRAVEL_BUFFER = timedelta(minutes=45)


@dataclass(frozen=True)
class Slot:
    starts_at: datetime
    ends_at: datetime
    place: str = ""

    @property
    def day(self) -> date:
        return self.starts_at.date()


@dataclass(frozen=True)
class Availability:
    """What a trainer has and allows, as plain values."""

    busy: tuple[Slot, ...] = ()
    unavailable: tuple[tuple[date, date], ...] = ()
    max_per_day: int = 2
    max_per_week: int = 6


def overlaps(a: Slot, b: Slot, *, buffer: timedelta = TRAVEL_BUFFER) -> bool:
    """Two slots clash when they overlap, or when they are at different places
    with less than `buffer` between them."""
    gap = buffer if a.place != b.place else timedelta(0)
    return a.starts_at < b.ends_at + gap and b.starts_at < a.ends_at + gap


def _week(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def reasons_not_free(slot: Slot, availability: Availability) -> list[str]:
    """Why the trainer cannot take `slot`, as stable reason codes (empty when
    they can): "unavailable", "overlap", "day_full", "week_full"."""
    reasons = []
    if any(start <= slot.day <= end for start, end in availability.unavailable):
        reasons.append("unavailable")
    if any(overlaps(slot, other) for other in availability.busy):
        reasons.append("overlap")
    same_day = sum(1 for other in availability.busy if other.day == slot.day)
    if same_day >= availability.max_per_day:
        reasons.append("day_full")
    same_week = sum(1 for other in availability.busy if _week(other.day) == _week(slot.day))
    if same_week >= availability.max_per_week:
        reasons.append("week_full")
    return reasons


def is_free(slot: Slot, availability: Availability) -> bool:
    return not reasons_not_free(slot, availability)


def load(busy: Iterable[Slot], day: date) -> tuple[int, int]:
    """The number of sessions on `day` and in its ISO week."""
    busy = list(busy)
    return (
        sum(1 for s in busy if s.day == day),
        sum(1 for s in busy if _week(s.day) == _week(day)),
    )
