"""The learner's dashboard (/my/) is built from sections that apps register, so
`lms` knows nothing of courses, bookings or certificates.

A section registered with `kept=True` is rendered once and its HTML kept per
user (lms.usercache) under the page generation, the language and the date:
until the user's version changes (something they hold changed: the app that
registers it bumps the version, see e.g. bookings.signals), a page is
published or a booking anywhere changes what pages show (both start a new
generation), or the day changes (upcoming becomes past). Such a section must
show nothing but what those keys cover: no form (a CSRF token), no clock
time. The others (a trainer's schedule, a school's requests: made of rows many
people change) are built on every request."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from .pagecache import generation
from .usercache import remember_many_for_user


@dataclass(order=True)
class _Registered:
    order: int
    provider: Callable = field(compare=False)
    kept: bool = field(default=False, compare=False)

    @property
    def name(self) -> str:
        return f"{self.provider.__module__}.{self.provider.__qualname__}"


_sections: list[_Registered] = []


def register_section(provider: Callable, *, order: int = 50, kept: bool = False) -> None:
    """`provider(request)` returns a dict with "template" and its context, or None.
    `kept`: its HTML may be kept per user (see above)."""
    if all(item.provider is not provider for item in _sections):
        _sections.append(_Registered(order, provider, kept))
        _sections.sort()


def _rendered(item: _Registered, request) -> dict | None:
    section = item.provider(request)
    if section is None:
        return None
    return {"html": render_to_string(section["template"], {"section": section}, request)}


def sections_for(request) -> list[dict]:
    """The sections to show, in order: a kept one as {"html": ...}, another
    as its provider's dict (the dashboard template includes its template).
    The kept ones are read from the cache together."""
    day = timezone.localdate().isoformat()
    prefix = f"dashboard:{generation()}:{get_language()}:{day}"
    kept = remember_many_for_user(
        request.user.pk,
        {
            f"{prefix}:{item.name}": (lambda item=item: _rendered(item, request))
            for item in _sections
            if item.kept
        },
    )
    found = []
    for item in _sections:
        section = kept[f"{prefix}:{item.name}"] if item.kept else item.provider(request)
        if section is not None:
            found.append(section)
    return found
