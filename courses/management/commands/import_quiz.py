from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses import quizzes
from courses.quiz_import import QuizImportError
from courses.quiz_models import QuizPage


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
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        try:
            result = quizzes.import_questions(page, file.name, text, publish=publish)
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
