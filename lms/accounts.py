"""How django-allauth fits this platform: mail goes out through Celery, speaks
in the organisation's name, and new accounts join the Learners group."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Site

from . import roles
from .models import SiteSettings
from .tasks import send_email


@dataclass(frozen=True)
class MailSite:
    """What allauth's mail templates call `current_site`: "Hello from {name}!"."""

    name: str
    domain: str


def mail_site(request) -> MailSite:
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    name = SiteSettings.for_site(site).organisation_name if site is not None else ""
    return MailSite(name=name, domain=urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": mail_site(request),
            **context,
        }
        message = self.render_mail(template_prefix, email, context)
        html = None
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        # Queued after commit: the worker must see the rows the mail refers to.
        transaction.on_commit(
            lambda: send_email.delay(
                subject=message.subject,
                body=message.body,
                to=list(message.to),
                html=html,
                from_email=message.from_email,
            )
        )

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if request is not None and getattr(request, "LANGUAGE_CODE", None) in ("nl", "en"):
            user.language = request.LANGUAGE_CODE
            if commit:
                user.save(update_fields=["language"])
        if commit:
            learners, _ = Group.objects.get_or_create(name=roles.LEARNERS)
            user.groups.add(learners)
        return user
