"""How trainers and coordinators find session plans and quiz results: /my/, the
course page, the plan's previous/next links and the quiz page; and that nobody
else sees the way in. New strings are asserted on /en/ pages or by structure
(hrefs, ids), as the Dutch catalogue gets them from the lead."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from courses.choices import Format
from courses.models import CoursePage
from lms import pagecache, roles
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    QuizPageFactory,
    SessionPlanPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

READERS = [roles.TRAINERS, roles.COORDINATORS]
OTHERS = [roles.LEARNERS, roles.SCHOOL_CONTACTS, roles.EDITORS]


def html(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def hrefs(element) -> list[str]:
    return [a["href"] for a in element.find_all("a")] if element is not None else []


def section(soup, heading_id: str):
    """The <section> a heading with `heading_id` names, or None."""
    return soup.find("section", attrs={"aria-labelledby": heading_id})


@pytest.fixture
def offer(catalogue, homes, locales):
    """Girls' Talk (nl + en) with three plans made out of order, Make a Move (nl)
    with two, and an e-learning (nl + en) with a quiz."""
    catalogue_en = CourseIndexPageFactory(
        parent=homes["en"],
        title="Our offer",
        slug="offer",
        locale=locales["en"],
        translation_key=catalogue.translation_key,
    )
    girls = CoursePageFactory(
        parent=catalogue, title="Girls' Talk", slug="girls-talk", format=Format.GROUP_PROGRAMME
    )
    girls_en = CoursePageFactory(
        parent=catalogue_en,
        title="Girls' Talk",
        slug="girls-talk",
        format=Format.GROUP_PROGRAMME,
        locale=locales["en"],
        translation_key=girls.translation_key,
    )
    plans = {
        number: SessionPlanPageFactory(
            parent=girls,
            number=number,
            title=f"Bijeenkomst {number}",
            slug=f"bijeenkomst-{number}",
            duration_minutes=80 + number,
        )
        for number in (2, 1, 3)
    }
    plans_en = {
        number: SessionPlanPageFactory(
            parent=girls_en,
            number=number,
            title=f"Meeting {number}",
            slug=f"meeting-{number}",
            duration_minutes=80 + number,
            locale=locales["en"],
            translation_key=plans[number].translation_key,
        )
        for number in (1, 2, 3)
    }
    boys = CoursePageFactory(
        parent=catalogue, title="Make a Move", slug="make-a-move", format=Format.GROUP_PROGRAMME
    )
    boys_plans = [
        SessionPlanPageFactory(parent=boys, number=n, title=f"Jongens {n}", slug=f"jongens-{n}")
        for n in (1, 2)
    ]
    elearning = CoursePageFactory(parent=catalogue, title="Mensenhandel", slug="mensenhandel")
    elearning_en = CoursePageFactory(
        parent=catalogue_en,
        title="Trafficking",
        slug="trafficking",
        locale=locales["en"],
        translation_key=elearning.translation_key,
    )
    quiz = QuizPageFactory(parent=elearning, title="Eindtoets", slug="eindtoets")
    quiz_en = QuizPageFactory(
        parent=elearning_en,
        title="Final quiz",
        slug="final-quiz",
        locale=locales["en"],
        translation_key=quiz.translation_key,
    )
    return {
        "girls": girls,
        "girls_en": girls_en,
        "plans": plans,
        "plans_en": plans_en,
        "boys": boys,
        "boys_plans": boys_plans,
        "quiz": quiz,
        "quiz_en": quiz_en,
    }


def results_url(quiz) -> str:
    return f"/en/quizzes/{quiz.pk}/results/"


# --- /my/ ------------------------------------------------------------------


@pytest.mark.parametrize("role", READERS)
def test_my_page_lists_each_programmes_plans_in_meeting_order(client, offer, role):
    client.force_login(UserFactory(roles=[role]))
    plans = section(html(client.get("/nl/my/")), "session-plans-heading")
    lists = plans.find_all("ol", class_="plan-list")
    assert [h3.get_text(strip=True) for h3 in plans.find_all("h3")] == [
        "Girls' Talk",
        "Make a Move",
    ]
    assert hrefs(lists[0]) == [offer["plans"][n].url for n in (1, 2, 3)]
    assert hrefs(lists[1]) == [plan.url for plan in offer["boys_plans"]]


def test_my_page_shows_each_plans_number_and_duration(client, offer):
    client.force_login(UserFactory(roles=[roles.TRAINERS]))
    plans = section(html(client.get("/en/my/")), "session-plans-heading")
    items = plans.find("ol", class_="plan-list").find_all("li")
    assert [(li["value"], li.find(class_="muted").get_text(strip=True)) for li in items] == [
        ("1", "· 81 minutes"),
        ("2", "· 82 minutes"),
        ("3", "· 83 minutes"),
    ]


def test_my_page_gives_plans_in_the_readers_language(client, offer):
    client.force_login(UserFactory(roles=[roles.TRAINERS]))
    plans = section(html(client.get("/en/my/")), "session-plans-heading")
    first_list = plans.find("ol", class_="plan-list")
    assert hrefs(first_list) == [offer["plans_en"][n].url for n in (1, 2, 3)]


def test_a_programme_without_a_translation_is_listed_in_the_language_it_has(client, offer):
    client.force_login(UserFactory(roles=[roles.TRAINERS]))
    plans = section(html(client.get("/en/my/")), "session-plans-heading")
    assert hrefs(plans.find_all("ol", class_="plan-list")[1]) == [
        plan.url for plan in offer["boys_plans"]
    ]


def test_unpublished_plans_are_not_listed(client, offer):
    offer["plans"][2].unpublish()
    client.force_login(UserFactory(roles=[roles.TRAINERS]))
    plans = section(html(client.get("/nl/my/")), "session-plans-heading")
    assert hrefs(plans.find("ol", class_="plan-list")) == [
        offer["plans"][1].url,
        offer["plans"][3].url,
    ]


@pytest.mark.parametrize("role", READERS)
def test_my_page_links_every_quizs_results_and_csv(client, offer, role):
    client.force_login(UserFactory(roles=[role]))
    results = section(html(client.get("/en/my/")), "quiz-results-heading")
    url = results_url(offer["quiz_en"])
    assert hrefs(results) == [url, f"{url}?format=csv"]


@pytest.mark.parametrize("role", OTHERS)
def test_other_roles_find_no_plans_or_quiz_results_on_my_page(client, offer, role):
    client.force_login(UserFactory(roles=[role]))
    soup = html(client.get("/en/my/"))
    links = hrefs(soup.find("main"))
    assert section(soup, "session-plans-heading") is None
    assert section(soup, "quiz-results-heading") is None
    assert [href for href in links if "/results/" in href or "meeting-" in href] == []


def test_my_page_for_trainers_takes_the_same_queries_for_few_or_many_programmes(
    client, offer, catalogue, django_assert_max_num_queries
):
    client.force_login(UserFactory(roles=[roles.TRAINERS]))
    client.get("/nl/my/")  # sessions, site settings: what any running site has
    with django_assert_max_num_queries(10) as few:
        client.get("/nl/my/")
    few_queries = len(few)  # the next request empties the connection's log
    for _ in range(6):
        programme = CoursePageFactory(parent=catalogue, format=Format.GROUP_PROGRAMME)
        for number in (1, 2, 3):
            SessionPlanPageFactory(parent=programme, number=number)
        QuizPageFactory(parent=programme)
    pagecache.invalidate()  # as publishing does; factories make pages without signals
    client.get("/nl/my/")
    with django_assert_max_num_queries(few_queries):
        response = client.get("/nl/my/")
    assert len(section(html(response), "session-plans-heading").find_all("h3")) == 8


# --- the course page -----------------------------------------------------------


@pytest.mark.parametrize("role", READERS)
def test_course_page_lists_its_plans_for_trainers_and_coordinators(client, offer, role):
    client.force_login(UserFactory(roles=[role]))
    plans = section(html(client.get(offer["girls"].url)), "session-plans-heading")
    assert hrefs(plans) == [offer["plans"][n].url for n in (1, 2, 3)]


@pytest.mark.parametrize("role", OTHERS)
def test_course_page_hides_the_plans_from_other_roles(client, offer, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.get(offer["girls"].url)
    assert response.status_code == 200
    assert offer["plans"][1].url not in response.text


def test_course_page_hides_the_plans_from_anonymous_visitors(client, offer):
    response = client.get(offer["girls"].url)
    assert response.status_code == 200
    assert offer["plans"][1].url not in response.text


def test_a_trainers_course_page_is_never_stored_nor_served_to_a_visitor(client, offer):
    visitor = Client()
    visitor.get("/nl/")  # a running site has made its settings row long ago
    client.force_login(UserFactory(roles=[roles.TRAINERS]))
    trainer = client.get(offer["girls"].url)
    assert offer["plans"][1].url in trainer.text
    assert "X-Page-Cache" not in trainer
    first = visitor.get(offer["girls"].url)
    assert first["X-Page-Cache"] == "miss"  # nothing the trainer saw was kept
    assert offer["plans"][1].url not in first.text


def test_a_visitors_cached_course_page_is_not_what_a_trainer_gets(client, offer):
    visitor = Client()
    visitor.get("/nl/")
    visitor.get(offer["girls"].url)
    assert visitor.get(offer["girls"].url)["X-Page-Cache"] == "hit"
    client.force_login(UserFactory(roles=[roles.TRAINERS]))
    trainer = client.get(offer["girls"].url)
    assert "X-Page-Cache" not in trainer
    assert offer["plans"][1].url in trainer.text


# --- the session plan page ----------------------------------------------------------


def plan_nav(client, plan) -> dict[str, str]:
    nav = html(client.get(plan.url)).find("nav", class_="plan-nav")
    return {a["rel"][0]: a["href"] for a in nav.find_all("a")} if nav else {}


def test_a_plan_links_to_the_previous_and_next_meeting_of_its_programme(client, offer):
    client.force_login(UserFactory(roles=[roles.TRAINERS]))
    plans = offer["plans"]
    assert plan_nav(client, plans[2]) == {"prev": plans[1].url, "next": plans[3].url}


def test_the_first_plan_has_no_previous_and_the_last_no_next(client, offer):
    client.force_login(UserFactory(roles=[roles.TRAINERS]))
    plans = offer["plans"]
    assert plan_nav(client, plans[1]) == {"next": plans[2].url}
    assert plan_nav(client, plans[3]) == {"prev": plans[2].url}


def test_previous_and_next_skip_unpublished_plans(client, offer):
    offer["plans"][2].unpublish()
    client.force_login(UserFactory(roles=[roles.TRAINERS]))
    plans = offer["plans"]
    assert plan_nav(client, plans[1]) == {"next": plans[3].url}


def test_a_plan_leads_back_to_its_programme(client, offer):
    client.force_login(UserFactory(roles=[roles.COORDINATORS]))
    breadcrumb = html(client.get(offer["plans_en"][2].url)).find("nav", class_="essm-breadcrumb")
    assert hrefs(breadcrumb)[-1] == offer["girls_en"].url


def test_print_stylesheet_leaves_out_the_sites_chrome_and_link_addresses():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "main.css").read_text()
    found = re.search(r"@media print \{(.*?)\n\}", css, re.S)
    assert found is not None
    hidden = re.search(r"([^{}]+)\{ display: none !important; \}", found.group(1))
    selectors = {s.strip() for s in hidden.group(1).split(",")}
    assert {".essm-header", ".essm-footer", ".essm-breadcrumb", ".essm-sequence-nav"} <= selectors
    assert "attr(href)" not in css


# --- the quiz page ------------------------------------------------------------------


@pytest.mark.parametrize("role", READERS)
def test_quiz_page_links_its_results_and_csv_for_trainers(client, offer, role):
    client.force_login(UserFactory(roles=[role]))
    quiz = offer["quiz_en"]
    links = hrefs(html(client.get(quiz.url)).find("p", class_="trainer-links"))
    assert links == [results_url(quiz), f"{results_url(quiz)}?format=csv"]


@pytest.mark.parametrize("role", OTHERS)
def test_quiz_page_has_no_results_links_for_other_roles(client, offer, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.get(offer["quiz_en"].url)
    assert response.status_code == 200
    assert "/results/" not in response.text


def test_quiz_page_has_no_results_links_for_anonymous_visitors(client, offer):
    response = client.get(offer["quiz_en"].url)
    assert response.status_code == 200
    assert "/results/" not in response.text


# --- number of meetings ------------------------------------------------------------------


def facts(response) -> dict[str, str]:
    dl = html(response).find("dl", class_="facts")
    return {div.dt.get_text(strip=True): div.dd.get_text(strip=True) for div in dl.find_all("div")}


def test_the_number_of_meetings_is_a_fact_on_the_course_page(client, offer):
    offer["girls_en"].number_of_meetings = 9
    offer["girls_en"].save_revision().publish()
    assert facts(client.get(offer["girls_en"].url))["Meetings"] == "9"


def test_no_meetings_fact_when_the_number_is_not_set(client, offer):
    assert "Meetings" not in facts(client.get(offer["girls_en"].url))


def test_the_demo_gives_girls_talk_nine_meetings_and_make_a_move_none(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    settings.DEBUG = False
    meetings = dict(
        CoursePage.objects.filter(slug__in=["girls-talk", "make-a-move"])
        .values_list("slug", "number_of_meetings")
        .distinct()
    )
    assert meetings == {"girls-talk": 9, "make-a-move": None}
