"""Read quiz questions from GIFT (Moodle) and Aiken files.

The parsers turn a file into ``(block_type, value)`` pairs for the quiz StreamField blocks
``single_choice``, ``multiple_response``, ``true_false``, ``matching``, ``short_answer`` and
``numerical``. Import is all-or-nothing: every problem in the file is collected and raised
together in a :class:`QuizImportError`; a partial result is never returned. Things that are
skipped harmlessly (a ``$CATEGORY`` line, partial credit we cannot represent) come back as
notices.

The limits below are far above any real quiz; they bound the work a crafted file can cause,
so that a file full of tiny questions, answers or problems is still read in well under a
second. Reading stops at the first question over ``MAX_QUESTIONS`` or once ``MAX_PROBLEMS``
problems have been found, with a problem that says so; a question with more than
``MAX_ANSWERS`` answers is a problem; ``$CATEGORY`` lines after the first
``MAX_CATEGORY_NOTICES`` are ignored without a notice.

GIFT as Moodle documents it: ``::title::``, ``//`` comment lines, ``$CATEGORY:``, the
escapes ``\\~ \\= \\# \\{ \\} \\: \\\\ \\n``, the format markers ``[html] [moodle] [plain]
[markdown]`` (``[html]`` text is reduced to plain text), multiple choice with ``=``/``~``
(several ``=`` answers are each fully right), ``%weight%``, ``#feedback`` and ``####general
feedback``, true/false, short answer, numerical (tolerance, range, several answers), a
catch-all feedback for any other answer (``=%0%*#…``, and ``~#…`` in numerical), matching
with extra choices (``= -> Chat``) and the missing-word form. Partial credit in single
choice, short answer and numerical is left out with a notice; short-answer wildcards,
essays, descriptions and embedded answers (cloze) are reported as problems.
"""

import os

from django.utils.translation import gettext as _

from .aiken import LOOKS_LIKE_AIKEN_RE, parse_aiken
from .common import (
    MAX_ANSWERS,
    MAX_CATEGORY_NOTICES,
    MAX_FILE_BYTES,
    MAX_PROBLEMS,
    MAX_QUESTIONS,
    ImportProblem,
    ImportResult,
    QuizImportError,
    normalise,
)
from .gift import parse_gift

__all__ = [
    "MAX_ANSWERS",
    "MAX_CATEGORY_NOTICES",
    "MAX_FILE_BYTES",
    "MAX_PROBLEMS",
    "MAX_QUESTIONS",
    "ImportProblem",
    "ImportResult",
    "QuizImportError",
    "parse_aiken",
    "parse_gift",
    "parse_quiz_file",
]

# --- Either --------------------------------------------------------------------------------


def parse_quiz_file(filename: str, text: str) -> ImportResult:
    """ ".gift" is GIFT; ".txt" is Aiken when it has an "ANSWER:" line, else GIFT."""
    extension = os.path.splitext(filename)[1].lower()
    if extension == ".gift":
        return parse_gift(text)
    if extension == ".txt":
        if LOOKS_LIKE_AIKEN_RE.search(normalise(text)):
            return parse_aiken(text)
        return parse_gift(text)
    if extension:
        message = _(
            "Line %(line)d: files of type “%(extension)s” cannot be imported; use a .gift or "
            ".txt file."
        ) % {"line": 1, "extension": extension}
    else:
        message = _(
            "Line %(line)d: files without an extension cannot be imported; use a .gift or "
            ".txt file."
        ) % {"line": 1}
    raise QuizImportError([ImportProblem(1, message)])
