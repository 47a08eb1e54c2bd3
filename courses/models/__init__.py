"""The models of the courses app, found by Django here. `catalogue`: the pages;
`learning`: enrolments and lessons done; `quizzes`: the quiz page and its attempts;
`progress`: the read side the pages and the workflows share (not models)."""

from .catalogue import CourseIndexPage, CoursePage, LessonPage, SessionPlanPage
from .learning import Enrollment, LessonProgress
from .quizzes import QuizAttempt, QuizPage

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "LessonPage",
    "LessonProgress",
    "QuizAttempt",
    "QuizPage",
    "SessionPlanPage",
]
