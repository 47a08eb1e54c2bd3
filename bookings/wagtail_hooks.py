"""Back office for the training days, in one admin menu group: the days
(filters on status, kind, course and date; seats and waiting list), their
registrations (waiting list in order, CSV and XLSX export), in-company
requests by status and the trainers. Attendance is marked on the public
attendance page of each session, linked from the day's row."""

from datetime import date, timedelta
from uuid import UUID

from django.contrib.admin import SimpleListFilter
from django.db.models import Case, Count, IntegerField, Min, Q, Value, When
from django.db.models.functions import TruncMonth
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import EditView

from courses.models import CoursePage
from lms import audit, roles
from lms.models import Municipality
from workshops.choices import DayStatus, Programme
from workshops.models import Session, TrainingDay
from workshops.wagtail_hooks import TrainerAdmin

from . import admin_views, incompany_views, school_admin, services
from .models import InCompanyRequest, LessonEvaluation, Registration, SchoolLessonRequest

Status = Registration.Status


class FirstDateFilter(SimpleListFilter):
    """By the date of the day's first session."""

    title = gettext_lazy("date")
    parameter_name = "first_date"

    def lookups(self, request, model_admin):
        return (
            ("upcoming", _("Upcoming")),
            ("next_30", _("In the next 30 days")),
            ("past", _("Past")),
        )

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "upcoming":
            return queryset.filter(first_date__gte=today)
        if self.value() == "next_30":
            return queryset.filter(first_date__gte=today, first_date__lte=today + timedelta(30))
        if self.value() == "past":
            return queryset.filter(first_date__lt=today)
        return queryset


class CourseFilter(SimpleListFilter):
    """By course (any language version): the courses that have training days.
    (Django's related-field filter needs django.contrib.admin, which we do not run.)"""

    title = gettext_lazy("course")
    parameter_name = "course"

    def lookups(self, request, model_admin):
        courses = CoursePage.objects.filter(pk__in=TrainingDay.objects.values("course")).order_by(
            "title"
        )
        return [(str(course.translation_key), course.title) for course in courses]

    def queryset(self, request, queryset):
        if self.value():
            try:
                return queryset.filter(course_key=UUID(self.value()))
            except ValueError:
                return queryset.none()
        return queryset


class TrainingDayFilter(SimpleListFilter):
    """By training day: those of the last 90 days and to come."""

    title = gettext_lazy("training day")
    parameter_name = "training_day"

    def lookups(self, request, model_admin):
        since = timezone.localdate() - timedelta(days=90)
        days = (
            TrainingDay.objects.annotate(first_date=Min("sessions__date"))
            .filter(first_date__gte=since)
            .select_related("course")
            .prefetch_related("sessions")
            .order_by("first_date")
        )
        return [(str(day.pk), str(day)) for day in days]

    def queryset(self, request, queryset):
        if self.value():
            if not self.value().isdigit():
                return queryset.none()
            return queryset.filter(training_day_id=int(self.value()))
        return queryset


class TrainingDayEditView(EditView):
    def form_valid(self, form):
        response = super().form_valid(form)
        changes = audit.form_changes(form, ("status", "capacity"))
        if changes:
            audit.record(
                self.instance, "bookings.trainingday.edit", by=self.request.user, changes=changes
            )
        # More places, or a day published again: the waiting list moves up.
        services.fill_from_waitlist(self.instance, by=self.request.user)
        return response


class TrainingDayAdmin(ModelAdmin):
    model = TrainingDay
    edit_view_class = TrainingDayEditView
    menu_label = gettext_lazy("Training days")
    menu_icon = "date"
    list_display = ("__str__", "first_date", "kind", "status", "seats", "waiting", "links")
    list_filter = ("status", "kind", CourseFilter, FirstDateFilter)
    search_fields = ("course__title", "organisation")
    ordering = ("-first_date",)

    def get_queryset(self, request):
        # Annotated before ordering: the order is by the first session's date.
        return (
            TrainingDay.objects.select_related("course")
            .prefetch_related("sessions")
            .annotate(
                first_date=Min("sessions__date"),
                taken=Count(
                    "registrations",
                    filter=Q(registrations__status__in=Registration.SEAT_HOLDING),
                    distinct=True,
                ),
                waiting_count=Count(
                    "registrations",
                    filter=Q(registrations__status=Status.WAITLISTED),
                    distinct=True,
                ),
            )
            .order_by(*self.get_ordering(request))
        )

    def first_date(self, obj):
        return obj.first_date

    first_date.short_description = gettext_lazy("first date")
    first_date.admin_order_field = "first_date"

    def seats(self, obj):
        return f"{obj.taken} / {obj.capacity}"

    seats.short_description = gettext_lazy("seats taken")

    def waiting(self, obj):
        return obj.waiting_count

    waiting.short_description = gettext_lazy("waiting list")

    def links(self, obj):
        registrations = format_html(
            '<a href="{}?training_day={}">{}</a>',
            reverse("bookings_registration_modeladmin_index"),
            obj.pk,
            _("Registrations"),
        )
        sessions = format_html_join(
            " · ",
            '<a href="{}">{} {}</a> (<a href="{}">{}</a>)',
            (
                (
                    reverse("bookings:attendance", args=[s.pk]),
                    _("Attendance"),
                    f"{s.date:%d-%m}",
                    reverse("bookings_session_trainers", args=[s.pk]),
                    _("trainers"),
                )
                for s in obj.sessions.all()
            ),
        )
        cancel = ""
        if obj.status not in (DayStatus.CANCELLED, DayStatus.COMPLETED):
            cancel = format_html(
                ' · <a href="{}">{}</a>', reverse("bookings_cancel_day", args=[obj.pk]), _("Cancel")
            )
        return format_html("{} · {}{}", registrations, sessions, cancel)

    links.short_description = gettext_lazy("Participants")


class RegistrationPermissionHelper(PermissionHelper):
    """Places change through the booking workflows (seats, waiting list,
    mails), never by editing a row."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class RegistrationAdmin(ModelAdmin):
    model = Registration
    menu_label = gettext_lazy("Registrations")
    menu_icon = "group"
    permission_helper_class = RegistrationPermissionHelper
    inspect_view_enabled = True
    list_display = (
        "participant",
        "training_day",
        "status",
        "waitlist_position",
        "organisation",
        "municipality",
        "tariff",
        "price",
    )
    list_filter = (TrainingDayFilter, "status")
    search_fields = (
        "user__first_name",
        "user__last_name",
        "user__email",
        "organisation",
        "invited_email",
    )
    # Per day: the confirmed first, then the waiting list in its order.
    ordering = ("training_day", "status_order", "waitlist_position", "created_at")
    list_export = (
        "participant",
        "email",
        "organisation",
        "municipality",
        "tariff",
        "price",
        "invoice_reference",
        "dietary_needs",
        "access_needs",
        "status",
        "waitlist_position",
        "attendance_marks",
    )
    export_filename = "participants"

    def get_queryset(self, request):
        order = Case(
            When(status=Status.CONFIRMED, then=Value(0)),
            When(status=Status.RESERVED, then=Value(1)),
            When(status=Status.WAITLISTED, then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        )
        return (
            Registration.objects.select_related("user", "municipality", "training_day__course")
            .prefetch_related("training_day__sessions", "attendance__session")
            .annotate(status_order=order)
            .order_by(*self.get_ordering(request))
        )

    def participant(self, obj):
        if obj.user_id is None:
            return obj.invited_email
        return obj.user.get_full_name() or obj.user.email

    participant.short_description = gettext_lazy("participant")

    def email(self, obj):
        return obj.user.email if obj.user_id else obj.invited_email

    email.short_description = gettext_lazy("e-mail address")

    def attendance_marks(self, obj):
        marks = sorted(
            obj.attendance.all(), key=lambda a: (a.session.date, a.session.starts_at_time)
        )
        return "; ".join(f"{m.session.date:%d-%m-%Y}: {m.get_status_display()}" for m in marks)

    attendance_marks.short_description = gettext_lazy("attendance")


class InCompanyRequestPermissionHelper(PermissionHelper):
    """Requests come from the public form; a coordinator plans them."""

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class InCompanyRequestEditView(EditView):
    def form_valid(self, form):
        response = super().form_valid(form)
        changes = audit.form_changes(form, ("status", "training_day"))
        if changes:
            audit.record(
                self.instance, "bookings.incompany.status", by=self.request.user, changes=changes
            )
        return response


class InCompanyRequestAdmin(ModelAdmin):
    model = InCompanyRequest
    edit_view_class = InCompanyRequestEditView
    menu_label = gettext_lazy("In-company requests")
    menu_icon = "mail"
    permission_helper_class = InCompanyRequestPermissionHelper
    inspect_view_enabled = True
    list_display = (
        "organisation",
        "contact_name",
        "course_title",
        "team_size",
        "status",
        "created_at",
        "plan",
    )
    list_filter = ("status",)
    search_fields = ("organisation", "contact_name", "contact_email")

    def plan(self, obj):
        if obj.status == InCompanyRequest.Status.UNCONFIRMED:
            return ""
        label = _("Planned") if obj.training_day_id else _("Plan")
        return format_html(
            '<a href="{}">{}</a>', reverse("bookings_in_company_plan", args=[obj.pk]), label
        )

    plan.short_description = gettext_lazy("Training day")


class TrainingDaysGroup(ModelAdminGroup):
    menu_label = gettext_lazy("Training days")
    menu_icon = "date"
    menu_order = 250
    items = (TrainingDayAdmin, RegistrationAdmin, InCompanyRequestAdmin, TrainerAdmin)


modeladmin_register(TrainingDaysGroup)


# --- Planning an in-company request (bookings/incompany_views.py) -------------


@hooks.register("register_admin_urls")
def register_in_company_planning():
    return [
        path(
            "bookings/in-company/<int:request_id>/plan/",
            incompany_views.plan_request,
            name="bookings_in_company_plan",
        ),
    ]


@hooks.register("register_admin_urls")
def register_training_day_actions():
    return [
        path(
            "bookings/sessions/<int:session_id>/trainers/",
            admin_views.session_trainers,
            name="bookings_session_trainers",
        ),
        path(
            "bookings/training-days/<int:day_id>/cancel/",
            admin_views.cancel_day,
            name="bookings_cancel_day",
        ),
    ]


# --- School lessons: requests, lessons, load, evaluations, the week (school_admin.py) ---

SchoolStatus = SchoolLessonRequest.Status


class CoordinatorsOnlyPermissionHelper(PermissionHelper):
    """Coordinators see and act on school lessons through the workflows
    (school_admin.py); nobody edits or deletes a row here."""

    def user_has_any_permissions(self, user):
        return roles.has_role(user, roles.COORDINATORS)

    def user_can_list(self, user):
        return roles.has_role(user, roles.COORDINATORS)

    def user_can_inspect_obj(self, user, obj):
        return False  # a request's page is school_admin.school_request

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class MunicipalityFilter(SimpleListFilter):
    title = gettext_lazy("municipality")
    parameter_name = "municipality"

    def lookups(self, request, model_admin):
        used = Municipality.objects.filter(
            pk__in=SchoolLessonRequest.objects.values("school__municipality")
        ).order_by("name")
        return [(str(m.pk), m.name) for m in used]

    def queryset(self, request, queryset):
        if self.value():
            if not self.value().isdigit():
                return queryset.none()
            return queryset.filter(school__municipality_id=int(self.value()))
        return queryset


def _month_lookups(months) -> list[tuple[str, str]]:
    months = sorted({m.date() if hasattr(m, "date") else m for m in months if m})
    return [(f"{m:%Y-%m}", date_format(m, "YEAR_MONTH_FORMAT")) for m in months]


def _month_range(value: str):
    try:
        year, month = (int(part) for part in value.split("-"))
        start = date(year, month, 1)
    except ValueError:
        return None
    return start, (start + timedelta(days=32)).replace(day=1)


class LessonMonthFilter(SimpleListFilter):
    """By the month of the request's first lesson."""

    title = gettext_lazy("month of the first lesson")
    parameter_name = "lesson_month"

    def lookups(self, request, model_admin):
        months = (
            Session.objects.filter(
                programme=Programme.PREVENTION_LESSON, school_class__isnull=False
            )
            .annotate(month=TruncMonth("date"))
            .values_list("month", flat=True)
            .distinct()
        )
        return _month_lookups(months)

    def queryset(self, request, queryset):
        if self.value():
            bounds = _month_range(self.value())
            if bounds is None:
                return queryset.none()
            return queryset.filter(first_lesson__gte=bounds[0], first_lesson__lt=bounds[1])
        return queryset


class RequestMonthFilter(SimpleListFilter):
    """By the month the request came in."""

    title = gettext_lazy("month of the request")
    parameter_name = "request_month"

    def lookups(self, request, model_admin):
        months = (
            SchoolLessonRequest.objects.annotate(month=TruncMonth("created_at"))
            .values_list("month", flat=True)
            .distinct()
        )
        return _month_lookups(months)

    def queryset(self, request, queryset):
        if self.value():
            bounds = _month_range(self.value())
            if bounds is None:
                return queryset.none()
            return queryset.filter(created_at__date__gte=bounds[0], created_at__date__lt=bounds[1])
        return queryset


STATUS_ORDER = Case(
    *(When(status=status, then=Value(n)) for n, status in enumerate(SchoolStatus.values)),
    output_field=IntegerField(),
)


class SchoolLessonRequestAdmin(ModelAdmin):
    model = SchoolLessonRequest
    menu_label = gettext_lazy("Requests")
    menu_icon = "mail"
    permission_helper_class = CoordinatorsOnlyPermissionHelper
    list_display = (
        "school_name",
        "municipality",
        "level",
        "class_count",
        "first_lesson",
        "status",
        "created_at",
        "open_link",
    )
    list_filter = ("status", MunicipalityFilter, "level", LessonMonthFilter, RequestMonthFilter)
    search_fields = ("school__name",)
    # Grouped by status in the order of the workflow, newest first within each.
    ordering = ("status_order", "-created_at")

    def get_queryset(self, request):
        return (
            SchoolLessonRequest.objects.select_related("school__municipality")
            .annotate(
                status_order=STATUS_ORDER,
                classes_count=Count("classes", distinct=True),
                first_lesson=Min(
                    "classes__session__date",
                    filter=Q(classes__session__cancelled_at__isnull=True),
                ),
            )
            .order_by(*self.get_ordering(request))
        )

    def school_name(self, obj):
        return obj.school.name

    school_name.short_description = gettext_lazy("school")

    def municipality(self, obj):
        return obj.school.municipality

    municipality.short_description = gettext_lazy("municipality")

    def class_count(self, obj):
        return obj.classes_count

    class_count.short_description = gettext_lazy("classes")

    def first_lesson(self, obj):
        return obj.first_lesson or "-"

    first_lesson.short_description = gettext_lazy("first lesson")
    first_lesson.admin_order_field = "first_lesson"

    def open_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("bookings_school_request", args=[obj.pk]), _("Open")
        )

    open_link.short_description = gettext_lazy("Actions")


class LessonEvaluationAdmin(ModelAdmin):
    model = LessonEvaluation
    menu_label = gettext_lazy("Evaluations")
    menu_icon = "pick"
    permission_helper_class = CoordinatorsOnlyPermissionHelper
    list_display = (
        "request",
        "content_rating",
        "trainers_rating",
        "fit_rating",
        "comments",
        "created_at",
    )
    search_fields = ("request__school__name", "comments")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("request__school")


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.has_role(request.user, roles.COORDINATORS)


class SchoolLessonsGroup(ModelAdminGroup):
    menu_label = gettext_lazy("School lessons")
    menu_icon = "group"
    menu_order = 260
    items = (SchoolLessonRequestAdmin, LessonEvaluationAdmin)

    def get_submenu_items(self):
        items = super().get_submenu_items()
        extra = [
            (gettext_lazy("Lessons"), "bookings_school_lessons", "date"),
            (gettext_lazy("Trainers' load"), "bookings_trainer_load", "group"),
            (gettext_lazy("Week view"), "bookings_week", "calendar"),
        ]
        for order, (label, name, icon) in enumerate(extra, start=len(items) + 1):
            items.append(
                CoordinatorMenuItem(
                    label, reverse_lazy(name), name=name, icon_name=icon, order=order
                )
            )
        return items


modeladmin_register(SchoolLessonsGroup)


@hooks.register("register_admin_urls")
def register_school_lessons():
    return [
        path(
            "bookings/school-requests/<int:request_id>/",
            school_admin.school_request,
            name="bookings_school_request",
        ),
        path(
            "bookings/school-lessons/", school_admin.school_lessons, name="bookings_school_lessons"
        ),
        path("bookings/trainer-load/", school_admin.trainer_load, name="bookings_trainer_load"),
        path("bookings/week/", school_admin.week_view, name="bookings_week"),
    ]


# --- The audit log (lms.audit): what the bookings workflows write -------------

AUDIT_ACTIONS = {
    "bookings.registration.book": gettext_lazy("Place booked"),
    "bookings.registration.cancel": gettext_lazy("Booking cancelled"),
    "bookings.registration.promote": gettext_lazy("Promoted from the waiting list"),
    "bookings.registration.move": gettext_lazy("Moved up the waiting list"),
    "bookings.registration.release": gettext_lazy("Held place released"),
    "bookings.registration.claim": gettext_lazy("Held place claimed"),
    "bookings.group.book": gettext_lazy("Places held for colleagues"),
    "bookings.trainingday.cancel": gettext_lazy("Training day cancelled"),
    "bookings.trainingday.edit": gettext_lazy("Training day changed"),
    "bookings.attendance.mark": gettext_lazy("Attendance marked"),
    "bookings.attendance.count": gettext_lazy("Number of participants recorded"),
    "bookings.incompany.confirm": gettext_lazy("Request confirmed by e-mail"),
    "bookings.incompany.status": gettext_lazy("Request status changed"),
    "bookings.incompany.plan": gettext_lazy("In-company training planned"),
    "bookings.school.review": gettext_lazy("School request taken into review"),
    "bookings.school.lesson": gettext_lazy("School lesson scheduled"),
    "bookings.school.propose": gettext_lazy("Lessons proposed to the school"),
    "bookings.school.accept": gettext_lazy("The school accepted the proposal"),
    "bookings.school.other_dates": gettext_lazy("The school asked for other dates"),
    "bookings.school.decline": gettext_lazy("School request declined"),
    "bookings.school.cancel": gettext_lazy("School request cancelled"),
}


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    """Wagtail refuses an entry whose action is not registered."""
    for action, label in AUDIT_ACTIONS.items():
        audit.register(actions, action, label)
