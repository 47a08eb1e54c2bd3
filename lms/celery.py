"""The Celery app, configured from Django settings (the CELERY_* names).

Run a worker with `make worker`, the scheduler with `make beat`.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
