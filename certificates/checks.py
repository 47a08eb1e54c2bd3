"""System checks for where certificate PDFs are kept (`manage.py check`)."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register

from .storage import PRIVATE_STORAGE_ALIAS

S3_BACKEND = "storages.backends.s3.S3Storage"


@register(Tags.security)
def check_private_storage(app_configs=None, **kwargs) -> list[Error]:
    backend = settings.STORAGES[PRIVATE_STORAGE_ALIAS]
    options = backend.get("OPTIONS", {})
    if backend["BACKEND"] == S3_BACKEND:
        if not options.get("bucket_name"):
            return [
                Error("PRIVATE_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.", id="certificates.E001")
            ]
        return []
    private_root = Path(options.get("location") or settings.PRIVATE_MEDIA_ROOT).resolve()
    if private_root.is_relative_to(Path(settings.MEDIA_ROOT).resolve()):
        return [
            Error(
                "PRIVATE_MEDIA_ROOT lies inside MEDIA_ROOT, whose files anyone can fetch "
                "at MEDIA_URL.",
                hint="Choose a folder outside MEDIA_ROOT that the web server does not serve.",
                id="certificates.E002",
            )
        ]
    return []
