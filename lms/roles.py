"""The five roles, as Django groups. The data migration `0002_roles` creates them;
code refers to them by these constants, never by a literal name."""

LEARNERS = "Learners"
SCHOOL_CONTACTS = "School contacts"
TRAINERS = "Trainers"
COORDINATORS = "Coordinators"
EDITORS = "Editors"

ALL_ROLES = (LEARNERS, SCHOOL_CONTACTS, TRAINERS, COORDINATORS, EDITORS)

# Roles whose members can enter the Wagtail admin, and so must use two factors.
ADMIN_ROLES = (COORDINATORS, EDITORS)


def role_names(user) -> frozenset:
    """The roles (group names) of a logged-in `user`, kept with their other
    entries in the shared cache until their groups change (lms.usercache)."""
    from .usercache import remember_for_user

    return remember_for_user(
        user.pk, "roles", lambda: frozenset(user.groups.values_list("name", flat=True))
    )


def has_role(user, *roles: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return not role_names(user).isdisjoint(roles)
