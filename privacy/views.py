"""A person's own data from /my/: download it, or remove the account."""

import json

from allauth.core import ratelimit
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lms.errors import Refused
from lms.http import private
from lms.models import SiteSettings
from lms.views import rate_limited

from . import erasure, obligations
from .export import personal_data
from .forms import RemoveAccountForm


@login_required
@require_GET
def download(request):
    """The JSON file of everything the platform holds about the reader."""
    document = json.dumps(
        personal_data(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    response = HttpResponse(document, content_type="application/json; charset=utf-8")
    filename = f"{_('my-data')}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return private(response)


@login_required
@require_http_methods(["GET", "POST"])
def remove_account(request):
    """What removal takes away and what stays without a name; the password
    once more removes it. Refused (409) while the person has obligations
    (`obligations.blocking`), which the page names with what to do first."""
    reasons = obligations.blocking(request.user)
    form = RemoveAccountForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        # Five wrong passwords in five minutes, as for allauth's own password checks.
        if not ratelimit.consume(request, action="reauthenticate", user=request.user):
            return rate_limited(request)
        if reasons:
            status = 409
        elif not form.is_valid():
            status = 400
        else:
            try:
                erasure.erase_account(request.user)
            except Refused as refused:
                reasons, status = [refused.message], refused.status
            else:
                logout(request)
                return redirect("privacy:removed")
    context = {"form": form, "reasons": reasons, "centre": SiteSettings.for_request(request)}
    return private(render(request, "privacy/remove_account.html", context, status=status))


@require_GET
def removed(request):
    """Where a removed account's owner lands, logged out."""
    return render(request, "privacy/account_removed.html")
