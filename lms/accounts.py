"""How django-allauth fits this platform: mail goes out through Celery and new
accounts join the Learners group."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.models import Group
from django.db import transaction

from . import roles
from .tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
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
