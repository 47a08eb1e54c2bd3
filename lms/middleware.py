"""Who may enter the Wagtail admin, and the response headers every page carries."""

from urllib.parse import urlencode

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.models import Authenticator
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _


def session_passed_second_factor(request) -> bool:
    """True when this session (not merely this account) was authenticated with a
    second factor through allauth. allauth records every authentication step in
    the session; a log-in that bypassed allauth has no such record."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class RequireTwoFactorForAdminMiddleware:
    """Every URL under /admin/ (pages, listings, the admin API) needs a session
    that passed the second factor.

    - anonymous visitors: Wagtail sends them to the (allauth) log-in;
    - logged-in users without admin rights: a 403 page pointing to /my/ (Wagtail
      would send them to the log-in, which sends them back: an endless loop);
    - staff without a TOTP device: sent to set one up;
    - staff with a device whose session did not pass it: asked for a code.
    """

    protected_prefix = "/admin/"
    # The admin's log-in URL only redirects to allauth's (see lms/urls.py).
    open_paths = ("/admin/login/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is None
            or not user.is_authenticated
            or not request.path.startswith(self.protected_prefix)
            or request.path in self.open_paths
        ):
            return self.get_response(request)
        if not user.has_perm("wagtailadmin.access_admin"):
            return render(request, "403_admin.html", status=403)
        if session_passed_second_factor(request):
            return self.get_response(request)
        has_device = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        if not has_device:
            messages.warning(
                request, _("Set up two-factor authentication before you use the admin.")
            )
            return redirect("mfa_activate_totp")
        next_url = request.get_full_path() if request.method == "GET" else self.protected_prefix
        return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': next_url})}")


class CrossOriginResourcePolicyMiddleware:
    """Our responses are for our own pages: other sites may not embed them as
    resources (Cross-Origin-Resource-Policy). Django sets COOP but not CORP."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's own policy under /admin/ (see
    ADMIN_CONTENT_SECURITY_POLICY); every other page gets CONTENT_SECURITY_POLICY.

    django-csp builds the header afresh for every response, which is most of
    what a page served from the page cache costs. A response with nothing of
    its own (no nonce, no `csp_update`/`csp_replace`/`csp` decorator, no
    exemption) gets one of two policies, so each is built once per process, by
    django-csp itself, and reused; anything else goes through django-csp as is.
    A change of the settings (a deploy, `override_settings`) starts afresh."""

    # Attributes django-csp's decorators put on a response (csp/decorators.py).
    own_policy_attributes = frozenset(
        f"_csp_{kind}{suffix}"
        for kind in ("config", "update", "replace", "exempt")
        for suffix in ("", "_ro")
    )
    # (admin?) -> (policy, report-only policy); shared by every instance.
    _built: dict[bool, tuple[str, str]] = {}

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and self._is_admin(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts

    @staticmethod
    def _is_admin(request) -> bool:
        return request.path.startswith(RequireTwoFactorForAdminMiddleware.protected_prefix)

    def _policies_for_every_response(self, request) -> tuple[str, str]:
        """The header values (policy, report-only) of a response with nothing of
        its own: the same for all such responses of a kind (admin or not)."""
        admin = self._is_admin(request)
        policies = self._built.get(admin)
        if policies is None:
            blank = HttpResponse()
            super().process_response(request, blank)
            policies = (blank.get(HEADER, ""), blank.get(HEADER_REPORT_ONLY, ""))
            self._built[admin] = policies
        return policies

    def process_response(self, request, response):
        if (
            settings.DEBUG  # django-csp leaves debug error pages alone
            or getattr(request, "_csp_nonce", None) is not None
            or not self.own_policy_attributes.isdisjoint(vars(response))
            or _excluded_prefixes()
        ):
            return super().process_response(request, response)
        policy, report_only = self._policies_for_every_response(request)
        if policy and HEADER not in response:
            response[HEADER] = policy
        if report_only and HEADER_REPORT_ONLY not in response:
            response[HEADER_REPORT_ONLY] = report_only
        # As django-csp does: a nonce asked for after this point is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


def _excluded_prefixes() -> bool:
    return any(
        (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
        for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
    )


@receiver(setting_changed)
def _forget_built_policies(setting, **kwargs):
    if "CONTENT_SECURITY_POLICY" in setting:
        ContentSecurityPolicyMiddleware._built.clear()


class InvalidAccountFormMiddleware:
    """allauth answers a form sent with mistakes (a wrong password, a missing
    name, a code that does not match) by showing it again with a 200. Bad input
    gets a 4xx here, as on every form of our own: the account pages' answer to
    such a POST is a 400, with the same page and its messages. (A throttled
    form keeps the 429 lms.views gives it.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        match = request.resolver_match
        if (
            request.method == "POST"
            and response.status_code == 200
            and match is not None
            and match.func.__module__.startswith(("allauth.", "lms.views"))
        ):
            form = (response.context_data or {}).get("form")
            if form is not None and form.is_bound and form.errors:
                response.status_code = 400
        return response
