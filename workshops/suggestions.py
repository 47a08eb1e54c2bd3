"""From the database to `pairing.suggest_pairs`: which two trainers could give
a lesson, in a constant number of queries whatever the number of trainers or
sessions (trainers with qualifications and regions; their sessions around
the slots; their unavailability; their load per month).

`TrainerCalendar.load` reads it all once for the slots of one request; the
same calendar answers the suggestions and the service's hard check."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import reduce
from operator import or_

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .choices import DayStatus, Programme
from .models import Assignment, Session, Trainer, Unavailability
from .pairing import Candidate, Pair, suggest_pairs
from .scheduling import Availability, Slot
from .services import location_key, slot_of


@dataclass(frozen=True)
class Wanted:
    """A lesson to give: a date, its times and where (an address)."""

    date: date
    starts_at_time: time
    ends_at_time: time
    location: str = ""

    @property
    def slot(self) -> Slot:
        return Slot(
            timezone.make_aware(datetime.combine(self.date, self.starts_at_time)),
            timezone.make_aware(datetime.combine(self.date, self.ends_at_time)),
            location_key(self.location),
        )


def window(day: date) -> tuple[date, date]:
    """The days whose sessions matter for a slot on `day`: its ISO week (the
    weekly maximum) and a day either side (travel time around midnight)."""
    monday = day - timedelta(days=day.weekday())
    return monday - timedelta(days=1), monday + timedelta(days=7)


def _month(day: date) -> date:
    return day.replace(day=1)


@dataclass
class TrainerCalendar:
    """What the rules need about the active trainers around some dates."""

    programme: str
    trainers: dict[int, Trainer] = field(default_factory=dict)
    busy: dict[int, list[Session]] = field(default_factory=lambda: defaultdict(list))
    unavailable: dict[int, list[tuple[date, date]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    monthly: dict[tuple[int, date], int] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        dates: Iterable[date],
        *,
        programme: str = Programme.PREVENTION_LESSON,
        exclude_sessions: Iterable[int] = (),
    ) -> "TrainerCalendar":
        """Six queries, whatever the number of trainers, sessions or dates:
        the active trainers (with user, qualifications, regions), their
        sessions in each date's window (cancelled sessions and days left out,
        and `exclude_sessions`, the ones being moved), their unavailability
        on these dates and their load per month."""
        dates = sorted(set(dates))
        calendar = cls(programme=programme)
        trainers = (
            Trainer.objects.filter(active=True)
            .select_related("user")
            .prefetch_related("qualifications", "regions")
        )
        calendar.trainers = {trainer.pk: trainer for trainer in trainers}
        if not dates or not calendar.trainers:
            return calendar
        ids = list(calendar.trainers)
        windows = reduce(or_, (Q(session__date__range=window(day)) for day in dates))
        assignments = (
            Assignment.objects.filter(windows, trainer_id__in=ids)
            .exclude(session__cancelled_at__isnull=False)
            .exclude(session__training_day__status=DayStatus.CANCELLED)
            .exclude(session_id__in=list(exclude_sessions))
            .select_related("session__venue")
            .order_by("session__date", "session__starts_at_time")
        )
        for assignment in assignments:
            calendar.busy[assignment.trainer_id].append(assignment.session)
        days = reduce(or_, (Q(starts_on__lte=day, ends_on__gte=day) for day in dates))
        for trainer_id, starts_on, ends_on in Unavailability.objects.filter(
            days, trainer_id__in=ids
        ).values_list("trainer_id", "starts_on", "ends_on"):
            calendar.unavailable[trainer_id].append((starts_on, ends_on))
        months = sorted({_month(day) for day in dates})
        in_months = reduce(
            or_,
            (
                Q(
                    session__date__gte=month,
                    session__date__lt=(month + timedelta(days=32)).replace(day=1),
                )
                for month in months
            ),
        )
        counts = (
            Assignment.objects.filter(in_months, trainer_id__in=ids)
            .exclude(session__cancelled_at__isnull=False)
            .exclude(session__training_day__status=DayStatus.CANCELLED)
            .annotate(month=TruncMonth("session__date"))
            .values("trainer_id", "month")
            .annotate(count=Count("id"))
            .order_by()
        )
        for row in counts:
            month = row["month"]
            month = month.date() if isinstance(month, datetime) else month
            calendar.monthly[(row["trainer_id"], month)] = row["count"]
        return calendar

    def load_in_month(self, trainer_id: int, day: date) -> int:
        return self.monthly.get((trainer_id, _month(day)), 0)

    def others(self, trainer_id: int, day: date, extra: Iterable[Session] = ()) -> list[Session]:
        """The trainer's sessions that matter for a slot on `day`, with
        `extra` (planned, not yet saved sessions of theirs) added."""
        start, end = window(day)
        return [s for s in (*self.busy.get(trainer_id, ()), *extra) if start <= s.date <= end]

    def availability(
        self, trainer: Trainer, day: date, extra: Iterable[Session] = ()
    ) -> tuple[Availability, list[Session]]:
        others = self.others(trainer.pk, day, extra)
        availability = Availability(
            busy=tuple(slot_of(other) for other in others),
            unavailable=tuple(self.unavailable.get(trainer.pk, ())),
            max_per_day=trainer.max_sessions_per_day,
            max_per_week=trainer.max_sessions_per_week,
        )
        return availability, others

    def candidate(self, trainer: Trainer, day: date, extra: Iterable[Session] = ()) -> Candidate:
        availability, _others = self.availability(trainer, day, extra)
        return Candidate(
            trainer_id=trainer.pk,
            name=str(trainer),
            qualified=trainer.is_qualified_for(self.programme),
            availability=availability,
            regions=frozenset(region.pk for region in trainer.regions.all()),
            load_this_month=self.load_in_month(trainer.pk, day),
        )

    def candidates(
        self, day: date, extra: dict[int, list[Session]] | None = None
    ) -> list[Candidate]:
        """Every active trainer qualified for the programme, as the pure rules
        see them for a slot on `day`."""
        extra = extra or {}
        return [
            self.candidate(trainer, day, extra.get(trainer.pk, ()))
            for trainer in self.trainers.values()
            if trainer.is_qualified_for(self.programme)
        ]

    def average_load(self, day: date) -> float:
        candidates = [t for t in self.trainers.values() if t.is_qualified_for(self.programme)]
        if not candidates:
            return 0.0
        return sum(self.load_in_month(t.pk, day) for t in candidates) / len(candidates)


def suggest(
    wanted: list[Wanted],
    *,
    region: int | None,
    exclude_sessions: Iterable[int] = (),
    limit: int = 5,
    calendar: TrainerCalendar | None = None,
) -> list[list[Pair]]:
    """The best `limit` pairs for each wanted lesson (in the same order), from
    one read of the database."""
    calendar = calendar or TrainerCalendar.load(
        [w.date for w in wanted], exclude_sessions=exclude_sessions
    )
    return [
        suggest_pairs(w.slot, calendar.candidates(w.date), region=region, limit=limit)
        for w in wanted
    ]
