"""Where certificate PDFs are kept: the settings that choose the private
storage, and the checks that refuse a storage the web server would serve."""

import runpy

import pytest

import lms.settings.base
from certificates.checks import check_private_storage

S3_ENVIRONMENT = {
    "PRIVATE_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "lms-private",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
    "AWS_S3_REGION_NAME": "nl-ams",
    "AWS_ACCESS_KEY_ID": "key-id",
    "AWS_SECRET_ACCESS_KEY": "key-secret",
}


def base_settings(monkeypatch, **environment) -> dict:
    """lms.settings.base as it reads this environment."""
    for name in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT", *S3_ENVIRONMENT):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(lms.settings.base.__file__)


def test_by_default_pdfs_go_to_a_folder_beside_media(monkeypatch):
    settings = base_settings(monkeypatch)
    assert settings["STORAGES"]["private"] == {
        "BACKEND": "certificates.storage.PrivateFileSystemStorage"
    }
    assert settings["PRIVATE_MEDIA_ROOT"] == settings["BASE_DIR"] / "private-media"
    assert settings["MEDIA_ROOT"] == settings["BASE_DIR"] / "media"


def test_private_media_root_comes_from_the_environment(monkeypatch):
    settings = base_settings(monkeypatch, PRIVATE_MEDIA_ROOT="/var/lib/lms/private")
    assert str(settings["PRIVATE_MEDIA_ROOT"]) == "/var/lib/lms/private"


def test_s3_keeps_pdfs_as_private_objects(monkeypatch):
    settings = base_settings(monkeypatch, **S3_ENVIRONMENT)
    assert settings["STORAGES"]["private"] == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "lms-private",
            "endpoint_url": "https://s3.example.org",
            "region_name": "nl-ams",
            "addressing_style": None,
            "access_key": "key-id",
            "secret_key": "key-secret",
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": True,
        },
    }


def test_an_unknown_private_storage_stops_the_settings(monkeypatch):
    with pytest.raises(ValueError, match="PRIVATE_STORAGE must be 'filesystem' or 's3'"):
        base_settings(monkeypatch, PRIVATE_STORAGE="ftp")


def test_production_keeps_the_private_storage(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("ALLOWED_HOSTS", "lms.example.org")
    production = runpy.run_module("lms.settings.production")
    assert production["STORAGES"]["private"] == {
        "BACKEND": "certificates.storage.PrivateFileSystemStorage"
    }
    assert production["STORAGES"]["staticfiles"] == {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    }


def test_the_check_passes_a_private_folder_outside_media_root():
    assert check_private_storage() == []


def test_the_check_refuses_a_private_folder_inside_media_root(settings):
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT / "private"
    assert [error.id for error in check_private_storage()] == ["certificates.E002"]


def test_the_check_refuses_s3_without_a_bucket(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"bucket_name": ""}},
    }
    assert [error.id for error in check_private_storage()] == ["certificates.E001"]
