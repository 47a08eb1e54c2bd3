"""Quiz workflows: starting, submitting and reviewing attempts, and results.

Grading runs here on the server only; the browser gets the presentation of a
question (no right answers) until the attempt is submitted.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.errors import Refused

from .. import grading, services
from ..models import CoursePage
from ..models.progress import Progress, progress_for
from ..models.quizzes import (
    LATE_GRACE_SECONDS,
    QuizAttempt,
    QuizPage,
    QuizState,
    Review,
    option_tokens,
    quiz_state,
    snapshot,
)
from .importing import parse_quiz_file


def _course_of(quiz: QuizPage):
    return quiz.get_parent().specific


def start_attempt(user, quiz: QuizPage) -> QuizAttempt:
    """Start (or resume) an attempt, in either language of the quiz.

    Raises Refused (403) when the learner is not enrolled in the e-learning or
    has used every attempt. Two starts at the same moment (two tabs, or the quiz
    in Dutch and in English) give one attempt: both queue on the learner's
    enrolment, and a quiz outside an e-learning falls back on the attempt number
    being unique per quiz and learner."""
    course = _course_of(quiz)
    with transaction.atomic():
        enrollment = services.lock_enrollment(user, course)
        if course.is_elearning and enrollment is None:
            raise Refused(_("Enrol in the course before you take its quiz."), status=403)
        existing = list(
            QuizAttempt.objects.select_for_update().filter(user=user, quiz_key=quiz.translation_key)
        )
        open_attempt = next((a for a in existing if not a.is_submitted), None)
        if open_attempt is not None:
            return open_attempt
        if quiz.max_attempts and len(existing) >= quiz.max_attempts:
            raise Refused(_("You have used all your attempts at this quiz."), status=403)
        try:
            with transaction.atomic():
                return _new_attempt(
                    user, quiz, number=max((a.number for a in existing), default=0) + 1
                )
        except IntegrityError:
            # Another start won; it committed before this insert failed.
            open_attempt = QuizAttempt.objects.filter(
                user=user, quiz_key=quiz.translation_key, submitted_at__isnull=True
            ).first()
            if open_attempt is None:
                raise Refused(
                    _("This quiz could not be started. Please try again."), status=409
                ) from None
            return open_attempt


def _new_attempt(user, quiz: QuizPage, *, number: int) -> QuizAttempt:
    questions = snapshot(quiz)
    rng = random.Random()  # noqa: S311 - shuffling, not security
    order = [q["id"] for q in questions]
    if quiz.shuffle_questions:
        rng.shuffle(order)
    layout = {
        "order": order,
        "options": {
            q["id"]: grading.option_order(q["type"], q["value"], rng, quiz.shuffle_options)
            for q in questions
        },
    }
    now = timezone.now()
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    return QuizAttempt.objects.create(
        quiz=quiz,
        quiz_key=quiz.translation_key,
        user=user,
        revision=quiz.live_revision,
        number=number,
        questions=questions,
        layout=layout,
        deadline=deadline,
    )


def shown_questions(attempt: QuizAttempt) -> list[dict]:
    """The attempt's questions in its order, as the browser may see them."""
    by_id = {q["id"]: q for q in attempt.questions}
    return [
        {
            "id": block_id,
            "field": f"q-{block_id}",
            "number": number,
            **grading.presentation(
                by_id[block_id]["type"],
                by_id[block_id]["value"],
                attempt.layout["options"][block_id],
                option_tokens(attempt.pk, by_id[block_id]),
            ),
        }
        for number, block_id in enumerate(attempt.layout["order"], start=1)
    ]


def parse_answers(attempt: QuizAttempt, data) -> dict:
    """Every posted answer, checked against this attempt's questions and tokens.
    Raises Refused (400) for a field no form of the attempt has, a token not
    of this attempt or an answer out of range."""
    tokens = {q["id"]: option_tokens(attempt.pk, q) for q in attempt.questions}
    names = set().union(
        *(
            grading.field_names(q["type"], q["value"], f"q-{q['id']}", tokens[q["id"]])
            for q in attempt.questions
        )
    )
    if any(name.startswith("q-") and name not in names for name in data):
        raise Refused(_("The answers do not belong to this quiz."))
    answers = {}
    for question in attempt.questions:
        try:
            answers[question["id"]] = grading.parse_answer(
                question["type"],
                question["value"],
                data,
                f"q-{question['id']}",
                tokens[question["id"]],
            )
        except grading.InvalidAnswer as error:
            raise Refused(str(error)) from error
    return answers


def score_of(attempt: QuizAttempt, answers: dict) -> float:
    total = earned = 0.0
    for question in attempt.questions:
        points = question["value"].get("points") or 1
        total += points
        earned += (
            points
            * grading.grade(
                question["type"], question["value"], answers.get(question["id"])
            ).fraction
        )
    return round(100 * earned / total, 2) if total else 0.0


def submit_attempt(user, attempt_id: int, data) -> QuizAttempt:
    """Grade and close an attempt, exactly once, and complete the course when
    this was the last step.

    Raises Refused: 404 for an attempt that is not the user's (as if it did
    not exist), 400 for answers that do not fit it (then nothing is stored),
    and 409 for an attempt already submitted. A submission later than the
    time limit plus LATE_GRACE_SECONDS is closed with a score of 0 and its
    answers are not kept.
    """
    with transaction.atomic():
        found = QuizAttempt.objects.select_related("quiz").filter(pk=attempt_id, user=user).first()
        if found is None:
            raise Refused(_("This attempt does not exist or is not yours."), status=404)
        course = _course_of(found.quiz)
        # The enrolment first, then the attempt: the order every workflow locks in.
        enrollment = services.lock_enrollment(user, course)
        attempt = (
            QuizAttempt.objects.select_for_update(of=("self",))
            .select_related("quiz")
            .get(pk=found.pk)
        )
        if attempt.is_submitted:
            raise Refused(_("This attempt has already been submitted."), status=409)
        answers = parse_answers(attempt, data)
        now = timezone.now()
        attempt.submitted_at = now
        if attempt.deadline and now > attempt.deadline + timedelta(seconds=LATE_GRACE_SECONDS):
            attempt.late = True
            attempt.answers = {}
            attempt.score = 0.0
        else:
            attempt.answers = answers
            attempt.score = score_of(attempt, answers)
        attempt.passed = attempt.score >= attempt.quiz.pass_mark
        attempt.save()
        if enrollment is not None and not enrollment.is_completed:
            progress = progress_for(user, course, list(course.lessons()), enrollment)
            services.check_completion(enrollment, course, progress)
    return attempt


def review_level(quiz: QuizPage, state: QuizState) -> int:
    return quiz.review_after_close if state.closed else quiz.review_after_attempt


def review(attempt: QuizAttempt, level: int) -> list[dict]:
    """Per question, what the learner may see of a submitted attempt at `level`."""
    shown = []
    for question in shown_questions(attempt):
        source = next(q for q in attempt.questions if q["id"] == question["id"])
        result = grading.grade(source["type"], source["value"], attempt.answers.get(question["id"]))
        entry = {**question}
        if level >= Review.CORRECTNESS:
            entry["correct"] = result.correct
            entry["partly"] = 0 < result.fraction < 1
        if level >= Review.FEEDBACK:
            entry["feedback"] = result.feedback
        if level >= Review.ANSWERS:
            entry["right_answer"] = result.right_answer
        shown.append(entry)
    return shown


@dataclass
class Result:
    """What the learner sees of a submitted attempt, and where to go next."""

    attempt: QuizAttempt
    state: QuizState
    level: int
    questions: list[dict]
    course: CoursePage
    progress: Progress | None  # None outside an e-learning

    @property
    def course_completed(self) -> bool:
        return bool(self.progress and self.progress.enrollment.is_completed)

    @property
    def can_try_again(self) -> bool:
        return not self.state.passed and self.state.can_start


def result(user, attempt: QuizAttempt) -> Result:
    """The review of `user`'s submitted `attempt` at the level the quiz allows now,
    with the quiz's state and the learner's progress in its course."""
    quiz = attempt.quiz
    state = quiz_state(user, quiz)
    level = review_level(quiz, state)
    course = _course_of(quiz)
    progress = progress_for(user, course, list(course.lessons())) if course.is_elearning else None
    if progress is not None and progress.enrollment is None:
        progress = None
    return Result(attempt, state, level, review(attempt, level), course, progress)


def statistics(quiz: QuizPage) -> dict:
    """Per question of the current quiz, over every submitted attempt that posed
    it (in either language): how many answered, the share correct and the wrong
    option chosen most (choice questions). Each attempt is graded as it was
    scored: a question left blank, or an attempt handed in too late or recorded
    without answers, counts as answered wrongly."""
    attempts = list(
        QuizAttempt.objects.submitted().filter(quiz_key=quiz.translation_key).select_related("user")
    )
    rows = []
    for question in snapshot(quiz):
        answered = correct = 0
        wrong_picks: dict[str, int] = {}
        for attempt in attempts:
            taken = next((q for q in attempt.questions if q["id"] == question["id"]), None)
            if taken is None:  # begun before the question was added
                continue
            answer = attempt.answers.get(question["id"])
            answered += 1
            if grading.grade(taken["type"], taken["value"], answer).correct:
                correct += 1
            if taken["type"] in ("single_choice", "multiple_response"):
                options = taken["value"]["options"]
                picks = [answer] if isinstance(answer, int) else (answer or [])
                for text in (
                    options[pick]["text"] for pick in picks if not options[pick]["correct"]
                ):
                    wrong_picks[text] = wrong_picks.get(text, 0) + 1
        rows.append(
            {
                "question": question,
                "answered": answered,
                "share_correct": round(100 * correct / answered) if answered else None,
                "most_chosen_wrong": max(wrong_picks, key=wrong_picks.get) if wrong_picks else "",
            }
        )
    return {"attempts": attempts, "questions": rows}


def import_questions(quiz: QuizPage, filename: str, text: str, *, user=None, publish=False):
    """Append the questions of a GIFT or Aiken file to `quiz` as a new revision
    (published if `publish`). All or nothing: raises QuizImportError listing
    every problem, and then the quiz is untouched. Returns the ImportResult."""
    result = parse_quiz_file(filename, text)
    quiz = quiz.get_latest_revision_as_object()
    stream_block = quiz.questions.stream_block
    for block_type, value in result.questions:
        quiz.questions.append((block_type, stream_block.child_blocks[block_type].to_python(value)))
    with transaction.atomic():
        revision = quiz.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
    return result


@services.register_completion_requirement
def required_quizzes_passed(enrollment, course, progress) -> bool:
    """A course with quizzes completes only once each required one is passed."""
    return all(progress.is_passed(quiz) for quiz in progress.required_quizzes)
