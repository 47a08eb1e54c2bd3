"""The coordinator's back office for school lessons (under /admin/, registered
in wagtail_hooks.py; Coordinators only): a request's page with its actions
(review, propose dates, times and a trainer pair per class with the five best
pairs suggested, decline, cancel), the lessons, the trainers' load per month
and a week view of every session with its trainers."""

from collections import defaultdict
from datetime import date, timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms import roles
from lms.errors import Refused
from workshops.choices import DayStatus, Programme
from workshops.models import Session, Trainer
from workshops.pairing import HIGH_LOAD, OUTSIDE_REGION
from workshops.suggestions import TrainerCalendar, Wanted, suggest

from . import school_scheduling as scheduling
from .models import SchoolClass, SchoolLessonRequest

Status = SchoolLessonRequest.Status


def coordinators_only(request) -> None:
    if not roles.has_role(request.user, roles.COORDINATORS):
        raise PermissionDenied


# --- A request and its actions ------------------------------------------------------


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason, for the school"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _trainer_choices():
    trainers = (
        Trainer.objects.filter(active=True, qualifications__programme=Programme.PREVENTION_LESSON)
        .select_related("user")
        .distinct()
    )
    return [("", "---------")] + [(str(t.pk), str(t)) for t in trainers]


class ProposalForm(forms.Form):
    """Per class: a date, a start time (the lesson lasts 90 minutes) and two
    trainers, either one of the suggested pairs or chosen by hand."""

    override_soft = forms.BooleanField(
        label=gettext_lazy("Override soft rules (outside the region, a high load)"),
        required=False,
    )

    def __init__(self, *args, classes: list[SchoolClass], suggestions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.classes = classes
        trainers = _trainer_choices()
        suggestions = suggestions or {}
        for school_class in classes:
            key = school_class.pk
            session = school_class.session if school_class.session_id else None
            current = session if session and session.cancelled_at is None else None
            self.fields[f"date_{key}"] = forms.DateField(
                label=_("Date"),
                widget=forms.DateInput(attrs={"type": "date"}),
                initial=current.date if current else None,
            )
            self.fields[f"start_{key}"] = forms.TimeField(
                label=_("Start (the lesson lasts 90 minutes)"),
                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                initial=current.starts_at_time if current else None,
            )
            pairs = suggestions.get(key, [])
            self.fields[f"pair_{key}"] = forms.ChoiceField(
                label=_("Suggested pairs"),
                required=False,
                widget=forms.RadioSelect,
                choices=[
                    (f"{p.first.trainer_id},{p.second.trainer_id}", pair_label(p)) for p in pairs
                ],
            )
            ids = [a.trainer_id for a in current.assignments.all()] if current else []
            for n in (1, 2):
                self.fields[f"trainer{n}_{key}"] = forms.ChoiceField(
                    label=_("Trainer %(n)d") % {"n": n},
                    required=False,
                    choices=trainers,
                    initial=str(ids[n - 1]) if len(ids) >= n else "",
                )

    def rows(self):
        for school_class in self.classes:
            key = school_class.pk
            yield (
                school_class,
                [
                    self[f"{name}_{key}"]
                    for name in ("date", "start", "pair", "trainer1", "trainer2")
                ],
            )

    def wanted(self, location: str) -> dict[int, Wanted]:
        """The slots filled in so far (for suggestions), by class."""
        wanted = {}
        for school_class in self.classes:
            day = self.cleaned_data.get(f"date_{school_class.pk}")
            start = self.cleaned_data.get(f"start_{school_class.pk}")
            if day and start:
                wanted[school_class.pk] = Wanted(day, start, scheduling.lesson_end(start), location)
        return wanted

    def plan(self) -> list[scheduling.PlannedLesson]:
        plan = []
        for school_class in self.classes:
            key = school_class.pk
            chosen = self.cleaned_data.get(f"pair_{key}")
            if chosen:
                ids = tuple(int(i) for i in chosen.split(","))
            else:
                ids = tuple(
                    int(self.cleaned_data[f"trainer{n}_{key}"])
                    for n in (1, 2)
                    if self.cleaned_data.get(f"trainer{n}_{key}")
                )
            if len(ids) != 2:
                raise Refused(
                    _("Choose a suggested pair or two trainers for class %(label)s.")
                    % {"label": school_class}
                )
            plan.append(
                scheduling.PlannedLesson(
                    key, self.cleaned_data[f"date_{key}"], self.cleaned_data[f"start_{key}"], ids
                )
            )
        return plan


SOFT_LABELS = {
    OUTSIDE_REGION: gettext_lazy("outside their region"),
    HIGH_LOAD: gettext_lazy("high load this month"),
}


def pair_label(pair) -> str:
    label = f"{pair.first.name} + {pair.second.name}"
    names = {pair.first.trainer_id: pair.first.name, pair.second.trainer_id: pair.second.name}
    warnings = [
        f"{names[trainer_id]}: {SOFT_LABELS[reason]}" for trainer_id, reason in pair.warnings
    ]
    if warnings:
        label += " — " + _("warning: %(warnings)s") % {"warnings": "; ".join(warnings)}
    return label


def _request(request_id: int) -> SchoolLessonRequest:
    return get_object_or_404(
        SchoolLessonRequest.objects.select_related("school__municipality"), pk=request_id
    )


def _classes(lesson_request) -> list[SchoolClass]:
    return list(
        SchoolClass.objects.filter(request=lesson_request)
        .select_related("session")
        .prefetch_related("session__assignments__trainer__user")
    )


def _suggestions(form: ProposalForm, lesson_request) -> dict:
    wanted = form.wanted(lesson_request.school.one_line)
    if not wanted:
        return {}
    moving = [c.session_id for c in form.classes if c.session_id]
    calendar = TrainerCalendar.load([w.date for w in wanted.values()], exclude_sessions=moving)
    keys = list(wanted)
    pairs = suggest(
        [wanted[k] for k in keys],
        region=lesson_request.school.municipality_id,
        calendar=calendar,
    )
    return dict(zip(keys, pairs, strict=True))


def school_request(request, request_id: int):
    """A request: what the school asked, its lessons, and the actions."""
    coordinators_only(request)
    lesson_request = _request(request_id)
    classes = _classes(lesson_request)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    status = 200
    soft_warning = ""
    reason_form = ReasonForm(request.POST if action in ("decline", "cancel") else None)
    proposal_form = ProposalForm(classes=classes)
    if action in ("suggest", "propose"):
        proposal_form = ProposalForm(request.POST, classes=classes)
        status = 400
        valid = proposal_form.is_valid()
        suggestions = _suggestions(proposal_form, lesson_request)
        # Rebuilt with the suggested pairs as choices, the input kept.
        proposal_form = ProposalForm(request.POST, classes=classes, suggestions=suggestions)
        valid = proposal_form.is_valid()
        if action == "suggest" and valid:
            status = 200
        elif action == "propose" and valid:
            try:
                proposal = scheduling.propose(
                    lesson_request,
                    proposal_form.plan(),
                    by=request.user,
                    override_soft=proposal_form.cleaned_data["override_soft"],
                )
            except Refused as error:
                proposal_form.add_error(None, error.message)
                status = error.status
                soft_warning = error.message if "override" in error.message else ""
            else:
                messages.success(request, _("The proposal is sent to the school."))
                for warning in proposal.warnings:
                    messages.warning(request, _("Soft rule overridden: %(w)s") % {"w": warning})
                return redirect("bookings_school_request", lesson_request.pk)
    elif action == "review":
        try:
            scheduling.start_review(lesson_request, by=request.user)
        except Refused as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The request is in review."))
        return redirect("bookings_school_request", lesson_request.pk)
    elif action in ("decline", "cancel"):
        status = 400
        if reason_form.is_valid():
            service = scheduling.decline if action == "decline" else scheduling.cancel
            try:
                service(lesson_request, reason_form.cleaned_data["reason"], by=request.user)
            except Refused as error:
                reason_form.add_error(None, error.message)
                status = error.status
            else:
                messages.success(request, _("The request is closed; the trainers are told."))
                return redirect("bookings_school_request", lesson_request.pk)
    elif request.method == "POST":
        status = 400
    context = {
        "lesson_request": lesson_request,
        "classes": classes,
        "proposal_form": proposal_form,
        "reason_form": reason_form,
        "soft_warning": soft_warning,
        "can_review": lesson_request.status == Status.REQUESTED,
        "can_propose": lesson_request.status in scheduling.PROPOSABLE,
        "can_close": lesson_request.status in SchoolLessonRequest.OPEN,
        "back_url": reverse("bookings_schoollessonrequest_modeladmin_index"),
    }
    return TemplateResponse(request, "bookings/admin/school_request.html", context, status=status)


# --- Listings: lessons, the trainers' load, the week -------------------------------


def school_lessons(request):
    """The school lessons, upcoming first (or the past ones), with trainers."""
    coordinators_only(request)
    today = timezone.localdate()
    past = request.GET.get("past") == "1"
    lessons = Session.objects.filter(programme=Programme.PREVENTION_LESSON).select_related(
        "school_class__request__school"
    )
    lessons = (
        lessons.filter(date__lt=today).order_by("-date", "-starts_at_time")
        if past
        else lessons.filter(date__gte=today).order_by("date", "starts_at_time")
    )
    page = Paginator(lessons.prefetch_related("assignments__trainer__user"), 50).get_page(
        request.GET.get("p")
    )
    context = {"page": page, "past": past}
    return TemplateResponse(request, "bookings/admin/school_lessons.html", context)


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def trainer_load(request):
    """Every active trainer's number of sessions per month, this month and the
    two after (one query)."""
    coordinators_only(request)
    first = _month_start(timezone.localdate())
    months = [first, _next_month(first), _next_month(_next_month(first))]
    counted = ~Q(assignments__session__cancelled_at__isnull=False) & ~Q(
        assignments__session__training_day__status=DayStatus.CANCELLED
    )
    annotations = {
        f"month_{n}": Count(
            "assignments",
            filter=counted
            & Q(
                assignments__session__date__gte=month,
                assignments__session__date__lt=_next_month(month),
            ),
            distinct=True,
        )
        for n, month in enumerate(months)
    }
    trainers = Trainer.objects.filter(active=True).select_related("user").annotate(**annotations)
    rows = [(t, [getattr(t, f"month_{n}") for n in range(len(months))]) for t in trainers]
    context = {"months": months, "rows": rows}
    return TemplateResponse(request, "bookings/admin/school_trainer_load.html", context)


def _week_start(value: str) -> date | None:
    if not value:
        today = timezone.localdate()
        return today - timedelta(days=today.weekday())
    try:
        year, week = value.split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        return None


def _week_label(monday: date) -> str:
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


def _what(session: Session) -> str:
    if session.training_day_id:
        return session.training_day.course.title
    school_class = getattr(session, "school_class", None)
    if school_class is not None:
        return _("Prevention lesson, %(school)s, class %(label)s") % {
            "school": school_class.request.school.name,
            "label": school_class,
        }
    if session.group_id:
        return _("%(group)s, meeting %(number)s") % {
            "group": session.group,
            "number": session.meeting_number or "-",
        }
    return session.get_programme_display()


def week_view(request):
    """All sessions of one ISO week (?week=2027-W10) with their trainers."""
    coordinators_only(request)
    monday = _week_start(request.GET.get("week", ""))
    if monday is None:
        context = {"error": _("Give the week as year-W-number, for example 2027-W10.")}
        return TemplateResponse(request, "bookings/admin/school_week.html", context, status=400)
    sunday = monday + timedelta(days=6)
    sessions = (
        Session.objects.filter(date__range=(monday, sunday), cancelled_at__isnull=True)
        .exclude(training_day__status=DayStatus.CANCELLED)
        .select_related("training_day__course", "venue", "group", "school_class__request__school")
        .prefetch_related("assignments__trainer__user")
        .order_by("date", "starts_at_time")
    )
    by_day = defaultdict(list)
    for session in sessions:
        by_day[session.date].append(
            {
                "session": session,
                "what": _what(session),
                "trainers": [str(a.trainer) for a in session.assignments.all()],
            }
        )
    days = [
        {"date": monday + timedelta(days=n), "items": by_day.get(monday + timedelta(days=n), [])}
        for n in range(7)
    ]
    context = {
        "days": days,
        "week": _week_label(monday),
        "title": _("Week %(week)s: %(start)s – %(end)s")
        % {
            "week": _week_label(monday),
            "start": date_format(monday, "j F"),
            "end": date_format(sunday, "j F Y"),
        },
        "previous": _week_label(monday - timedelta(days=7)),
        "next": _week_label(monday + timedelta(days=7)),
    }
    return TemplateResponse(request, "bookings/admin/school_week.html", context)
