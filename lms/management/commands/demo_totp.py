from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms import demo


class Command(BaseCommand):
    help = "Print the current two-factor code of a demo account (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("email", nargs="?", default="coordinator@example.org")

    def handle(self, *args, email, **options):
        if not settings.DEBUG:
            raise CommandError("demo_totp is for the demo only and needs DEBUG on.")
        if email not in {account[0] for account in demo.DEMO_ACCOUNTS}:
            raise CommandError(f"{email} is not a demo account.")
        self.stdout.write(demo.current_totp_code(email))
