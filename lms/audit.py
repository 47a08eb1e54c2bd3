"""The audit log: who did what to a booking, a request, an attendance mark or a
certificate, when, and what it changed (before → after).

It is Wagtail's own audit log (`ModelLogEntry`), so coordinators read it in the
admin under Reports → Site history (filtered by type, action, user and date)
and in an object's History, and nothing in the admin edits or deletes it. Each
app names its actions in its `wagtail_hooks.py` (the `register_log_actions`
hook) with `register`; its workflows call `record` where the change is made,
so every way in (admin, public page, periodic task) is logged.

An entry holds ids, statuses, dates and counts only: never a name, an e-mail
address, a reason or a message someone typed, and nothing about pupils. Its
label is the object's id, as the default label (the object's text) can hold a
participant's name."""

from collections.abc import Mapping
from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, get_active_log_context, log
from wagtail.log_actions import registry as log_registry

# Names for what is logged but is no field of the model (or has no
# translated name there).
EXTRA_NAMES = {
    "trainers": _("trainers"),
    "places": _("places"),
}
NOTHING = "–"


def _plain(value):
    """A value as the JSON of an entry keeps it."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, set | tuple | list):
        return sorted(_plain(item) for item in value)
    return value


def _data(changes: Mapping | None, refs: Mapping) -> dict:
    data = {}
    changed = {
        name: [_plain(before), _plain(after)]
        for name, (before, after) in (changes or {}).items()
        if _plain(before) != _plain(after)
    }
    if changed:
        data["changes"] = changed
    data.update({name: _plain(value) for name, value in refs.items()})
    return data


def _user(by):
    return by if by is not None and by.is_authenticated else None


def record(instance, action: str, *, by=None, changes: Mapping | None = None, **refs):
    """Log `action` on `instance` by `by` (None when nobody logged in did it:
    a periodic task, or a school using its link). `changes` maps a field to
    its (before, after) values; only real changes are kept. `refs` are the
    ids of related objects (a session, a new certificate), kept as they are.
    Returns the entry."""
    return log(
        instance=instance,
        action=action,
        user=_user(by),
        title=f"#{instance.pk}",
        data=_data(changes, refs),
    )


def record_many(action: str, changed: list[tuple], *, by=None) -> None:
    """`record` for many objects of one model at once, in one INSERT: a
    waiting list of a hundred moving up must not hold the day's lock for a
    hundred writes. `changed` is a list of (instance, changes)."""
    if not changed:
        return
    if not log_registry.action_exists(action):
        raise ValueError(f"The log action {action!r} has not been registered.")
    model = type(changed[0][0])
    log_model = log_registry.get_log_model_for_model(model)
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    context = get_active_log_context()
    user, now = _user(by) or context.user, timezone.now()
    log_model.objects.bulk_create(
        log_model(
            content_type=content_type,
            object_id=str(instance.pk),
            label=f"#{instance.pk}",
            action=action,
            timestamp=now,
            data=_data(changes, {}),
            user=user,
            uuid=context.uuid,
        )
        for instance, changes in changed
    )


def form_changes(form, fields) -> dict:
    """(before, after) of `fields` that an admin edit form changed."""
    return {
        name: (form.initial.get(name), form.cleaned_data.get(name))
        for name in fields
        if name in form.changed_data
    }


class ChangesFormatter(LogFormatter):
    """The action's label, then what changed in the object's own words:
    "Booking cancelled (status: Confirmed → Cancelled)"."""

    def format_message(self, log_entry):
        changes = (log_entry.data or {}).get("changes") or {}
        if not changes:
            return self.label
        model = log_entry.content_type.model_class() if log_entry.content_type_id else None
        shown = "; ".join(
            f"{_name(model, name)}: {_shown(model, name, before)} → {_shown(model, name, after)}"
            for name, (before, after) in changes.items()
        )
        return f"{self.label} ({shown})"


def _field(model, name):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _name(model, name: str) -> str:
    if name in EXTRA_NAMES:
        return str(EXTRA_NAMES[name])
    field = _field(model, name)
    return str(field.verbose_name) if field is not None else name


def _shown(model, name: str, value) -> str:
    if value is None or value == []:
        return NOTHING
    if isinstance(value, list):
        return ", ".join(f"#{item}" for item in value)
    field = _field(model, name)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field is not None and field.is_relation:
        return f"#{value}"
    return str(value)


def register(actions, action: str, label) -> None:
    """Name `action` for the admin (`label`, translated when shown), with its
    changes in the message. Call it from a `register_log_actions` hook."""
    formatter = type("Formatter", (ChangesFormatter,), {"label": label})
    actions.register_action(action)(formatter)
