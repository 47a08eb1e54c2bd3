"""Quiz workflows: starting, submitting and reviewing attempts, and results.

Grading runs here on the server only; the browser gets the presentation of a
question (no right answers) until the attempt is submitted.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import grading, services
from .quiz_models import LATE_GRACE_SECONDS, QuizAttempt, QuizPage, Review, quiz_grade


class QuizError(Exception):
    """A quiz action that cannot be done; the message is for the learner."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def plain(value):
    """A block value as plain JSON data (StructValue/ListValue -> dict/list)."""
    if hasattr(value, "items"):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple) or type(value).__name__ == "ListValue":
        return [plain(item) for item in value]
    return value


def snapshot(quiz: QuizPage) -> list[dict]:
    return [{"id": b.id, "type": b.block_type, "value": plain(b.value)} for b in quiz.questions]


def preview(quiz: QuizPage) -> list[dict]:
    """The questions as a learner sees them (natural order), for editors' preview."""
    return [
        {"id": q["id"], **grading.presentation(q["type"], q["value"], list(range(_count(q))))}
        for q in snapshot(quiz)
    ]


def _count(question) -> int:
    value = question["value"]
    return len(value.get("options") or value.get("pairs") or value.get("items") or [])


@dataclass
class QuizState:
    attempts: list[QuizAttempt]
    open_attempt: QuizAttempt | None
    grade: float | None
    passed: bool
    attempts_left: int | None  # None: unlimited

    @property
    def can_start(self) -> bool:
        return self.open_attempt is None and (self.attempts_left is None or self.attempts_left > 0)

    @property
    def closed(self) -> bool:
        """Passed, or no attempts left: the fuller review applies."""
        return self.passed or self.attempts_left == 0


def quiz_state(user, quiz: QuizPage) -> QuizState:
    attempts = list(QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key))
    submitted = sorted((a for a in attempts if a.is_submitted), key=lambda a: a.submitted_at)
    grade = quiz_grade([a.score or 0.0 for a in submitted], quiz.grading_method)
    left = None if not quiz.max_attempts else max(0, quiz.max_attempts - len(attempts))
    open_attempt = next((a for a in attempts if not a.is_submitted), None)
    return QuizState(
        attempts=attempts,
        open_attempt=open_attempt,
        grade=grade,
        passed=grade is not None and grade >= quiz.pass_mark,
        attempts_left=left,
    )


def _course_of(quiz: QuizPage):
    return quiz.get_parent().specific


def start_attempt(user, quiz: QuizPage) -> QuizAttempt:
    """Start (or resume) an attempt. Raises QuizError when the learner is not
    enrolled or has used every attempt."""
    course = _course_of(quiz)
    if course.is_elearning and services.get_enrollment(user, course) is None:
        raise QuizError(_("Enrol in the course before you take its quiz."), status=403)
    with transaction.atomic():
        # One learner's attempts are numbered in order; lock them while counting.
        existing = list(
            QuizAttempt.objects.select_for_update().filter(user=user, quiz_key=quiz.translation_key)
        )
        open_attempt = next((a for a in existing if not a.is_submitted), None)
        if open_attempt is not None:
            return open_attempt
        if quiz.max_attempts and len(existing) >= quiz.max_attempts:
            raise QuizError(_("You have used all your attempts at this quiz."), status=403)
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
        deadline = (
            now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
        )
        return QuizAttempt.objects.create(
            quiz=quiz,
            quiz_key=quiz.translation_key,
            user=user,
            revision=quiz.live_revision,
            number=max((a.number for a in existing), default=0) + 1,
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
            ),
        }
        for number, block_id in enumerate(attempt.layout["order"], start=1)
    ]


def parse_answers(attempt: QuizAttempt, data) -> dict:
    """Every posted answer, checked against this attempt's questions. Raises
    QuizError for a field naming no question of the attempt or an answer out of range."""
    ids = {q["id"] for q in attempt.questions}
    for name in data:
        if not name.startswith("q-"):
            continue
        block_id, _sep, suffix = name[2:].rpartition("-")
        if name[2:] not in ids and not (block_id in ids and suffix.isdigit()):
            raise QuizError(_("The answers do not belong to this quiz."))
    answers = {}
    for question in attempt.questions:
        try:
            answers[question["id"]] = grading.parse_answer(
                question["type"], question["value"], data, f"q-{question['id']}"
            )
        except grading.InvalidAnswer as error:
            raise QuizError(str(error)) from error
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
    """Grade and close an attempt, exactly once.

    Raises QuizError (400) for an attempt that is not the user's or answers
    that do not fit it, and (409) for an attempt already submitted. A
    submission later than the time limit plus LATE_GRACE_SECONDS is closed
    with a score of 0 and its answers are not kept.
    """
    with transaction.atomic():
        attempt = (
            QuizAttempt.objects.select_for_update()
            .select_related("quiz")
            .filter(pk=attempt_id, user=user)
            .first()
        )
        if attempt is None:
            raise QuizError(_("This attempt does not exist or is not yours."))
        if attempt.is_submitted:
            raise QuizError(_("This attempt has already been submitted."), status=409)
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
        _update_completion(user, attempt.quiz)
    return attempt


def _update_completion(user, quiz: QuizPage) -> None:
    course = _course_of(quiz)
    enrollment = services.get_enrollment(user, course)
    if enrollment is None or enrollment.is_completed:
        return
    progress = services.progress_for(user, course, list(course.lessons()), enrollment)
    services.check_completion(enrollment, course, progress)


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


def statistics(quiz: QuizPage) -> dict:
    """Per question of the current quiz: how many answered, the share correct and
    the wrong option chosen most (choice questions), over submitted attempts."""
    attempts = list(
        QuizAttempt.objects.submitted().filter(quiz_key=quiz.translation_key).select_related("user")
    )
    rows = []
    for question in snapshot(quiz):
        answered = correct = 0
        wrong_picks: dict[int, int] = {}
        for attempt in attempts:
            if question["id"] not in attempt.answers:
                continue
            answer = attempt.answers[question["id"]]
            answered += 1
            taken = next((q for q in attempt.questions if q["id"] == question["id"]), question)
            if grading.grade(taken["type"], taken["value"], answer).correct:
                correct += 1
            if question["type"] in ("single_choice", "multiple_response"):
                picks = [answer] if isinstance(answer, int) else (answer or [])
                for pick in picks:
                    if (
                        pick < len(question["value"]["options"])
                        and not question["value"]["options"][pick]["correct"]
                    ):
                        wrong_picks[pick] = wrong_picks.get(pick, 0) + 1
        most_wrong = max(wrong_picks, key=wrong_picks.get) if wrong_picks else None
        rows.append(
            {
                "question": question,
                "answered": answered,
                "share_correct": round(100 * correct / answered) if answered else None,
                "most_chosen_wrong": (
                    question["value"]["options"][most_wrong]["text"]
                    if most_wrong is not None
                    else ""
                ),
            }
        )
    return {"attempts": attempts, "questions": rows}


def import_questions(quiz: QuizPage, filename: str, text: str, *, user=None, publish=False):
    """Append the questions of a GIFT or Aiken file to `quiz` as a new revision
    (published if `publish`). All or nothing: raises QuizImportError listing
    every problem, and then the quiz is untouched. Returns the ImportResult."""
    from .quiz_import import parse_quiz_file

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
