"""`{% retention_periods %}`: how long what is kept, from the settings the
retention rules run with, so the privacy page never promises other numbers."""

from django import template

from ..retention import RULES, days

register = template.Library()


@register.inclusion_tag("privacy/includes/retention.html")
def retention_periods() -> dict:
    return {"periods": [rule.description % {"days": days(name)} for name, rule in RULES.items()]}
