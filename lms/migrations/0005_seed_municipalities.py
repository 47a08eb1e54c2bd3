"""The municipalities of the Rotterdam-Rijnmond police region, so professionals
can say where they work from the first day. Coordinators maintain the list and
set which municipalities have a tariff agreement (the demo sets Rotterdam's)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RIJNMOND = [
    "Albrandswaard",
    "Barendrecht",
    "Capelle aan den IJssel",
    "Goeree-Overflakkee",
    "Krimpen aan den IJssel",
    "Lansingerland",
    "Maassluis",
    "Nissewaard",
    "Ridderkerk",
    "Rotterdam",
    "Schiedam",
    "Vlaardingen",
    "Voorne aan Zee",
]

COORDINATOR_PERMISSIONS = [
    "add_municipality",
    "change_municipality",
    "delete_municipality",
    "view_municipality",
]


def seed(apps, schema_editor):
    Municipality = apps.get_model("lms", "Municipality")
    for name in RIJNMOND:
        Municipality.objects.get_or_create(name=name)

    app_config = apps.get_app_config("lms")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordinators = Group.objects.filter(name="Coordinators").first()
    if coordinators is not None:
        coordinators.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="lms", codename__in=COORDINATOR_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [("lms", "0004_profile_and_municipality")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
