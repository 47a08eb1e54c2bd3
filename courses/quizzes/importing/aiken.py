"""The Aiken format: a question, lettered options and an ANSWER: line."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .common import Collector, ImportProblem, ImportResult, normalise

# --- Aiken ---------------------------------------------------------------------------------

_AIKEN_OPTION_RE = re.compile(r"([A-Z])[.)]\s+(\S.*)")
_AIKEN_ANSWER_RE = re.compile(r"ANSWER\s*:\s*(.*)")
LOOKS_LIKE_AIKEN_RE = re.compile(r"^[ \t]*ANSWER[ \t]*:", re.MULTILINE)


@dataclass
class _AikenQuestion:
    line: int
    text: list[str]
    options: list[tuple[int, str, str]]  # (line, letter, text)


def _finish_aiken(question: _AikenQuestion, answer: tuple[int, str] | None, out: Collector) -> None:
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
            break  # once the lettering is off, every later option would be reported too
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
    out = Collector()
    question: _AikenQuestion | None = None
    for number, raw in enumerate(normalise(text).split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        if out.should_stop(number):
            return out.result()
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
            if out.should_stop_before_question(number):
                return out.result()
            question = _AikenQuestion(line=number, text=[], options=[])
        question.text.append(line)
    if question is not None:
        _finish_aiken(question, None, out)
    return out.result()
