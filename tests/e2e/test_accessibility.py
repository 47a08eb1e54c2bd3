"""Every page type checked with axe-core (WCAG 2.1 A and AA, see conftest), in
Dutch and in English, logged out and logged in as each role, and every form
also in its error state: sent empty or wrong past the browser's own checks (as
a browser without them, or a script, would send it), so that what is checked
is the server's answer with its error summary and field errors.

The other browser tests already check some of these pages in one language
along their journeys; here those are checked in the other language only, and
a comment says where the first one is. One browser context per role.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from bookings.models import Registration, SchoolLessonRequest
from certificates.models import Certificate
from courses.models import CoursePage, QuizPage
from lms.demo import DEMO_PASSWORD, current_totp_code
from workshops import demo as calendar
from workshops.choices import Programme
from workshops.models import Session

pytestmark = pytest.mark.e2e

LOCALES = {"nl": "nl-NL", "en": "en-GB"}
LEARNER = "leerling@example.org"
SCHOOL_CONTACT = "school@example.org"
TRAINER = "trainer@example.org"
COORDINATOR = "coordinator@example.org"
ELEARNING = "signalen-mensenhandel-herkennen"
Status = SchoolLessonRequest.Status


@pytest.fixture(params=["nl", "en"])
def language(request):
    return request.param


@pytest.fixture
def open_as(browser, live_server, language):
    """Opens a browser context (one per role) in the test's language; fails the
    test on anything the Content-Security-Policy refuses, as `page` does."""
    contexts, refused = [], []

    def open_page():
        context = browser.new_context(base_url=live_server.url, locale=LOCALES[language])
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on(
            "console",
            lambda message: (
                refused.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert refused == []


def url(language: str, name: str, *args, **kwargs) -> str:
    with override(language):
        return reverse(name, args=args, kwargs=kwargs)


def course(language: str, slug: str) -> CoursePage:
    return CoursePage.objects.get(slug=slug, locale__language_code=language)


def visit(page, path: str, status: int = 200) -> None:
    response = page.goto(path)
    assert response.status == status, (path, response.status)


def send_as_is(page, button=None) -> None:
    """Send a form of the page as it stands, past the browser's own checks
    (`required`, `type=email`), and wait for the answer. Without `button`: the
    first of the main content that sends its own form (not "show the price",
    which only reloads the page by GET, nor allauth's "cancel")."""
    page.evaluate(
        "for (const form of document.querySelectorAll('main form')) form.noValidate = true"
    )
    button = (
        button
        or page.locator('main form button[type="submit"]:not([formmethod]):not([form])').first
    )
    with page.expect_navigation():
        button.click()


def assert_errors_shown(page) -> None:
    """The answer is the form again, with its error summary at the top."""
    assert page.locator(".essm-error-summary").count() == 1, page.url


def log_in(page, language: str, email: str) -> None:
    """The password step; an account with a second factor stops after it."""
    page.goto(url(language, "account_login"))
    page.locator('input[name="login"]').fill(email)
    page.locator('input[name="password"]').fill(DEMO_PASSWORD)
    send_as_is(page)


def link_in(mailoutbox, to: str, pattern: str) -> str:
    """The path of the link matching `pattern` in the last mail to `to`."""
    body = [m for m in mailoutbox if m.to == [to]][-1].body
    return re.search(rf"https?://[^/\s]+({pattern})", body).group(1)


# --- Anyone -----------------------------------------------------------------------


def test_pages_for_anyone(demo, open_as, language, assert_accessible):
    page = open_as()
    if language == "en":  # Dutch: test_site.py, test_booking.py
        for path in (
            "/en/offer/",
            course("en", calendar.COURSE_SLUG).url,
            url("en", "lms:search") + "?q=training",
            url("en", "lms:privacy"),
        ):
            visit(page, path)
            assert_accessible(page)
    visit(page, url(language, "bookings:agenda"))
    assert_accessible(page)
    # The first lesson of an e-learning is a free preview.
    visit(page, course(language, ELEARNING).get_children().live().first().url)
    assert_accessible(page)
    statement = page.locator("footer a[href]").filter(
        has_text=re.compile("toegankelijkheid|accessibility", re.I)
    )
    visit(page, statement.get_attribute("href"))
    assert_accessible(page)

    visit(page, url(language, "privacy:removed"))
    assert_accessible(page)
    visit(page, f"/{language}/bestaat-niet/", status=404)
    assert_accessible(page)
    # A certificate's PDF asked for without logging in: a 404 saying how to log in.
    certificate = Certificate.objects.filter(recipient__email=LEARNER).first()
    visit(page, url(language, "certificates:pdf", code=certificate.code), status=404)
    assert_accessible(page)

    # Verifying a certificate: the form, a code that cannot be one, a code
    # that is no certificate, and (Dutch: test_quiz.py) a real one.
    visit(page, url(language, "certificates:verify"))
    assert_accessible(page)
    page.locator('input[name="code"]').fill("niet-een-code")
    send_as_is(page)
    assert_errors_shown(page)
    assert_accessible(page)
    visit(page, url(language, "certificates:verify_code", code="AAAA-BBBB-CCCC-DD"), status=404)
    assert_accessible(page)
    if language == "en":
        visit(page, url("en", "certificates:verify_code", code=certificate.code))
        assert_accessible(page)
    # Too many look-ups from one address: the 429 page.
    look_up = url(language, "certificates:verify") + "?code=AAAA-BBBB-CCCC-DD"
    for _attempt in range(40):  # the limit is 30 a minute
        if page.request.get(look_up, max_redirects=0).status == 429:
            break
    visit(page, look_up, status=429)
    assert_accessible(page)


def test_forms_for_anyone_and_their_errors(demo, open_as, language, assert_accessible, mailoutbox):
    page = open_as()
    visit(page, url(language, "account_login"))
    if language == "en":  # Dutch: test_site.py
        assert_accessible(page)
    page.locator('input[name="login"]').fill(LEARNER)
    page.locator('input[name="password"]').fill("niet-het-wachtwoord")
    send_as_is(page)
    assert_errors_shown(page)
    assert_accessible(page)

    visit(page, url(language, "account_signup"))
    if language == "nl":  # English: test_site.py
        assert_accessible(page)
    page.locator('input[name="email"]').fill("geen-adres")
    send_as_is(page)
    assert_errors_shown(page)
    assert_accessible(page)
    page.locator('input[name="first_name"]').fill("Mira")
    page.locator('input[name="last_name"]').fill("Hoekstra")
    page.locator('input[name="email"]').fill("mira@example.org")
    page.locator('input[name="password1"]').fill("een-lang-wachtwoord")
    page.locator('input[name="password2"]').fill("een-lang-wachtwoord")
    send_as_is(page)
    assert page.url.endswith(url(language, "account_email_verification_sent")), page.url
    if language == "en":  # Dutch: test_accounts.py
        assert_accessible(page)
    visit(page, link_in(mailoutbox, "mira@example.org", r"/\S+/confirm-email/\S+/"))
    assert_accessible(page)

    visit(page, url(language, "account_reset_password"))
    assert_accessible(page)
    send_as_is(page)
    assert_errors_shown(page)
    assert_accessible(page)
    page.locator('input[name="email"]').fill(LEARNER)
    send_as_is(page)
    assert page.url.endswith(url(language, "account_reset_password_done")), page.url
    assert_accessible(page)
    visit(page, link_in(mailoutbox, LEARNER, r"/\S+/password/reset/key/\S+/"))
    assert page.url.endswith("-set-password/"), page.url
    assert_accessible(page)
    send_as_is(page)
    assert_errors_shown(page)
    assert_accessible(page)

    # An in-company training: the form, its errors, the page after sending
    # and the one the confirmation link opens.
    visit(page, url(language, "bookings:in_company"))
    assert_accessible(page)
    send_as_is(page)
    assert_errors_shown(page)
    assert_accessible(page)
    page.locator('input[name="organisation"]').fill("Opvang Rijnmond")
    page.locator('input[name="contact_name"]').fill("Sanne Jansen")
    page.locator('input[name="contact_email"]').fill("opvang@example.org")
    page.locator('select[name="course"]').select_option(index=1)
    page.locator('input[name="team_size"]').fill("12")
    page.locator('textarea[name="preferred_periods"]').fill("Maart of april")
    page.locator('input[name="location"]').fill("Bij ons op kantoor")
    send_as_is(page)
    assert page.url.endswith(url(language, "bookings:in_company_sent")), page.url
    assert_accessible(page)
    visit(page, link_in(mailoutbox, "opvang@example.org", r"/\S+/in-company/confirm/\S+/"))
    assert_accessible(page)

    request_school_lessons(page, language, assert_accessible)
    if language == "en":  # Dutch: test_school_lessons.py
        visit(page, link_in(mailoutbox, "sanne@example.org", r"/en/schools/confirm/\S+/"))
        assert_accessible(page)


def request_school_lessons(page, language: str, assert_accessible) -> None:
    """Each of the four steps sent empty first, then filled in; the summary and
    the page after sending. Steps 1 and 3, the summary and the page after it
    without errors in Dutch: test_school_lessons.py."""
    next_step = page.locator('main button[name="action"][value="next"]')
    visit(page, url(language, "bookings:school_request"))
    for step, fill in enumerate((_school, _contact, _classes, _wishes), start=1):
        if step in (2, 4) or language == "en":
            assert_accessible(page)  # the step as it first shows
        if step == 3:
            page.locator('input[name="classes-0-label"]').fill("")
        send_as_is(page, next_step)
        assert_errors_shown(page)
        assert_accessible(page)
        fill(page)
        send_as_is(page, next_step)
        assert page.url.endswith(f"?step={step + 1}"), page.url
    if language == "en":
        assert_accessible(page)  # the summary
    send_as_is(page)
    assert page.url.endswith(url(language, "bookings:school_request_sent")), page.url
    if language == "en":
        assert_accessible(page)


def _school(page) -> None:
    page.locator('input[name="name"]').fill("Demo College Centrum")
    page.locator('input[name="address"]').fill("Voorbeeldstraat 40")
    page.locator('input[name="postcode"]').fill("3011 AB")
    page.locator('input[name="city"]').fill("Rotterdam")
    page.locator('select[name="municipality"]').select_option(label="Rotterdam")
    page.locator('input[name="location_kind"]').first.check()


def _contact(page) -> None:
    page.locator('input[name="contact_name"]').fill("Sanne Jansen")
    page.locator('input[name="contact_role"]').fill("Mentor")
    page.locator('input[name="contact_email"]').fill("sanne@example.org")
    page.locator('input[name="contact_phone"]').fill("010 000 00 00")


def _classes(page) -> None:
    page.locator('select[name="level"]').select_option(index=1)
    page.locator('input[name="classes-0-label"]').fill("2B")
    page.locator('input[name="classes-0-group_size"]').fill("25")


def _wishes(page) -> None:
    page.locator('input[name="preferred_weeks"]').fill("10, 11")
    page.locator('input[name="day_parts"]').first.check()
    page.locator('input[name="topics"]').first.check()


def test_a_schools_links_without_an_account(demo, open_as, language, assert_accessible):
    """What a school opens from its e-mails: a proposal (Dutch without errors:
    test_school_lessons.py) with the request for other dates sent empty, a
    link that has expired, and the evaluation form with its errors."""
    page = open_as()
    proposed = SchoolLessonRequest.objects.get(status=Status.PROPOSED)
    visit(page, url(language, "bookings:school_proposal", token=proposed.answer_token))
    if language == "en":
        assert_accessible(page)
    other_dates = page.locator('main button[name="action"][value="other"]')
    send_as_is(page, other_dates)
    assert_errors_shown(page)
    assert_accessible(page)
    expires = proposed.answer_token_expires_at
    proposed.answer_token_expires_at = timezone.now() - timedelta(days=1)
    proposed.save(update_fields=["answer_token_expires_at"])
    visit(page, url(language, "bookings:school_proposal", token=proposed.answer_token), 410)
    assert_accessible(page)
    proposed.answer_token_expires_at = expires
    proposed.save(update_fields=["answer_token_expires_at"])
    visit(page, url(language, "bookings:school_proposal", token=proposed.answer_token))
    page.locator('textarea[name="message"]').fill("Liever in de week na de herfstvakantie.")
    send_as_is(page, other_dates)
    assert_accessible(page)  # answered

    delivered = SchoolLessonRequest.objects.get(status=Status.DELIVERED)
    visit(page, url(language, "bookings:school_evaluation", token=delivered.evaluation_token))
    assert_accessible(page)
    send_as_is(page)
    assert_errors_shown(page)
    assert_accessible(page)
    for name in ("content_rating", "trainers_rating", "fit_rating"):
        page.locator(f'input[name="{name}"]').last.check()
    send_as_is(page)
    assert_accessible(page)  # thanks


# --- Logged in --------------------------------------------------------------------


def test_a_learners_pages_and_forms(demo, open_as, language, assert_accessible, mailoutbox):
    page = open_as()
    log_in(page, language, LEARNER)
    assert page.url.endswith(url(language, "lms:dashboard")), page.url
    assert_accessible(page)  # /my/: a certificate, a day attended

    visit(page, url(language, "lms:profile"))
    assert_accessible(page)
    page.locator('input[name="first_name"]').fill("")
    send_as_is(page)
    assert_errors_shown(page)
    assert_accessible(page)
    visit(page, url(language, "account_change_password"))
    assert_accessible(page)
    send_as_is(page)
    assert_errors_shown(page)
    assert_accessible(page)
    visit(page, url(language, "account_email"))
    assert_accessible(page)
    # Removing the account: the password asked again, here a wrong one.
    visit(page, url(language, "privacy:remove_account"))
    assert_accessible(page)
    page.locator('input[name="password"]').fill("niet-het-wachtwoord")
    send_as_is(page)
    assert_errors_shown(page)
    assert_accessible(page)

    days = calendar.demo_days(course("nl", calendar.COURSE_SLUG))
    visit(page, url(language, "bookings:book", key=days["open"].key))
    if language == "en":  # Dutch: test_booking.py
        assert_accessible(page)
    page.locator('input[name="organisation"]').fill("")
    send_as_is(page)
    assert_errors_shown(page)
    assert_accessible(page)

    # Places for colleagues: the form, its errors, the group on /my/; the
    # claim link a colleague gets, opened without an account and by someone
    # it was not meant for.
    visit(page, url(language, "bookings:book_group", key=days["open"].key))
    assert_accessible(page)
    send_as_is(page)
    assert_errors_shown(page)
    assert_accessible(page)
    page.locator('textarea[name="emails"]').fill("collega@example.org")
    page.locator('input[name="organisation"]').fill("Wijkteam Feijenoord")
    send_as_is(page)
    assert page.url.endswith("#groups-heading"), page.url
    assert_accessible(page)
    claim = link_in(mailoutbox, "collega@example.org", r"/\S+/claim/\S+/")
    colleague = open_as()
    visit(colleague, claim)
    assert_accessible(colleague)
    visit(page, claim, status=403)
    assert_accessible(page)

    # No admin rights: the admin's refusal, pointing to /my/.
    visit(page, "/admin/", status=403)
    assert_accessible(page)

    # On the waiting list: /my/ says so, and its calendar file is refused.
    visit(page, url(language, "bookings:book", key=days["full"].key))
    page.locator('input[name="organisation"]').fill("Wijkteam Feijenoord")
    send_as_is(page)
    assert page.url.endswith("#bookings-heading"), page.url
    assert_accessible(page)
    waiting = Registration.objects.get(user__email=LEARNER, training_day=days["full"])
    visit(page, url(language, "bookings:ics", waiting.pk), status=409)
    assert_accessible(page)

    if language == "en":  # Dutch: test_booking.py, test_learning.py, test_quiz.py
        visit(page, url("en", "bookings:cancel", waiting.pk))
        assert_accessible(page)
        take_the_quiz(page, "en", assert_accessible)
    # With a place to come, removal says what to do first.
    visit(page, url(language, "privacy:remove_account"))
    assert_accessible(page)
    visit(page, url(language, "account_logout"))
    assert_accessible(page)


def take_the_quiz(page, language: str, assert_accessible) -> None:
    """The e-learning's page and its quiz, started and handed in unanswered."""
    elearning = course(language, ELEARNING)
    visit(page, elearning.url)
    assert_accessible(page)
    visit(page, QuizPage.objects.child_of(elearning).live().get().url)
    assert_accessible(page)
    with page.expect_navigation():
        page.locator('main form[action$="/start/"] button[type="submit"]').click()
    assert re.search(r"/quizzes/attempts/\d+/$", page.url), page.url
    assert_accessible(page)
    send_as_is(page)
    assert "Score: 0%" in page.locator("main").inner_text()
    assert_accessible(page)


def test_staff_pages_and_forms(demo, open_as, language, assert_accessible):
    """A school contact's, a trainer's and a coordinator's own pages, each in
    a browser of their own. Dutch trainer's /my/, session plan and quiz
    results: test_trainer.py; Dutch second-factor step: test_journeys.py."""
    school = open_as()
    log_in(school, language, SCHOOL_CONTACT)
    assert school.url.endswith(url(language, "lms:dashboard")), school.url
    assert_accessible(school)  # /my/: the school's requests

    trainer = open_as()
    log_in(trainer, language, TRAINER)
    assert trainer.url.endswith(url(language, "lms:dashboard")), trainer.url
    if language == "en":
        assert_accessible(trainer)
        visit(trainer, course("en", "girls-talk").get_children().live().first().url)
        assert_accessible(trainer)
        quiz = QuizPage.objects.get(slug="eindtoets", locale__language_code="en")
        visit(trainer, url("en", "courses:quiz_results", quiz.pk))
        assert_accessible(trainer)
    visit(trainer, url(language, "bookings:availability"))
    assert_accessible(trainer)
    adding = trainer.locator('main form:has(input[name="action"][value="add"])')
    send_as_is(trainer, adding.locator('button[type="submit"]'))
    assert_errors_shown(trainer)
    assert_accessible(trainer)
    limits = trainer.locator('main form:has(input[name="action"][value="limits"])')
    limits.locator('input[name="limits-per_day"]').fill("99")
    send_as_is(trainer, limits.locator('button[type="submit"]'))
    assert_errors_shown(trainer)
    assert_accessible(trainer)

    # Attendance: a training day's participants, and a group meeting's count.
    today = timezone.localdate()
    given = Session.objects.filter(assignments__trainer__user__email=TRAINER, date__lt=today)
    day_session = given.filter(training_day__isnull=False).latest("date")
    visit(trainer, url(language, "bookings:attendance", day_session.pk))
    assert_accessible(trainer)
    meeting = given.filter(programme=Programme.GIRLS_TALK).latest("date")
    visit(trainer, url(language, "bookings:attendance", meeting.pk))
    assert_accessible(trainer)
    trainer.locator('input[name="participant_count"]').fill("-1")
    send_as_is(trainer)
    assert_errors_shown(trainer)
    assert_accessible(trainer)

    # A coordinator: the second factor (a wrong code first), /my/, the
    # two-factor settings, and a coming session's attendance (not yet).
    coordinator = open_as()
    log_in(coordinator, language, COORDINATOR)
    assert coordinator.url.endswith(url(language, "mfa_authenticate")), coordinator.url
    if language == "en":
        assert_accessible(coordinator)
    wrong = f"{(int(current_totp_code(COORDINATOR)) + 500_000) % 1_000_000:06d}"
    coordinator.locator('input[name="code"]').fill(wrong)
    send_as_is(coordinator)
    assert_errors_shown(coordinator)
    assert_accessible(coordinator)
    coordinator.locator('input[name="code"]').fill(current_totp_code(COORDINATOR))
    send_as_is(coordinator)
    assert coordinator.url.endswith(url(language, "lms:dashboard")), coordinator.url
    assert_accessible(coordinator)
    visit(coordinator, url(language, "mfa_index"))
    assert_accessible(coordinator)
    upcoming = Session.objects.filter(training_day__isnull=False, date__gte=today)
    visit(coordinator, url(language, "bookings:attendance", upcoming.earliest("date").pk))
    assert_accessible(coordinator)
