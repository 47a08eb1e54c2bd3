"""Searching every table for what could identify a person: every text,
character, file and JSON column of every model Django knows (ours, allauth's,
Wagtail's, sessions, log entries), and the decoded contents of sessions."""

from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import models
from django.db.models import Q, TextField
from django.db.models.functions import Cast

TEXT_TYPES = {"CharField", "TextField", "EmailField", "SlugField", "URLField", "FileField"}


def _searchable(field) -> bool:
    return isinstance(field, models.CharField | models.TextField | models.FileField) or (
        field.get_internal_type() in TEXT_TYPES | {"JSONField"}
    )


def text_columns(model) -> list:
    return [field for field in model._meta.concrete_fields if _searchable(field)]


def searched_models() -> list:
    """Every model with a table of its own."""
    return [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and text_columns(model)
    ]


def traces_left(needles) -> list[str]:
    """ "app.Model.field: value" for every value that contains a needle (in any case)."""
    found = []
    for model in searched_models():
        for field in text_columns(model):
            as_text = field.get_internal_type() == "JSONField"
            rows = model._base_manager.all()
            column = field.attname
            if as_text:
                rows = rows.annotate(_as_text=Cast(field.attname, TextField()))
                column = "_as_text"
            match = Q()
            for needle in needles:
                match |= Q(**{f"{column}__icontains": needle})
            for value in rows.filter(match).values_list(column, flat=True):
                found.append(f"{model._meta.label}.{field.name}: {value}")
    for session in Session.objects.all():
        decoded = str(session.get_decoded()).lower()
        found += [f"session {session.pk}: {n}" for n in needles if n.lower() in decoded]
    return found
