"""Writing quiz questions as Moodle's GIFT: the reverse of importing/gift.py.

Every question becomes one GIFT question that our importer and Moodle's read back as the
same question: its title, text, options with their feedback and weights, tolerances and
general feedback. Texts are escaped (``~ = # { } :`` and the backslash) and line breaks
written as ``\\n``, so a question never spans a blank line. What GIFT cannot hold is written
as ``//`` comment lines, which every GIFT reader skips: a question type GIFT does not have
(ordering), a question GIFT would read as something else, and a question's points.
"""

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ...grading import choice_weights
from ..importing.gift_syntax import ESCAPABLE, FORMAT_RE

_ESCAPE = str.maketrans({char: "\\" + char for char in ESCAPABLE} | {"\n": "\\n", "\r": ""})


@dataclass
class GiftExport:
    text: str
    # (1-based position, title or text) of each question written only as comment lines.
    commented: list[tuple[int, str]] = field(default_factory=list)


def _escaped(text: str) -> str:
    return text.translate(_ESCAPE)


def _text(text: str) -> str:
    """A piece of text as GIFT writes it. A text that begins like a format marker, or like
    a comment line, is marked as plain text so that it is read as written."""
    escaped = _escaped(text)
    if FORMAT_RE.match(text) or text.lstrip().startswith("//"):
        return "[plain]" + escaped
    return escaped


def _as_html(text: str) -> str:
    """A text holding "->" where GIFT would read it as a matching pair: written as HTML,
    where ">" is "&gt;", which both readers turn back into the same text."""
    return "[html]" + _escaped(html.escape(text, quote=False))


def _feedback(text: str | None, *, arrow_safe: bool = False) -> str:
    if not text:
        return ""
    return "#" + (_as_html(text) if arrow_safe and "->" in text else _text(text))


def _percent(weight: float) -> str:
    return f"{weight:.5f}".rstrip("0").rstrip(".")


def _answer(marker: str, text: str, feedback: str = "", weight: float | None = None) -> str:
    """One answer line. A text that begins with "%" would be read as a weight: then the
    weight is written out."""
    if weight is None and text.lstrip().startswith("%"):
        weight = 100 if marker == "=" else 0
    weight_part = "" if weight is None else f"%{_percent(weight)}%"
    return f"\t{marker}{weight_part}{_text(text)}{feedback}"


def _number(number: float) -> str:
    return repr(float(number))  # the shortest text that reads back as the same float


def _single_choice(value: Mapping, reasons: list[str]) -> list[str]:
    options = value["options"]
    right = sum(1 for option in options if option["correct"])
    if right == len(options):
        reasons.append(_("every option is right, and GIFT needs a wrong one (~)."))
    elif not right:
        reasons.append(_("no option is right."))
    return [
        _answer("=" if option["correct"] else "~", option["text"], _feedback(option["feedback"]))
        for option in options
    ]


def _multiple_response(value: Mapping, reasons: list[str]) -> list[str]:
    options = value["options"]
    # The weights grading uses, written out: Moodle then grades the same way.
    weights = [100 * weight for weight in choice_weights(options)]
    total = sum(weight for weight in weights if weight > 0)
    if total <= 0:
        reasons.append(_("no option is right."))
    elif abs(total - 100) > 1:
        reasons.append(
            _("the weights of the right options add up to %(total)s%%, not 100%%.")
            % {"total": _percent(total)}
        )
    return [
        _answer("~", option["text"], _feedback(option["feedback"]), weight or None)
        for option, weight in zip(options, weights, strict=True)
    ]


def _true_false(value: Mapping) -> str:
    right, wrong = (
        (value["feedback_true"], value["feedback_false"])
        if value["correct"]
        else (value["feedback_false"], value["feedback_true"])
    )
    # Moodle's order: the feedback for a wrong answer first, then for a right one.
    feedback = ""
    if wrong or right:
        feedback = "#" + (_text(wrong) if wrong else "")
    if right:
        feedback += "#" + _text(right)
    return ("TRUE" if value["correct"] else "FALSE") + feedback


def _matching(value: Mapping, reasons: list[str]) -> list[str]:
    lines = []
    for pair in value["pairs"]:
        # The first "->" ends the item: an item holding one is written as HTML.
        left = _as_html(pair["left"]) if "->" in pair["left"] else _text(pair["left"])
        lines.append(f"\t={left} -> {_text(pair['right'])}")
    # An extra choice is a pair without an item, as in Moodle.
    lines.extend(f"\t= -> {_text(text)}" for text in value.get("distractors") or [])
    return lines


def _short_answer(value: Mapping, reasons: list[str]) -> list[str]:
    lines = []
    for answer in value["answers"]:
        if "->" in answer["text"]:
            reasons.append(_("an accepted answer holds “->”, which GIFT reads as a matching pair."))
        # Moodle reads * in an accepted answer as "any characters"; \* is a star.
        text = _answer("=", answer["text"]).replace("*", "\\*")
        lines.append(text + _feedback(answer["feedback"], arrow_safe=True))
    if value.get("feedback_other"):
        lines.append("\t=%0%*" + _feedback(value["feedback_other"], arrow_safe=True))
    return lines


def _numerical(value: Mapping, reasons: list[str]) -> list[str]:
    lines = [
        f"\t={_number(answer['value'])}:{_number(answer['tolerance'])}"
        + _feedback(answer["feedback"])
        for answer in value["answers"]
    ]
    if value.get("feedback_other"):
        lines.append("\t~" + _feedback(value["feedback_other"]))
    return lines


_ANSWER_LINES: dict[str, Callable[[Mapping, list[str]], list[str]]] = {
    "single_choice": _single_choice,
    "multiple_response": _multiple_response,
    "matching": _matching,
    "short_answer": _short_answer,
    "numerical": _numerical,
}


def _gift(block_type: str, value: Mapping, reasons: list[str]) -> str:
    """The question in GIFT, adding to reasons why a reader would not get it back."""
    head = f"::{_escaped(value['title'])}::" if value.get("title") else ""
    head += _text(value["prompt"])
    general = value.get("general_feedback")
    if block_type == "true_false":
        general_part = f"####{_text(general)}" if general else ""
        return f"{head} {{{_true_false(value)}{general_part}}}"
    lines = _ANSWER_LINES[block_type](value, reasons)
    if general:
        lines.append(f"\t####{_text(general)}")
    opening = "{#" if block_type == "numerical" else "{"
    return "\n".join([f"{head} {opening}", *lines, "}"])


def _ordering(value: Mapping) -> list[str]:
    """What an ordering question holds, to be read by a person."""
    lines = []
    if value.get("title"):
        lines.append(_("Title: %(title)s") % {"title": value["title"]})
    lines.append(_("Question: %(text)s") % {"text": value["prompt"]})
    lines.append(_("The items in the right order:"))
    lines.extend(f"{number}. {item}" for number, item in enumerate(value["items"], 1))
    if value.get("general_feedback"):
        lines.append(_("General feedback: %(feedback)s") % {"feedback": value["general_feedback"]})
    return lines


def _as_comment(lines: list[str]) -> str:
    return "\n".join("// " + line for text in lines for line in text.split("\n"))


def _question(block_type: str, value: Mapping) -> tuple[str, str]:
    """(text, reason): the question in GIFT and "", or as comment lines and why."""
    if block_type == "ordering":
        reason = _("GIFT has no ordering questions.")
        held = _ordering(value)
    else:
        reasons: list[str] = []
        text = _gift(block_type, value, reasons)
        if not reasons:
            return text, ""
        reason = reasons[0]
        held = [_("As GIFT it would read:"), text]
    lines = [_("Not exported as a question: %(reason)s") % {"reason": reason}, *held]
    return _as_comment(lines), reason


def export_gift(questions: Sequence[tuple[str, Mapping]], *, heading: str = "") -> GiftExport:
    """The questions, as (block type, plain value) pairs in quiz order, as a GIFT text."""
    parts = [_as_comment([heading])] if heading else []
    commented = []
    for position, (block_type, value) in enumerate(questions, start=1):
        text, reason = _question(block_type, value)
        if reason:
            commented.append((position, value.get("title") or value["prompt"]))
        points = value.get("points") or 1
        if points != 1:
            note = _("This question is worth %(points)d points; GIFT cannot hold points.")
            text = _as_comment([note % {"points": points}]) + "\n" + text
        parts.append(text)
    return GiftExport(text="\n\n".join(parts) + "\n", commented=commented)
