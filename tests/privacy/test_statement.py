"""The privacy statement promises what the platform does: download, removal,
and the retention periods it runs with."""

import json

import pytest

from lms import demo
from lms.models import SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_settings(homes):
    return SiteSettings.for_site(homes["nl"].get_site())


def test_the_page_lists_the_periods_the_rules_run_with(client, site_settings, settings):
    settings.RETENTION = {**settings.RETENTION, "evaluation_comments": 200, "sessions": 1}

    page = client.get("/en/privacy/").text

    assert "Comments in a school&#x27;s evaluation of the lessons are removed 200 days" in page
    assert "A log-in session expires 1 day after it was last saved" in page
    assert 'href="/en/my/data/download/"' in page
    assert 'href="/en/my/account/remove/"' in page


def test_the_demo_statement_replaces_an_earlier_demo_text(site_settings):
    previous = json.loads(demo.PRIVACY_STATEMENT.read_text(encoding="utf-8"))["previous"]
    site_settings.privacy_statement_nl = previous[0]
    site_settings.privacy_statement_en = "<p>Our own text, written by an editor.</p>"

    demo.seed_privacy_statement(site_settings)

    assert "<h2>Je account verwijderen</h2>" in site_settings.privacy_statement_nl
    assert "Onder Mijn leeromgeving download je alles" in site_settings.privacy_statement_nl
    assert site_settings.privacy_statement_en == "<p>Our own text, written by an editor.</p>"


def test_the_demo_statement_speaks_of_download_removal_and_periods():
    texts = json.loads(demo.PRIVACY_STATEMENT.read_text(encoding="utf-8"))

    for heading in ("Downloading your data", "Removing your account", "How long we keep data"):
        assert f"<h2>{heading}</h2>" in texts["en"]
    assert " u " not in texts["nl"]  # Dutch says "je"
