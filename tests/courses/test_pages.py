import pytest
from wagtail.models import Page

from courses.choices import Format
from courses.models import (
    CourseIndexPage,
    CoursePage,
    LessonPage,
    QuizPage,
    SessionPlanPage,
)
from lms import roles
from lms.models import HomePage
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    SessionPlanPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    assert CourseIndexPage.allowed_parent_page_models() == [HomePage]
    assert CoursePage.allowed_parent_page_models() == [CourseIndexPage]
    assert set(CoursePage.allowed_subpage_models()) == {LessonPage, QuizPage, SessionPlanPage}
    assert QuizPage.allowed_parent_page_models() == [CoursePage]
    assert LessonPage.allowed_parent_page_models() == [CoursePage]
    assert LessonPage.allowed_subpage_models() == []
    assert SessionPlanPage.allowed_parent_page_models() == [CoursePage]
    assert not CoursePage.can_exist_under(HomePage())
    assert not LessonPage.can_exist_under(Page())


def test_catalogue_filters_by_audience_format_and_theme(client, catalogue):
    CoursePageFactory(parent=catalogue, title="E-learning mensenhandel", format=Format.ELEARNING)
    CoursePageFactory(
        parent=catalogue,
        title="Preventieles",
        format=Format.SCHOOL_LESSON,
        audience="young_people",
        theme="online_safety",
    )
    everything = client.get(catalogue.url).text
    assert "E-learning mensenhandel" in everything and "Preventieles" in everything
    lessons = client.get(catalogue.url, {"format": "school_lesson"}).text
    assert "Preventieles" in lessons and "E-learning mensenhandel" not in lessons
    young = client.get(catalogue.url, {"audience": "young_people"}).text
    assert "Preventieles" in young and "E-learning mensenhandel" not in young
    assert "1 cursus" in client.get(catalogue.url, {"theme": "human_trafficking"}).text


def test_catalogue_ignores_unknown_filter_values(client, catalogue):
    CoursePageFactory(parent=catalogue, title="E-learning mensenhandel")
    response = client.get(catalogue.url, {"format": "<script>", "audience": "x" * 500})
    assert response.status_code == 200
    assert "E-learning mensenhandel" in response.text


def test_cards_and_course_page_show_the_next_step_for_the_format(client, catalogue):
    CoursePageFactory(parent=catalogue, title="Lesaanvraag", format=Format.SCHOOL_LESSON)
    elearning = CoursePageFactory(parent=catalogue, title="Online", format=Format.ELEARNING)
    html = client.get(catalogue.url).text
    assert "Vraag lessen aan voor je school" in html
    assert "Schrijf je in voor de e-learning" in html
    client.force_login(UserFactory())
    assert "Schrijf je in voor de e-learning</button>" in client.get(elearning.url).text


@pytest.fixture
def plan(catalogue):
    programme = CoursePageFactory(
        parent=catalogue, title="Girls' Talk", format=Format.GROUP_PROGRAMME
    )
    return SessionPlanPageFactory(parent=programme, title="Bijeenkomst 1: Kennismaken")


@pytest.mark.parametrize("role", [roles.TRAINERS, roles.COORDINATORS])
def test_trainers_and_coordinators_read_session_plans(client, plan, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.get(plan.url)
    assert response.status_code == 200
    assert "Vertrouwen opbouwen in de groep" in response.text
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("role", [roles.LEARNERS, roles.SCHOOL_CONTACTS, roles.EDITORS])
def test_other_roles_get_a_404_for_session_plans(client, plan, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.get(plan.url)
    assert response.status_code == 404
    assert "Vertrouwen opbouwen" not in response.text


def test_anonymous_visitor_gets_the_log_in_page_for_a_session_plan(client, plan):
    response = client.get(plan.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_session_plans_stay_out_of_search_and_sitemap(client, plan):
    assert "Bijeenkomst 1: Kennismaken" not in client.get("/nl/search/", {"q": "Kennismaken"}).text
    assert plan.url not in client.get("/sitemap.xml").text


def test_case_answer_is_behind_a_disclosure_and_checklist_works_without_javascript(client, course):
    lesson = course.lessons_made[0]
    lesson.body = [
        (
            "case",
            {
                "title": "Casus",
                "situation": "<p>Een meisje van 17.</p>",
                "questions": ["Wat valt je op?"],
                "model_answer": "<p>Bespreek het.</p>",
            },
        ),
        (
            "signals_checklist",
            {
                "title": "Signalen",
                "intro": "",
                "signals": ["Geen paspoort", "Schuld", "Lange dagen"],
                "interpretations": [
                    {"min_ticks": 0, "message": "Geen zorgen."},
                    {"min_ticks": 2, "message": "Overleg met een collega."},
                ],
            },
        ),
    ]
    lesson.save_revision().publish()
    html = client.get(lesson.url).text
    assert "<details" in html and "Bespreek het." in html
    block_id = lesson.body[1].id
    result = client.get(
        lesson.url, {"checklist": f"checklist-{block_id}", "signal": ["0", "2", "99", "x"]}
    )
    assert "Je hebt 2 signalen aangevinkt." in result.text
    assert "Overleg met een collega." in result.text
    assert 'value="2" id="checklist-' in result.text and "checked" in result.text


def build_catalogue(homes, courses: int, lessons: int):
    catalogue = CourseIndexPageFactory(parent=homes["nl"], slug="aanbod")
    first = None
    for i in range(courses):
        course = CoursePageFactory(parent=catalogue, slug=f"c{i}", format=Format.ELEARNING)
        first = first or course
    for j in range(lessons):
        LessonPageFactory(parent=first, slug=f"l{j}")
    return catalogue, first


QUERY_BOUNDS = {"catalogue": 12, "course": 17, "lesson": 10}


@pytest.mark.parametrize("size", [5, 100])
def test_page_queries_do_not_grow_with_the_catalogue(
    client, homes, size, django_assert_max_num_queries
):
    catalogue, course = build_catalogue(homes, courses=size, lessons=size)
    lesson = LessonPage.objects.child_of(course).last()
    learner = UserFactory()
    client.force_login(learner)
    client.post(f"/nl/courses/{course.pk}/enrol/")
    client.get(catalogue.url)  # warm the site-root cache, as a running site has
    with django_assert_max_num_queries(QUERY_BOUNDS["catalogue"]):
        assert client.get(catalogue.url).status_code == 200
    with django_assert_max_num_queries(QUERY_BOUNDS["course"]):
        assert client.get(course.url).status_code == 200
    course.sequential = False
    course.save_revision().publish()
    client.get(lesson.url)  # warm the route and outline caches after that publish
    with django_assert_max_num_queries(QUERY_BOUNDS["lesson"]):
        assert client.get(lesson.url).status_code == 200


def test_anonymous_catalogue_is_cached_per_language_until_a_publish(client, homes, catalogue):
    course = CoursePageFactory(parent=catalogue, title="Eerste titel", slug="eerste")
    client.get(homes["nl"].url)  # a running site has made its settings row long ago
    first = client.get(catalogue.url)
    assert first["X-Page-Cache"] == "miss"
    second = client.get(catalogue.url)
    assert second["X-Page-Cache"] == "hit" and "Eerste titel" in second.text
    course.title = "Nieuwe titel"
    course.save_revision().publish()
    third = client.get(catalogue.url)
    assert third["X-Page-Cache"] == "miss" and "Nieuwe titel" in third.text


def test_logged_in_pages_are_never_served_from_the_cache(client, catalogue):
    client.get(catalogue.url)
    client.force_login(UserFactory(email="noor@example.org"))
    response = client.get(catalogue.url)
    assert "X-Page-Cache" not in response
    assert "Uitloggen" in response.text
    client.logout()
    assert "Uitloggen" not in client.get(catalogue.url).text
