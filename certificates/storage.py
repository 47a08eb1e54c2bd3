"""The private storage that certificate PDFs live in (STORAGES["private"]).

Its files are never served by the web server: in a folder outside MEDIA_ROOT
(PRIVATE_MEDIA_ROOT) or in an S3-compatible bucket without public access, they
reach people only through views that check who asks (`certificates.views.pdf`).
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property

PRIVATE_STORAGE_ALIAS = "private"


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder, PRIVATE_MEDIA_ROOT unless `location` is given, whose files have
    no URL: asking for one is a programming error, not a link to publish."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise NotImplementedError(
            "Private files have no URL; link to a view that checks who may read them."
        )


def private_storage():
    """The FileField's storage, named by alias so that settings decide (folder or
    bucket) without a migration."""
    return storages[PRIVATE_STORAGE_ALIAS]
