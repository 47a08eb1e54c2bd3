"""Who takes part or asks: registrations on training days (with the waiting
list and group places), attendance per session, and in-company requests."""


from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# One maker of link tokens for both apps (migrations name it here too).
from workshops.models import Session, TrainingDay, new_token


class Tariff(models.TextChoices):
    STANDARD = "standard", _("Standard")
    REDUCED = "reduced", _("Reduced (municipality with an agreement)")


class RegistrationQuerySet(models.QuerySet):
    def holding_a_seat(self):
        return self.filter(status__in=Registration.SEAT_HOLDING)

    def active(self):
        return self.filter(status__in=Registration.ACTIVE)


class GroupBooking(models.Model):
    """One contact booking places for named colleagues, who each claim theirs."""

    training_day = models.ForeignKey(
        TrainingDay, on_delete=models.CASCADE, related_name="group_bookings"
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_bookings"
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    invoice_reference = models.CharField(_("invoice reference"), max_length=100, blank=True)
    claim_deadline = models.DateTimeField(_("places can be claimed until"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("group booking")
        verbose_name_plural = _("group bookings")

    def __str__(self):
        return f"{self.organisation} ({self.training_day})"


class Registration(models.Model):
    """A person's place (or place in the queue) on a training day."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        RESERVED = "reserved", _("Held for a colleague")
        CANCELLED = "cancelled", _("Cancelled")

    SEAT_HOLDING = (Status.CONFIRMED, Status.RESERVED)
    ACTIVE = (Status.CONFIRMED, Status.RESERVED, Status.WAITLISTED)

    training_day = models.ForeignKey(
        TrainingDay,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("training day"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("participant"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    waitlist_position = models.PositiveIntegerField(_("place on the waiting list"), null=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "lms.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("municipality you work in"),
    )
    invoice_reference = models.CharField(_("invoice reference"), max_length=100, blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=255, blank=True)
    access_needs = models.CharField(_("access needs"), max_length=255, blank=True)
    tariff = models.CharField(_("tariff"), max_length=10, choices=Tariff.choices)
    price = models.DecimalField(_("price (EUR)"), max_digits=7, decimal_places=2, null=True)
    # A place held for a named colleague of a group booking, until claimed.
    group = models.ForeignKey(
        GroupBooking,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="places",
        verbose_name=_("group booking"),
    )
    invited_email = models.EmailField(_("invited e-mail address"), blank=True)
    claim_token = models.CharField(max_length=64, blank=True, db_index=True)
    # Calendar files: the same UID for the life of the registration, a higher
    # sequence number with every change (RFC 5545).
    ics_sequence = models.PositiveIntegerField(default=0)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("booked"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cancelled by"),
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["training_day", "status", "waitlist_position", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["training_day", "user"],
                condition=Q(status__in=["confirmed", "waitlisted", "reserved"]),
                name="one_active_registration_per_person",
            ),
        ]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        who = self.user.get_full_name() or self.user.email if self.user_id else self.invited_email
        return f"{who}: {self.training_day}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def is_cancellable(self) -> bool:
        return self.is_active and self.training_day.can_cancel_self()


class Attendance(models.Model):
    """Whether a participant was at one session of their training day."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        LATE = "late", _("Late")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")

    ATTENDED = (Status.PRESENT, Status.LATE)

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="attendance"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["registration", "session"], name="one_mark_per_session")
        ]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self):
        return f"{self.registration}: {self.session} ({self.get_status_display()})"


class InCompanyRequest(models.Model):
    """An organisation asking for a training for its team. Anyone may ask; the
    request counts once its e-mail address is confirmed by link."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("E-mail not yet confirmed")
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        PLANNED = "planned", _("Planned")
        DECLINED = "declined", _("Declined")

    organisation = models.CharField(_("organisation"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("e-mail address"))
    contact_phone = models.CharField(_("phone number"), max_length=40, blank=True)
    course_key = models.UUIDField(_("training"))
    course_title = models.CharField(max_length=255, editable=False)
    team_size = models.PositiveSmallIntegerField(_("team size"))
    preferred_periods = models.TextField(_("preferred periods"))
    location = models.CharField(_("location"), max_length=255)
    questions = models.TextField(_("questions or wishes"), blank=True)
    language = models.CharField(max_length=8, default="nl", editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED
    )
    confirm_token = models.CharField(max_length=64, default=new_token, unique=True, editable=False)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    training_day = models.OneToOneField(
        TrainingDay,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="request",
        verbose_name=_("training day"),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("in-company request")
        verbose_name_plural = _("in-company requests")

    def __str__(self):
        return f"{self.organisation}: {self.course_title}"


# --- School prevention lessons -----------------------------------------------


class LocationKind(models.TextChoices):
    SECONDARY = "secondary", _("Secondary school")
    MBO = "mbo", _("MBO college")
    COMMUNITY = "community", _("Community centre")
    SUPPORTED_LIVING = "supported_living", _("Supported-living programme")


class Level(models.TextChoices):
    PRO = "pro", _("Praktijkonderwijs")
    VMBO = "vmbo", _("VMBO")
    HAVO = "havo", _("HAVO")
    VWO = "vwo", _("VWO")
    MBO1 = "mbo1", _("MBO level 1")
    MBO2 = "mbo2", _("MBO level 2")
    MBO3 = "mbo3", _("MBO level 3")
    MBO4 = "mbo4", _("MBO level 4")
    OTHER = "other", _("Other")


class Topic(models.TextChoices):
    BOUNDARIES = "boundaries", _("Setting and respecting boundaries")
    ONLINE_SAFETY = "online_safety", _("Risks of internet and social media")
    SEXTING = "sexting", _("Sexting")
    SHAMING = "shaming", _("Shaming")
    DEEPFAKES = "deepfakes", _("Deepfake images")
    SEXTORTION = "sextortion", _("Sextortion")
    YOUTH_PROSTITUTION = "youth_prostitution", _("Preventing youth prostitution")


class DayPart(models.TextChoices):
    MORNING = "morning", _("Morning")
    AFTERNOON = "afternoon", _("Afternoon")


class School(models.Model):
    """A school or other place that asks for lessons. Its contacts with an
    account see all its requests."""

    name = models.CharField(_("name"), max_length=200)
    brin = models.CharField(_("BRIN code"), max_length=8, blank=True)
    address = models.CharField(_("address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    municipality = models.ForeignKey(
        "lms.Municipality", on_delete=models.PROTECT, verbose_name=_("municipality")
    )
    location_kind = models.CharField(
        _("kind of location"), max_length=20, choices=LocationKind.choices
    )
    contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="schools", verbose_name=_("contacts")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    def __str__(self):
        return f"{self.name}, {self.city}"

    @property
    def one_line(self) -> str:
        return f"{self.name}, {self.address}, {self.postcode} {self.city}"


class SchoolLessonRequest(models.Model):
    """A school asking for 90-minute prevention lessons for some classes.
    Classes are described by level and size only: never a pupil's name."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("E-mail not yet confirmed")
        REQUESTED = "requested", _("Requested")
        IN_REVIEW = "in_review", _("In review")
        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed by the school")
        DELIVERED = "delivered", _("Delivered")
        EVALUATED = "evaluated", _("Evaluated")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    OPEN = (Status.REQUESTED, Status.IN_REVIEW, Status.PROPOSED, Status.CONFIRMED)

    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="requests", verbose_name=_("school")
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_role = models.CharField(_("role"), max_length=100)
    contact_email = models.EmailField(_("e-mail address"))
    contact_phone = models.CharField(_("phone number"), max_length=40)
    contact_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="school_requests",
        verbose_name=_("account"),
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    school_year = models.CharField(_("school year"), max_length=9, help_text="2026-2027")
    preferred_weeks = models.JSONField(_("preferred weeks"), default=list)
    day_parts = models.JSONField(_("day-parts"), default=list)
    topics = models.JSONField(_("topics"), default=list)
    notes = models.TextField(_("notes"), blank=True)
    language = models.CharField(max_length=8, default="nl", editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED
    )
    status_reason = models.TextField(_("reason"), blank=True)
    confirm_token = models.CharField(max_length=64, default=new_token, unique=True, editable=False)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    # The school's answer to a proposal: single use, expires.
    answer_token = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    answer_token_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    school_answer = models.TextField(_("the school's answer"), blank=True)
    evaluation_token = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # Grows with every confirmation mailed, so calendar programs update the
    # events (same UID per session) instead of adding new ones.
    ics_sequence = models.PositiveIntegerField(default=0, editable=False)
    # When the school was invited, with this request prefilled, to ask again
    # for the next school year: once per school and year.
    invited_again_at = models.DateTimeField(null=True, blank=True, editable=False)
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("previous year's request"),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("school lesson request")
        verbose_name_plural = _("school lesson requests")

    def __str__(self):
        return f"{self.school.name} ({self.school_year})"


class SchoolClass(models.Model):
    """One class of a request: a label the school uses, its size and, once
    scheduled, its 90-minute session."""

    request = models.ForeignKey(
        SchoolLessonRequest, on_delete=models.CASCADE, related_name="classes"
    )
    label = models.CharField(_("class"), max_length=30, blank=True, help_text=_("e.g. 2B"))
    group_size = models.PositiveSmallIntegerField(_("group size"))
    session = models.OneToOneField(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="school_class",
        verbose_name=_("lesson"),
    )
    # When the reminder two days before the lesson went out (once per lesson).
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("class")
        verbose_name_plural = _("classes")

    def __str__(self):
        return self.label or _("class of %(size)s") % {"size": self.group_size}


RATING = [MinValueValidator(1), MaxValueValidator(5)]


class LessonEvaluation(models.Model):
    """The school's evaluation after the lessons: ratings and comments only."""

    request = models.OneToOneField(
        SchoolLessonRequest, on_delete=models.CASCADE, related_name="evaluation"
    )
    content_rating = models.PositiveSmallIntegerField(_("content (1–5)"), validators=RATING)
    trainers_rating = models.PositiveSmallIntegerField(_("trainers (1–5)"), validators=RATING)
    fit_rating = models.PositiveSmallIntegerField(_("fit with the class (1–5)"), validators=RATING)
    comments = models.TextField(_("comments"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self):
        return str(self.request)
