from bookings.models import Registration
from courses.models import CoursePage, Enrollment
from lms.usercache import bump_user_version

from . import services
from .models import Certificate


def on_course_completed(sender, enrollment, course, **kwargs):
    """Every completed course earns a certificate (the signal is sent after
    commit). Without a name it waits: the dashboard asks for the name, and saving
    it issues the certificate (on_profile_saved)."""
    if enrollment.user.has_name:
        services.issue_for_course(enrollment.user, course)


def issue_for_training_day(user, day) -> Certificate:
    """An attendance certificate for a training day: the course's title in the
    recipient's language, its accreditation (or duration) as the study load."""
    language = getattr(user, "language", "nl") or "nl"
    titled = (
        day.course.get_translations(inclusive=True).filter(locale__language_code=language).first()
        or day.course
    ).specific
    return services.issue(
        user,
        kind=Certificate.Kind.WORKSHOP,
        subject_key=day.key,
        subject_title=titled.title,
        study_load=getattr(titled, "accreditation", "") or getattr(titled, "duration", ""),
        language=language,
    )


def on_training_day_completed(sender, registration, training_day, **kwargs):
    """A participant who completed a training day gets a certificate (sent
    after commit, once per registration); without a name it waits like a
    course certificate does."""
    user = registration.user
    if user is not None and user.has_name:
        issue_for_training_day(user, training_day)


def on_profile_saved(sender, user, **kwargs):
    """Issue the certificates of courses and training days completed while the
    name was missing."""
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
    attended = Certificate.objects.filter(
        recipient=user, kind=Certificate.Kind.WORKSHOP
    ).values_list("subject_key", flat=True)
    completed_days = (
        Registration.objects.filter(user=user, completed_at__isnull=False)
        .exclude(training_day__key__in=attended)
        .select_related("training_day__course")
    )
    for registration in completed_days:
        issue_for_training_day(user, registration.training_day)


def certificate_changed(sender, instance, **kwargs):
    """The recipient's certificates on /my/ are kept with their entries
    (lms.usercache): a saved or deleted certificate is read afresh."""
    if instance.recipient_id is not None:
        bump_user_version(instance.recipient_id)
