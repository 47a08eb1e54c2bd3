"""Moodle's GIFT format (the subset the package docstring lists)."""

import html
import math
import re

from django.utils.translation import gettext as _

from .common import (
    BLANK,
    MAX_ANSWERS,
    MAX_CATEGORY_NOTICES,
    NUMBER,
    NUMBER_RE,
    SPACE_RE,
    Collector,
    ImportProblem,
    ImportResult,
    format_number,
    normalise,
    round_half_away,
    tidy,
)

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
# Possessive quantifiers: without them "{" followed by a long run of spaces backtracks
# quadratically between the two \s*. The classes next to each other do not overlap, so giving
# up backtracking matches exactly the same texts.
_CLOZE_RE = re.compile(r"\{\s*+\d*+\s*+:\s*+[A-Za-z_]++\s*+:")
_WEIGHT_RE = re.compile(r"\s*%([^%]*)%")
_RANGE_RE = re.compile(rf"\s*({NUMBER})\s*\.\.\s*({NUMBER})\s*")
_TOLERANCE_RE = re.compile(rf"\s*({NUMBER})\s*:\s*({NUMBER})\s*")
_ANSWER_MARK_RE = re.compile(r"([=~])")
_BRACE_RE = re.compile(r"[{}]")
_HTML_BREAK_RE = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6])\s*>", re.IGNORECASE)
# A tag cannot contain "<"; stopping there keeps a long run of "<" linear instead of scanning
# to the end of the text from every one of them.
_HTML_TAG_RE = re.compile(r"<[^<>]*+>")
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
    text = _HTML_BREAK_RE.sub("\n", text)
    text = _HTML_TAG_RE.sub("", text)
    return html.unescape(text)


def _split_answers(body: str) -> tuple[str, list[tuple[str, str]]]:
    """Text before the first = or ~, and (marker, body) for every answer."""
    parts = _ANSWER_MARK_RE.split(body)
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


def _category_notice(line: int, stripped: str) -> ImportProblem:
    category = _restore(stripped.removeprefix("$CATEGORY:")).strip()
    return ImportProblem(
        line,
        _("Line %(line)d: the category “%(category)s” was ignored.")
        % {"line": line, "category": category},
    )


def _gift_questions(text: str, notices: list[ImportProblem]):
    """Yields (first line number, text) of every question; questions are separated by blank
    lines. Comment lines are left out and $CATEGORY lines become notices.

    One pass over the lines, because a file can have half a million of them.
    """
    lines: list[str] = []
    first = categories = 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            if lines:
                yield first, "\n".join(lines)
                lines = []
        elif stripped.startswith("//"):
            continue
        elif stripped.startswith("$CATEGORY:"):
            categories += 1
            # Counted before the notice is made: a crafted file can hold 80,000 such lines.
            if categories <= MAX_CATEGORY_NOTICES:
                notices.append(_category_notice(number, stripped))
        else:
            if not lines:
                first = number
            lines.append(line)
    if lines:
        yield first, "\n".join(lines)


class _GiftQuestion:
    def __init__(self, line: int, text: str):
        self.line = line
        self.text = text
        self.format: str | None = None
        # Keyed by message: a problem repeated within a question is reported once, and checking
        # for it does not rescan a list that a crafted question can fill.
        self.problems: dict[str, ImportProblem] = {}
        self.notices: dict[str, ImportProblem] = {}

    def _message(self, message: str, **values) -> ImportProblem:
        return ImportProblem(self.line, message % {"line": self.line, **values})

    def problem(self, message: str, **values) -> None:
        problem = self._message(message, **values)
        self.problems.setdefault(problem.message, problem)

    def notice(self, message: str, **values) -> None:
        notice = self._message(message, **values)
        self.notices.setdefault(notice.message, notice)

    def finite(self, raw: str) -> float | None:
        """The number written in raw (which matches NUMBER), or None and a problem if it is
        too large for a float: infinity cannot be stored as JSON, so every publish would fail."""
        number = float(raw)
        if math.isfinite(number):
            return number
        self.problem(_("Line %(line)d: the number “%(number)s” is too large."), number=raw)
        return None

    def text_of(self, raw: str) -> str:
        if not raw or raw.isspace():  # most feedback; saves work per answer
            return ""
        fmt, body = _take_format(raw)
        if (fmt or self.format) == "html":
            body = _html_to_text(body)
        return tidy(_restore(body))

    # The whole question.

    def parse(self) -> tuple[str, dict] | None:
        text = self.text
        title = ""
        match = _TITLE_RE.match(text)
        if match:
            title = tidy(_restore(match.group(1)))
            text = text[match.end() :]
        if _CLOZE_RE.search(text):
            self.problem(
                _("Line %(line)d: questions with embedded answers (cloze) cannot be imported.")
            )
            return None
        braces = "".join(_BRACE_RE.findall(text))
        if not braces:
            self.problem(
                _(
                    "Line %(line)d: this text has no answers in braces; descriptions cannot "
                    "be imported."
                )
            )
            return None
        if len(braces) % 2 or braces != "{}" * (len(braces) // 2):
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
        start, end = text.index("{"), text.index("}")
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
        # Counted before splitting, so that a crafted question costs no work per answer.
        if body.count("=") + body.count("~") > MAX_ANSWERS:
            self.problem(
                _("Line %(line)d: a question can have at most %(count)d answers."),
                count=MAX_ANSWERS,
            )
            return None
        if body.startswith("#"):
            return self.numerical(body[1:])
        head = body.split("#", 1)[0]
        if SPACE_RE.sub("", head).upper() in _TRUE_FALSE:
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
            if not NUMBER_RE.fullmatch(raw):
                self.problem(
                    _("Line %(line)d: the answer weight “%(weight)s” is not a number."), weight=raw
                )
            else:
                weight = self.finite(raw)
                if weight is not None and not -100 <= weight <= 100:
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
        correct = _TRUE_FALSE[SPACE_RE.sub("", head).upper()]
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
                total=format_number(total),
            )
            return None
        return "multiple_response", {
            "options": [
                {
                    "text": text,
                    "correct": weight > 0,
                    "weight": round_half_away(weight),
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
            low, high = self.finite(match.group(1)), self.finite(match.group(2))
            if low is None or high is None:
                return None
            if low > high:
                self.problem(
                    _("Line %(line)d: in the range “%(answer)s” the minimum is above the maximum."),
                    answer=spec,
                )
                return None
            # Halving first: the sum or difference of two large finite bounds can overflow.
            return low / 2 + high / 2, high / 2 - low / 2
        if match := _TOLERANCE_RE.fullmatch(spec):
            value, tolerance = self.finite(match.group(1)), self.finite(match.group(2))
            if value is None or tolerance is None:
                return None
            if tolerance < 0:
                self.problem(
                    _("Line %(line)d: the tolerance in “%(answer)s” is negative."), answer=spec
                )
                return None
            return value, tolerance
        if NUMBER_RE.fullmatch(spec.strip()):
            value = self.finite(spec.strip())
            return None if value is None else (value, 0.0)
        self.problem(
            _("Line %(line)d: the numerical answer “%(answer)s” is not a number."), answer=spec
        )
        return None


def parse_gift(text: str) -> ImportResult:
    """Questions of a GIFT file; raises QuizImportError listing every problem."""
    out = Collector()
    for line, question_text in _gift_questions(_protect_escapes(normalise(text)), out.notices):
        if out.should_stop_before_question(line):
            break
        question = _GiftQuestion(line, question_text)
        parsed = question.parse()
        out.problems.extend(question.problems.values())
        out.notices.extend(question.notices.values())
        if parsed is not None:
            out.questions.append(parsed)
    return out.result()
