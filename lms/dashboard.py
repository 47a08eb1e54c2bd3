"""The learner's dashboard (/my/) is built from sections that apps register, so
`lms` knows nothing of courses, bookings or certificates."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(order=True)
class _Registered:
    order: int
    provider: Callable = field(compare=False)


_sections: list[_Registered] = []


def register_section(provider: Callable, *, order: int = 50) -> None:
    """`provider(request)` returns a dict with "template" and its context, or None."""
    if all(item.provider is not provider for item in _sections):
        _sections.append(_Registered(order, provider))
        _sections.sort()


def sections_for(request) -> list[dict]:
    return [s for item in _sections if (s := item.provider(request)) is not None]
