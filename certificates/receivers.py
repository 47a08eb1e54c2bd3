from . import services


def on_course_completed(sender, enrollment, course, **kwargs):
    """Every completed course earns a certificate (the signal is sent after commit)."""
    services.issue_for_course(enrollment.user, course)
