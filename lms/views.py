from allauth.account import views as allauth_views
from allauth.mfa.base import views as mfa_views
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_ratelimit.core import get_usage
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page

from .dashboard import sections_for
from .forms import ProfileForm
from .health import run_checks
from .http import client_ip, private
from .models import User
from .signals import profile_saved


@never_cache
@require_GET
def healthz(request):
    healthy, checks = run_checks()
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "results": page})


def _role_restricted_page_types():
    """Page types only some roles may read (they declare `visible_to_roles`)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import get_page_models

    restricted = [m for m in get_page_models() if getattr(m, "visible_to_roles", None)]
    return ContentType.objects.get_for_models(*restricted).values() if restricted else []


@login_required
def dashboard(request):
    response = render(request, "lms/dashboard.html", {"sections": sections_for(request)})
    private(response)
    return response


@login_required
def profile(request):
    """The user's own details: name (for certificates), language, organisation,
    profession and the municipality they work for."""
    form = ProfileForm(request.POST or None, instance=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            profile_saved.send(sender=User, user=request.user)
            messages.success(request, _("Your details have been saved."))
            return redirect("lms:profile")
        status = 400
    response = render(request, "lms/profile.html", {"form": form}, status=status)
    private(response)
    return response


def privacy(request):
    return render(request, "lms/privacy.html", {})


def _throttled(form) -> bool:
    """allauth reports a throttled log-in as a form error (on the form, or on the
    code field of the second-factor forms)."""
    return any(
        error.code == "too_many_login_attempts"
        for errors in form.errors.as_data().values()
        for error in errors
    )


class LoginView(allauth_views.LoginView):
    """allauth's log-in, answering 429 (not 200) while failed attempts are throttled,
    so clients and monitoring see the throttle for what it is."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if _throttled(form):
            response.status_code = 429
        return response


class SecondFactorView(mfa_views.AuthenticateView):
    """allauth's second-factor step of the log-in, answering 429 while throttled."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if _throttled(form):
            response.status_code = 429
        return response


class ReauthenticateWithSecondFactorView(mfa_views.ReauthenticateView):
    """allauth's "enter a code again" step (the admin asks for it when a session
    has not passed the second factor), answering 429 while throttled."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if _throttled(form):
            response.status_code = 429
        return response


# Wrong passwords for a password-protected page, per client and page.
PAGE_PASSWORD_RATE = "5/5m"  # noqa: S105 (a rate, not a password)


def _page_password_throttle_key(group, request):
    return f"{request.resolver_match.kwargs['page_view_restriction_id']}:{client_ip(request)}"


def page_password(request, page_view_restriction_id, page_id):
    """Wagtail's form for password-protected pages, with the same throttle as the
    log-in: after five wrong passwords the client gets a 429 for a while."""
    throttle = {
        "group": "page-password",
        "key": _page_password_throttle_key,
        "rate": PAGE_PASSWORD_RATE,
    }
    if request.method == "POST":
        usage = get_usage(request, increment=False, **throttle)
        if usage is None or usage["count"] >= usage["limit"]:
            return rate_limited(request)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    # Wagtail answers a wrong password by showing the form again (200).
    if request.method == "POST" and response.status_code == 200:
        get_usage(request, increment=True, **throttle)
    return response


def rate_limited(request, exception=None):
    return render(request, "429.html", status=429)
