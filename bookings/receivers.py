"""What the app's rows change in the caches (connected in BookingsConfig.ready).

- Training days, their sessions and venues are shown on anonymous course
  pages (dates, places, seats left): any change starts a new page generation
  (lms.pagecache), as a booking does (services._after_commit).
- A user's bookings, the places they booked for colleagues, their school
  lesson requests and their trainer record are kept with their other entries
  (lms.usercache: what /my/ shows of them, and whether they hold any): a
  change to one starts a new version for each user it concerns.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from lms import pagecache
from lms.usercache import bump_user_version
from workshops.models import Session, Trainer, TrainingDay, Venue

from .models import GroupBooking, Registration, School, SchoolLessonRequest


def _bump(*user_ids) -> None:
    for user_id in {pk for pk in user_ids if pk is not None}:
        bump_user_version(user_id)


def registration_changed(sender, instance, **kwargs):
    contact = None
    if instance.group_id:
        contact = (
            GroupBooking.objects.filter(pk=instance.group_id)
            .values_list("contact_id", flat=True)
            .first()
        )
    _bump(instance.user_id, contact)


def group_booking_changed(sender, instance, **kwargs):
    _bump(instance.contact_id)


def school_request_changed(sender, instance, **kwargs):
    contacts = School.contacts.through.objects.filter(school_id=instance.school_id)
    _bump(instance.contact_user_id, *contacts.values_list("user_id", flat=True))


def school_contacts_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear":  # who they were, before the clear
        if reverse:  # `instance` is the user
            _bump(instance.pk)
        else:
            _bump(*instance.contacts.values_list("pk", flat=True))
    elif action in {"post_add", "post_remove"}:
        _bump(instance.pk) if reverse else _bump(*(pk_set or ()))


def trainer_changed(sender, instance, **kwargs):
    _bump(instance.user_id)


def connect() -> None:
    for model in (TrainingDay, Session, Venue):
        for signal in (post_save, post_delete):
            signal.connect(
                pagecache.invalidate,
                sender=model,
                dispatch_uid=f"pagecache-{model.__name__}-{id(signal)}",
            )
    for model, receiver in (
        (Registration, registration_changed),
        (GroupBooking, group_booking_changed),
        (SchoolLessonRequest, school_request_changed),
        (Trainer, trainer_changed),
    ):
        for signal in (post_save, post_delete):
            signal.connect(
                receiver, sender=model, dispatch_uid=f"usercache-{model.__name__}-{id(signal)}"
            )
    m2m_changed.connect(
        school_contacts_changed, sender=School.contacts.through, dispatch_uid="usercache-school"
    )
