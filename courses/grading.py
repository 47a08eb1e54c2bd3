"""Grading of quiz questions: pure functions over a question block's value.

Three steps per question: `presentation` (what the browser may see: no right
answers, options in the attempt's order), `parse_answer` (turns posted fields
into a JSON-able answer, refusing anything out of range) and `grade` (a score
between 0 and 1 with the feedback that applies).
"""

import math
import random
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_TEXT = 500


class InvalidAnswer(ValueError):
    """A posted answer that no form of this question could have produced."""


@dataclass
class Grade:
    fraction: float  # 0..1
    feedback: list[str] = field(default_factory=list)
    right_answer: str = ""

    @property
    def correct(self) -> bool:
        return math.isclose(self.fraction, 1.0)


def _shuffled(n: int, rng: random.Random) -> list[int]:
    order = list(range(n))
    rng.shuffle(order)
    return order


def option_order(block_type: str, value, rng: random.Random, shuffle: bool) -> list[int]:
    """The order in which this attempt shows the options (choices, matches, items)."""
    if block_type in ("single_choice", "multiple_response"):
        count = len(value["options"])
    elif block_type == "matching":
        count = len(value["pairs"])
    elif block_type == "ordering":
        order = _shuffled(len(value["items"]), rng)
        if order == sorted(order) and len(order) > 1:  # never show the answer
            order = order[1:] + order[:1]
        return order
    else:
        return []
    return _shuffled(count, rng) if shuffle else list(range(count))


def presentation(block_type: str, value, order: list[int]) -> dict:
    shown = {"type": block_type, "title": value.get("title", ""), "prompt": value["prompt"]}
    if block_type in ("single_choice", "multiple_response"):
        shown["options"] = [(i, value["options"][i]["text"]) for i in order]
    elif block_type == "matching":
        shown["lefts"] = list(enumerate(pair["left"] for pair in value["pairs"]))
        shown["choices"] = [(i, value["pairs"][i]["right"]) for i in order]
    elif block_type == "ordering":
        shown["items"] = [(i, value["items"][i]) for i in order]
        shown["positions"] = list(range(1, len(order) + 1))
    return shown


def _index(raw: str, count: int) -> int:
    if not raw.isdigit() or int(raw) >= count:
        raise InvalidAnswer(_("An answer refers to an option that does not exist."))
    return int(raw)


def parse_answer(block_type: str, value, data, name: str):
    """Read this question's fields (`name`, `name-<i>`) from the posted `data`."""
    if block_type == "single_choice":
        raw = data.get(name, "")
        return None if raw == "" else _index(raw, len(value["options"]))
    if block_type == "multiple_response":
        return sorted({_index(raw, len(value["options"])) for raw in data.getlist(name)})
    if block_type == "true_false":
        raw = data.get(name, "")
        if raw not in ("", "true", "false"):
            raise InvalidAnswer(_("A true/false answer must be true or false."))
        return None if raw == "" else raw == "true"
    if block_type == "matching":
        count = len(value["pairs"])
        return [
            None if (raw := data.get(f"{name}-{i}", "")) == "" else _index(raw, count)
            for i in range(count)
        ]
    if block_type == "ordering":
        count = len(value["items"])
        positions = []
        for i in range(count):
            raw = data.get(f"{name}-{i}", "")
            if raw and not (raw.isdigit() and 1 <= int(raw) <= count):
                raise InvalidAnswer(_("A position is outside the list."))
            positions.append(int(raw) if raw else None)
        return positions
    if block_type in ("short_answer", "numerical"):
        raw = data.get(name, "")
        if len(raw) > MAX_TEXT:
            raise InvalidAnswer(_("An answer is too long."))
        return raw.strip()
    raise InvalidAnswer(_("Unknown question type."))


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _number(text: str) -> float | None:
    try:
        number = float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _format_number(number: float) -> str:
    return f"{number:g}"


def choice_weights(options) -> list[float]:
    """Each option's share of the points (-1..1). Explicit weights win; otherwise
    right options share 100% and each wrong pick subtracts the same share."""
    if any(option.get("weight") not in (None, "") for option in options):
        return [(option.get("weight") or 0) / 100 for option in options]
    right = sum(1 for option in options if option["correct"]) or 1
    return [(1 if option["correct"] else -1) / right for option in options]


def grade(block_type: str, value, answer) -> Grade:
    general = [value["general_feedback"]] if value.get("general_feedback") else []
    if block_type == "single_choice":
        options = value["options"]
        right = next((o["text"] for o in options if o["correct"]), "")
        if answer is None:
            return Grade(0.0, general, right)
        chosen = options[answer]
        feedback = ([chosen["feedback"]] if chosen.get("feedback") else []) + general
        return Grade(1.0 if chosen["correct"] else 0.0, feedback, right)
    if block_type == "multiple_response":
        options = value["options"]
        weights = choice_weights(options)
        score = max(0.0, min(1.0, sum(weights[i] for i in answer)))
        feedback = [options[i]["feedback"] for i in answer if options[i].get("feedback")]
        right = "; ".join(o["text"] for o, w in zip(options, weights, strict=True) if w > 0)
        return Grade(round(score, 6), feedback + general, right)
    if block_type == "true_false":
        right = _("True") if value["correct"] else _("False")
        if answer is None:
            return Grade(0.0, general, right)
        said = value["feedback_true"] if answer else value["feedback_false"]
        return Grade(
            1.0 if answer == value["correct"] else 0.0, ([said] if said else []) + general, right
        )
    if block_type == "matching":
        pairs = value["pairs"]
        hits = sum(
            1
            for i, chosen in enumerate(answer)
            if chosen is not None and pairs[chosen]["right"] == pairs[i]["right"]
        )
        right = "; ".join(f"{p['left']} → {p['right']}" for p in pairs)
        return Grade(hits / len(pairs), general, right)
    if block_type == "ordering":
        items = value["items"]
        hits = sum(1 for i, position in enumerate(answer) if position == i + 1)
        return Grade(hits / len(items), general, " → ".join(items))
    if block_type == "short_answer":
        accepted = value["answers"]
        right = accepted[0]["text"] if accepted else ""
        match = next(
            (a for a in accepted if _normalise(a["text"]) == _normalise(answer or "")), None
        )
        if match is None:
            return Grade(0.0, general, right)
        return Grade(1.0, ([match["feedback"]] if match.get("feedback") else []) + general, right)
    if block_type == "numerical":
        accepted = value["answers"]
        right = " / ".join(
            _format_number(a["value"])
            + (f" ± {_format_number(a['tolerance'])}" if a["tolerance"] else "")
            for a in accepted
        )
        number = _number(answer or "")
        match = next(
            (
                a
                for a in accepted
                if number is not None and abs(number - a["value"]) <= a["tolerance"] + 1e-9
            ),
            None,
        )
        if match is None:
            return Grade(0.0, general, right)
        return Grade(1.0, ([match["feedback"]] if match.get("feedback") else []) + general, right)
    raise ValueError(f"unknown question type {block_type}")
