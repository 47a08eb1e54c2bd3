from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from lms.dashboard import register_section

        from . import caching, dashboard

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(caching.invalidate, dispatch_uid=f"pagecache-{signal!r}")
        post_delete.connect(caching.invalidate, sender=Page, dispatch_uid="pagecache-delete")
        register_section(dashboard.learning_section, order=10)
