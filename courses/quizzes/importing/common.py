"""What the GIFT and Aiken readers share: the limits, the result and problem
types, the collector that stops a crafted file early, and text and number helpers."""

import math
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

BLANK = "_____"

# The largest file the admin form and the import_quiz command accept.
MAX_FILE_BYTES = 1024 * 1024
MAX_QUESTIONS = 1000  # per file
MAX_ANSWERS = 100  # per question
MAX_PROBLEMS = 100  # per file
MAX_CATEGORY_NOTICES = 100  # per file; more would only bury the other notices


@dataclass
class ImportProblem:
    line: int  # 1-based line number in the file
    message: str  # translated, human-readable


@dataclass
class ImportResult:
    questions: list[tuple[str, dict]]  # (block_type, value) in file order
    notices: list[ImportProblem]  # things ignored, e.g. $CATEGORY


class QuizImportError(Exception):
    """Every problem found in a file, sorted by line."""

    def __init__(self, problems: list[ImportProblem]):
        self.problems = sorted(problems, key=lambda problem: problem.line)
        super().__init__("\n".join(problem.message for problem in self.problems))


class Collector:
    def __init__(self):
        self.questions: list[tuple[str, dict]] = []
        self.notices: list[ImportProblem] = []
        self.problems: list[ImportProblem] = []
        self.started = 0  # questions read so far, with or without problems

    def should_stop(self, line: int) -> bool:
        """Whether enough problems have been found to stop reading at line; if so, one more
        problem says that reading stopped there."""
        if len(self.problems) < MAX_PROBLEMS:
            return False
        message = _("Line %(line)d: reading stopped after %(count)d problems; fix these first.")
        self.problems.append(ImportProblem(line, message % {"line": line, "count": MAX_PROBLEMS}))
        return True

    def should_stop_before_question(self, line: int) -> bool:
        """Like should_stop, and also when the question starting at line is one more than a
        file may hold."""
        self.started += 1
        if self.started <= MAX_QUESTIONS:
            return self.should_stop(line)
        message = _(
            "Line %(line)d: a file can hold at most %(count)d questions; split it into smaller "
            "files."
        )
        self.problems.append(ImportProblem(line, message % {"line": line, "count": MAX_QUESTIONS}))
        return True

    def result(self) -> ImportResult:
        if not self.problems and not self.questions:
            self.problems.append(
                ImportProblem(1, _("Line %(line)d: the file contains no questions.") % {"line": 1})
            )
        if self.problems:
            raise QuizImportError(self.problems)
        return ImportResult(questions=self.questions, notices=self.notices)


def normalise(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


_BLANK_LINES_RE = re.compile(r"\n{3,}")
SPACE_RE = re.compile(r"\s+")


def tidy(text: str) -> str:
    """Strip every line and the whole; at most one empty line in a row."""
    if "\n" not in text:  # the usual answer or feedback; saves work per answer
        return text.strip()
    text = "\n".join(line.strip() for line in text.split("\n")).strip()
    return _BLANK_LINES_RE.sub("\n\n", text)


# Digits are taken possessively: what follows a run of digits is never a digit, so giving some
# back cannot help a match, and a million digits would otherwise be backtracked one by one.
NUMBER = r"[+-]?(?:\d++(?:\.\d*+)?|\.\d++)(?:[eE][+-]?\d++)?"
NUMBER_RE = re.compile(NUMBER)


def round_half_away(number: float) -> int:
    return int(math.copysign(math.floor(abs(number) + 0.5), number))


def format_number(number: float) -> str:
    return f"{number:g}"
