from django.urls import path

from . import views
from .quizzes import views as quiz_views

app_name = "courses"

urlpatterns = [
    path("courses/<int:course_id>/enrol/", views.enroll, name="enroll"),
    path("lessons/<int:lesson_id>/done/", views.lesson_done, name="lesson_done"),
    path("quizzes/<int:quiz_id>/start/", quiz_views.start, name="quiz_start"),
    path("quizzes/<int:quiz_id>/results/", quiz_views.results, name="quiz_results"),
    path("quizzes/attempts/<int:attempt_id>/", quiz_views.attempt, name="quiz_attempt"),
    path("quizzes/attempts/<int:attempt_id>/submit/", quiz_views.submit, name="quiz_submit"),
]
