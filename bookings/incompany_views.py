"""The public in-company request form, its confirmation by link, and the
coordinator's page that turns a request into a training day (in the admin)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import get_usage

from lms import roles
from lms.errors import Refused
from lms.http import private
from lms.views import rate_limited

from . import incompany, notifications
from .forms_incompany import InCompanyRequestForm, PlanInCompanyForm
from .models import InCompanyRequest

# Requests sent per client address: enough for an organisation, too few to spam.
REQUEST_RATE = "5/h"
THROTTLE = {"group": "in-company-request", "key": "ip", "rate": REQUEST_RATE}


@require_http_methods(["GET", "POST"])
def request_training(request):
    # A course page links here with ?course=<its translation key> chosen.
    form = InCompanyRequestForm(request.POST or None, initial={"course": request.GET.get("course")})
    status = 200
    if request.method == "POST":
        usage = get_usage(request, increment=True, **THROTTLE)
        if usage is not None and usage["should_limit"]:
            return rate_limited(request)
        status = 400
        if form.is_valid():
            data = dict(form.cleaned_data)
            incompany.submit_request(
                course=data.pop("course"), language=get_language() or "nl", **data
            )
            return redirect("bookings:in_company_sent")
    return private(
        render(request, "bookings/in_company_request.html", {"form": form}, status=status)
    )


def request_sent(request):
    return render(request, "bookings/in_company_sent.html", {})


def confirm_request(request, token):
    in_company = get_object_or_404(InCompanyRequest, confirm_token=token)
    first_time = incompany.confirm_request(in_company)
    return private(
        render(
            request,
            "bookings/in_company_confirmed.html",
            {"request_": in_company, "first_time": first_time},
        )
    )


# --- The coordinator's side (registered under /admin/ by a wagtail hook) ---


def plan_request(request, request_id: int):
    """Turn a confirmed request into an in-company training day."""
    if not roles.has_role(request.user, roles.COORDINATORS):
        raise PermissionDenied
    in_company = get_object_or_404(
        InCompanyRequest.objects.select_related("training_day"), pk=request_id
    )
    if in_company.status == InCompanyRequest.Status.UNCONFIRMED:
        raise Http404
    form = PlanInCompanyForm(
        request.POST or None,
        initial={"capacity": in_company.team_size, "location": in_company.location},
    )
    status = 200
    if request.method == "POST" and in_company.training_day_id is not None:
        form.add_error(None, _("This request is already planned."))
        status = 409
    elif request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                day = incompany.plan_in_company(
                    in_company,
                    capacity=data["capacity"],
                    sessions=form.sessions(),
                    venue=data["venue"],
                    location=data["location"],
                    by=request.user,
                )
            except Refused as error:
                form.add_error(None, error.message)
                status = error.status
            else:
                messages.success(
                    request,
                    _(
                        "The training day for %(organisation)s is planned; the contact is "
                        "sent the invitation link."
                    )
                    % {"organisation": day.organisation},
                )
                return redirect("bookings_in_company_plan", in_company.pk)
    day = in_company.training_day
    context = {
        "request_": in_company,
        "form": form,
        "day": day,
        "invitation_url": notifications.invitation_url(day) if day else "",
        "day_admin_url": notifications.day_admin_url(day) if day else "",
    }
    return TemplateResponse(request, "bookings/in_company_plan.html", context, status=status)
