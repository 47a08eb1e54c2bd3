"""The catalogue's choices, shared by the page models and the filter form."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    PROFESSIONALS = "professionals", _("Professionals")
    EDUCATION = "education", _("Education professionals")
    YOUNG_PEOPLE = "young_people", _("Young people")


class Format(models.TextChoices):
    ELEARNING = "elearning", _("E-learning")
    TRAINING_DAY = "training_day", _("Training day")
    IN_COMPANY = "in_company", _("In-company training")
    GROUP_PROGRAMME = "group_programme", _("Group programme")
    SCHOOL_LESSON = "school_lesson", _("School lesson")


class Theme(models.TextChoices):
    YOUTH_PROSTITUTION = "youth_prostitution", _("Youth prostitution")
    HUMAN_TRAFFICKING = "human_trafficking", _("Human trafficking")
    ONLINE_SAFETY = "online_safety", _("Boundaries and online safety")
    RESILIENCE = "resilience", _("Resilience and self-esteem")
