"""Limits of quiz import: crafted files are read in linear time, files may hold only so many
questions, answers and problems, and the command refuses a file larger than the admin form
accepts without reading all of it."""

import signal
import time
import tracemalloc
from contextlib import contextmanager, suppress

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from courses.models import QuizPage
from courses.quizzes.forms import QuizImportForm
from courses.quizzes.importing import (
    MAX_FILE_BYTES,
    ImportProblem,
    QuizImportError,
    parse_aiken,
    parse_gift,
)
from tests.factories import QuizPageFactory

SECONDS = 1.0


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def crafted(prefix: str, unit: str, suffix: str = "") -> str:
    """prefix, as many units as fit and suffix: a file of about MAX_FILE_BYTES (all ASCII)."""
    count = (MAX_FILE_BYTES - len(prefix) - len(suffix)) // len(unit)
    return prefix + unit * count + suffix


def crafted_numbered(prefix: str, before: str, after: str, suffix: str) -> str:
    """Like crafted, with a different number in every unit, so that no problem repeats."""
    count = (MAX_FILE_BYTES - len(prefix) - len(suffix)) // (len(before) + 6 + len(after))
    return prefix + "".join(f"{before}{index:06d}{after}" for index in range(count)) + suffix


SHAPES = {
    "spaces after a brace": lambda: crafted("Q {", " "),
    "spaces and digits after a brace": lambda: crafted("Q {", " 1"),
    "less-than signs in html": lambda: crafted("[html]", "<", "{T}"),
    "less-than signs in html feedback": lambda: crafted("[html]Q {T#", "<", "}"),
    "opening braces": lambda: crafted("", "{"),
    "closing braces": lambda: crafted("", "}"),
    "braces and spaces": lambda: crafted("Q ", "{ "),
    "unterminated brace": lambda: crafted("Q {=a ", "x"),
    "tildes": lambda: crafted("Q {", "~"),
    "equals signs": lambda: crafted("Q {", "=", "}"),
    "backslashes": lambda: crafted("Q {", "\\"),
    "colons": lambda: crafted("Q {", ":"),
    "colons after a title": lambda: crafted("::", " "),
    "hashes": lambda: crafted("Q {#", "#", "}"),
    "percent signs": lambda: crafted("Q {~", "%", "}"),
    "digits of a number": lambda: crafted("Q {#", "1", "}"),
    "dots of a range": lambda: crafted("Q {#1", ".", "}"),
    "newlines": lambda: crafted("", "\n"),
    "distinct bad weights": lambda: crafted_numbered("Q {", "~%w", "%a ", "}"),
    "distinct bad numbers": lambda: crafted_numbered("Q {#", "=n", " ", "}"),
    "tiny questions": lambda: crafted("", "Q{T}\n\n"),
    "questions with 100 answers": lambda: crafted("", "Q{" + "=a" * 100 + "}\n\n"),
    "questions with 100 html answers": lambda: crafted(
        "", "[html]Q{" + "=<b>a</b>#<i>f</i>" * 100 + "}\n\n"
    ),
    "questions with 100 bad weights": lambda: crafted(
        "", "Q{" + "".join(f"~%w{index:03d}%a" for index in range(100)) + "}\n\n"
    ),
    "category lines": lambda: crafted("", "$CATEGORY: a\n", "Q{T}"),
    "lines of one letter": lambda: crafted("", "Q\n"),
    "aiken questions": lambda: crafted("", "Q\nA. x\nB. y\nANSWER: A\n"),
    "aiken options": lambda: crafted("Q?\n", "A. x\n", "ANSWER: A"),
    "aiken answer lines": lambda: crafted("", "ANSWER: A\n"),
    "aiken spaces": lambda: crafted("Q?\nA.", " ", "\nANSWER: A"),
}


@contextmanager
def cut_off(seconds: float):
    """Stop a parse that runs far past the limit (the regex engine checks for signals), so
    that a regression fails in seconds instead of hanging the run for half an hour."""

    def stop(_signum, _frame):
        pytest.fail(f"still parsing after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("parse", [parse_gift, parse_aiken], ids=["gift", "aiken"])
@pytest.mark.parametrize("shape", SHAPES)
def test_crafted_file_is_parsed_or_refused_within_a_second(shape, parse):
    text = SHAPES[shape]()
    assert 0.99 * MAX_FILE_BYTES < len(text.encode()) <= MAX_FILE_BYTES
    start = time.perf_counter()
    with cut_off(10 * SECONDS), suppress(QuizImportError):
        parse(text)
    assert time.perf_counter() - start < SECONDS


# --- Limits on what a file holds ----------------------------------------------------------


def problems_of(parse, text: str) -> list[ImportProblem]:
    with pytest.raises(QuizImportError) as caught:
        parse(text)
    return caught.value.problems


def test_question_may_have_100_answers():
    answers = "=a0 " + " ".join(f"~a{index}" for index in range(1, 100))
    _block_type, value = parse_gift(f"Which? {{{answers}}}").questions[0]
    assert len(value["options"]) == 100


def test_question_with_101_answers_is_a_problem():
    answers = "=a0 " + " ".join(f"~a{index}" for index in range(1, 101))
    problems = problems_of(parse_gift, f"Which? {{{answers}}}")
    assert [(problem.line, problem.message) for problem in problems] == [
        (1, "Line 1: a question can have at most 100 answers.")
    ]


def test_file_may_hold_1000_questions():
    assert len(parse_gift("Q? {T}\n\n" * 1000).questions) == 1000


def test_file_with_1001_questions_is_a_problem():
    problems = problems_of(parse_gift, "Q? {T}\n\n" * 1001)
    assert [(problem.line, problem.message) for problem in problems] == [
        (2001, "Line 2001: a file can hold at most 1000 questions; split it into smaller files.")
    ]


def test_reading_stops_after_100_problems():
    problems = problems_of(parse_gift, "Q? {#x}\n\n" * 150)
    assert len(problems) == 101
    assert (problems[-1].line, problems[-1].message) == (
        201,
        "Line 201: reading stopped after 100 problems; fix these first.",
    )


def test_only_the_first_100_category_lines_are_notices():
    result = parse_gift("".join(f"$CATEGORY: c{index}\n" for index in range(150)) + "Q? {T}")
    assert len(result.notices) == 100
    assert result.notices[-1].message == "Line 100: the category “c99” was ignored."


def test_aiken_file_with_1001_questions_is_a_problem():
    problems = problems_of(parse_aiken, "Q?\nA. x\nB. y\nANSWER: A\n" * 1001)
    assert [(problem.line, problem.message) for problem in problems] == [
        (4001, "Line 4001: a file can hold at most 1000 questions; split it into smaller files.")
    ]


def test_aiken_reading_stops_after_100_problems():
    problems = problems_of(parse_aiken, "ANSWER: A\n" * 150)
    assert len(problems) == 101
    assert (problems[-1].line, problems[-1].message) == (
        101,
        "Line 101: reading stopped after 100 problems; fix these first.",
    )


def test_aiken_options_out_of_order_are_reported_once_per_question():
    problems = problems_of(parse_aiken, "Q?\nA. x\nC. y\nE. z\nANSWER: A\n")
    assert [(problem.line, problem.message) for problem in problems] == [
        (3, "Line 3: option C is out of order; expected B.")
    ]


# --- The size limit ------------------------------------------------------------------------


@pytest.fixture
def quiz(course):
    return QuizPageFactory(parent=course, title="Eindtoets", slug="eindtoets")


def question_count(quiz) -> int:
    return len(QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object().questions)


def test_admin_form_refuses_a_file_one_byte_over_the_limit():
    upload = SimpleUploadedFile("big.gift", b"\n" * (MAX_FILE_BYTES + 1))
    form = QuizImportForm(data={}, files={"file": upload})
    assert form.errors == {"file": ["The file is larger than 1 MB."]}


@pytest.mark.django_db
def test_command_refuses_a_file_one_byte_over_the_limit(quiz, tmp_path):
    file = tmp_path / "big.gift"
    file.write_bytes(b"Q? {T}" + b"\n" * (MAX_FILE_BYTES - 5))
    with pytest.raises(CommandError) as caught:
        call_command("import_quiz", str(file), "--quiz", str(quiz.pk))
    assert str(caught.value) == "Nothing imported: big.gift is larger than 1 MB."
    assert question_count(quiz) == 2


@pytest.mark.django_db
def test_command_imports_a_file_of_exactly_the_limit(quiz, tmp_path):
    file = tmp_path / "full.gift"
    file.write_bytes(b"Q? {T}" + b"\n" * (MAX_FILE_BYTES - 6))
    call_command("import_quiz", str(file), "--quiz", str(quiz.pk))
    assert question_count(quiz) == 3


@pytest.mark.django_db
def test_command_reads_no_more_than_the_limit_of_a_huge_file(quiz, tmp_path):
    file = tmp_path / "huge.gift"
    with file.open("wb") as handle:
        # Sparse, so it takes no disk space; the last byte is not UTF-8, so that reading the
        # whole file fails fast instead of parsing 64 MB.
        handle.seek(64 * MAX_FILE_BYTES - 1)
        handle.write(b"\xff")
    tracemalloc.start()
    try:
        with pytest.raises(CommandError) as caught:
            call_command("import_quiz", str(file), "--quiz", str(quiz.pk))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(caught.value) == "Nothing imported: huge.gift is larger than 1 MB."
    assert peak < 8 * MAX_FILE_BYTES
