"""Removing an account at its owner's request (AVG art. 17).

What identifies the person goes: name, e-mail addresses, log-in, two-factor
devices, sessions, quiz answers, lesson progress, unfinished enrolments,
booking details (organisation, invoice reference, dietary and access needs),
contact details and free texts in their requests, their trainer record, and
the name and PDF of their certificates. What the funders' figures count
stays, without a name: completed e-learnings, training-day registrations and
attendance, school lesson requests (school, classes, sizes, ratings) and
certificates (code, title, dates, status), all still pointing at the account
row, which stays as a nameless stand-in marked by `ErasedAccount` (its
municipality and profession are kept: the figures are per municipality).
The README's privacy section lists the same, and why."""

import json
import logging
import re
import uuid

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry, PageLogEntry

from bookings.models import (
    GroupBooking,
    InCompanyRequest,
    LessonEvaluation,
    Registration,
    SchoolLessonRequest,
)
from certificates.models import Certificate
from certificates.storage import private_storage
from courses.models import Enrollment, LessonProgress, QuizAttempt
from lms.errors import Refused
from lms.models import User
from workshops.models import Assignment, Trainer

from . import obligations, sessions
from .models import ErasedAccount

logger = logging.getLogger(__name__)

# Rows that exist only for the person (settings, devices, tokens, what they
# have open in the admin): removed with the account.
PERSONAL_ROWS = (
    "account.EmailAddress",
    "mfa.Authenticator",
    "wagtailusers.UserProfile",
    "wagtailcore.APIToken",
    "wagtailcore.PageSubscription",
    "wagtailadmin.EditingSession",
    "wagtailadmin.FormState",
)
REMOVED = "–"


def erase_account(user: User) -> None:
    """Remove `user`'s personal data as the module says, in one transaction;
    their sessions end and their certificate PDFs are deleted once it commits.

    Raises Refused (409) while `obligations.blocking` names anything, or when
    the account was removed before; then nothing has changed."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if ErasedAccount.objects.filter(user=user).exists():
            raise Refused(_("This account has already been removed."), status=409)
        reasons = obligations.blocking(user)
        if reasons:
            raise Refused(" ".join(reasons), status=409)
        addresses = obligations.verified_addresses(user) | {user.email.lower()}
        traces = [text for text in (user.get_full_name(), *addresses) if text.strip()]
        _forget_learning(user)
        _forget_bookings(user, addresses)
        _forget_requests(user, addresses)
        _forget_trainer(user)
        pdfs = _forget_certificates(user, traces)
        _forget_log_labels(user, traces)
        for label in PERSONAL_ROWS:
            apps.get_model(label).objects.filter(user=user).delete()
        _anonymise(user)
        ErasedAccount.objects.create(user=user)
        transaction.on_commit(lambda: _after_commit(user, pdfs))
    logger.info("account %s removed at its owner's request", user.pk)


def _forget_learning(user) -> None:
    """Completed enrolments stay (the figures count them); the rest goes."""
    QuizAttempt.objects.filter(user=user).delete()
    LessonProgress.objects.filter(enrollment__user=user).delete()
    Enrollment.objects.filter(user=user, completed_at__isnull=True).delete()


def _forget_bookings(user, addresses: set[str]) -> None:
    """Registrations keep day, status, municipality, tariff and attendance."""
    Registration.objects.filter(user=user).update(
        organisation="",
        invoice_reference="",
        dietary_needs="",
        access_needs="",
        invited_email="",
        claim_token="",
    )
    # Places a colleague held for them on days that are over.
    Registration.objects.filter(
        obligations.by_address("invited_email", addresses), user__isnull=True
    ).exclude(training_day__sessions__date__gte=timezone.localdate()).update(
        invited_email="", claim_token=""
    )
    GroupBooking.objects.filter(contact=user).update(invoice_reference="")


def _forget_requests(user, addresses: set[str]) -> None:
    """Requests stay as what a school or organisation asked for, without the
    person who asked; requests never confirmed never counted and go."""
    school = obligations.school_requests_of(user, addresses)
    school.filter(status=SchoolLessonRequest.Status.UNCONFIRMED).delete()
    school_ids = list(school.values_list("pk", flat=True))
    LessonEvaluation.objects.filter(request__in=school_ids).update(comments="")
    SchoolLessonRequest.objects.filter(pk__in=school_ids).update(
        contact_name="",
        contact_role="",
        contact_email="",
        contact_phone="",
        contact_user=None,
        notes="",
        school_answer="",
        answer_token="",
        answer_token_expires_at=None,
        evaluation_token="",
    )
    user.schools.clear()
    in_company = obligations.in_company_requests_of(addresses)
    in_company.filter(status=InCompanyRequest.Status.UNCONFIRMED).delete()
    in_company.update(contact_name="", contact_email="", contact_phone="", questions="")


def _forget_trainer(user) -> None:
    """Sessions given stay (with their headcounts); who gave them goes with the
    trainer record (qualifications, regions, days off, calendar-feed token).
    Future assignments are an obligation, so only past ones are left here."""
    trainer = Trainer.objects.filter(user=user).first()
    if trainer is not None:
        Assignment.objects.filter(trainer=trainer).delete()
        trainer.delete()


def _forget_certificates(user, traces: list[str]) -> list[str]:
    """A certificate stays verifiable (code, title, dates, status) without a
    name: its PDF, which carries the name, and the PDF's SHA-256 (which would
    confirm a guessed name) go. One not yet made counts as issued, and no
    mail goes to the removed account any more. Returns the PDFs to delete."""
    certificates = Certificate.objects.filter(recipient=user)
    pdfs = [name for name in certificates.values_list("pdf", flat=True) if name]
    certificates.filter(status__in=(Certificate.Status.PENDING, Certificate.Status.FAILED)).update(
        status=Certificate.Status.READY
    )
    now = timezone.now()
    certificates.update(
        recipient_name="",
        pdf="",
        sha256="",
        failure="",
        emailed_at=Coalesce("emailed_at", now),
        reminded_at=Coalesce("reminded_at", now),
    )
    for certificate in certificates.exclude(revoke_reason=""):
        certificate.revoke_reason = _without(certificate.revoke_reason, traces)
        certificate.save(update_fields=["revoke_reason"])
    return pdfs


def _forget_log_labels(user, traces: list[str]) -> None:
    """Wagtail's history names an object by its text, which for a person, a
    trainer or a booking is their name; the actions themselves stay."""
    if not traces:
        return
    mentions = Q()
    for text in traces:
        mentions |= Q(label__icontains=text)
    about_user = Q(
        content_type=ContentType.objects.get_for_model(User, for_concrete_model=False),
        object_id=str(user.pk),
    )
    for entries in (
        ModelLogEntry.objects.filter(mentions | about_user),
        PageLogEntry.objects.filter(mentions),
    ):
        for entry in entries:
            entry.label = _without(entry.label, traces)
            entry.data = json.loads(_without(json.dumps(entry.data, ensure_ascii=False), traces))
            entry.save(update_fields=["label", "data"])


def _without(text: str, traces: list[str]) -> str:
    for trace in traces:
        text = re.sub(re.escape(trace), REMOVED, text, flags=re.IGNORECASE)
    return text


def _anonymise(user) -> None:
    """The stand-in: no name, no address, no password, no roles, no log-in."""
    stand_in = f"removed-{uuid.uuid4().hex}"
    user.username = stand_in
    user.email = f"{stand_in}@removed.invalid"
    user.first_name = user.last_name = user.organisation = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _after_commit(user, pdfs: list[str]) -> None:
    sessions.end_sessions_of(user, timezone.now())
    storage = private_storage()
    for name in pdfs:
        storage.delete(name)
