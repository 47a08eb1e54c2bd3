"""The school's pages: the public multi-step request form (kept in the
session, each step checked on the server, a summary before sending; no
JavaScript needed), confirming the address by link, answering a proposal,
the evaluation, and the coordinator's "invite last year's schools" action."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import get_usage
from wagtail.models import Site

from lms import roles
from lms.errors import Refused
from lms.http import private
from lms.models import SiteSettings
from lms.views import rate_limited

from . import forms_schools, school_links, schools
from .forms_schools import (
    CLASSES_PREFIX,
    MAX_CLASSES,
    ClassesStepForm,
    ContactStepForm,
    EvaluationForm,
    InviteAgainForm,
    OtherDatesForm,
    SchoolStepForm,
    SummaryForm,
    WishesStepForm,
    class_formset,
    format_weeks,
)
from .models import DayPart, Level, LocationKind, SchoolLessonRequest, Topic

# Requests sent per client address: enough for a school, too few to spam.
REQUEST_RATE = "5/h"
THROTTLE = {"group": "school-request", "key": "ip", "rate": REQUEST_RATE}
SESSION_KEY = "school_request"
SUMMARY = 5
HONEYPOT = SummaryForm.HONEYPOT
# What a step's stored data leaves out: the form's machinery, not the answers.
NOT_STORED = {"csrfmiddlewaretoken", "step", "action", HONEYPOT}


def _step_labels() -> list[str]:
    return [_("School"), _("Contact"), _("Classes"), _("Wishes"), _("Check and send")]


# --- What the session holds ------------------------------------------------------------


def _state(request) -> dict:
    state = request.session.get(SESSION_KEY)
    if not isinstance(state, dict):
        state = {"steps": {}, "previous": None}
    state.setdefault("steps", {})
    state.setdefault("previous", None)
    return state


def _save_state(request, state: dict) -> None:
    request.session[SESSION_KEY] = state
    request.session.modified = True


def _as_querydict(data: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, [str(value) for value in values])
    return query


def _stored(post: QueryDict, forms: list) -> dict:
    """What the session keeps of a valid step: the answers to its own fields."""
    names = set()
    for form in forms:
        if isinstance(form, forms_schools.BaseClassFormSet):
            names.update(key for key in post if key.startswith(f"{form.prefix}-"))
        else:
            names.update(form.add_prefix(name) for name in form.fields)
    return {key: post.getlist(key) for key in names - NOT_STORED if key in post}


class Steps:
    """The four steps bound to what the session (or a POST) holds."""

    def __init__(self, state: dict):
        self.data = {int(number): _as_querydict(data) for number, data in state["steps"].items()}
        self._checked: dict[int, list] = {}

    def school_year(self) -> str:
        return self.cleaned(3)[0].get("school_year", "")

    def bind(self, step: int, data: QueryDict | None = None) -> list:
        data = data if data is not None else self.data.get(step)
        if step == 1:
            return [SchoolStepForm(data)]
        if step == 2:
            return [ContactStepForm(data)]
        if step == 3:
            return [ClassesStepForm(data), class_formset(data)]
        return [WishesStepForm(data, school_year=self.school_year())]

    def checked(self, step: int) -> list:
        """The stored step's forms, validated (once per request)."""
        if step not in self._checked:
            forms = self.bind(step)
            self.valid(forms)
            self._checked[step] = forms
        return self._checked[step]

    def cleaned(self, step: int) -> list:
        forms = self.checked(step)
        if not self.valid(forms):
            return [{}]
        return [getattr(form, "cleaned_data", None) for form in forms]

    @staticmethod
    def valid(forms) -> bool:
        return all(form.is_bound and form.is_valid() for form in forms)

    def first_incomplete(self) -> int:
        """The first step not yet (validly) filled in; SUMMARY when all are."""
        for step in (1, 2, 3, 4):
            if step not in self.data or not self.valid(self.checked(step)):
                return step
        return SUMMARY


def _unbound(step: int, steps: Steps, request) -> list:
    """A step not yet filled in: empty, or prefilled from the account."""
    if step == 2:
        if not request.user.is_authenticated:
            return [ContactStepForm()]
        user = request.user
        last = SchoolLessonRequest.objects.filter(contact_user=user).order_by("-pk").first()
        initial = {
            "contact_name": user.get_full_name(),
            "contact_email": user.email,
            "contact_role": last.contact_role if last else "",
            "contact_phone": last.contact_phone if last else "",
        }
        return [ContactStepForm(initial=initial)]
    if step == 3:
        return [ClassesStepForm(), class_formset()]
    if step == 4:
        return [WishesStepForm(school_year=steps.school_year())]
    return [SchoolStepForm()]


def _render_step(request, step: int, forms: list, *, status: int = 200):
    form = forms[0]
    context = {
        "step": step,
        "steps": _step_labels(),
        "form": form,
        "formset": forms[1] if len(forms) > 1 else None,
        "max_classes": MAX_CLASSES,
        "school_year": getattr(form, "school_year", ""),
        "previous_url": f"?step={step - 1}" if step > 1 else "",
        "honeypot": HONEYPOT,
    }
    return private(render(request, "bookings/schools/request_step.html", context, status=status))


def _summary(steps: Steps) -> dict:
    school = steps.cleaned(1)[0]
    classes, formset = steps.cleaned(3)[0], steps.checked(3)[1]
    wishes = steps.cleaned(4)[0]
    return {
        "school": school,
        "location_kind": LocationKind(school["location_kind"]).label,
        "contact": steps.cleaned(2)[0],
        "level": Level(classes["level"]).label,
        "school_year": classes["school_year"],
        "classes": formset.classes(),
        "weeks": format_weeks(wishes["preferred_weeks"]),
        "day_parts": [DayPart(value).label for value in wishes["day_parts"]],
        "topics": [Topic(value).label for value in wishes["topics"]],
        "notes": wishes["notes"],
    }


def _without_honeypot(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != HONEYPOT}


def _submit(request, steps: Steps, state: dict) -> SchoolLessonRequest:
    classes = steps.cleaned(3)[0]
    previous = None
    if state.get("previous"):
        previous = SchoolLessonRequest.objects.filter(pk=state["previous"]).first()
    return schools.submit_request(
        school=_without_honeypot(steps.cleaned(1)[0]),
        contact=_without_honeypot(steps.cleaned(2)[0]),
        level=classes["level"],
        school_year=classes["school_year"],
        classes=steps.checked(3)[1].classes(),
        wishes=_without_honeypot(steps.cleaned(4)[0]),
        language=get_language() or "nl",
        user=request.user,
        previous=previous,
    )


def _spam(request):
    error = Refused(_("Your request could not be sent."), status=400)
    return refused(request, error)


def refused(request, error: Refused):
    return private(
        render(
            request,
            "refused.html",
            {
                "message": error.message,
                "back_url": reverse("bookings:school_request"),
                "back_label": _("Back to the request form"),
            },
            status=error.status,
        )
    )


def _add_class(request):
    """The "Add a class" button (no JavaScript): the same step with one more empty row,
    without judging what is not filled in yet."""
    rows = []
    try:
        total = int(request.POST.get(f"{CLASSES_PREFIX}-TOTAL_FORMS", "1"))
    except ValueError:
        total = 1
    for index in range(min(max(total, 1), MAX_CLASSES)):
        rows.append(
            {
                name: request.POST.get(f"{CLASSES_PREFIX}-{index}-{name}", "")
                for name in ("label", "group_size")
            }
        )
    level_and_year = {key: request.POST.get(key, "") for key in ("level", "school_year")}
    forms = [ClassesStepForm(initial=level_and_year), class_formset(rows=rows, extra=1)]
    return _render_step(request, 3, forms)


@require_http_methods(["GET", "POST"])
def request_lessons(request):
    state = _state(request)
    if request.method == "GET" and "invitation" in request.GET:
        return _accept_invitation(request, request.GET["invitation"])
    steps = Steps(state)
    reachable = steps.first_incomplete()
    if request.method == "GET":
        try:
            step = int(request.GET.get("step", 1))
        except ValueError:
            step = 1
        step = max(1, min(step, reachable))
        if step == SUMMARY:
            context = {"steps": _step_labels(), "step": SUMMARY, "form": SummaryForm()}
            context.update(summary=_summary(steps), honeypot=HONEYPOT)
            return private(render(request, "bookings/schools/request_summary.html", context))
        forms = steps.checked(step) if step in steps.data else _unbound(step, steps, request)
        return _render_step(request, step, forms)

    if request.POST.get(HONEYPOT, "").strip():
        return _spam(request)
    try:
        step = int(request.POST.get("step", ""))
    except ValueError:
        step = 0
    if not 1 <= step <= SUMMARY:
        return refused(request, Refused(_("This step of the form does not exist.")))
    if step > reachable:
        return redirect(f"{reverse('bookings:school_request')}?step={reachable}")
    if step == SUMMARY:
        usage = get_usage(request, increment=True, **THROTTLE)
        if usage is not None and usage["should_limit"]:
            return rate_limited(request)
        try:
            _submit(request, steps, state)
        except Refused as error:
            return refused(request, error)
        request.session.pop(SESSION_KEY, None)
        return redirect("bookings:school_request_sent")
    if step == 3 and request.POST.get("action") == "add_class":
        return _add_class(request)
    forms = steps.bind(step, request.POST)
    if not steps.valid(forms):
        return _render_step(request, step, forms, status=400)
    state["steps"][str(step)] = _stored(request.POST, forms)
    _save_state(request, state)
    # The next step not yet filled in: after a change from the summary, that
    # is the summary again.
    return redirect(f"{reverse('bookings:school_request')}?step={Steps(state).first_incomplete()}")


def _prefill_from(previous: SchoolLessonRequest, school_year: str) -> dict:
    school = previous.school
    classes = list(previous.classes.all())
    step3 = {
        "level": [previous.level],
        "school_year": [school_year],
        f"{CLASSES_PREFIX}-TOTAL_FORMS": [str(len(classes))],
        f"{CLASSES_PREFIX}-INITIAL_FORMS": ["0"],
    }
    for index, school_class in enumerate(classes):
        step3[f"{CLASSES_PREFIX}-{index}-label"] = [school_class.label]
        step3[f"{CLASSES_PREFIX}-{index}-group_size"] = [str(school_class.group_size)]
    return {
        "1": {
            "name": [school.name],
            "brin": [school.brin],
            "address": [school.address],
            "postcode": [school.postcode],
            "city": [school.city],
            "municipality": [str(school.municipality_id)],
            "location_kind": [school.location_kind],
        },
        "2": {
            "contact_name": [previous.contact_name],
            "contact_role": [previous.contact_role],
            "contact_email": [previous.contact_email],
            "contact_phone": [previous.contact_phone],
        },
        "3": step3,
        # The weeks are new every year: the school chooses them again.
        "4": {"day_parts": list(previous.day_parts), "topics": list(previous.topics)},
    }


def _accept_invitation(request, token: str):
    """Last year's request fills in the form; the new one will point to it."""
    try:
        previous_id, school_year = school_links.read_invitation(token)
    except signing.SignatureExpired:
        return private(
            render(
                request,
                "bookings/schools/link_expired.html",
                _centre(request),
                status=410,
            )
        )
    except signing.BadSignature as error:
        raise Http404 from error
    previous = get_object_or_404(
        SchoolLessonRequest.objects.select_related("school"), pk=previous_id
    )
    _save_state(request, {"steps": _prefill_from(previous, school_year), "previous": previous.pk})
    messages.info(
        request,
        _("We have filled in the form with last year's request. Check it and choose new weeks."),
    )
    return redirect("bookings:school_request")


def request_sent(request):
    return render(request, "bookings/schools/request_sent.html", {})


def confirm_request(request, token):
    lesson_request = get_object_or_404(
        SchoolLessonRequest.objects.select_related("school"), confirm_token=token
    )
    first_time = schools.confirm_request(lesson_request)
    return private(
        render(
            request,
            "bookings/schools/confirmed.html",
            {"request_": lesson_request, "first_time": first_time},
        )
    )


# --- The school's answer to a proposal --------------------------------------------------


def _centre(request) -> dict:
    """How to reach the centre (site settings), for pages that send people there."""
    site = Site.find_for_request(request)
    return {"centre": SiteSettings.for_site(site) if site is not None else None}


def _link_refused(request, error: Refused):
    if error.status == 410:
        return private(
            render(request, "bookings/schools/link_expired.html", _centre(request), status=410)
        )
    raise Http404(error.message)


@require_http_methods(["GET", "POST"])
def answer_proposal(request, token):
    try:
        proposal = schools.proposal_for_token(token)
    except Refused as error:
        return _link_refused(request, error)
    other_dates = OtherDatesForm(request.POST if request.POST.get("action") == "other" else None)
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("action") == "accept":
                schools.accept_proposal(token)
                return private(
                    render(request, "bookings/schools/answered.html", {"accepted": True})
                )
            if other_dates.is_valid():
                schools.ask_other_dates(token, other_dates.cleaned_data["message"])
                return private(
                    render(request, "bookings/schools/answered.html", {"accepted": False})
                )
            status = 400
        except Refused as error:
            return _link_refused(request, error)
    context = {
        "request_": proposal,
        "classes": school_links.planned_classes(proposal),
        "form": other_dates,
        "expires_at": proposal.answer_token_expires_at,
    }
    return private(render(request, "bookings/schools/proposal.html", context, status=status))


# --- The evaluation ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def evaluate(request, token):
    try:
        lesson_request = schools.evaluation_for_token(token)
    except Refused as error:
        raise Http404(error.message) from error
    form = EvaluationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                schools.submit_evaluation(token, **form.cleaned_data)
            except Refused as error:
                raise Http404(error.message) from error
            return private(render(request, "bookings/schools/evaluation_thanks.html", {}))
    context = {
        "request_": lesson_request,
        "classes": school_links.planned_classes(lesson_request),
        "form": form,
    }
    return private(render(request, "bookings/schools/evaluation.html", context, status=status))


# --- The coordinator's action (under /admin/, see school_hooks) ---------------------------


@require_http_methods(["GET", "POST"])
def invite_last_years_schools(request):
    """Mail last year's schools a prefilled request form for the new school
    year, in one action; a second run sends nothing new."""
    if not roles.has_role(request.user, roles.COORDINATORS):
        raise PermissionDenied
    form = InviteAgainForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            school_year = form.cleaned_data["school_year"]
            invited = schools.invite_again(school_year, by=request.user)
            messages.success(
                request,
                ngettext(
                    "%(count)s school was invited to request lessons for %(year)s.",
                    "%(count)s schools were invited to request lessons for %(year)s.",
                    invited,
                )
                % {"count": invited, "year": school_year},
            )
            return redirect("bookings_school_invite")
    return TemplateResponse(
        request,
        "bookings/schools/admin_invite.html",
        {"form": form},
        status=status,
    )
