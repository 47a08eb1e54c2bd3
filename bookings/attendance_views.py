"""The attendance page of one session: a trainer of the session or a
coordinator marks each participant, or, for a group programme, the number who
took part. Anyone else gets a 404: the page does not exist for them."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.errors import Refused, refused_response
from workshops import programmes
from workshops.models import Session

from . import attendance
from .models import Attendance


def _field_name(registration) -> str:
    return f"r-{registration.pk}"


class AttendanceForm(forms.Form):
    """One choice per participant: name and organisation, nothing more."""

    def __init__(self, *args, participants, marked, **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = participants
        for registration in participants:
            who = registration.user.get_full_name() or registration.user.email
            label = f"{who} ({registration.organisation})" if registration.organisation else who
            self.fields[_field_name(registration)] = forms.ChoiceField(
                label=label,
                choices=Attendance.Status.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=marked.get(registration.pk),
            )

    def statuses(self) -> dict[int, str]:
        return {
            registration.pk: value
            for registration in self.participants
            if (value := self.cleaned_data.get(_field_name(registration)))
        }


class ParticipantCountForm(forms.Form):
    participant_count = forms.IntegerField(
        label=gettext_lazy("Number of participants"),
        min_value=0,
        max_value=attendance.MAX_GROUP_SIZE,
        help_text=gettext_lazy("Only the number: no names are kept."),
    )
    note = forms.CharField(
        label=gettext_lazy("Note about the meeting"),
        required=False,
        max_length=programmes.MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("About the meeting, never about a young person."),
    )


@login_required
def session_attendance(request, session_id: int):
    session = get_object_or_404(
        Session.objects.select_related("venue", "training_day__course"), pk=session_id
    )
    if not attendance.may_mark(request.user, session):
        raise Http404
    here = reverse("bookings:attendance", args=[session.pk])
    group = attendance.is_group_programme(session)
    data = request.POST if request.method == "POST" else None
    if group:
        form = ParticipantCountForm(
            data,
            initial={"participant_count": session.participant_count, "note": session.note},
        )
    else:
        form = AttendanceForm(
            data,
            participants=attendance.participants(session),
            marked=attendance.marks(session),
        )
    if data is not None and form.is_valid():
        try:
            if group:
                with transaction.atomic():  # the count and the note, or neither
                    attendance.set_participant_count(
                        session, form.cleaned_data["participant_count"], by=request.user
                    )
                    programmes.set_meeting_note(session, form.cleaned_data["note"], by=request.user)
            else:
                attendance.mark_attendance(session, form.statuses(), by=request.user)
        except Refused as error:
            return refused_response(
                request, error, back_url=here, back_label=_("Back to the attendance list")
            )
        messages.success(request, _("Attendance saved."))
        return redirect(here)
    context = {
        "session": session,
        "form": form,
        "group": group,
        "can_mark_yet": attendance.can_mark_yet(session),
        "title": (
            session.training_day.course.title
            if session.training_day_id
            else session.get_programme_display()
        ),
    }
    return render(request, "bookings/attendance.html", context, status=400 if form.errors else 200)
