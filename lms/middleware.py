from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class RequireTwoFactorForAdminMiddleware:
    """Anyone who can enter the Wagtail admin must have set up two-factor
    authentication first. Log-in itself goes through allauth, which asks for the
    second factor whenever the account has one."""

    protected_prefixes = ("/admin/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith(self.protected_prefixes)
            and user.has_perm("wagtailadmin.access_admin")
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.warning(
                request,
                _("Set up two-factor authentication before you use the admin."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
