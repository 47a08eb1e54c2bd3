"""Booking a place: the agenda of open days, the booking form, cancelling and
the calendar file of one's own booking. Thin: the work is in `services`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lms.errors import Refused, refused_response
from lms.http import private
from lms.models import SiteSettings
from workshops.choices import DayStatus
from workshops.models import TrainingDay

from . import notifications, offers, services
from .forms import BookingForm
from .models import Registration

Status = Registration.Status


def agenda(request):
    """Every upcoming open day of every course, soonest first."""
    days = list(services.upcoming_open_days())
    courses = offers.courses_in_language({d.course_key for d in days}, get_language() or "nl")
    found = offers.offers(days, request.user, courses=courses)
    return render(request, "bookings/agenda.html", {"offers": found})


def _bookable_day(request, key) -> TrainingDay:
    """The day behind `key`; an in-company day only with its invitation (else it
    does not exist, as far as the visitor can tell), never a draft."""
    day = get_object_or_404(
        TrainingDay.objects.select_related("course").exclude(status=DayStatus.DRAFT), key=key
    )
    given = request.GET.get("invitation", request.POST.get("invitation")) or ""
    if day.is_invitation_only and not constant_time_compare(given, day.invitation_token):
        raise Http404
    return day


def _dashboard_url() -> str:
    return reverse("lms:dashboard") + "#bookings-heading"


@login_required
@require_http_methods(["GET", "POST"])
def book(request, key):
    day = _bookable_day(request, key)
    invitation = day.invitation_token if day.is_invitation_only else ""
    if request.method == "POST":
        form = BookingForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                registration = services.book_place(
                    day,
                    request.user,
                    organisation=data["organisation"],
                    municipality=data["municipality"],
                    invoice_reference=data["invoice_reference"],
                    dietary_needs=data["dietary_needs"],
                    access_needs=data["access_needs"],
                    invitation_token=data["invitation"] or None,
                )
            except Refused as error:
                return refused_response(
                    request, error, back_url=_dashboard_url(), back_label=_("Go to My bookings")
                )
            if registration.status == Status.CONFIRMED:
                messages.success(
                    request,
                    _("Your place is confirmed. You will receive an e-mail with the details."),
                )
            else:
                messages.success(
                    request,
                    _(
                        "This date is full: you are number %(position)d on the waiting list. "
                        "We will e-mail you when a place comes free."
                    )
                    % {"position": registration.waitlist_position},
                )
            return redirect(_dashboard_url())
        status = 400
    else:
        initial = BookingForm.initial_for(request.user, request.GET)
        initial["invitation"] = invitation
        form = BookingForm(initial=initial)
        status = 200
    seats = services.seats(day)
    municipality = form.chosen_municipality()
    existing = Registration.objects.active().filter(training_day=day, user=request.user).first()
    context = {
        "day": day,
        "course": day.course,
        "form": form,
        "sessions": day.sessions.select_related("venue"),
        "seats_left": seats.left,
        "next_position": seats.waiting + 1,
        "price": offers.price_text(day, municipality, known=True, agreements=[]),
        "agreements": offers.agreement_names(),
        "is_open": day.registration_is_open(),
        "existing": existing,
        "invitation": invitation,
    }
    return private(render(request, "bookings/book.html", context, status=status))


def _own_registration(request, registration_id: int) -> Registration:
    """The visitor's own registration; anyone else's does not exist for them."""
    return get_object_or_404(
        Registration.objects.select_related("training_day__course"),
        pk=registration_id,
        user=request.user,
    )


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request, registration_id: int):
    registration = _own_registration(request, registration_id)
    status, error = 200, None
    if request.method == "POST":
        try:
            services.cancel_registration(registration, by=request.user)
        except Refused as refused:
            status, error = refused.status, refused.message
        else:
            messages.success(request, _("Your booking is cancelled."))
            return redirect(_dashboard_url())
    context = {
        "registration": registration,
        "day": registration.training_day,
        "sessions": registration.training_day.sessions.select_related("venue"),
        "error": error,
        "centre": SiteSettings.for_request(request),
    }
    return private(render(request, "bookings/cancel.html", context, status=status))


@login_required
def calendar_file(request, registration_id: int):
    """The booking's calendar file: an event per session while the place is
    confirmed, a cancellation (METHOD:CANCEL) once it is cancelled."""
    registration = _own_registration(request, registration_id)
    if registration.status == Status.WAITLISTED:
        error = Refused(_("You get a calendar file once you have a place."), status=409)
        return refused_response(
            request, error, back_url=_dashboard_url(), back_label=_("Go to My bookings")
        )
    content = notifications.calendar_file(
        registration, cancel=registration.status == Status.CANCELLED
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="training-{registration.pk}.ics"'
    return private(response)
