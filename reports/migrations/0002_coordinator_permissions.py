"""Coordinators report to the funding municipalities: they may read and export
the figures."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("reports")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="reports", codename="view_figures")
    )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial"), ("lms", "0003_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
