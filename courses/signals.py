"""Signals other apps listen to (certificates issue one on course completion)."""

from django.dispatch import Signal

# Sent once per enrolment, after the transaction that completed it commits.
# kwargs: enrollment, course (the CoursePage the learner completed it from).
course_completed = Signal()


def learner_state_changed(sender, instance, **kwargs):
    """A learner's enrolment, lesson done or quiz attempt changed: what is kept
    of their progress (lms.usercache) is read afresh."""
    from lms.usercache import bump_user_version

    from .models import Enrollment

    user_id = getattr(instance, "user_id", None)
    if user_id is None:  # a lesson done belongs to an enrolment
        enrollment = instance._state.fields_cache.get("enrollment")
        user_id = (
            enrollment.user_id
            if enrollment is not None
            else Enrollment.objects.filter(pk=instance.enrollment_id)
            .values_list("user_id", flat=True)
            .first()
        )
    if user_id is not None:
        bump_user_version(user_id)
