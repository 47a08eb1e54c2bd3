from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    """Registrations, school lesson requests and in-company requests."""

    name = "bookings"
    verbose_name = _("Bookings")

    def ready(self):
        # Imported here: models may only be imported once the app registry is ready.
        from lms.dashboard import register_section

        from . import dashboard, receivers

        # What bookings change in the page cache and in what is kept per user.
        receivers.connect()

        # After the learner's courses (10), before certificates.
        register_section(dashboard.bookings_section, order=15, kept=True)
        # Group bookings on /my/; beat.py registers the periodic tasks (reminders…).
        from . import beat, group_dashboard  # noqa: F401

        register_section(group_dashboard.groups_section, order=16, kept=True)
        from . import trainer_dashboard  # the trainer's sessions, after their plans (5)

        register_section(trainer_dashboard.trainer_sessions_section, order=6)
        # School lessons, the school's side: a contact's requests on /my/, the
        # periodic tasks (school_beat) and the admin page (school_hooks).
        from . import school_beat, school_dashboard, school_hooks  # noqa: F401

        register_section(school_dashboard.school_requests_section, order=14)
