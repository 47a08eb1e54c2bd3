"""Coordinators manage registrations, attendance, in-company requests and
school lesson requests."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = [
    "view_registration", "change_registration",
    "view_attendance", "add_attendance", "change_attendance",
    "view_incompanyrequest", "change_incompanyrequest",
    "view_groupbooking",
    "view_school", "change_school",
    "view_schoollessonrequest", "change_schoollessonrequest",
    "view_schoolclass", "view_lessonevaluation",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("bookings")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="bookings", codename__in=COORDINATORS)
    )


class Migration(migrations.Migration):
    dependencies = [("bookings", "0002_initial"), ("lms", "0003_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
