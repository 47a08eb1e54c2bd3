"""Signals other apps listen to (certificates issue one on course completion)."""

from django.dispatch import Signal

# Sent once per enrolment, after the transaction that completed it commits.
# kwargs: enrollment, course (the CoursePage the learner completed it from).
course_completed = Signal()
