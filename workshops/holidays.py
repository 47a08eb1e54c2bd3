"""Days on which no school lesson is proposed: Dutch public holidays (from the
`holidays` package, pure, so cached per year and language in this process)
and the school-holiday periods coordinators enter (`SchoolHoliday`).

Call sites that look at many days load the periods of their date range once
with `HolidayCalendar.between(start, end)`; `is_holiday` and `holiday_name`
are the one-day shortcuts (one query each)."""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import holidays as public_holidays
from django.utils import translation

from .models import SchoolHoliday


@lru_cache(maxsize=64)
def _public(year: int, language: str) -> dict[date, str]:
    return dict(public_holidays.NL(years=year, language=language).items())


def public_holiday_name(day: date) -> str | None:
    """The name of the Dutch public holiday on `day` (in the active language:
    Dutch, else English), or None."""
    language = "nl" if (translation.get_language() or "nl").startswith("nl") else "en_US"
    return _public(day.year, language).get(day)


@dataclass(frozen=True)
class HolidayCalendar:
    """Public holidays plus the school-holiday periods of a date range, read
    from the database once."""

    school_holidays: tuple[tuple[date, date, str], ...] = ()

    @classmethod
    def between(cls, start: date, end: date) -> "HolidayCalendar":
        periods = SchoolHoliday.objects.filter(starts_on__lte=end, ends_on__gte=start).values_list(
            "starts_on", "ends_on", "name"
        )
        return cls(tuple(periods))

    def name(self, day: date) -> str | None:
        public = public_holiday_name(day)
        if public:
            return public
        for starts_on, ends_on, name in self.school_holidays:
            if starts_on <= day <= ends_on:
                return name
        return None

    def is_holiday(self, day: date) -> bool:
        return self.name(day) is not None


def holiday_name(day: date) -> str | None:
    """The public holiday or school holiday `day` falls in, or None."""
    return HolidayCalendar.between(day, day).name(day)


def is_holiday(day: date) -> bool:
    return holiday_name(day) is not None
