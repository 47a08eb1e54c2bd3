import re

import pytest

from certificates.models import Certificate
from courses.quiz_models import QuizPage
from tests.e2e.test_learning import COURSE, log_in

pytestmark = pytest.mark.e2e


def answer_everything_right(page, quiz):
    for block in quiz.questions:
        name, value = f"q-{block.id}", block.value
        if block.block_type == "single_choice":
            right = next(i for i, o in enumerate(value["options"]) if o["correct"])
            page.locator(f'[name="{name}"][value="{right}"]').check()
        elif block.block_type == "multiple_response":
            for i, option in enumerate(value["options"]):
                if option["correct"]:
                    page.locator(f'[name="{name}"][value="{i}"]').check()
        elif block.block_type == "true_false":
            page.locator(f'[name="{name}"][value="{str(value["correct"]).lower()}"]').check()
        elif block.block_type == "matching":
            for i in range(len(value["pairs"])):
                page.locator(f'select[name="{name}-{i}"]').select_option(str(i))
        elif block.block_type == "ordering":
            for i in range(len(value["items"])):
                page.locator(f'select[name="{name}-{i}"]').select_option(str(i + 1))
        elif block.block_type == "short_answer":
            page.locator(f'[name="{name}"]').fill(value["answers"][0]["text"].upper() + " ")
        elif block.block_type == "numerical":
            page.locator(f'[name="{name}"]').fill(f"{value['answers'][0]['value']:g}")


def test_take_the_quiz_fail_once_pass_and_complete_the_course(page, new_learner, assert_accessible):
    log_in(page, new_learner, "correct-horse-battery")
    page.goto(COURSE)
    page.get_by_role("button", name="Schrijf je in voor de e-learning").click()
    for _ in range(6):
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
    assert_accessible(page)

    page.get_by_role("link", name="Terug naar de toets").click()
    page.get_by_role("button", name="Probeer opnieuw").click()
    quiz = QuizPage.objects.get(slug="eindtoets", locale__language_code="nl")
    answer_everything_right(page, quiz)
    page.get_by_role("button", name="Inleveren").click()
    main = page.locator("main").inner_text()
    assert "Score: 100%" in main and "geslaagd" in main
    assert_accessible(page)

    page.goto(COURSE)
    assert "Je hebt deze cursus afgerond." in page.content()
    assert page.locator("progress").get_attribute("value") == "100"

    # The certificate follows (made in-process here: eager Celery) and verifies.
    certificate = Certificate.objects.get(recipient__email=new_learner)
    page.goto("/nl/my/")
    assert page.get_by_role("link", name="PDF downloaden").first.is_visible()
    page.goto(f"/nl/certificates/verify/{certificate.code}/")
    assert "Dit certificaat is geldig." in page.locator("main").inner_text()
    assert_accessible(page)
