"""Coordinators run the calendar (venues, trainers, training days, school
holidays, group programmes); Editors keep the venues, reusable content like
help contacts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = [
    "add_venue", "change_venue", "view_venue", "delete_venue",
    "add_trainer", "change_trainer", "view_trainer",
    "add_trainingday", "change_trainingday", "view_trainingday",
    "view_session", "change_session",
    "add_schoolholiday", "change_schoolholiday", "view_schoolholiday", "delete_schoolholiday",
    "add_programmegroup", "change_programmegroup", "view_programmegroup",
]
EDITORS = ["add_venue", "change_venue", "view_venue"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("workshops")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Coordinators", COORDINATORS), ("Editors", EDITORS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="workshops", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("workshops", "0001_initial"), ("lms", "0003_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
