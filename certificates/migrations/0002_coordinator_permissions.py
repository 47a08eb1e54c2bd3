"""Coordinators manage certificates and their templates; Editors edit templates."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = ["view_certificate", "change_certificate", "add_certificatetemplate",
                "change_certificatetemplate", "view_certificatetemplate", "delete_certificatetemplate"]
EDITORS = ["add_certificatetemplate", "change_certificatetemplate", "view_certificatetemplate"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("certificates")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Coordinators", COORDINATORS), ("Editors", EDITORS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="certificates", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("certificates", "0001_initial"), ("lms", "0003_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
