"""The calendar: where (venues), who gives it (trainers) and when (training days
and their sessions). Who takes part lives in `bookings`, which builds on this."""

import secrets
import uuid
from datetime import datetime, time
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)

from .choices import CompletionRule, DayKind, DayStatus, Programme


def new_token() -> str:
    """A link's secret (invitations, confirmations, evaluations): 24 random
    bytes, URL-safe."""
    return secrets.token_urlsafe(24)


def new_feed_token() -> str:
    """A calendar feed's secret: 32 random bytes, URL-safe."""
    return secrets.token_urlsafe(32)


class Venue(models.Model):
    """A place where sessions are given (a snippet: editors reuse it)."""

    name = models.CharField(_("name"), max_length=150)
    address = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100)
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, lift, toilets, parking, public transport."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("address"), FieldPanel("postcode"), FieldPanel("city")]),
        FieldPanel("accessibility"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return f"{self.name}, {self.city}"

    @property
    def one_line(self) -> str:
        return ", ".join(part for part in (self.name, self.address, self.city) if part)


class Trainer(ClusterableModel):
    """A user who gives trainings, lessons or group programmes."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="trainer",
        verbose_name=_("user"),
    )
    regions = ParentalManyToManyField(
        "lms.Municipality",
        blank=True,
        verbose_name=_("regions"),
        help_text=_("Municipalities this trainer works in."),
    )
    max_sessions_per_day = models.PositiveSmallIntegerField(
        _("maximum sessions per day"), default=2, validators=[MinValueValidator(1)]
    )
    max_sessions_per_week = models.PositiveSmallIntegerField(
        _("maximum sessions per week"), default=6, validators=[MinValueValidator(1)]
    )
    active = models.BooleanField(_("active"), default=True)
    # None: the trainer turned their calendar feed off (workshops.feeds).
    feed_token = models.CharField(
        _("calendar feed token"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        default=new_feed_token,
        editable=False,
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("active"),
        InlinePanel("qualifications", label=_("Qualifications"), min_num=0),
        FieldPanel("regions"),
        FieldRowPanel([FieldPanel("max_sessions_per_day"), FieldPanel("max_sessions_per_week")]),
        InlinePanel("unavailability", label=_("Unavailable")),
    ]

    class Meta:
        ordering = ["user__first_name", "user__last_name"]
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")

    def __str__(self):
        return self.user.get_full_name() or self.user.email

    def is_qualified_for(self, programme: str) -> bool:
        return any(q.programme == programme for q in self.qualifications.all())


class Qualification(models.Model):
    trainer = ParentalKey(Trainer, on_delete=models.CASCADE, related_name="qualifications")
    programme = models.CharField(_("programme"), max_length=30, choices=Programme.choices)

    panels = [FieldPanel("programme")]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["trainer", "programme"], name="one_qualification_each")
        ]
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")

    def __str__(self):
        return self.get_programme_display()


class Unavailability(models.Model):
    """A period a trainer cannot be scheduled (no reason is kept)."""

    trainer = ParentalKey(Trainer, on_delete=models.CASCADE, related_name="unavailability")
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until (inclusive)"))

    panels = [FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")])]

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("unavailability")
        verbose_name_plural = _("unavailability")

    def __str__(self):
        return f"{self.starts_on:%d-%m-%Y} – {self.ends_on:%d-%m-%Y}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end comes before the start.")})


class TrainingDay(ClusterableModel):
    """One delivery of a course, in one or more sessions. Linked to the course
    by its translation key (as enrolments are), so every language version of
    the course page lists it."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("course"),
    )
    course_key = models.UUIDField(editable=False, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=DayKind.choices, default=DayKind.OPEN)
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("For an in-company training: the organisation whose team takes part."),
    )
    invitation_token = models.CharField(
        max_length=64, default=new_token, unique=True, editable=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DayStatus.choices, default=DayStatus.DRAFT
    )
    capacity = models.PositiveSmallIntegerField(_("places"), validators=[MinValueValidator(1)])
    min_participants = models.PositiveSmallIntegerField(_("minimum participants"), default=0)
    decision_date = models.DateField(
        _("decision date"),
        null=True,
        blank=True,
        help_text=_("If the minimum is not reached by this date, coordinators are warned."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    cancellation_deadline = models.DateTimeField(
        _("participants can cancel until"), null=True, blank=True
    )
    price_standard = models.DecimalField(
        _("standard price (EUR)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    price_reduced = models.DecimalField(
        _("reduced price (EUR)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For participants working in a municipality with an agreement."),
    )
    completion_rule = models.CharField(
        _("completed when"),
        max_length=10,
        choices=CompletionRule.choices,
        default=CompletionRule.ALL_SESSIONS,
    )
    minimum_warning_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        PageChooserPanel("course", page_type="courses.CoursePage"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("organisation"),
        InlinePanel("sessions", label=_("Sessions"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("min_participants")]),
                FieldPanel("decision_date"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldPanel("cancellation_deadline"),
            ],
            heading=_("Registration"),
        ),
        FieldRowPanel(
            [FieldPanel("price_standard"), FieldPanel("price_reduced")], heading=_("Tariffs")
        ),
        FieldPanel("completion_rule"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("training day")
        verbose_name_plural = _("training days")

    def __str__(self):
        first = self.first_session
        when = first.date.strftime("%d-%m-%Y") if first else "?"
        return f"{self.course.title}, {when}"

    def save(self, *args, **kwargs):
        self.course_key = self.course.translation_key
        super().save(*args, **kwargs)

    def clean(self):
        if (
            self.price_standard is not None
            and self.price_reduced is not None
            and self.price_reduced > self.price_standard
        ):
            raise ValidationError(
                {"price_reduced": _("The reduced price is higher than the standard price.")}
            )
        if self.kind == DayKind.IN_COMPANY and not self.organisation:
            raise ValidationError({"organisation": _("Say which organisation this day is for.")})

    # --- What a visitor or a booking needs to know -------------------------

    @property
    def first_session(self) -> "Session | None":
        sessions = list(self.sessions.all())
        return min(sessions, key=lambda s: (s.date, s.starts_at_time)) if sessions else None

    @property
    def starts_at(self) -> datetime | None:
        first = self.first_session
        return first.starts_at if first else None

    @property
    def is_invitation_only(self) -> bool:
        return self.kind == DayKind.IN_COMPANY

    @property
    def is_bookable_status(self) -> bool:
        return self.status in (DayStatus.PUBLISHED, DayStatus.FULL)

    def registration_is_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        if not self.is_bookable_status:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        closes = self.registration_closes_at or self.starts_at
        return closes is None or now < closes

    def can_cancel_self(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        deadline = self.cancellation_deadline or self.starts_at
        return deadline is None or now < deadline

    def price_for(self, municipality) -> Decimal | None:
        """The tariff for a participant working in `municipality`: the reduced
        price where the municipality has an agreement, else the standard one."""
        if self.is_reduced_for(municipality):
            return self.price_reduced
        return self.price_standard

    def is_reduced_for(self, municipality) -> bool:
        return (
            municipality is not None
            and municipality.has_agreement
            and self.price_reduced is not None
        )


class SchoolHoliday(models.Model):
    """A school holiday period (entered by coordinators): no lesson is
    proposed in it. Public holidays come from the `holidays` package."""

    name = models.CharField(_("name"), max_length=100)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until (inclusive)"))

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")])]

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("school holiday")
        verbose_name_plural = _("school holidays")

    def __str__(self):
        return f"{self.name} ({self.starts_on:%d-%m-%Y} – {self.ends_on:%d-%m-%Y})"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end comes before the start.")})


class ProgrammeGroup(models.Model):
    """A Girls' Talk or Make a Move group: a series of meetings with two
    trainers at a partner location. No participant is registered anywhere."""

    programme = models.CharField(
        _("programme"),
        max_length=30,
        choices=[
            (Programme.GIRLS_TALK, Programme.GIRLS_TALK.label),
            (Programme.MAKE_A_MOVE, Programme.MAKE_A_MOVE.label),
        ],
    )
    name = models.CharField(
        _("name"), max_length=150, help_text=_("For example the partner and the season.")
    )
    partner = models.CharField(_("partner organisation"), max_length=200)
    location = models.CharField(_("location"), max_length=255)
    municipality = models.ForeignKey(
        "lms.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("municipality"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("group programme")
        verbose_name_plural = _("group programmes")

    def __str__(self):
        return f"{self.get_programme_display()}: {self.name}"


class Session(models.Model):
    """One dated slot: a part of a training day, a school lesson or a group
    programme meeting. Trainers are assigned per session."""

    training_day = ParentalKey(
        TrainingDay,
        on_delete=models.CASCADE,
        related_name="sessions",
        null=True,
        blank=True,
    )
    programme = models.CharField(
        _("programme"), max_length=30, choices=Programme.choices, default=Programme.TRAINING_DAY
    )
    date = models.DateField(_("date"))
    starts_at_time = models.TimeField(_("start"))
    ends_at_time = models.TimeField(_("end"))
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("venue")
    )
    location = models.CharField(
        _("other location"),
        max_length=255,
        blank=True,
        help_text=_("An address that is not a venue, such as an organisation's own building."),
    )
    online_url = models.URLField(_("online link"), blank=True)
    trainers = models.ManyToManyField(
        Trainer, through="Assignment", blank=True, related_name="sessions"
    )
    participant_count = models.PositiveSmallIntegerField(
        _("number of participants"),
        null=True,
        blank=True,
        help_text=_("For group programmes: how many took part (no names are kept)."),
    )
    group = models.ForeignKey(
        ProgrammeGroup,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("group programme"),
    )
    meeting_number = models.PositiveSmallIntegerField(_("meeting number"), null=True, blank=True)
    note = models.TextField(
        _("note after the meeting"),
        blank=True,
        help_text=_("About the meeting, never about a young person."),
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # Calendar files of this session keep their UID and carry this number,
    # raised with every change (moved, trainers changed, cancelled): RFC 5545.
    ics_sequence = models.PositiveIntegerField(default=0, editable=False)

    panels = [
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("starts_at_time"), FieldPanel("ends_at_time")]
        ),
        FieldPanel("venue"),
        FieldPanel("location"),
        FieldPanel("online_url"),
    ]

    class Meta:
        ordering = ["date", "starts_at_time"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{self.date:%d-%m-%Y} {self.starts_at_time:%H:%M}–{self.ends_at_time:%H:%M}"

    def clean(self):
        if self.starts_at_time and self.ends_at_time and self.ends_at_time <= self.starts_at_time:
            raise ValidationError({"ends_at_time": _("The end comes before the start.")})

    @staticmethod
    def _aware(day: date, at: time) -> datetime:
        return timezone.make_aware(datetime.combine(day, at))

    @property
    def starts_at(self) -> datetime:
        return self._aware(self.date, self.starts_at_time)

    @property
    def ends_at(self) -> datetime:
        return self._aware(self.date, self.ends_at_time)

    @property
    def place(self) -> str:
        if self.venue_id:
            return self.venue.one_line
        return self.location or (self.online_url and _("Online")) or ""


class Assignment(models.Model):
    """A trainer given a session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="assignments")
    trainer = models.ForeignKey(Trainer, on_delete=models.PROTECT, related_name="assignments")
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "trainer"], name="one_assignment_each")
        ]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self):
        return f"{self.trainer}: {self.session}"
