from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("courses/<int:course_id>/enrol/", views.enroll, name="enroll"),
    path("lessons/<int:lesson_id>/done/", views.lesson_done, name="lesson_done"),
]
