"""Importing GIFT / Aiken files into a quiz, from the admin and the command line."""

from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from courses.models import QuizPage
from lms import roles
from tests.factories import QuizPageFactory, UserFactory
from tests.lms.test_accounts import current_code

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def quiz(course):
    return QuizPageFactory(parent=course, title="Eindtoets", slug="eindtoets")


@pytest.fixture
def editor(client):
    user = UserFactory(roles=[roles.EDITORS])
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    client.force_login(user)
    # The admin needs a session that passed the second factor.
    client.post("/nl/accounts/2fa/reauthenticate/", {"code": current_code(secret)})
    return user


def latest(quiz):
    return QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()


def upload(client, quiz, name, publish=False):
    data = {"file": SimpleUploadedFile(name, (FIXTURES / name).read_bytes())}
    if publish:
        data["publish"] = "on"
    return client.post(f"/admin/quizzes/{quiz.pk}/import/", data)


def test_editor_imports_a_gift_file_as_a_draft(client, editor, quiz):
    assert client.get(f"/admin/quizzes/{quiz.pk}/import/").status_code == 200
    response = upload(client, quiz, "all_constructs.gift")
    assert response.status_code == 302
    draft = latest(quiz)
    assert len(draft.questions) == 2 + 12
    assert [b.block_type for b in draft.questions][2] == "single_choice"
    assert draft.questions[2].value["title"] == "Capital"
    assert len(QuizPage.objects.get(pk=quiz.pk).questions) == 2  # live page unchanged


def test_import_can_publish_straight_away(client, editor, quiz):
    upload(client, quiz, "good.txt", publish=True)
    live = QuizPage.objects.get(pk=quiz.pk)
    assert len(live.questions) > 2
    assert {b.block_type for b in list(live.questions)[2:]} == {"single_choice"}


def test_a_bad_file_imports_nothing_and_lists_every_problem(client, editor, quiz):
    response = upload(client, quiz, "unsupported.gift")
    assert response.status_code == 400
    for line in (5, 8, 11, 13):
        assert f"Regel {line}" in response.text
    assert len(latest(quiz).questions) == 2


def test_learners_cannot_import(client, quiz):
    client.force_login(UserFactory(roles=[roles.LEARNERS]))
    response = client.get(f"/admin/quizzes/{quiz.pk}/import/")
    assert response.status_code == 403
    assert len(latest(quiz).questions) == 2


def test_command_imports_an_aiken_file(quiz, capsys):
    call_command("import_quiz", str(FIXTURES / "good.txt"), "--quiz", str(quiz.pk), "--publish")
    assert "question(s)" in capsys.readouterr().out
    assert len(QuizPage.objects.get(pk=quiz.pk).questions) > 2


def test_command_reports_line_numbers_and_changes_nothing(quiz, capsys):
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command("import_quiz", str(FIXTURES / "bad.txt"), "--quiz", str(quiz.pk))
    errors = capsys.readouterr().err
    assert "bad.txt:1:" in errors and "bad.txt:17:" in errors
    assert len(latest(quiz).questions) == 2


def test_command_refuses_an_unknown_quiz():
    with pytest.raises(CommandError, match="no quiz with id"):
        call_command("import_quiz", str(FIXTURES / "good.txt"), "--quiz", "999999")
