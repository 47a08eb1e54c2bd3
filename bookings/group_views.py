"""Booking places for colleagues, and a colleague claiming theirs."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lms.errors import Refused, refused_response
from lms.http import private
from workshops.choices import DayStatus
from workshops.models import TrainingDay

from . import groups, offers, services
from .forms_groups import GroupBookingForm


def _course(day: TrainingDay):
    """The day's course page in the reader's language (where translated)."""
    courses = offers.courses_in_language({day.course_key}, get_language() or "nl")
    return courses.get(day.course_key) or day.course


def _bookable_day(key, invitation: str | None) -> TrainingDay:
    """A day people can see: published or full; an in-company day only with its
    invitation (without it, it does not exist for the visitor)."""
    day = get_object_or_404(
        TrainingDay.objects.select_related("course"),
        key=key,
        status__in=(DayStatus.PUBLISHED, DayStatus.FULL),
    )
    if day.is_invitation_only and invitation != day.invitation_token:
        raise Http404
    return day


@login_required
@require_http_methods(["GET", "POST"])
def book_group(request, key):
    invitation = request.GET.get("invitation") or request.POST.get("invitation")
    day = _bookable_day(key, invitation)
    user = request.user
    form = GroupBookingForm(
        request.POST or None,
        initial={"organisation": user.organisation, "municipality": user.municipality_id},
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                groups.book_group(
                    day,
                    user,
                    emails=data["emails"],
                    organisation=data["organisation"],
                    municipality=data["municipality"],
                    invoice_reference=data["invoice_reference"],
                    invitation_token=invitation,
                )
            except Refused as error:
                form.add_error(None, error.message)
                status = error.status
            else:
                messages.success(
                    request,
                    _("The places are held. Your colleagues have been sent a link to claim them."),
                )
                return redirect(reverse("lms:dashboard") + "#groups-heading")
    context = {
        "course": _course(day),
        "day": day,
        "sessions": day.sessions.select_related("venue"),
        "seats": services.seats(day),
        "form": form,
        "invitation": invitation if day.is_invitation_only else "",
    }
    return private(render(request, "bookings/group_book.html", context, status=status))


def _held_place_or_404(token):
    place = groups.held_place(token)
    if place is None:
        raise Http404
    return place


@require_http_methods(["GET", "POST"])
def claim(request, token):
    """The personal link of a held place. Anonymous visitors are asked to log in
    or create an account first and come back here (`next`)."""
    place = _held_place_or_404(token)
    context = {
        "course": _course(place.training_day),
        "place": place,
        "day": place.training_day,
        "sessions": place.training_day.sessions.select_related("venue"),
        "group": place.group,
    }
    if not request.user.is_authenticated:
        here = urlencode({"next": request.path})
        context |= {
            "login_url": f"{reverse('account_login')}?{here}",
            "signup_url": f"{reverse('account_signup')}?{here}",
        }
        status = 403 if request.method == "POST" else 200
        return private(render(request, "bookings/claim_login.html", context, status=status))
    if request.method == "POST":
        try:
            groups.claim_place(place, request.user)
        except Refused as error:
            return private(
                refused_response(
                    request,
                    error,
                    back_url=reverse("lms:dashboard"),
                    back_label=_("Go to My learning"),
                )
            )
        messages.success(request, _("The place is yours. The confirmation is on its way."))
        return redirect(reverse("lms:dashboard"))
    invited = groups.is_invited(request.user, place)
    context["invited"] = invited
    return private(render(request, "bookings/claim.html", context, status=200 if invited else 403))
