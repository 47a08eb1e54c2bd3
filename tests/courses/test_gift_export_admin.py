"""Exporting a quiz to GIFT from the Wagtail admin and from the command line."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.users.models import UserProfile

from lms import roles
from tests.factories import QuizPageFactory, UserFactory, question
from tests.lms.test_accounts import current_code

pytestmark = pytest.mark.django_db

# The factory's two questions, as the export writes them for an English-speaking editor.
EXPECTED = (
    "// Questions of the quiz “Eindtoets”, in Moodle's GIFT format (UTF-8).\n"
    "\n"
    "::Elementen::Vraag? {\n"
    "\t=Handeling#Goed zo.\n"
    "\t~Paspoort#Nee.\n"
    "\t####Drie elementen.\n"
    "}\n"
    "\n"
    "Slachtoffers melden zich vaak zelf. {FALSE#Helaas niet.#Klopt.}\n"
)


@pytest.fixture
def quiz(course):
    return QuizPageFactory(parent=course, title="Eindtoets", slug="eindtoets")


def admin_user(client, **kwargs):
    """A user in the admin, which speaks English to them, with a session that passed the
    second factor."""
    user = UserFactory(**kwargs)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    client.force_login(user)
    client.post("/nl/accounts/2fa/reauthenticate/", {"code": current_code(secret)})
    return user


def test_the_quiz_editor_offers_the_export(client, quiz):
    admin_user(client, roles=[roles.EDITORS])
    page = client.get(f"/admin/pages/{quiz.pk}/edit/").text
    assert f'href="/admin/quizzes/{quiz.pk}/export/"' in page
    assert "Export questions (GIFT)" in page


def test_an_editor_downloads_the_quiz_as_a_gift_file(client, quiz):
    admin_user(client, roles=[roles.EDITORS])
    response = client.get(f"/admin/quizzes/{quiz.pk}/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="eindtoets-gift.txt"'
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert response.content.decode("utf-8") == EXPECTED


def test_someone_in_the_admin_who_cannot_edit_the_quiz_is_refused(client, quiz):
    user = admin_user(client)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = client.get(f"/admin/quizzes/{quiz.pk}/export/", follow=True)
    # The admin's way: back to its dashboard, with a message.
    assert response.redirect_chain == [("/admin/", 302)]
    # Wagtail words this message in the site's language, not the editor's.
    assert "Sorry, je hebt geen toegang tot dit gedeelte." in response.text
    assert "Handeling" not in response.text


def test_a_learner_is_refused(client, quiz):
    client.force_login(UserFactory(roles=[roles.LEARNERS]))
    response = client.get(f"/admin/quizzes/{quiz.pk}/export/")
    assert response.status_code == 403
    assert "Handeling" not in response.text


def test_an_unknown_quiz_is_not_found(client, quiz):
    admin_user(client, roles=[roles.EDITORS])
    assert client.get("/admin/quizzes/999999/export/", follow=True).status_code == 404


def test_a_page_that_is_not_a_quiz_is_not_found(client, course):
    admin_user(client, roles=[roles.EDITORS])
    assert client.get(f"/admin/quizzes/{course.pk}/export/", follow=True).status_code == 404


def test_the_export_is_only_for_reading(client, quiz):
    admin_user(client, roles=[roles.EDITORS])
    assert client.post(f"/admin/quizzes/{quiz.pk}/export/").status_code == 405


def test_command_writes_the_file_in_utf8(quiz, tmp_path, capsys):
    target = tmp_path / "eindtoets.gift"
    with translation.override("en"):
        call_command("export_quiz", "--quiz", str(quiz.pk), "--output", str(target))
    assert target.read_bytes() == EXPECTED.encode("utf-8")
    assert str(target) in capsys.readouterr().out


def test_command_writes_to_standard_output_without_a_file(quiz, capsys):
    with translation.override("en"):
        call_command("export_quiz", "--quiz", str(quiz.pk))
    assert capsys.readouterr().out == EXPECTED


def test_command_names_the_questions_it_wrote_as_comments(course, capsys):
    quiz = QuizPageFactory(
        parent=course, questions=[question("ordering", title="Stappen", items=["a", "b"])]
    )
    with translation.override("en"):
        call_command("export_quiz", "--quiz", str(quiz.pk))
    assert capsys.readouterr().err == (
        "Question 1 (“Stappen”) was written as a comment: GIFT cannot hold it.\n"
    )


def test_command_refuses_an_unknown_quiz():
    with translation.override("en"), pytest.raises(CommandError) as caught:
        call_command("export_quiz", "--quiz", "999999")
    assert str(caught.value) == "There is no quiz with id 999999."


def test_the_editor_shows_extra_choices_and_the_feedback_for_other_answers(client, course):
    quiz = QuizPageFactory(
        parent=course,
        questions=[
            question(
                "matching",
                pairs=[{"left": "Dog", "right": "Woof"}, {"left": "Cow", "right": "Moo"}],
                distractors=["Chat"],
            ),
            question("numerical", answers=[{"value": 3, "tolerance": 2}], feedback_other="Wrong"),
        ],
    )
    admin_user(client, roles=[roles.EDITORS])
    page = client.get(f"/admin/pages/{quiz.pk}/edit/")
    assert page.status_code == 200
    assert "extra choices" in page.text
    assert "feedback for any other answer" in page.text
