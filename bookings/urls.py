from django.urls import path
from django.utils.translation import pgettext_lazy

from . import (
    attendance_views,
    availability_views,
    feed_views,
    group_views,
    incompany_views,
    school_views,
    views,
)

app_name = "bookings"

urlpatterns = [
    # Booking a place, the agenda, my bookings (views.py)
    path("agenda/", views.agenda, name="agenda"),
    path("training-days/<uuid:key>/book/", views.book, name="book"),
    path("my/bookings/<int:registration_id>/cancel/", views.cancel, name="cancel"),
    path("my/bookings/<int:registration_id>/calendar.ics", views.calendar_file, name="ics"),
    # Group bookings and in-company requests
    path("training-days/<uuid:key>/book-group/", group_views.book_group, name="book_group"),
    path("claim/<str:token>/", group_views.claim, name="claim"),
    path("in-company/", incompany_views.request_training, name="in_company"),
    path("in-company/sent/", incompany_views.request_sent, name="in_company_sent"),
    path(
        "in-company/confirm/<str:token>/",
        incompany_views.confirm_request,
        name="in_company_confirm",
    ),
    # Attendance
    path(
        "sessions/<int:session_id>/attendance/",
        attendance_views.session_attendance,
        name="attendance",
    ),
    # Trainers
    path("my/availability/", availability_views.edit_availability, name="availability"),
    path(
        "my/availability/<int:period_id>/remove/",
        availability_views.remove_period,
        name="availability_remove",
    ),
    path("my/calendar-feed/", feed_views.manage_feed, name="trainer_feed_manage"),
    path("feeds/trainer/<str:token>.ics", feed_views.trainer_feed, name="trainer_feed"),
    # School lessons, the school's side (school_views.py): Dutch paths come
    # from the catalogue (msgctxt "url"), e.g. /nl/scholen/aanvragen/.
    path(
        pgettext_lazy("url", "schools/request/"),
        school_views.request_lessons,
        name="school_request",
    ),
    path(
        pgettext_lazy("url", "schools/request/sent/"),
        school_views.request_sent,
        name="school_request_sent",
    ),
    path(
        pgettext_lazy("url", "schools/confirm/<str:token>/"),
        school_views.confirm_request,
        name="school_confirm",
    ),
    path(
        pgettext_lazy("url", "schools/proposal/<str:token>/"),
        school_views.answer_proposal,
        name="school_proposal",
    ),
    path(
        pgettext_lazy("url", "schools/evaluation/<str:token>/"),
        school_views.evaluate,
        name="school_evaluation",
    ),
]
