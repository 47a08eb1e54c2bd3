"""Write a quiz's questions as a GIFT file (Moodle), the format the import reads.

`export_gift` is pure: (block type, value) pairs in, text out. `export_quiz` feeds it the
questions of a quiz as its newest revision has them, a draft included: what an editor
sees in the page editor is what the file holds.
"""

from django.utils.text import slugify
from django.utils.translation import gettext as _

from ...models import QuizPage
from ...models.quizzes import plain
from .gift import GiftExport, export_gift

__all__ = ["GiftExport", "export_filename", "export_gift", "export_quiz"]


def export_quiz(quiz: QuizPage) -> GiftExport:
    latest = quiz.get_latest_revision_as_object()
    heading = _("Questions of the quiz “%(title)s”, in Moodle's GIFT format (UTF-8).") % {
        "title": latest.title
    }
    return export_gift(
        [(block.block_type, plain(block.value)) for block in latest.questions], heading=heading
    )


def export_filename(quiz: QuizPage) -> str:
    """A .txt name, as Moodle's own export gives: its import takes .txt files, and ours
    reads one as GIFT unless it has Aiken's "ANSWER:" lines, which an export never has
    (every colon in a question is escaped, every comment starts with //)."""
    return f"{slugify(quiz.slug) or 'quiz'}-gift.txt"
