from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("my/data/download/", views.download, name="download"),
    path("my/account/remove/", views.remove_account, name="remove_account"),
    path("account-removed/", views.removed, name="removed"),
]
