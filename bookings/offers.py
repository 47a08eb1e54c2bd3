"""What a visitor sees of a training day before booking: its sessions, the
seats left and the price for them. Shared by the course page's list of dates,
the agenda and the booking form; the numbers come from `services`."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import CoursePage
from lms.models import Municipality
from lms.pagecache import remember
from workshops.models import Session, TrainingDay

from .models import Registration

# How many agreement municipalities a price line names as examples.
EXAMPLES = 2


def money(amount: Decimal) -> str:
    """€ 45 or € 45,50 (in the active language's number format)."""
    decimals = 0 if amount == amount.to_integral_value() else 2
    return "€\u00a0" + number_format(amount, decimal_pos=decimals, use_l10n=True)


def agreement_names() -> list[str]:
    """Municipalities whose professionals pay the reduced tariff, by name."""
    return list(Municipality.objects.filter(has_agreement=True).values_list("name", flat=True))


def price_text(day: TrainingDay, municipality, *, known: bool, agreements: list[str]) -> str:
    """The price a visitor pays, in words. `known`: whether we know where they
    work (`municipality`, None for "not listed"); otherwise both tariffs."""
    standard, reduced = day.price_standard, day.price_reduced
    if standard is None and reduced is None:
        return _("Price on request")
    if known:
        price = day.price_for(municipality)
        if price is None:
            return _("Price on request")
        if day.is_reduced_for(municipality):
            return _("%(price)s (reduced tariff: %(municipality)s has an agreement)") % {
                "price": money(price),
                "municipality": municipality.name,
            }
        return money(price)
    if reduced is None or not agreements or reduced == standard:
        return money(standard if standard is not None else reduced)
    if standard is None:
        return _("%(reduced)s if you work in a municipality with an agreement (%(examples)s)") % {
            "reduced": money(reduced),
            "examples": ", ".join(agreements[:EXAMPLES]),
        }
    return _(
        "%(reduced)s if you work in a municipality with an agreement (such as %(examples)s), "
        "otherwise %(standard)s"
    ) % {
        "reduced": money(reduced),
        "standard": money(standard),
        "examples": ", ".join(agreements[:EXAMPLES]),
    }


def seats_text(left: int) -> str:
    if left <= 0:
        return _("Full – waiting list")
    return ngettext("%(count)d place left", "%(count)d places left", left) % {"count": left}


@dataclass(frozen=True)
class Offer:
    """One upcoming day as a visitor sees it."""

    day: TrainingDay
    course: CoursePage
    sessions: list[Session]
    seats_left: int
    waiting: int
    price: str
    registration: Registration | None

    @property
    def is_full(self) -> bool:
        return self.seats_left <= 0

    @property
    def is_open(self) -> bool:
        return self.day.registration_is_open()

    @property
    def seats(self) -> str:
        return seats_text(self.seats_left)

    @property
    def places(self) -> list[str]:
        """The distinct places of its sessions, in order."""
        return list(dict.fromkeys(s.place for s in self.sessions if s.place))


def courses_in_language(keys: Iterable, language: str) -> dict:
    """Live course pages by translation key, in `language` where translated.
    The same for every reader, so every live course is kept per language until
    the next publish (lms.pagecache): a page asks the database nothing."""
    every = remember(f"live-courses:{language}", lambda: _live_courses(language))
    return {key: every[key] for key in set(keys) if key in every}


def _live_courses(language: str) -> dict:
    found: dict = {}
    for page in CoursePage.objects.live().select_related("locale"):
        if page.translation_key not in found or page.locale.language_code == language:
            found[page.translation_key] = page
    return found


def offers(days: Iterable[TrainingDay], user, *, courses: dict | None = None) -> list[Offer]:
    """Offers for days from `services.upcoming_open_days` (which counts the
    seats), priced for `user`: their municipality when logged in and known,
    else both tariffs. Three queries at most, whatever the number of days."""
    days = list(days)
    if not days:
        return []
    known = bool(user.is_authenticated and user.municipality_id)
    municipality = user.municipality if known else None
    agreements = [] if known else agreement_names()
    mine = {}
    if user.is_authenticated:
        mine = {
            r.training_day_id: r
            for r in Registration.objects.active().filter(
                user=user, training_day__in=[d.pk for d in days]
            )
        }
    courses = courses or {}
    return [
        Offer(
            day=day,
            course=courses.get(day.course_key, day.course),
            sessions=list(day.sessions.all()),
            seats_left=max(day.capacity - day.seats_taken, 0),
            waiting=day.seats_waiting,
            price=price_text(day, municipality, known=known, agreements=agreements),
            registration=mine.get(day.pk),
        )
        for day in days
    ]
