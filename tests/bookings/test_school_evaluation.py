"""The school's evaluation after the lessons: three ratings and comments,
through a single-use link; never anything about pupils."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from bookings.models import LessonEvaluation, SchoolLessonRequest

from .school_factories import proposed_request

Status = SchoolLessonRequest.Status
GOOD = {
    "content_rating": "5",
    "trainers_rating": "4",
    "fit_rating": "3",
    "comments": "Goed gesprek.",
}


def url(token):
    with override("en"):
        return reverse("bookings:school_evaluation", args=[token])


@pytest.fixture
def delivered(db):
    request = proposed_request(days_ahead=-10)
    request.status = Status.DELIVERED
    request.answer_token = ""
    request.evaluation_token = "evaluation-token-1"
    request.save()
    return request


def test_the_form_asks_three_ratings_and_warns_against_pupils_names(client, delivered):
    page = client.get(url(delivered.evaluation_token)).content.decode()
    assert page.count('type="radio" name="content_rating"') == 5
    assert 'type="radio" name="trainers_rating"' in page and 'name="fit_rating"' in page
    assert "Please do not write names of pupils" in page


def test_an_evaluation_is_kept_and_the_link_used_up(client, delivered):
    response = client.post(url(delivered.evaluation_token), GOOD)
    assert response.status_code == 200
    assert "Thank you for your evaluation" in response.content.decode()
    evaluation = LessonEvaluation.objects.get()
    assert (
        evaluation.request,
        evaluation.content_rating,
        evaluation.trainers_rating,
        evaluation.fit_rating,
        evaluation.comments,
    ) == (delivered, 5, 4, 3, "Goed gesprek.")
    delivered.refresh_from_db()
    assert (delivered.status, delivered.evaluation_token) == (Status.EVALUATED, "")
    assert client.get(url("evaluation-token-1")).status_code == 404
    assert client.post(url("evaluation-token-1"), GOOD).status_code == 404
    assert LessonEvaluation.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"content_rating": "6"}, "Select a valid choice."),
        ({"fit_rating": ""}, "Choose a rating from 1 to 5."),
    ],
)
def test_a_bad_rating_is_refused_and_nothing_is_kept(client, delivered, changes, message):
    response = client.post(url(delivered.evaluation_token), {**GOOD, **changes})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert LessonEvaluation.objects.count() == 0
    delivered.refresh_from_db()
    assert delivered.status == Status.DELIVERED


def test_an_unknown_link_is_not_found(client, delivered):
    assert client.get(url("no-such-token")).status_code == 404


def test_a_request_not_yet_delivered_cannot_be_evaluated(client, delivered):
    SchoolLessonRequest.objects.filter(pk=delivered.pk).update(status=Status.CONFIRMED)
    assert client.get(url(delivered.evaluation_token)).status_code == 404
