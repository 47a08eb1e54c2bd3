"""The school side's page in the Wagtail admin: inviting last year's schools
to ask again (Coordinators only). Imported by BookingsConfig.ready(): Wagtail
loads only modules named wagtail_hooks.py by itself."""

from django.urls import path
from wagtail import hooks

from . import school_views


@hooks.register("register_admin_urls")
def register_school_invitations():
    return [
        path(
            "bookings/school-lessons/invite-again/",
            school_views.invite_last_years_schools,
            name="bookings_school_invite",
        ),
    ]
