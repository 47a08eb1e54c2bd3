"""The lexical side of GIFT, shared by the reader (gift.py) and the writer
(courses.quizzes.exporting): escapes, format markers, HTML text, where the answers
of a missing-word question stood, and how a file splits into questions."""

import html
import re

from django.utils.translation import gettext as _

from .common import BLANK, MAX_CATEGORY_NOTICES, ImportProblem

# The characters a backslash escapes ("\n" is a line break). While the structure is parsed an
# escaped one is replaced by a private-use character, so that it never counts as syntax, and
# restored in the final text.
ESCAPABLE = "~=#{}:\\"
_ESCAPES = ESCAPABLE + "n"
_PLACEHOLDER = {char: chr(0xE000 + index) for index, char in enumerate(_ESCAPES)}
_RESTORE = str.maketrans(
    {held: ("\n" if char == "n" else char) for char, held in _PLACEHOLDER.items()}
)
_ESCAPE_RE = re.compile(r"\\([~=#{}:\\n])")
TITLE_RE = re.compile(r"\s*::(.*?)::", re.DOTALL)
FORMAT_RE = re.compile(r"\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_ANSWER_MARK_RE = re.compile(r"([=~])")
_HTML_BREAK_RE = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6])\s*>", re.IGNORECASE)
# A tag cannot contain "<"; stopping there keeps a long run of "<" linear instead of scanning
# to the end of the text from every one of them.
_HTML_TAG_RE = re.compile(r"<[^<>]*+>")


def protect_escapes(text: str) -> str:
    return _ESCAPE_RE.sub(lambda match: _PLACEHOLDER[match.group(1)], text)


def restore(text: str) -> str:
    return text.translate(_RESTORE)


def take_format(raw: str) -> tuple[str | None, str]:
    match = FORMAT_RE.match(raw)
    if match:
        return match.group(1).lower(), raw[match.end() :]
    return None, raw


def html_to_text(text: str) -> str:
    text = _HTML_BREAK_RE.sub("\n", text)
    text = _HTML_TAG_RE.sub("", text)
    return html.unescape(text)


def split_answers(body: str) -> tuple[str, list[tuple[str, str]]]:
    """Text before the first = or ~, and (marker, body) for every answer."""
    parts = _ANSWER_MARK_RE.split(body)
    return parts[0], list(zip(parts[1::2], parts[2::2], strict=True))


def missing_word(before: str, after: str) -> str:
    """The question text around the answers: a blank where they stood, unless only
    whitespace follows them (as in Moodle, punctuation after them keeps the blank)."""
    before = before.rstrip()
    after = after.rstrip()
    if not after.strip():
        return before
    prompt = (before + " " if before else "") + BLANK
    if after[0].isspace():
        return prompt + " " + after.lstrip()
    return prompt + after


def _category_notice(line: int, stripped: str) -> ImportProblem:
    category = restore(stripped.removeprefix("$CATEGORY:")).strip()
    return ImportProblem(
        line,
        _("Line %(line)d: the category “%(category)s” was ignored.")
        % {"line": line, "category": category},
    )


def gift_questions(text: str, notices: list[ImportProblem]):
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
