from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from courses.models import QuizPage
from courses.quizzes import services as quiz_services
from courses.quizzes.importing import MAX_FILE_BYTES, QuizImportError


def read_quiz_file(file: Path) -> str:
    """The text of file, refused when it is larger than the admin form accepts."""
    try:
        with file.open("rb") as handle:
            # One byte past the limit tells that the file is too large without holding all of
            # it in memory; a size from stat() would not do for a pipe or a growing file.
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise CommandError(f"Cannot read {file}: {error}") from error
    if len(data) > MAX_FILE_BYTES:
        raise CommandError(
            _("Nothing imported: %(file)s is larger than %(megabytes)s MB.")
            % {"file": file.name, "megabytes": f"{MAX_FILE_BYTES / (1024 * 1024):g}"}
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(f"Cannot read {file}: {error}") from error


class Command(BaseCommand):
    help = "Append the questions of a GIFT or Aiken file to a quiz (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--quiz", type=int, required=True, help="The quiz page's id.")
        parser.add_argument("--publish", action="store_true", help="Publish the new revision.")

    def handle(self, *args, file: Path, quiz: int, publish: bool, **options):
        page = QuizPage.objects.filter(pk=quiz).first()
        if page is None:
            raise CommandError(f"There is no quiz with id {quiz}.")
        text = read_quiz_file(file)
        try:
            result = quiz_services.import_questions(page, file.name, text, publish=publish)
        except QuizImportError as error:
            for problem in error.problems:
                self.stderr.write(f"{file.name}:{problem.line}: {problem.message}")
            raise CommandError(
                f"Nothing imported: {len(error.problems)} problem(s) in {file.name}."
            ) from error
        for notice in result.notices:
            self.stdout.write(f"{file.name}:{notice.line}: {notice.message}")
        state = "published" if publish else "saved as a draft revision"
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {len(result.questions)} question(s) to “{page.title}”; {state}."
            )
        )
