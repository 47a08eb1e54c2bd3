from django import template

from bookings import offers, services

register = template.Library()


@register.inclusion_tag("bookings/includes/dates.html", takes_context=True)
def training_dates(context, page):
    """The upcoming open days of the course `page` (any of its translations),
    with seats left and the visitor's price, each with a way to book."""
    request = context.get("request")
    user = getattr(request, "user", None)
    days = services.upcoming_open_days(course_key=page.translation_key) if page.pk else []
    found = offers.offers(days, user, courses={page.translation_key: page}) if user else []
    return {
        "page": page,
        "offers": found,
        "request": request,
        "user": user,
        "settings": context.get("settings"),
    }
