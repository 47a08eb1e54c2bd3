from .models import Certificate


def certificates_section(request) -> dict:
    return {
        "template": "certificates/includes/dashboard_certificates.html",
        "certificates": list(
            Certificate.objects.filter(recipient=request.user).exclude(
                status=Certificate.Status.FAILED
            )
        ),
    }
