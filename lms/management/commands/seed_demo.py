from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from lms import demo

DEMO_APPS = ["courses", "workshops", "bookings", "certificates"]


class Command(BaseCommand):
    help = "Load the demo content and accounts (idempotent). Refused when DEBUG is off."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (e.g. on a test server)."
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_demo creates accounts with known passwords; use --force.")
        ctx = demo.SeedContext()
        with transaction.atomic():
            demo.seed_site(ctx)
            account_lines = demo.seed_accounts(ctx)
            # Each domain app may ship a `demo` module with `seed(ctx)`, run in
            # dependency order.
            for app_name in DEMO_APPS:
                if find_spec(f"{app_name}.demo") is not None:
                    import_module(f"{app_name}.demo").seed(ctx)
        for item in ctx.log:
            self.stdout.write(f"created {item}")
        if account_lines:
            self.stdout.write(self.style.SUCCESS("Demo log-ins (shown once; see also README.md):"))
            for line in account_lines:
                self.stdout.write(line)
        else:
            self.stdout.write("Demo content is in place; log-ins are listed in README.md.")
        for report in ctx.after:
            if line := report():
                self.stdout.write(line)
