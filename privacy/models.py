"""What the privacy app keeps of its own: which accounts were removed.

A removed account's row is not deleted: the funders' figures count completed
e-learnings, attended training days and certificates per municipality, and
those rows point at the account. The row stays as a nameless stand-in (no
name, no address, no password, no log-in) and this record marks it, so
nothing mistakes it for a person: the retention rules leave it alone and a
second removal is refused."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ErasedAccount(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="erased",
        verbose_name=_("account"),
    )
    erased_at = models.DateTimeField(_("removed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("removed account")
        verbose_name_plural = _("removed accounts")

    def __str__(self):
        return f"#{self.user_id}"
