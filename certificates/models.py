"""Certificates: proof of a completed course or attended workshop."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin

from .storage import private_storage

# Crockford-style alphabet: no I, L, O, U, so codes survive being read aloud.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 14  # 14 x 5 bits = 70 bits of randomness


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    """What a person typed, in canonical form (case, spaces, dashes and look-alikes)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def pdf_upload_to(certificate, filename: str) -> str:
    """Where a certificate's PDF is stored: the same name on every run for one
    certificate, so a retry finds the file a killed run left behind, yet not
    derivable from the public code without SECRET_KEY."""
    digest = salted_hmac("certificates.pdf", certificate.code, algorithm="sha256").hexdigest()
    return f"certificates/{digest[:40]}.pdf"


class CertificateTemplate(TranslatableMixin, models.Model):
    """How a certificate looks and what it says, per language. Editing it never
    changes certificates already issued: their PDFs are stored once."""

    name = models.CharField(_("name"), max_length=100)
    heading = models.CharField(_("heading"), max_length=100, default="Certificaat")
    intro = models.CharField(_("introduction"), max_length=200, default="Hierbij verklaren wij dat")
    completion_text = models.CharField(
        _("completion text"), max_length=200, default="met goed gevolg heeft afgerond"
    )
    signatory_name = models.CharField(_("signatory"), max_length=100)
    signatory_role = models.CharField(_("signatory's role"), max_length=100)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signature image"),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    primary_color = models.CharField(
        _("colour"), max_length=7, default="#3f1d5e", help_text=_("A hex colour such as #3f1d5e.")
    )
    is_default = models.BooleanField(_("default"), default=False)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("heading"), FieldPanel("intro"), FieldPanel("completion_text")],
            heading=_("Texts"),
        ),
        MultiFieldPanel(
            [FieldPanel("signatory_name"), FieldPanel("signatory_role"), FieldPanel("signature")],
            heading=_("Signature"),
        ),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("primary_color")], heading=_("Look")),
        FieldPanel("is_default"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")

    def __str__(self):
        return self.name


class Certificate(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Being made")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")
        REVOKED = "revoked", _("Revoked")

    class Kind(models.TextChoices):
        COURSE = "course", _("Course completed")
        WORKSHOP = "workshop", _("Workshop attended")

    code = models.CharField(_("code"), max_length=20, unique=True, default=new_code, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        verbose_name=_("recipient"),
    )
    recipient_name = models.CharField(_("recipient's name"), max_length=200)
    kind = models.CharField(_("for"), max_length=10, choices=Kind.choices, default=Kind.COURSE)
    subject_key = models.UUIDField(_("course or workshop"), null=True, db_index=True)
    subject_title = models.CharField(_("title"), max_length=255)
    study_load = models.CharField(_("study load / accreditation"), max_length=255, blank=True)
    language = models.CharField(_("language"), max_length=8, default="nl")
    issued_on = models.DateField(_("issued on"), default=timezone.localdate)
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"), default=0, help_text=_("0: does not expire.")
    )
    template = models.ForeignKey(
        CertificateTemplate, null=True, on_delete=models.SET_NULL, verbose_name=_("template")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    pdf = models.FileField(_("PDF"), upload_to=pdf_upload_to, storage=private_storage, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("expiry reminder sent"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoke_reason = models.CharField(_("reason for revoking"), max_length=255, blank=True)
    failure = models.CharField(_("last error"), max_length=255, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("issued by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.code} · {self.recipient_name} · {self.subject_title}"

    @property
    def is_expired(self) -> bool:
        return self.expires_on is not None and self.expires_on < timezone.localdate()

    @property
    def verification_state(self) -> str:
        """valid, revoked, expired or pending: what the public page says."""
        if self.status == self.Status.REVOKED:
            return "revoked"
        if self.is_expired:
            return "expired"
        return "valid" if self.status == self.Status.READY else "pending"
