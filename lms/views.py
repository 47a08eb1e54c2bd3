from allauth.account import views as allauth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from .dashboard import sections_for
from .health import run_checks


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
    response["Cache-Control"] = "private, no-store"
    return response


def privacy(request):
    return render(request, "lms/privacy.html", {})


class LoginView(allauth_views.LoginView):
    """allauth's log-in, answering 429 (not 200) while failed attempts are throttled,
    so clients and monitoring see the throttle for what it is."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if any(error.code == "too_many_login_attempts" for error in form.non_field_errors().data):
            response.status_code = 429
        return response


def rate_limited(request, exception=None):
    return render(request, "429.html", status=429)
