"""The shared app's signal, and its receivers (connected in LmsConfig.ready)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import Signal
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import pagecache, roles, usercache
from .models import HelpContact, SiteSettings

# Sent with `user` when a user saved their own details under /my/profile/; e.g.
# certificates that waited for a name are issued then.
profile_saved = Signal()

# Any change to the page tree, or to what every page shows, starts a new
# generation of the page and route caches.
for _signal in (page_published, page_unpublished, post_page_move):
    _signal.connect(pagecache.invalidate, dispatch_uid=f"pagecache-{id(_signal)}")
post_delete.connect(pagecache.invalidate, sender=Page, dispatch_uid="pagecache-page-delete")
for _model in (HelpContact, SiteSettings, Site, PageViewRestriction):
    post_save.connect(
        pagecache.invalidate, sender=_model, dispatch_uid=f"pagecache-{_model.__name__}"
    )
    post_delete.connect(
        pagecache.invalidate, sender=_model, dispatch_uid=f"pagecache-d-{_model.__name__}"
    )


def sync_staff_flag(sender, instance, action, reverse, **kwargs):
    """`is_staff` mirrors membership of a role that may enter the admin, so
    templates can decide on the editor's toolbar without permission queries."""
    if action not in {"post_add", "post_remove", "post_clear"} or reverse:
        return
    staff = instance.is_superuser or instance.groups.filter(name__in=roles.ADMIN_ROLES).exists()
    if instance.is_staff != staff:
        instance.is_staff = staff
        instance.save(update_fields=["is_staff"])


m2m_changed.connect(
    sync_staff_flag, sender=get_user_model().groups.through, dispatch_uid="sync-staff-flag"
)


def forget_user(sender, instance, **kwargs):
    """A saved or deleted user is read afresh by the next request (lms.usercache)."""
    usercache.bump_user_version(instance.pk)


post_save.connect(forget_user, sender=get_user_model(), dispatch_uid="usercache-user-saved")
post_delete.connect(forget_user, sender=get_user_model(), dispatch_uid="usercache-user-deleted")


def roles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Someone joined or left a role: their roles are read afresh (lms.roles)."""
    if not reverse:  # `instance` is the user
        if action in {"post_add", "post_remove", "post_clear"}:
            usercache.bump_user_version(instance.pk)
        return
    # `instance` is the group: its members as they were before a clear.
    if action == "pre_clear":
        pk_set = set(instance.user_set.values_list("pk", flat=True))
    elif action not in {"post_add", "post_remove"}:
        return
    for pk in pk_set or ():
        usercache.bump_user_version(pk)


def role_deleted(sender, instance, **kwargs):
    for pk in instance.user_set.values_list("pk", flat=True):
        usercache.bump_user_version(pk)


m2m_changed.connect(
    roles_changed, sender=get_user_model().groups.through, dispatch_uid="usercache-roles"
)
pre_delete.connect(role_deleted, sender=Group, dispatch_uid="usercache-role-deleted")
