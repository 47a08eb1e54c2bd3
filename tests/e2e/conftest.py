"""Browser tests: Debian's Chromium driven by Playwright, never a downloaded browser."""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command

from tests.conftest import skip_or_fail

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Every page the suite checks with axe is also photographed at a phone's and a
# desktop's width, for a reviewer to look through (`make test` prints where).
SCREENSHOTS = Path(settings.BASE_DIR) / "build" / "screenshots"
SCREENSHOT_WIDTHS = (375, 1280)
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            # The live server needs committed data; restore the migrations'
            # rows (root page, roles) that the flush after each test removes.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture
def browser(transactional_db):
    # Function-scoped on purpose: Playwright's event loop, once running, hides
    # the test database's serialized rows from Django's connection, so the
    # browser starts only after the test's database is set up.
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"needs Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make around it are still plain synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    # Whatever the Content-Security-Policy refuses (a script, a style, a frame)
    # is a broken page: every browser test fails on it.
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert refused == []


@pytest.fixture
def demo(transactional_db, settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    settings.DEBUG = False
    mail.outbox.clear()  # the demo learner's certificate mail is not the test's


def open_menu(page) -> None:
    """Open the header's "Menu" disclosure the way a phone user does; on a wide
    screen the menu is a bar that is always shown, and this does nothing."""
    summary = page.locator("header details.essm-menu > summary")
    if summary.is_visible() and summary.locator("xpath=..").get_attribute("open") is None:
        summary.click()


def axe_violations(page) -> list[dict]:
    """Run axe-core in the page against WCAG 2.1 A and AA."""
    if not AXE_JS.exists():
        skip_or_fail("needs axe-core: run `npm ci`")
    # Evaluated through the DevTools protocol: an injected <script> would be
    # refused by the site's Content-Security-Policy, as it should be.
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def save_screenshots(page, name: str) -> None:
    """The page at each width in SCREENSHOT_WIDTHS, full length; the viewport
    is put back as it was."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    viewport = page.viewport_size
    for width in SCREENSHOT_WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size(viewport)


@pytest.fixture
def assert_accessible(request):
    """Check the page with axe-core and keep its screenshots."""
    test_name = re.sub(r"[^\w-]+", "-", request.node.name).strip("-")[:80]
    taken = []

    def check(page):
        violations = axe_violations(page)
        assert violations == [], f"{page.url}: {violations}"
        taken.append(page.url)
        where = re.sub(r"[^\w-]+", "-", urlsplit(page.url).path).strip("-") or "root"
        save_screenshots(page, f"{test_name}-{len(taken):02d}-{where[:60]}")

    return check


@pytest.fixture
def new_learner(demo):
    """A professional who has not started anything yet (the demo learner has)."""
    from lms import roles
    from tests.factories import UserFactory

    UserFactory(email="nieuw@example.org", roles=[roles.LEARNERS])
    return "nieuw@example.org"
