"""Create the five roles with their Wagtail permissions.

Editors write and publish content; Coordinators do that and also run the back
office (settings, help contacts, users). Learners, School contacts and Trainers
use the public site only. Re-running is harmless: everything is get_or_create.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ["Learners", "School contacts", "Trainers", "Coordinators", "Editors"]

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("simple_translation", "submit_translation"),
    ("lms", "add_helpcontact"),
    ("lms", "change_helpcontact"),
    ("lms", "view_helpcontact"),
]
COORDINATOR_EXTRA_PERMISSIONS = [
    ("lms", "delete_helpcontact"),
    ("lms", "change_sitesettings"),
    ("lms", "view_user"),
    ("lms", "add_user"),
    ("lms", "change_user"),
    ("wagtailcore", "delete_page"),
]


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure the ones
    # we grant exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def perm(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name in ("Editors", "Coordinators"):
        group = groups[name]
        grants = EDITOR_MODEL_PERMISSIONS + (
            COORDINATOR_EXTRA_PERMISSIONS if name == "Coordinators" else []
        )
        group.permissions.add(*[perm(app, code) for app, code in grants])
        if root_page is not None:
            for codename in PAGE_PERMISSIONS + (
                ["delete_page"] if name == "Coordinators" else []
            ):
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=perm("wagtailcore", codename)
                )
        if root_collection is not None:
            for app, codename in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm(app, codename)
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0002_site_content"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
