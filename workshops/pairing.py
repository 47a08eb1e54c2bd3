"""Which two trainers should give a lesson: pure, like `scheduling`, so the
rules can be tested without a database and the suggestions stay fast.

Hard rules (never broken): qualified for the programme, free for the slot
(`scheduling.reasons_not_free`: no overlap incl. travel buffer, not
unavailable, within the maximum per day and week).
Soft preferences (a coordinator may override them, with a warning): working
in the slot's region, and an even load (fewest sessions this month first)."""

from dataclasses import dataclass, field
from itertools import combinations

from .scheduling import Availability, Slot, reasons_not_free

# Soft reasons a coordinator sees as warnings when choosing a pair anyway.
OUTSIDE_REGION = "outside_region"
HIGH_LOAD = "high_load"


@dataclass(frozen=True)
class Candidate:
    trainer_id: int
    name: str
    qualified: bool
    availability: Availability
    regions: frozenset[int] = field(default_factory=frozenset)
    load_this_month: int = 0


@dataclass(frozen=True)
class Pair:
    first: Candidate
    second: Candidate
    score: float
    warnings: tuple[tuple[int, str], ...]  # (trainer id, soft reason)

    @property
    def trainer_ids(self) -> tuple[int, int]:
        return self.first.trainer_id, self.second.trainer_id


def hard_reasons(candidate: Candidate, slot: Slot) -> list[str]:
    """Why this trainer can never take the slot ("not_qualified" or the
    scheduling reasons); empty when they can."""
    reasons = [] if candidate.qualified else ["not_qualified"]
    return reasons + reasons_not_free(slot, candidate.availability)


def soft_reasons(candidate: Candidate, region: int | None, *, average_load: float) -> list[str]:
    reasons = []
    if region is not None and region not in candidate.regions:
        reasons.append(OUTSIDE_REGION)
    if candidate.load_this_month > average_load + 2:
        reasons.append(HIGH_LOAD)
    return reasons


def _score(candidate: Candidate, region: int | None) -> float:
    """Lower is better: a trainer from elsewhere costs as much as four more
    sessions this month."""
    outside = 0 if region is None or region in candidate.regions else 1
    return outside * 4 + candidate.load_this_month


def suggest_pairs(
    slot: Slot, candidates: list[Candidate], *, region: int | None = None, limit: int = 5
) -> list[Pair]:
    """The best `limit` pairs of trainers who may both take `slot`, best first:
    in the region, then the least loaded, then the most even pair. Ties are
    broken by trainer id, so the same input always gives the same answer."""
    free = [c for c in candidates if not hard_reasons(c, slot)]
    if len(free) < 2:
        return []
    average = sum(c.load_this_month for c in candidates) / len(candidates)
    scored = []
    for first, second in combinations(sorted(free, key=lambda c: c.trainer_id), 2):
        a, b = _score(first, region), _score(second, region)
        score = a + b + abs(first.load_this_month - second.load_this_month) / 2
        warnings = tuple(
            (c.trainer_id, reason)
            for c in (first, second)
            for reason in soft_reasons(c, region, average_load=average)
        )
        scored.append(Pair(first, second, score, warnings))
    scored.sort(key=lambda pair: (pair.score, pair.trainer_ids))
    return scored[:limit]
