from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from courses.models import QuizPage
from courses.quizzes.exporting import export_quiz


class Command(BaseCommand):
    help = (
        "Write the questions of a quiz (its newest revision) as a GIFT file for Moodle, in "
        "UTF-8; what GIFT cannot hold is written as comment lines."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiz", type=int, required=True, help="The quiz page's id.")
        parser.add_argument(
            "--output", type=Path, help="The file to write; without it, standard output."
        )

    def handle(self, *args, quiz: int, output: Path | None, **options):
        page = QuizPage.objects.filter(pk=quiz).first()
        if page is None:
            raise CommandError(_("There is no quiz with id %(id)d.") % {"id": quiz})
        export = export_quiz(page)
        for position, title in export.commented:
            message = _(
                "Question %(number)d (“%(title)s”) was written as a comment: GIFT cannot hold it."
            )
            self.stderr.write(message % {"number": position, "title": title})
        if output is None:
            self.stdout.write(export.text, ending="")
            return
        try:
            output.write_text(export.text, encoding="utf-8")
        except OSError as error:
            raise CommandError(
                _("Cannot write %(file)s: %(error)s") % {"file": output, "error": error}
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("Wrote the questions of “%(title)s” to %(file)s.")
                % {"title": page.title, "file": output}
            )
        )
