"""Read quiz questions from GIFT (Moodle) and Aiken files.

The parsers turn a file into ``(block_type, value)`` pairs for the quiz StreamField blocks
``single_choice``, ``multiple_response``, ``true_false``, ``matching``, ``short_answer`` and
``numerical``. Import is all-or-nothing: every problem in the file is collected and raised
together in a :class:`QuizImportError`; a partial result is never returned. Things that are
skipped harmlessly (a ``$CATEGORY`` line, partial credit we cannot represent) come back as
notices.

GIFT subset: ``::title::``, ``//`` comment lines, ``$CATEGORY:``, the escapes ``\\~ \\= \\#
\\{ \\} \\: \\\\ \\n``, the format markers ``[html] [moodle] [plain] [markdown]`` (``[html]`` text
is reduced to plain text), multiple choice with ``=``/``~``, ``%weight%``, ``#feedback`` and
``####general feedback``, true/false, short answer, numerical (tolerance, range, several
answers), matching and the missing-word form. Essays, descriptions and embedded answers
(cloze) are reported as problems.
"""

import html
import math
import os
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

BLANK = "_____"


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


class _Collector:
    def __init__(self):
        self.questions: list[tuple[str, dict]] = []
        self.notices: list[ImportProblem] = []
        self.problems: list[ImportProblem] = []

    def result(self) -> ImportResult:
        if not self.problems and not self.questions:
            self.problems.append(
                ImportProblem(1, _("Line %(line)d: the file contains no questions.") % {"line": 1})
            )
        if self.problems:
            raise QuizImportError(self.problems)
        return ImportResult(questions=self.questions, notices=self.notices)


def _normalise(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _tidy(text: str) -> str:
    """Strip every line and the whole; at most one empty line in a row."""
    text = "\n".join(line.strip() for line in text.split("\n")).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_NUMBER_RE = re.compile(_NUMBER)


def _round_half_away(number: float) -> int:
    return int(math.copysign(math.floor(abs(number) + 0.5), number))


def _format_number(number: float) -> str:
    return f"{number:g}"


# --- GIFT ----------------------------------------------------------------------------------

# An escaped special character is replaced by a private-use character while the structure is
# parsed, so that it never counts as syntax, and restored in the final text.
_ESCAPABLE = "~=#{}:\\n"
_PLACEHOLDER = {char: chr(0xE000 + index) for index, char in enumerate(_ESCAPABLE)}
_RESTORE = str.maketrans(
    {held: ("\n" if char == "n" else char) for char, held in _PLACEHOLDER.items()}
)
_ESCAPE_RE = re.compile(r"\\([~=#{}:\\n])")
_TITLE_RE = re.compile(r"\s*::(.*?)::", re.DOTALL)
_FORMAT_RE = re.compile(r"\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_CLOZE_RE = re.compile(r"\{\s*\d*\s*:\s*[A-Za-z_]+\s*:")
_WEIGHT_RE = re.compile(r"\s*%([^%]*)%")
_RANGE_RE = re.compile(rf"\s*({_NUMBER})\s*\.\.\s*({_NUMBER})\s*")
_TOLERANCE_RE = re.compile(rf"\s*({_NUMBER})\s*:\s*({_NUMBER})\s*")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def _protect_escapes(text: str) -> str:
    return _ESCAPE_RE.sub(lambda match: _PLACEHOLDER[match.group(1)], text)


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def _take_format(raw: str) -> tuple[str | None, str]:
    match = _FORMAT_RE.match(raw)
    if match:
        return match.group(1).lower(), raw[match.end() :]
    return None, raw


def _html_to_text(text: str) -> str:
    text = re.sub(r"<br\s*/?>|</(?:p|div|li|h[1-6])\s*>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]*>", "", text)
    return html.unescape(text)


def _split_answers(body: str) -> tuple[str, list[tuple[str, str]]]:
    """Text before the first = or ~, and (marker, body) for every answer."""
    parts = re.split(r"([=~])", body)
    return parts[0], list(zip(parts[1::2], parts[2::2], strict=True))


def _missing_word(before: str, after: str) -> str:
    before = before.rstrip()
    after = after.rstrip()
    if not after.strip():
        return before
    prompt = (before + " " if before else "") + BLANK
    if after[0].isspace():
        return prompt + " " + after.lstrip()
    return prompt + after


def _gift_blocks(text: str):
    """Questions are separated by blank lines; yields [(line number, line), ...]."""
    block: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            block.append((number, line))
        elif block:
            yield block
            block = []
    if block:
        yield block


class _GiftQuestion:
    def __init__(self, line: int, text: str):
        self.line = line
        self.text = text
        self.format: str | None = None
        self.problems: list[ImportProblem] = []
        self.notices: list[ImportProblem] = []

    def _message(self, message: str, **values) -> ImportProblem:
        return ImportProblem(self.line, message % {"line": self.line, **values})

    def problem(self, message: str, **values) -> None:
        problem = self._message(message, **values)
        if problem not in self.problems:
            self.problems.append(problem)

    def notice(self, message: str, **values) -> None:
        notice = self._message(message, **values)
        if notice not in self.notices:
            self.notices.append(notice)

    def text_of(self, raw: str) -> str:
        fmt, body = _take_format(raw)
        if (fmt or self.format) == "html":
            body = _html_to_text(body)
        return _tidy(_restore(body))

    # The whole question.

    def parse(self) -> tuple[str, dict] | None:
        text = self.text
        title = ""
        match = _TITLE_RE.match(text)
        if match:
            title = _tidy(_restore(match.group(1)))
            text = text[match.end() :]
        if _CLOZE_RE.search(text):
            self.problem(
                _("Line %(line)d: questions with embedded answers (cloze) cannot be imported.")
            )
            return None
        braces = [(index, char) for index, char in enumerate(text) if char in "{}"]
        if not braces:
            self.problem(
                _(
                    "Line %(line)d: this text has no answers in braces; descriptions cannot "
                    "be imported."
                )
            )
            return None
        sequence = "".join(char for _index, char in braces)
        if len(sequence) % 2 or sequence != "{}" * (len(sequence) // 2):
            self.problem(
                _(
                    "Line %(line)d: the braces { and } do not match; write a literal brace "
                    "as \\{ or \\}."
                )
            )
            return None
        if len(braces) > 2:
            self.problem(_("Line %(line)d: a question can have only one set of answers in braces."))
            return None
        start, end = braces[0][0], braces[1][0]
        self.format, before = _take_format(text[:start])
        prompt = self.text_of(_missing_word(before, text[end + 1 :]))
        answers, _sep, general = text[start + 1 : end].partition("####")
        if not answers.strip():
            self.problem(_("Line %(line)d: essay questions cannot be imported."))
            return None
        if not prompt:
            self.problem(_("Line %(line)d: the question text is empty."))
        parsed = self.answers(answers.strip())
        if parsed is None or self.problems:
            return None
        block_type, value = parsed
        return block_type, {
            "title": title,
            "prompt": prompt,
            **value,
            "general_feedback": self.text_of(general),
            "points": 1,
        }

    def answers(self, body: str) -> tuple[str, dict] | None:
        if body.startswith("#"):
            return self.numerical(body[1:])
        head = body.split("#", 1)[0]
        if re.sub(r"\s+", "", head).upper() in _TRUE_FALSE:
            return self.true_false(body)
        lead, answers = _split_answers(body)
        markers = {marker for marker, _body in answers}
        if "~" in markers:
            return self.choice(lead, answers)
        if "=" in markers and "->" in body:
            return self.matching(lead, answers)
        return self.short_answer(lead, answers)

    # One answer: "%weight%text#feedback".

    def weighted(self, body: str) -> tuple[float | None, str, str]:
        weight = None
        match = _WEIGHT_RE.match(body)
        if match:
            raw = _restore(match.group(1)).strip()
            body = body[match.end() :]
            if not _NUMBER_RE.fullmatch(raw):
                self.problem(
                    _("Line %(line)d: the answer weight “%(weight)s” is not a number."), weight=raw
                )
            else:
                weight = float(raw)
                if not -100 <= weight <= 100:
                    self.problem(
                        _(
                            "Line %(line)d: the answer weight %(weight)s%% is not between "
                            "-100%% and 100%%."
                        ),
                        weight=raw,
                    )
        text, _sep, feedback = body.partition("#")
        return weight, text, feedback

    def no_lead(self, lead: str) -> None:
        if lead.strip():
            self.problem(
                _("Line %(line)d: “%(text)s” is not an answer; answers start with = or ~."),
                text=self.text_of(lead),
            )

    # Question types.

    def true_false(self, body: str) -> tuple[str, dict]:
        head, *feedbacks = body.split("#", 2)
        correct = _TRUE_FALSE[re.sub(r"\s+", "", head).upper()]
        # Moodle shows the first feedback after a wrong answer, the second after a right one.
        wrong = self.text_of(feedbacks[0]) if feedbacks else ""
        right = self.text_of(feedbacks[1]) if len(feedbacks) > 1 else ""
        return "true_false", {
            "correct": correct,
            "feedback_true": right if correct else wrong,
            "feedback_false": wrong if correct else right,
        }

    def choice(self, lead: str, answers: list[tuple[str, str]]) -> tuple[str, dict] | None:
        known = len(self.problems)
        self.no_lead(lead)
        options = []
        for marker, body in answers:
            weight, text, feedback = self.weighted(body)
            text = self.text_of(text)
            if not text:
                self.problem(_("Line %(line)d: an answer is empty."))
            options.append((marker, weight, text, self.text_of(feedback)))
        if len(options) < 2:
            self.problem(_("Line %(line)d: a choice question needs at least two answers."))
        if len(self.problems) > known:
            return None
        right = sum(marker == "=" for marker, *_rest in options)
        if right == 1:
            if any(
                weight is not None and weight != (100 if marker == "=" else 0)
                for marker, weight, *_rest in options
            ):
                self.notice(
                    _(
                        "Line %(line)d: partial credit was ignored; only the answer marked = "
                        "counts as correct."
                    )
                )
            return "single_choice", {
                "options": [
                    {"text": text, "correct": marker == "=", "weight": None, "feedback": feedback}
                    for marker, _weight, text, feedback in options
                ]
            }
        if right > 1:
            self.problem(
                _(
                    "Line %(line)d: only one answer can be marked = ; give several correct "
                    "answers weights such as ~%%50%%."
                )
            )
            return None
        weights = [weight or 0.0 for _marker, weight, *_rest in options]
        total = sum(weight for weight in weights if weight > 0)
        if total <= 0:
            self.problem(_("Line %(line)d: this choice question has no correct answer."))
            return None
        if abs(total - 100) > 1:
            self.problem(
                _(
                    "Line %(line)d: the weights of the correct answers add up to "
                    "%(total)s%%, not 100%%."
                ),
                total=_format_number(total),
            )
            return None
        return "multiple_response", {
            "options": [
                {
                    "text": text,
                    "correct": weight > 0,
                    "weight": _round_half_away(weight),
                    "feedback": feedback,
                }
                for weight, (_marker, _weight, text, feedback) in zip(weights, options, strict=True)
            ]
        }

    def matching(self, lead: str, answers: list[tuple[str, str]]) -> tuple[str, dict] | None:
        self.no_lead(lead)
        pairs = []
        for _marker, body in answers:
            left, arrow, right = body.partition("->")
            if not arrow:
                self.problem(_("Line %(line)d: every matching pair needs the form =left -> right."))
                continue
            right, hash_sign, _feedback = right.partition("#")
            if hash_sign:
                self.notice(_("Line %(line)d: feedback on matching pairs was ignored."))
            left, right = self.text_of(left), self.text_of(right)
            if not left or not right:
                self.problem(_("Line %(line)d: a matching pair has an empty side."))
                continue
            pairs.append({"left": left, "right": right})
        if len(answers) < 2:
            self.problem(_("Line %(line)d: a matching question needs at least two pairs."))
            return None
        return "matching", {"pairs": pairs}

    def partial_left_out(self) -> None:
        self.notice(
            _(
                "Line %(line)d: answers with partial or no credit were left out; only fully "
                "correct answers are imported."
            )
        )

    def short_answer(self, lead: str, answers: list[tuple[str, str]]) -> tuple[str, dict] | None:
        if lead.strip():  # Moodle accepts "{answer}" without "=".
            answers = [("=", lead), *answers]
        known = len(self.problems)
        kept = []
        for _marker, body in answers:
            weight, text, feedback = self.weighted(body)
            text = self.text_of(text)
            if not text:
                self.problem(_("Line %(line)d: an answer is empty."))
            elif weight is not None and weight != 100:
                self.partial_left_out()
            else:
                kept.append({"text": text, "feedback": self.text_of(feedback)})
        if not kept and len(self.problems) == known:
            self.problem(_("Line %(line)d: the question has no fully correct answer."))
            return None
        return "short_answer", {"answers": kept}

    def numerical(self, body: str) -> tuple[str, dict] | None:
        known = len(self.problems)
        if "=" in body or "~" in body:
            lead, answers = _split_answers(body)
            self.no_lead(lead)
        else:
            answers = [("=", body)]
        kept = []
        for marker, answer in answers:
            weight, spec, feedback = self.weighted(answer)
            number = self.number(_restore(spec).strip())
            if number is None:
                continue
            if marker == "~" or (weight is not None and weight != 100):
                self.partial_left_out()
                continue
            value, tolerance = number
            kept.append(
                {"value": value, "tolerance": tolerance, "feedback": self.text_of(feedback)}
            )
        if not kept and len(self.problems) == known:
            self.problem(_("Line %(line)d: the question has no fully correct answer."))
            return None
        return "numerical", {"answers": kept}

    def number(self, spec: str) -> tuple[float, float] | None:
        """(value, tolerance) from "3.14", "3.14:0.01" or "1..5"."""
        if match := _RANGE_RE.fullmatch(spec):
            low, high = float(match.group(1)), float(match.group(2))
            if low > high:
                self.problem(
                    _("Line %(line)d: in the range “%(answer)s” the minimum is above the maximum."),
                    answer=spec,
                )
                return None
            return (low + high) / 2, (high - low) / 2
        if match := _TOLERANCE_RE.fullmatch(spec):
            value, tolerance = float(match.group(1)), float(match.group(2))
            if tolerance < 0:
                self.problem(
                    _("Line %(line)d: the tolerance in “%(answer)s” is negative."), answer=spec
                )
                return None
            return value, tolerance
        if _NUMBER_RE.fullmatch(spec.strip()):
            return float(spec), 0.0
        self.problem(
            _("Line %(line)d: the numerical answer “%(answer)s” is not a number."), answer=spec
        )
        return None


def parse_gift(text: str) -> ImportResult:
    """Questions of a GIFT file; raises QuizImportError listing every problem."""
    out = _Collector()
    for block in _gift_blocks(_protect_escapes(_normalise(text))):
        lines = []
        for number, line in block:
            stripped = line.strip()
            if stripped.startswith("//"):
                continue
            if stripped.startswith("$CATEGORY:"):
                category = _restore(stripped.removeprefix("$CATEGORY:")).strip()
                out.notices.append(
                    ImportProblem(
                        number,
                        _("Line %(line)d: the category “%(category)s” was ignored.")
                        % {"line": number, "category": category},
                    )
                )
                continue
            lines.append((number, line))
        if not lines:
            continue
        question = _GiftQuestion(lines[0][0], "\n".join(line for _number, line in lines))
        parsed = question.parse()
        out.problems.extend(question.problems)
        out.notices.extend(question.notices)
        if parsed is not None:
            out.questions.append(parsed)
    return out.result()


# --- Aiken ---------------------------------------------------------------------------------

_AIKEN_OPTION_RE = re.compile(r"([A-Z])[.)]\s+(\S.*)")
_AIKEN_ANSWER_RE = re.compile(r"ANSWER\s*:\s*(.*)")
_LOOKS_LIKE_AIKEN_RE = re.compile(r"^[ \t]*ANSWER[ \t]*:", re.MULTILINE)


@dataclass
class _AikenQuestion:
    line: int
    text: list[str]
    options: list[tuple[int, str, str]]  # (line, letter, text)


def _finish_aiken(
    question: _AikenQuestion, answer: tuple[int, str] | None, out: _Collector
) -> None:
    problems = []
    expected = "A"
    for line, letter, _text in question.options:
        if letter != expected:
            problems.append(
                ImportProblem(
                    line,
                    _("Line %(line)d: option %(found)s is out of order; expected %(expected)s.")
                    % {"line": line, "found": letter, "expected": expected},
                )
            )
        expected = chr(ord(letter) + 1)
    if len(question.options) < 2:
        problems.append(
            ImportProblem(
                question.line,
                _("Line %(line)d: the question needs at least two options.")
                % {"line": question.line},
            )
        )
    letters = [letter for _line, letter, _text in question.options]
    if answer is None:
        problems.append(
            ImportProblem(
                question.line,
                _("Line %(line)d: the question has no ANSWER line.") % {"line": question.line},
            )
        )
    else:
        line, value = answer
        if not re.fullmatch(r"[A-Z]", value):
            problems.append(
                ImportProblem(
                    line,
                    _("Line %(line)d: ANSWER must be a single option letter, not “%(answer)s”.")
                    % {"line": line, "answer": value},
                )
            )
        elif value not in letters:
            problems.append(
                ImportProblem(
                    line,
                    _("Line %(line)d: ANSWER %(letter)s does not match any of the options.")
                    % {"line": line, "letter": value},
                )
            )
    if problems:
        out.problems.extend(problems)
        return
    out.questions.append(
        (
            "single_choice",
            {
                "title": "",
                "prompt": "\n".join(question.text),
                "options": [
                    {"text": text, "correct": letter == answer[1], "weight": None, "feedback": ""}
                    for _line, letter, text in question.options
                ],
                "general_feedback": "",
                "points": 1,
            },
        )
    )


def parse_aiken(text: str) -> ImportResult:
    """Questions of an Aiken file; raises QuizImportError listing every problem.

    A question is its text (one or more lines), options "A." or "A)" and "ANSWER: A". A line
    that is neither option nor answer after the options starts the next question.
    """
    out = _Collector()
    question: _AikenQuestion | None = None
    for number, raw in enumerate(_normalise(text).split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        if match := _AIKEN_ANSWER_RE.fullmatch(line):
            if question is None:
                out.problems.append(
                    ImportProblem(
                        number,
                        _("Line %(line)d: ANSWER line without a question.") % {"line": number},
                    )
                )
            else:
                _finish_aiken(question, (number, match.group(1).strip()), out)
                question = None
            continue
        option = _AIKEN_OPTION_RE.fullmatch(line)
        if question is not None and option:
            question.options.append((number, option.group(1), option.group(2).strip()))
            continue
        if question is not None and question.options:
            _finish_aiken(question, None, out)
            question = None
        if question is None:
            question = _AikenQuestion(line=number, text=[], options=[])
        question.text.append(line)
    if question is not None:
        _finish_aiken(question, None, out)
    return out.result()


# --- Either --------------------------------------------------------------------------------


def parse_quiz_file(filename: str, text: str) -> ImportResult:
    """ ".gift" is GIFT; ".txt" is Aiken when it has an "ANSWER:" line, else GIFT."""
    extension = os.path.splitext(filename)[1].lower()
    if extension == ".gift":
        return parse_gift(text)
    if extension == ".txt":
        if _LOOKS_LIKE_AIKEN_RE.search(_normalise(text)):
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
