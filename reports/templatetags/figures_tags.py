"""How a figure reads on the dashboard: numbers in the reader's notation
(1.234 and 4,3 in Dutch), a month as "januari 2026", no score as a dash."""

from datetime import date
from decimal import Decimal

from django import template
from django.utils.formats import date_format, number_format

register = template.Library()


@register.filter
def figure(value):
    if value is None:
        return "–"
    if isinstance(value, date):
        return date_format(value, "YEAR_MONTH_FORMAT")
    if isinstance(value, Decimal):
        return number_format(value, 1)
    if isinstance(value, int):
        return number_format(value, force_grouping=True)
    return value
