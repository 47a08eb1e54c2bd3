"""The calendar's choices, shared by models, forms and the scheduling rules."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.TextChoices):
    """What a trainer is qualified to give."""

    TRAINING_DAY = "training_day", _("Training days for professionals")
    PREVENTION_LESSON = "prevention_lesson", _("Prevention lesson")
    GIRLS_TALK = "girls_talk", _("Girls' Talk")
    MAKE_A_MOVE = "make_a_move", _("Make a Move")


class DayKind(models.TextChoices):
    OPEN = "open", _("Open, at the centre")
    IN_COMPANY = "in_company", _("In-company")
    OUTREACH = "outreach", _("Outreach")


class DayStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    FULL = "full", _("Full")
    CANCELLED = "cancelled", _("Cancelled")
    COMPLETED = "completed", _("Completed")


class CompletionRule(models.TextChoices):
    ALL_SESSIONS = "all", _("Attended every session")
    ANY_SESSION = "any", _("Attended at least one session")
