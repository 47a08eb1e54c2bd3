"""Moodle's GIFT format: the questions of a file (the forms the package docstring lists)."""

import math
import re

from django.utils.translation import gettext as _

from .common import (
    MAX_ANSWERS,
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
from .gift_syntax import (
    TITLE_RE,
    gift_questions,
    html_to_text,
    missing_word,
    protect_escapes,
    restore,
    split_answers,
    take_format,
)

# Possessive quantifiers: without them "{" followed by a long run of spaces backtracks
# quadratically between the two \s*. The classes next to each other do not overlap, so giving
# up backtracking matches exactly the same texts.
_CLOZE_RE = re.compile(r"\{\s*+\d*+\s*+:\s*+[A-Za-z_]++\s*+:")
_WEIGHT_RE = re.compile(r"\s*%([^%]*)%")
_RANGE_RE = re.compile(rf"\s*({NUMBER})\s*\.\.\s*({NUMBER})\s*")
_TOLERANCE_RE = re.compile(rf"\s*({NUMBER})\s*:\s*({NUMBER})\s*")
_BRACE_RE = re.compile(r"[{}]")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def _are_default_weights(weights: list[float]) -> bool:
    """Whether the weights are what a multiple response question without weights grades
    by (the right answers share 100%, each wrong one takes off one share), as the export
    writes it: then the question is stored without weights, as it was written."""
    share = 100 / sum(1 for weight in weights if weight > 0)
    return all(abs(weight - (share if weight > 0 else -share)) < 0.01 for weight in weights)


def _whole_percentages(weights: list[float]) -> list[int]:
    """Weights as whole percentages. The right answers keep their rounded total: Moodle
    writes a third as 33.33333, and three times 33 would never give full marks."""
    whole = [math.floor(weight) if weight > 0 else round_half_away(weight) for weight in weights]
    right = [index for index, weight in enumerate(weights) if weight > 0]
    missing = round_half_away(sum(weights[index] for index in right)) - sum(
        whole[index] for index in right
    )
    # The largest remainders get one more (the first of equal ones first).
    by_remainder = sorted(right, key=lambda index: whole[index] - weights[index])
    for index in by_remainder[:missing]:
        whole[index] += 1
    return whole


class _GiftQuestion:
    def __init__(self, line: int, text: str):
        self.line = line
        self.text = text
        self.format: str | None = None
        # Keyed by message: a problem repeated within a question is reported once, and checking
        # for it does not rescan a list that a crafted question can fill.
        self.problems: dict[str, ImportProblem] = {}
        self.notices: dict[str, ImportProblem] = {}
        # Feedback for an answer that matches none of the accepted ones ("*" or "~#…").
        self.feedback_other: str | None = None

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
        """A piece of text (answer, feedback) with its own format marker, if any."""
        if not raw or raw.isspace():  # most feedback; saves work per answer
            return ""
        fmt, body = take_format(raw)
        return self.converted(body, fmt or self.format)

    @staticmethod
    def converted(body: str, fmt: str | None) -> str:
        if fmt == "html":
            body = html_to_text(body)
        return tidy(restore(body))

    # The whole question.

    def parse(self) -> tuple[str, dict] | None:
        text = self.text
        title = ""
        match = TITLE_RE.match(text)
        if match:
            title = tidy(restore(match.group(1)))
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
        self.format, before = take_format(text[:start])
        # The marker was taken once: a question text that begins with "[html]" after a
        # "[plain]" marker is plain text.
        prompt = self.converted(missing_word(before, text[end + 1 :]), self.format)
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
        lead, answers = split_answers(body)
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
            raw = restore(match.group(1)).strip()
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
        if any(marker == "=" for marker, *_rest in options):
            # As in Moodle, every answer marked = is fully right and the learner picks one.
            if any(
                weight is not None and weight != (100 if marker == "=" else 0)
                for marker, weight, *_rest in options
            ):
                self.notice(
                    _(
                        "Line %(line)d: partial credit was ignored; only the answers marked = "
                        "count as correct."
                    )
                )
            return "single_choice", {
                "options": [
                    {"text": text, "correct": marker == "=", "weight": None, "feedback": feedback}
                    for marker, _weight, text, feedback in options
                ]
            }
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
        stored = None if _are_default_weights(weights) else _whole_percentages(weights)
        return "multiple_response", {
            "options": [
                {
                    "text": text,
                    "correct": weight > 0,
                    "weight": None if stored is None else stored[index],
                    "feedback": feedback,
                }
                for index, (weight, (_marker, _weight, text, feedback)) in enumerate(
                    zip(weights, options, strict=True)
                )
            ]
        }

    def matching(self, lead: str, answers: list[tuple[str, str]]) -> tuple[str, dict] | None:
        known = len(self.problems)
        self.no_lead(lead)
        pairs, distractors = [], []
        for _marker, body in answers:
            left, arrow, right = body.partition("->")
            if not arrow:
                self.problem(_("Line %(line)d: every matching pair needs the form =left -> right."))
                continue
            right, hash_sign, _feedback = right.partition("#")
            if hash_sign:
                self.notice(_("Line %(line)d: feedback on matching pairs was ignored."))
            left, right = self.text_of(left), self.text_of(right)
            if not right:
                self.problem(_("Line %(line)d: a matching pair has nothing after “->”."))
            elif left:
                pairs.append({"left": left, "right": right})
            else:  # "= -> Chat": a choice that matches no item, as in Moodle
                distractors.append(right)
        if len(pairs) < 2 and len(self.problems) == known:
            self.problem(_("Line %(line)d: a matching question needs at least two pairs."))
            return None
        # An extra choice the same as a match, or given twice, would only be shown twice.
        seen = {pair["right"] for pair in pairs}
        extra = []
        for text in distractors:
            if text not in seen:
                seen.add(text)
                extra.append(text)
        return "matching", {"pairs": pairs, "distractors": extra}

    def partial_left_out(self) -> None:
        self.notice(
            _(
                "Line %(line)d: answers with partial or no credit were left out; only fully "
                "correct answers are imported."
            )
        )

    def any_other_answer(self, weight: float | None, feedback: str) -> None:
        """The answer "*" that matches whatever else the learner writes: only its feedback
        can be kept, and only when it gives no full credit."""
        if weight is None or weight == 100:
            self.problem(
                _(
                    "Line %(line)d: the answer * would make every answer right; give it no "
                    "credit (=%%0%%*#feedback) to give feedback on other answers."
                )
            )
            return
        if self.feedback_other is not None:
            self.problem(
                _("Line %(line)d: a question can give feedback for any other answer only once.")
            )
            return
        if weight != 0:
            self.notice(
                _(
                    "Line %(line)d: the credit for any other answer (*) was ignored; its "
                    "feedback was kept."
                )
            )
        self.feedback_other = self.text_of(feedback)

    def short_answer(self, lead: str, answers: list[tuple[str, str]]) -> tuple[str, dict] | None:
        if lead.strip():  # Moodle accepts "{answer}" without "=".
            answers = [("=", lead), *answers]
        known = len(self.problems)
        kept = []
        for _marker, body in answers:
            weight, raw, feedback = self.weighted(body)
            if raw.strip() == "*":
                self.any_other_answer(weight, feedback)
                continue
            # Moodle reads * in a short answer as "any characters"; \* is a star.
            if "*" in raw.replace("\\*", ""):
                self.problem(
                    _(
                        "Line %(line)d: the answer “%(answer)s” holds the wildcard *, which "
                        "cannot be imported; write out every accepted answer."
                    ),
                    answer=self.text_of(raw),
                )
                continue
            text = self.text_of(raw.replace("\\*", "*"))
            if not text:
                self.problem(_("Line %(line)d: an answer is empty."))
            elif weight is not None and weight != 100:
                self.partial_left_out()
            else:
                kept.append({"text": text, "feedback": self.text_of(feedback)})
        if not kept and len(self.problems) == known:
            self.problem(_("Line %(line)d: the question has no fully correct answer."))
            return None
        return "short_answer", {"answers": kept, "feedback_other": self.feedback_other or ""}

    def numerical(self, body: str) -> tuple[str, dict] | None:
        known = len(self.problems)
        # As in Moodle, everything from the first ~ on is the feedback for any other answer.
        body, tilde, other = body.partition("~")
        lead, answers = split_answers(body)
        if lead.strip():  # "{#3:2}": the first answer needs no "="
            answers = [("=", lead), *answers]
        kept = []
        for _marker, answer in answers:
            weight, spec, feedback = self.weighted(answer)
            spec = restore(spec).strip()
            if spec == "*":
                self.any_other_answer(weight, feedback)
                continue
            number = self.number(spec)
            if number is None:
                continue
            if weight is not None and weight != 100:
                self.partial_left_out()
                continue
            value, tolerance = number
            kept.append(
                {"value": value, "tolerance": tolerance, "feedback": self.text_of(feedback)}
            )
        if tilde:
            head, _sep, feedback = other.partition("#")
            if head.strip() not in ("", "*"):
                self.problem(
                    _(
                        "Line %(line)d: in a numerical question ~ starts the feedback for any "
                        "other answer and takes no value; write ~#feedback."
                    )
                )
            else:
                self.any_other_answer(0, feedback)
        if not kept and len(self.problems) == known:
            self.problem(_("Line %(line)d: the question has no fully correct answer."))
            return None
        return "numerical", {"answers": kept, "feedback_other": self.feedback_other or ""}

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
    for line, question_text in gift_questions(protect_escapes(normalise(text)), out.notices):
        if out.should_stop_before_question(line):
            break
        question = _GiftQuestion(line, question_text)
        parsed = question.parse()
        out.problems.extend(question.problems.values())
        out.notices.extend(question.notices.values())
        if parsed is not None:
            out.questions.append(parsed)
    return out.result()
