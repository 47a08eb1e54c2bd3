"""Lighthouse's accessibility audit gives the anonymous pages 100 (mobile profile).

bench/lighthouse.py measures all five pages, with performance and best
practices, against production-like servers; this checks the score that must
never drop, against the test server.
"""

import shutil

import pytest

from bench.lighthouse import CHROME, LIGHTHOUSE, lighthouse
from tests.conftest import skip_or_fail


@pytest.fixture
def lighthouse_ready():
    if shutil.which("node") is None or not LIGHTHOUSE.exists():
        skip_or_fail("needs Lighthouse: install Node.js and run `npm ci`")
    from pathlib import Path

    if not Path(CHROME).exists():
        skip_or_fail(f"needs Chromium at {CHROME}")


def test_anonymous_pages_score_100_for_accessibility(live_server, demo, lighthouse_ready):
    from courses.models import CoursePage

    course = CoursePage.objects.live().filter(locale__language_code="nl").first()
    for path in ("/nl/", "/nl/aanbod/", course.url):
        scores = lighthouse(f"{live_server.url}{path}", categories=("accessibility",))
        assert scores == {"accessibility": 100}, path
