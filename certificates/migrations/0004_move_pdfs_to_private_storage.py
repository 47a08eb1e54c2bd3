"""Certificate PDFs issued before 0003 lie in the public media storage as
certificates/<CODE>.pdf, which anyone could download at /media/. Move each to
the private storage under its unguessable name and delete the public copy.

Not atomic: every certificate is moved and saved on its own, so a run that is
interrupted can simply be run again (`manage.py migrate`)."""

import logging

from django.core.files.storage import storages
from django.db import migrations

from certificates.models import pdf_upload_to
from certificates.storage import PRIVATE_STORAGE_ALIAS

logger = logging.getLogger(__name__)


def move_pdfs_to_private_storage(apps, schema_editor):
    Certificate = apps.get_model("certificates", "Certificate")
    public = storages["default"]
    private = storages[PRIVATE_STORAGE_ALIAS]
    for certificate in Certificate.objects.exclude(pdf="").iterator():
        current = certificate.pdf.name
        if public.exists(current):
            private_name = pdf_upload_to(certificate, current)
            if private.exists(private_name):  # copied by a run that was interrupted
                private.delete(private_name)
            with public.open(current, "rb") as source:
                private_name = private.save(private_name, source)
            Certificate.objects.filter(pk=certificate.pk).update(pdf=private_name)
            public.delete(current)
        elif not private.exists(current):
            logger.warning(
                "certificate %s: no file %s in either storage", certificate.code, current
            )
        # A run interrupted after saving the row left the public copy behind.
        legacy_name = f"certificates/{certificate.code}.pdf"
        if public.exists(legacy_name):
            public.delete(legacy_name)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("certificates", "0003_private_pdf_storage")]

    # Not moved back when migrating backwards: that would publish them again.
    operations = [migrations.RunPython(move_pdfs_to_private_storage, migrations.RunPython.noop)]
