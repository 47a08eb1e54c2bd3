"""A trainer's own availability (/my/availability/): periods they cannot be
scheduled, and the most sessions they take a day and a week. Only their own:
anyone who is not a trainer, and a period that is someone else's, is a 404."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from lms.errors import Refused
from workshops import availability
from workshops.models import Trainer, Unavailability


class PeriodForm(forms.Form):
    starts_on = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=gettext_lazy("Until (inclusive)"), widget=forms.DateInput(attrs={"type": "date"})
    )


class LimitsForm(forms.Form):
    per_day = forms.IntegerField(
        label=gettext_lazy("At most sessions a day"),
        min_value=1,
        max_value=10,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    per_week = forms.IntegerField(
        label=gettext_lazy("At most sessions a week"),
        min_value=1,
        max_value=10,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def _trainer_of(request) -> Trainer:
    trainer = Trainer.objects.filter(user=request.user).first()
    if trainer is None:
        raise Http404
    return trainer


def _add(request, trainer, form) -> bool:
    if not form.is_valid():
        return False
    try:
        period = availability.add_unavailability(
            trainer, form.cleaned_data["starts_on"], form.cleaned_data["ends_on"]
        )
    except Refused as error:
        form.add_error(None, error.message)
        return False
    messages.success(request, _("Saved: you are not scheduled in this period."))
    clashes = availability.sessions_during(trainer, period)
    if clashes:
        messages.warning(
            request,
            ngettext(
                "You already have %(count)d session in this period (%(dates)s): "
                "ask the coordinator to find someone else.",
                "You already have %(count)d sessions in this period (%(dates)s): "
                "ask the coordinator to find someone else.",
                len(clashes),
            )
            % {
                "count": len(clashes),
                "dates": ", ".join(date_format(s.date, "DATE_FORMAT") for s in clashes),
            },
        )
    return True


def _limits(request, trainer, form) -> bool:
    if not form.is_valid():
        return False
    try:
        availability.set_limits(
            trainer, per_day=form.cleaned_data["per_day"], per_week=form.cleaned_data["per_week"]
        )
    except Refused as error:
        form.add_error(None, error.message)
        return False
    messages.success(request, _("Your maximum number of sessions is saved."))
    return True


@login_required
def edit_availability(request):
    trainer = _trainer_of(request)
    action = request.POST.get("action") if request.method == "POST" else None
    period_form = PeriodForm(request.POST if action == "add" else None, prefix="period")
    limits_form = LimitsForm(
        request.POST if action == "limits" else None,
        prefix="limits",
        initial={
            "per_day": trainer.max_sessions_per_day,
            "per_week": trainer.max_sessions_per_week,
        },
    )
    if action == "add" and _add(request, trainer, period_form):
        return redirect("bookings:availability")
    if action == "limits" and _limits(request, trainer, limits_form):
        return redirect("bookings:availability")
    periods = trainer.unavailability.filter(ends_on__gte=timezone.localdate()).order_by("starts_on")
    context = {
        "trainer": trainer,
        "periods": periods,
        "period_form": period_form,
        "limits_form": limits_form,
    }
    # Here after a POST means it did not go through.
    status = 200 if action is None else 400
    return render(request, "bookings/availability.html", context, status=status)


@login_required
@require_POST
def remove_period(request, period_id: int):
    trainer = _trainer_of(request)
    try:
        availability.remove_unavailability(trainer, period_id)
    except Unavailability.DoesNotExist as error:
        raise Http404 from error
    messages.success(request, _("The period is removed."))
    return redirect("bookings:availability")
