from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms import views
from lms.sitemap import TranslatedSitemap

app_patterns = (
    [
        path("my/", views.dashboard, name="dashboard"),
        path("my/profile/", views.profile, name="profile"),
        path("privacy/", views.privacy, name="privacy"),
        path("search/", views.search, name="search"),
    ],
    "lms",
)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    # Everyone logs in through allauth, which asks for the second factor;
    # Wagtail's own log-in form would skip it.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("accounts/login/", views.LoginView.as_view(), name="account_login"),
    path("accounts/2fa/authenticate/", views.SecondFactorView.as_view(), name="mfa_authenticate"),
    path(
        "accounts/2fa/reauthenticate/",
        views.ReauthenticateWithSecondFactorView.as_view(),
        name="mfa_reauthenticate",
    ),
    path("accounts/", include("allauth.urls")),
    path("", include(app_patterns)),
    path("", include("courses.urls")),
    path("", include("certificates.urls")),
    path("", include("bookings.urls")),
    path("", include("privacy.urls")),
    # Wagtail's own log-in form (meant for private pages) would skip allauth's
    # second factor, rate limits and e-mail verification: send it to allauth's.
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        views.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
