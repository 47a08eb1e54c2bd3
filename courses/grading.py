"""Grading of quiz questions: pure functions over a question block's value.

Three steps per question: `presentation` (what the browser may see: no right
answers, options in the attempt's order), `parse_answer` (turns posted fields
into a JSON-able answer, refusing anything out of range) and `grade` (a score
between 0 and 1 with the feedback that applies).

The browser never sees where an option, match or item stands in the question
as written (the right option is often the first, and an ordering question is
written in its right order). Each one is posted as an opaque token instead:
`tokens[i]` stands for option, item or choice `i` of a match (`match_choices`).
The caller makes the tokens, different for every attempt, and hands the same
list to `presentation` and `parse_answer`.
"""

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_TEXT = 500
MAX_POSITION_DIGITS = 4


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


def match_choices(value) -> list[str]:
    """The choices of a matching question's rows: the right side of every pair, then
    the extra choices that match no item (older questions have none)."""
    return [pair["right"] for pair in value["pairs"]] + list(value.get("distractors") or [])


def token_count(block_type: str, value) -> int:
    """How many tokens the question needs: one per option, choice of a match or item."""
    if block_type in ("single_choice", "multiple_response"):
        return len(value["options"])
    if block_type == "matching":
        return len(match_choices(value))
    if block_type == "ordering":
        return len(value["items"])
    return 0


def option_order(block_type: str, value, rng: random.Random, shuffle: bool) -> list[int]:
    """The order in which this attempt shows the options (choices, matches, items).

    Matches are always shuffled: shown in the order written, the n-th drop-down's
    answer would be its n-th choice."""
    if block_type in ("single_choice", "multiple_response"):
        count = len(value["options"])
    elif block_type == "matching":
        return _shuffled(len(match_choices(value)), rng)
    elif block_type == "ordering":
        order = _shuffled(len(value["items"]), rng)
        if order == sorted(order) and len(order) > 1:  # never show the answer
            order = order[1:] + order[:1]
        return order
    else:
        return []
    return _shuffled(count, rng) if shuffle else list(range(count))


def presentation(block_type: str, value, order: list[int], tokens: Sequence[str]) -> dict:
    """The question as the browser may see it: options in `order`, each posted as
    its token (see the module docstring), and nothing that tells the right answer."""
    shown = {"type": block_type, "title": value.get("title", ""), "prompt": value["prompt"]}
    if block_type in ("single_choice", "multiple_response"):
        shown["options"] = [(tokens[i], value["options"][i]["text"]) for i in order]
    elif block_type == "matching":
        shown["lefts"] = list(enumerate(pair["left"] for pair in value["pairs"]))
        choices = match_choices(value)
        shown["choices"] = [(tokens[i], choices[i]) for i in order]
    elif block_type == "ordering":
        shown["items"] = [(tokens[i], value["items"][i]) for i in order]
        shown["positions"] = list(range(1, len(order) + 1))
    return shown


def field_names(block_type: str, value, name: str, tokens: Sequence[str]) -> set[str]:
    """Every field name a form of this question can post."""
    if block_type == "matching":
        return {f"{name}-{i}" for i in range(len(value["pairs"]))}
    if block_type == "ordering":
        return {f"{name}-{token}" for token in tokens}
    return {name}


def _option(raw: str, tokens: Sequence[str]) -> int:
    try:
        return tokens.index(raw)
    except ValueError:
        raise InvalidAnswer(_("An answer refers to an option that does not exist.")) from None


def _position(raw: str, count: int) -> int:
    # Only ASCII digits: str.isdigit() also accepts "²" and "١", which int()
    # rejects or reads as another number, and a long string would make int() fail.
    if not (raw.isascii() and raw.isdigit() and len(raw) <= MAX_POSITION_DIGITS):
        raise InvalidAnswer(_("A position is outside the list."))
    if not 1 <= int(raw) <= count:
        raise InvalidAnswer(_("A position is outside the list."))
    return int(raw)


def _text(raw: str, block_type: str) -> str:
    if len(raw) > MAX_TEXT:
        raise InvalidAnswer(_("An answer is too long."))
    if "\x00" in raw:  # PostgreSQL cannot store it in a JSON value
        raise InvalidAnswer(_("An answer contains a character that is not allowed."))
    if block_type == "numerical" and any(ch.isnumeric() and not ch.isascii() for ch in raw):
        raise InvalidAnswer(_("Write numbers with the digits 0 to 9."))
    return raw.strip()


def parse_answer(block_type: str, value, data, name: str, tokens: Sequence[str]):
    """Read this question's fields from the posted `data`: `name` and, for
    matching, `name-<row>` and, for ordering, `name-<token>`. Raises
    InvalidAnswer for a token not in `tokens` or a value no form could post."""
    if block_type == "single_choice":
        raw = data.get(name, "")
        return None if raw == "" else _option(raw, tokens)
    if block_type == "multiple_response":
        return sorted({_option(raw, tokens) for raw in data.getlist(name)})
    if block_type == "true_false":
        raw = data.get(name, "")
        if raw not in ("", "true", "false"):
            raise InvalidAnswer(_("A true/false answer must be true or false."))
        return None if raw == "" else raw == "true"
    if block_type == "matching":
        return [
            None if (raw := data.get(f"{name}-{i}", "")) == "" else _option(raw, tokens)
            for i in range(len(value["pairs"]))
        ]
    if block_type == "ordering":
        count = len(value["items"])
        return [
            None if (raw := data.get(f"{name}-{token}", "")) == "" else _position(raw, count)
            for token in tokens
        ]
    if block_type in ("short_answer", "numerical"):
        return _text(data.get(name, ""), block_type)
    raise InvalidAnswer(_("Unknown question type."))


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _number(text: str) -> float | None:
    if not text.isascii():  # float() reads "١" and "３" too; parse_answer refuses them
        return None
    try:
        number = float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _format_number(number: float) -> str:
    return f"{number:g}"


def _other_feedback(value, answer) -> list[str]:
    """The feedback for an answer that matches none of the accepted ones; a question
    left blank was not answered, so it gets none."""
    if value.get("feedback_other") and (answer or "").strip():
        return [value["feedback_other"]]
    return []


def choice_weights(options) -> list[float]:
    """Each option's share of the points (-1..1). Explicit weights win; otherwise
    right options share 100% and each wrong pick subtracts the same share."""
    if any(option.get("weight") not in (None, "") for option in options):
        return [(option.get("weight") or 0) / 100 for option in options]
    right = sum(1 for option in options if option["correct"]) or 1
    return [(1 if option["correct"] else -1) / right for option in options]


def grade(block_type: str, value, answer) -> Grade:
    """Grade `answer` as `parse_answer` made it; None (nothing stored, as for an
    attempt handed in too late) grades as a question left blank."""
    general = [value["general_feedback"]] if value.get("general_feedback") else []
    if answer is None and block_type in ("multiple_response", "matching", "ordering"):
        answer = (
            [] if block_type == "multiple_response" else [None] * token_count(block_type, value)
        )
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
        pairs, choices = value["pairs"], match_choices(value)
        # By text: two items may share a match, and an extra choice is never an item's.
        hits = sum(
            1
            for i, chosen in enumerate(answer)
            if chosen is not None and choices[chosen] == pairs[i]["right"]
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
            return Grade(0.0, _other_feedback(value, answer) + general, right)
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
            return Grade(0.0, _other_feedback(value, answer) + general, right)
        return Grade(1.0, ([match["feedback"]] if match.get("feedback") else []) + general, right)
    raise ValueError(f"unknown question type {block_type}")
