"""The demo's lessons and session plans are data (courses/demo_data/), written in
natural Dutch and English and true to the centre's documents: Girls' Talk and Make a
Move follow Rutgers' manuals, so their plans describe only the centre's part."""

import re

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags
from wagtail.models import Page

from courses.demo import load_lessons, load_session_plans
from courses.models import LessonPage, SessionPlanPage

LICENSED = ("girls-talk", "make-a-move")

# "u" or "uw" as a word, and "a.u.b.": the formal address the platform never uses.
FORMAL_DUTCH = re.compile(r"(?<![\w-])(u|uw)(?![\w-])|a\.u\.b\.", re.IGNORECASE)
# "negen bijeenkomsten", "9 meetings", "bijeenkomst 3 van 9", "nine".
NUMBER_OF_MEETINGS = re.compile(
    r"\b(negen|nine|\d+)\s+(bijeenkomsten|meetings)\b"
    r"|\b(bijeenkomst|meeting)\s+\d+\s+(van|of)\s+\d+"
    r"|\b(negen|nine)\b",
    re.IGNORECASE,
)


def _strings(value):
    """Every text in a loaded item (nested dicts, lists and stream tuples), without HTML."""
    if isinstance(value, str):
        yield strip_tags(value)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _text(item: dict, lang: str) -> str:
    return " ".join(_strings(item[lang]))


@pytest.fixture(scope="module")
def lessons():
    return load_lessons()


@pytest.fixture(scope="module")
def plans():
    return load_session_plans()


@pytest.fixture(scope="module")
def items(lessons, plans):
    """(label, item) for every lesson and session plan."""
    return [
        (f"{kind} {course}/{item['slug']}", item)
        for kind, per_course in (("lesson", lessons), ("plan", plans))
        for course, course_items in per_course.items()
        for item in course_items
    ]


def test_every_lesson_and_plan_loads_in_both_languages(lessons, plans, items):
    assert [lesson["slug"] for lesson in lessons["signalen-mensenhandel-herkennen"]] == [
        "drie-elementen",
        "vier-vormen",
        "risicofactoren",
        "signalen-herkennen",
        "casus-instagram",
        "rechten-en-hulp",
    ]
    assert {course: len(course_plans) for course, course_plans in plans.items()} == {
        "girls-talk": 9,
        "make-a-move": 9,
        "preventieles": 1,
    }
    for label, item in items:
        nl, en = item["nl"], item["en"]
        assert nl["title"] and en["title"], label
        assert nl.keys() == en.keys(), label
        for field in ("body", "activities"):
            if field in nl:  # the same blocks in the same order in both languages
                assert [block[0] for block in nl[field]] == [block[0] for block in en[field]]
                assert len(nl[field]) > 0, label


def test_activities_add_up_to_the_plans_slot(plans):
    for course_plans in plans.values():
        for plan in course_plans:
            for lang in ("nl", "en"):
                minutes = sum(value["minutes"] for _, value in plan[lang]["activities"])
                assert minutes == plan["duration_minutes"], (plan["slug"], lang)


def test_dutch_texts_say_je_never_u(items):
    for label, item in items:
        formal = FORMAL_DUTCH.search(_text(item, "nl"))
        assert formal is None, (label, formal and formal.group())


def test_english_says_sexual_exploitation_of_young_people_not_youth_prostitution(items):
    for label, item in items:
        assert "youth prostitution" not in _text(item, "en").lower(), label


def test_every_girls_talk_and_make_a_move_plan_follows_the_rutgers_manual(plans):
    for course in LICENSED:
        for plan in plans[course]:
            assert "De bijeenkomst zelf geef je volgens de handleiding van Rutgers" in _text(
                plan, "nl"
            ), (course, plan["slug"])
            assert "according to the Rutgers manual" in _text(plan, "en"), (course, plan["slug"])


def test_no_make_a_move_plan_claims_a_number_of_meetings(plans):
    # Girls' Talk has nine meetings, and says so: the pattern finds it there.
    assert NUMBER_OF_MEETINGS.search(_text(plans["girls-talk"][0], "nl"))
    for plan in plans["make-a-move"]:
        for lang in ("nl", "en"):
            claim = NUMBER_OF_MEETINGS.search(_text(plan, lang))
            assert claim is None, (plan["slug"], lang, claim and claim.group())


def test_group_programme_plans_record_only_how_many_took_part(plans):
    for course in LICENSED:
        for plan in plans[course]:
            assert "Noteer alleen hoeveel" in _text(plan, "nl"), (course, plan["slug"])
            assert "Record only how many" in _text(plan, "en"), (course, plan["slug"])


def test_pooierboys_are_also_named_by_their_former_name(plans):
    for course in LICENSED:
        nl = " ".join(_text(plan, "nl") for plan in plans[course])
        assert "pooierboys (vroeger loverboys genoemd)" in nl
        assert "formerly called loverboys" in " ".join(_text(plan, "en") for plan in plans[course])


@pytest.mark.django_db
def test_seeding_twice_gives_the_same_pages(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    first = sorted(Page.objects.values_list("url_path", flat=True))
    call_command("seed_demo", verbosity=0)
    assert sorted(Page.objects.values_list("url_path", flat=True)) == first
    assert LessonPage.objects.count() == 2 * 6
    assert SessionPlanPage.objects.count() == 2 * (9 + 9 + 1)
