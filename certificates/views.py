from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit

from lms import roles
from lms.http import private

from .forms import VerifyForm
from .models import Certificate, normalise_code

VERIFY_RATE = "30/m"


@require_GET
def pdf(request, code: str):
    """The PDF, for its owner and coordinators; anyone else gets a 404 (a
    visitor who is not logged in is told, on that 404, how to log in)."""
    certificate = Certificate.objects.filter(code=normalise_code(code)).first()
    allowed = (
        request.user.is_authenticated
        and certificate is not None
        and (
            certificate.recipient_id == request.user.pk
            or roles.has_role(request.user, roles.COORDINATORS)
        )
    )
    if not allowed or not certificate.pdf:
        if request.user.is_authenticated:
            raise Http404
        return render(request, "certificates/pdf_not_found.html", status=404)
    response = FileResponse(
        certificate.pdf.open("rb"),
        content_type="application/pdf",
        filename=f"{certificate.code}.pdf",
    )
    private(response)
    return response


@require_GET
@ratelimit(key="ip", rate=VERIFY_RATE, block=True)
def verify(request):
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        return redirect("certificates:verify_code", code=form.cleaned_data["code"])
    return render(
        request, "certificates/verify.html", {"form": form}, status=400 if form.errors else 200
    )


@never_cache
@require_GET
@ratelimit(key="ip", rate=VERIFY_RATE, block=True)
def verify_code(request, code: str):
    """Public: valid / revoked / expired, with name, title and date only."""
    certificate = Certificate.objects.filter(code=normalise_code(code)).first()
    status = 200 if certificate is not None else 404
    return render(
        request,
        "certificates/verify_result.html",
        {"certificate": certificate, "code": code, "form": VerifyForm(initial={"code": code})},
        status=status,
    )
