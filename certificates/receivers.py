from courses.models import CoursePage, Enrollment

from . import services
from .models import Certificate


def on_course_completed(sender, enrollment, course, **kwargs):
    """Every completed course earns a certificate (the signal is sent after
    commit). Without a name it waits: the dashboard asks for the name, and saving
    it issues the certificate (on_profile_saved)."""
    if enrollment.user.has_name:
        services.issue_for_course(enrollment.user, course)


def on_profile_saved(sender, user, **kwargs):
    """Issue the certificates of courses completed while the name was missing."""
    if not user.has_name:
        return
    certified = Certificate.objects.filter(
        recipient=user, kind=Certificate.Kind.COURSE
    ).values_list("subject_key", flat=True)
    waiting = Enrollment.objects.filter(user=user, completed_at__isnull=False).exclude(
        course_key__in=certified
    )
    for enrollment in waiting:
        course = CoursePage.objects.filter(translation_key=enrollment.course_key).first()
        if course is not None:
            services.issue_for_course(user, course)
