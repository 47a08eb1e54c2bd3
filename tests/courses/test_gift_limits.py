"""The forms added for Moodle (extra choices, feedback for any other answer, stars) keep
the importer linear: crafted files of the largest size are read or refused within a second."""

import time
from contextlib import suppress

import pytest

from courses.quizzes.importing import MAX_FILE_BYTES, QuizImportError, parse_gift
from tests.courses.test_quiz_import_limits import SECONDS, crafted, cut_off

SHAPES = {
    "stars in a short answer": lambda: crafted("Q {=", "*", "}"),
    "escaped stars in a short answer": lambda: crafted("Q {=", "\\*", "}"),
    "stars without credit": lambda: crafted("Q {", "=%0%*", "}"),
    "tildes in a numerical question": lambda: crafted("Q {#=1 ", "~", "}"),
    "hashes after a numerical tilde": lambda: crafted("Q {#=1 ~", "#", "}"),
    "extra choices": lambda: crafted("Q {=a -> 1 =b -> 2", " = -> c", "}"),
    "questions with 98 distinct extra choices": lambda: crafted(
        "", "Q{=a->1 =b->2" + "".join(f"=->{index:03d}" for index in range(98)) + "}\n\n"
    ),
    "questions with 100 weights in thirds": lambda: crafted(
        "", "Q{" + "~%33.33333%a" * 3 + "~%0%b" * 97 + "}\n\n"
    ),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_crafted_file_is_parsed_or_refused_within_a_second(shape):
    text = SHAPES[shape]()
    assert 0.99 * MAX_FILE_BYTES < len(text.encode()) <= MAX_FILE_BYTES
    start = time.perf_counter()
    with cut_off(10 * SECONDS), suppress(QuizImportError):
        parse_gift(text)
    assert time.perf_counter() - start < SECONDS
