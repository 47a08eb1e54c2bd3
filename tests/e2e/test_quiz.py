import re

import pytest

from certificates.models import Certificate
from courses.models import QuizPage
from tests.e2e.test_learning import COURSE, log_in

pytestmark = pytest.mark.e2e


def answer_everything_right(page, quiz):
    """Answer as a learner does, by the texts shown: the form's values are opaque."""
    for block in quiz.questions:
        name, value = f"q-{block.id}", block.value
        question = page.locator(f"#question-{block.id}")
        if block.block_type in ("single_choice", "multiple_response"):
            for option in value["options"]:
                if option["correct"]:
                    question.get_by_label(option["text"], exact=True).check()
        elif block.block_type == "true_false":
            page.locator(f'[name="{name}"][value="{str(value["correct"]).lower()}"]').check()
        elif block.block_type == "matching":
            for pair in value["pairs"]:
                question.get_by_label(pair["left"], exact=True).select_option(label=pair["right"])
        elif block.block_type == "ordering":
            for position, item in enumerate(value["items"], start=1):
                question.get_by_label(item, exact=True).select_option(str(position))
        elif block.block_type == "short_answer":
            page.locator(f'[name="{name}"]').fill(value["answers"][0]["text"].upper() + " ")
        elif block.block_type == "numerical":
            page.locator(f'[name="{name}"]').fill(f"{value['answers'][0]['value']:g}")


def test_take_the_quiz_fail_once_pass_and_complete_the_course(page, new_learner, assert_accessible):
    log_in(page, new_learner, "correct-horse-battery")
    page.goto(COURSE)
    page.get_by_role("button", name="Schrijf je in voor de e-learning").click()
    for _ in range(7):
        page.get_by_role("button", name="Markeer als klaar").click()
        page.wait_for_load_state()
    page.wait_for_url(re.compile(r"/eindtoets/$"))  # after the last lesson: the quiz
    assert_accessible(page)
    page.get_by_role("button", name="Start de toets").click()
    page.wait_for_url(re.compile(r"/quizzes/attempts/\d+/$"))
    assert_accessible(page)
    page.get_by_role("button", name="Inleveren").click()  # nothing answered
    assert "Score: 0%" in page.locator("main").inner_text()
    assert "niet geslaagd" in page.locator("main").inner_text()
    assert "Je hebt deze cursus afgerond." not in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_role("button", name="Probeer opnieuw").click()  # straight from the result
    page.wait_for_url(re.compile(r"/quizzes/attempts/\d+/$"))
    assert page.get_by_role("heading", level=1).inner_text().endswith("poging 2")
    quiz = QuizPage.objects.get(slug="eindtoets", locale__language_code="nl")
    answer_everything_right(page, quiz)
    page.get_by_role("button", name="Inleveren").click()
    main = page.locator("main").inner_text()
    assert "Score: 100%" in main and "geslaagd" in main
    assert "Je hebt deze cursus afgerond." in main
    assert page.get_by_role("button", name="Probeer opnieuw").count() == 0
    assert_accessible(page)

    # The result leads to the certificate (made in-process here: eager Celery).
    page.get_by_role("link", name="Mijn certificaten").click()
    page.wait_for_url(re.compile(r"/nl/my/#certificates-heading$"))
    assert page.get_by_role("link", name="PDF downloaden").first.is_visible()

    page.goto(COURSE)
    assert "Je hebt deze cursus afgerond." in page.content()
    assert page.locator("progress").get_attribute("value") == "100"
    assert page.get_by_role("link", name="Mijn certificaten").get_attribute("href") == (
        "/nl/my/#certificates-heading"
    )

    certificate = Certificate.objects.get(recipient__email=new_learner)
    page.goto(f"/nl/certificates/verify/{certificate.code}/")
    assert "Dit certificaat is geldig." in page.locator("main").inner_text()
    assert_accessible(page)
