"""Signals other apps listen to (certificates issue one when a participant
completes a training day)."""

from django.dispatch import Signal

# Sent once per registration, after the transaction that completed it commits.
# kwargs: registration, training_day.
training_day_completed = Signal()
