"""Back office for the calendar: venues are a snippet (reusable content);
the trainers' listing is a modeladmin that `bookings.wagtail_hooks` puts in
the one "Training days" menu group with the days and their registrations.
Group programmes (Girls' Talk, Make a Move) have their own listing, with a
view that schedules a group's meetings; Coordinators only."""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from lms import audit, roles

from . import programme_views
from .choices import DayStatus
from .models import ProgrammeGroup, SchoolHoliday, Trainer, Venue


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = gettext_lazy("Venues")
    list_display = ["name", "city"]
    search_fields = ["name", "city"]


register_snippet(VenueViewSet)


class SchoolHolidayViewSet(SnippetViewSet):
    """School holidays are entered by coordinators (they differ per region
    and year); public holidays come from the `holidays` package."""

    model = SchoolHoliday
    icon = "date"
    menu_label = gettext_lazy("School holidays")
    list_display = ["name", "starts_on", "ends_on"]
    ordering = ["-starts_on"]


register_snippet(SchoolHolidayViewSet)


class TrainerPermissionHelper(PermissionHelper):
    """A trainer leaves by being made inactive: their past sessions keep them."""

    def user_can_delete_obj(self, user, obj):
        return False


class TrainerAdmin(ModelAdmin):
    model = Trainer
    menu_label = gettext_lazy("Trainers")
    menu_icon = "group"
    permission_helper_class = TrainerPermissionHelper
    list_display = ("__str__", "qualification_list", "region_list", "load", "active")
    list_filter = ("active", "qualifications__programme")
    search_fields = ("user__first_name", "user__last_name", "user__email")

    def get_queryset(self, request):
        today = timezone.localdate()
        monday = today - timedelta(days=today.weekday())
        counted = Q(assignments__session__date__range=(monday, monday + timedelta(days=6))) & ~Q(
            assignments__session__training_day__status=DayStatus.CANCELLED
        )
        return (
            super()
            .get_queryset(request)
            .select_related("user")
            .prefetch_related("qualifications", "regions")
            .annotate(this_week=Count("assignments", filter=counted, distinct=True))
            .distinct()
        )

    def qualification_list(self, obj):
        return ", ".join(str(q) for q in obj.qualifications.all()) or "-"

    qualification_list.short_description = gettext_lazy("Qualifications")

    def region_list(self, obj):
        return ", ".join(str(region) for region in obj.regions.all()) or "-"

    region_list.short_description = gettext_lazy("Regions")

    def load(self, obj):
        return _("%(count)d of at most %(week)d sessions this week; at most %(day)d a day") % {
            "count": getattr(obj, "this_week", 0),
            "week": obj.max_sessions_per_week,
            "day": obj.max_sessions_per_day,
        }

    load.short_description = gettext_lazy("Load")


# --- Group programmes --------------------------------------------------------


class CoordinatorsOnly(PermissionHelper):
    """Groups are the coordinators' work, by role rather than by model
    permission; a group with meetings is never deleted (their counts are
    the figures reported to the municipalities)."""

    def user_has_any_permissions(self, user):
        return roles.has_role(user, roles.COORDINATORS)

    def user_can_list(self, user):
        return roles.has_role(user, roles.COORDINATORS)

    def user_can_create(self, user):
        return roles.has_role(user, roles.COORDINATORS)

    def user_can_edit_obj(self, user, obj):
        return roles.has_role(user, roles.COORDINATORS)

    def user_can_delete_obj(self, user, obj):
        return roles.has_role(user, roles.COORDINATORS) and not obj.sessions.exists()


class ProgrammeGroupAdmin(ModelAdmin):
    model = ProgrammeGroup
    menu_label = gettext_lazy("Group programmes")
    menu_icon = "group"
    menu_order = 260
    permission_helper_class = CoordinatorsOnly
    list_display = ("name", "programme", "partner", "municipality", "meetings", "schedule")
    list_filter = ("programme",)
    search_fields = ("name", "partner", "location")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("municipality")
            .annotate(meeting_count=Count("sessions"))
        )

    def meetings(self, obj):
        return getattr(obj, "meeting_count", 0)

    meetings.short_description = gettext_lazy("Meetings")

    def schedule(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("workshops_programme_schedule", args=[obj.pk]),
            _("Schedule meetings"),
        )

    schedule.short_description = gettext_lazy("Schedule")


modeladmin_register(ProgrammeGroupAdmin)


@hooks.register("register_admin_urls")
def register_programme_scheduling():
    return [
        path(
            "workshops/groups/<int:group_id>/meetings/",
            programme_views.schedule_meetings,
            name="workshops_programme_schedule",
        ),
    ]


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    """What workshops.services writes in the audit log (lms.audit)."""
    audit.register(actions, "workshops.session.assign", gettext_lazy("Trainer assigned"))
    audit.register(actions, "workshops.session.unassign", gettext_lazy("Trainer taken off"))
