"""What pages show to trainers and coordinators only: a course's session plans
and the way to a quiz's results. Everyone else gets nothing, so an anonymous
page (which the page cache may share) never holds them."""

from django import template

from lms import roles

from ..models import SessionPlanPage

register = template.Library()


@register.inclusion_tag("courses/includes/course_session_plans.html", takes_context=True)
def course_session_plans(context, course) -> dict:
    """The published session plans of `course`, by meeting number, for readers
    who may open them."""
    request = context.get("request")
    user = getattr(request, "user", None)
    shown = user is not None and SessionPlanPage.readable_by(user)
    return {"request": request, "plans": list(SessionPlanPage.plans_of(course)) if shown else []}


@register.inclusion_tag("courses/includes/quiz_results_links.html", takes_context=True)
def quiz_results_links(context, quiz) -> dict:
    """Links to the results of `quiz` and their CSV, for the roles that
    courses.quizzes.views.results lets in."""
    user = getattr(context.get("request"), "user", None)
    shown = user is not None and roles.has_role(user, roles.TRAINERS, roles.COORDINATORS)
    return {"quiz": quiz if shown else None}
