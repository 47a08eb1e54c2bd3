"""The demo's lessons, quiz and session plans are data (courses/demo_data/), written in
natural Dutch and English and true to the centre's documents: Girls' Talk and Make a
Move follow Rutgers' manuals, so their plans describe only the centre's part; the
trafficking e-learning takes about two hours and ends in a quiz a professional takes
seriously."""

import re

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags
from wagtail.models import Page, Revision

from courses.demo import load_lessons, load_quizzes, load_session_plans
from courses.models import CoursePage, LessonPage, QuizPage, SessionPlanPage
from courses.models.quizzes import GradingMethod, Review

LICENSED = ("girls-talk", "make-a-move")
ELEARNING = "signalen-mensenhandel-herkennen"

# The centre's own numbers and the public help lines (../shared/DOMAIN.md), digits only.
KNOWN_PHONE_NUMBERS = {"0102365212", "0334481186", "09008844", "08007000"}
PHONE_NUMBER = re.compile(r"(?<![\w+])(?:\+31[\s-]?|0)\d(?:[\s-]?\d){5,}")

# The signals checklist of the centre, complete and in its order (DOMAIN.md).
CHECKLIST = [
    "Wordt gedwongen om te werken",
    "Wordt zelf mishandeld, gechanteerd of bedreigd, of de familie wordt dat",
    "Is jonger dan 18 (tot 21 jaar) en werkt als sekswerker",
    "Doet ander werk dan vooraf was beloofd",
    "Wordt bedreigd met aangifte wegens illegaal verblijf",
    "Heeft geen eigen paspoort of reisdocumenten in handen",
    "Moet alle of de meeste verdiensten afstaan",
    "Heeft een enorme schuld bij degene voor wie hij of zij werkt",
    "Mag pas rusten als er een minimumbedrag is verdiend",
    "Heeft niets te zeggen over hoe het eigen geld wordt besteed",
    "Werkt op wisselende plekken, vaak zonder te weten waar, en heeft niets te zeggen over "
    "waar hij of zij werkt en woont",
    "Mag niet alleen reizen tussen huis en werk",
    "Werkt onder slechte omstandigheden",
    "Wordt gedwongen tot onveilige seks of tot bepaalde handelingen",
    "Moet doorwerken tijdens ziekte of zwangerschap",
    "Kan klanten niet weigeren",
    "Maakt lange dagen: meer dan 8 uur per dag zonder pauze",
]

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


def _skeleton(value):
    """`value` with every text blanked: what is left (the blocks, their order, list
    lengths, right answers, points) must be the same in both languages."""
    if isinstance(value, str):
        return ""
    if isinstance(value, dict):
        return {key: _skeleton(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_skeleton(item) for item in value]
    return value


@pytest.fixture(scope="module")
def lessons():
    return load_lessons()


@pytest.fixture(scope="module")
def plans():
    return load_session_plans()


@pytest.fixture(scope="module")
def quiz():
    quizzes = load_quizzes()
    assert list(quizzes) == [ELEARNING]
    return quizzes[ELEARNING]


@pytest.fixture(scope="module")
def items(lessons, plans, quiz):
    """(label, item) for every lesson, session plan and quiz."""
    return [
        (f"{kind} {course}/{item['slug']}", item)
        for kind, per_course in (("lesson", lessons), ("plan", plans))
        for course, course_items in per_course.items()
        for item in course_items
    ] + [(f"quiz {ELEARNING}/{quiz['slug']}", quiz)]


def test_every_lesson_and_plan_loads_in_both_languages(lessons, plans, items):
    assert [lesson["slug"] for lesson in lessons[ELEARNING]] == [
        "drie-elementen",
        "signalen-herkennen",
        "risicofactoren",
        "criminele-uitbuiting",
        "meldcode-en-keten",
        "rechten-en-hulp",
        "sekswerk-is-werk",
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
        for field in ("body", "activities", "questions"):
            if field in nl:  # the same blocks in the same order in both languages
                assert _skeleton(nl[field]) == _skeleton(en[field]), (label, field)
                assert len(nl[field]) > 0, label


def test_the_elearning_takes_two_hours_of_study(lessons):
    assert sum(lesson["minutes"] for lesson in lessons[ELEARNING]) == 120


def test_the_signals_checklist_is_complete_and_has_no_threshold(lessons):
    checklists = {
        lang: [
            value
            for lesson in lessons[ELEARNING]
            for block_type, value in lesson[lang]["body"]
            if block_type == "signals_checklist"
        ]
        for lang in ("nl", "en")
    }
    assert [checklist["signals"] for checklist in checklists["nl"]] == [CHECKLIST]
    (dutch,), (english,) = checklists["nl"], checklists["en"]
    assert len(english["signals"]) == len(CHECKLIST)
    # From the first tick on, the person may be a victim; no count means more.
    assert [i["min_ticks"] for i in dutch["interpretations"]] == [0, 1]
    assert "Dan kan deze persoon slachtoffer zijn" in dutch["interpretations"][1]["message"]
    assert "this person may be a victim" in english["interpretations"][1]["message"]


def test_the_quiz_has_at_least_15_questions_of_several_types(quiz):
    questions = quiz["nl"]["questions"]
    assert len(questions) >= 15
    assert {block_type for block_type, _ in questions} >= {
        "single_choice",
        "multiple_response",
        "true_false",
        "matching",
        "ordering",
    }


def test_the_quiz_needs_80_percent_in_at_most_three_attempts(quiz):
    assert quiz["settings"] == {
        "pass_mark": 80,
        "max_attempts": 3,
        "grading_method": GradingMethod.HIGHEST,
        "shuffle_options": True,
        "review_after_attempt": Review.FEEDBACK,
        "review_after_close": Review.ANSWERS,
    }


def test_the_quiz_intro_says_what_is_true(quiz):
    count = len(quiz["nl"]["questions"])
    nl, en = quiz["nl"]["intro"], quiz["en"]["intro"]
    for said in (f"{count} vragen", "80% van de punten", "drie pogingen", "Na het inleveren"):
        assert said in nl
    for said in (f"{count} questions", "80% of the points", "three attempts", "After handing in"):
        assert said in en


def test_every_answer_gets_the_feedback_a_trainer_would_give(quiz):
    for lang in ("nl", "en"):
        for block_type, value in quiz[lang]["questions"]:
            assert value["general_feedback"], (lang, value["title"])
            if block_type in ("single_choice", "multiple_response"):
                assert all(option["feedback"] for option in value["options"]), value["title"]
                right = sum(option["correct"] for option in value["options"])
                assert right == 1 if block_type == "single_choice" else right > 1, value["title"]
            if block_type == "true_false":
                assert value["feedback_true"] and value["feedback_false"], value["title"]


def test_no_phone_number_but_the_centres_and_the_public_help_lines(items):
    for label, item in items:
        for lang in ("nl", "en"):
            text = _text(item, lang)
            assert re.search(r"\b112\b", text) is None, (label, lang)
            for number in PHONE_NUMBER.findall(text):
                digits = re.sub(r"\D", "", number)
                if number.startswith("+31"):
                    digits = "0" + digits[2:]
                assert digits in KNOWN_PHONE_NUMBERS, (label, lang, number)


def test_loverboy_is_only_said_next_to_pooierboy(items):
    for label, item in items:
        for lang in ("nl", "en"):
            for text in _strings(item[lang]):
                if "loverboy" in text.lower():
                    assert "pooierboy" in text.lower(), (label, lang, text)


def test_activities_add_up_to_the_plans_slot(plans):
    for course_plans in plans.values():
        for plan in course_plans:
            if plan["duration_minutes"] is None:
                continue
            for lang in ("nl", "en"):
                minutes = sum(value["minutes"] for _, value in plan[lang]["activities"])
                assert minutes == plan["duration_minutes"], (plan["slug"], lang)


def test_only_the_prevention_lesson_has_a_duration(plans):
    """The 90 minutes of the prevention lesson are the centre's own; the sources
    give no length for a Girls' Talk or Make a Move meeting, so none is invented."""
    assert {plan["duration_minutes"] for plan in plans["preventieles"]} == {90}
    for course in ("girls-talk", "make-a-move"):
        for plan in plans[course]:
            assert plan["duration_minutes"] is None, plan["slug"]
            for lang in ("nl", "en"):
                assert all(value["minutes"] is None for _, value in plan[lang]["activities"])


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
    revisions = Revision.objects.count()
    call_command("seed_demo", verbosity=0)
    assert sorted(Page.objects.values_list("url_path", flat=True)) == first
    assert Revision.objects.count() == revisions
    assert LessonPage.objects.count() == 2 * 7
    assert SessionPlanPage.objects.count() == 2 * (9 + 9 + 1)


@pytest.mark.django_db
def test_the_seeded_quiz_is_the_data_files(settings, quiz):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    for lang in ("nl", "en"):
        page = QuizPage.objects.get(slug="eindtoets", locale__language_code=lang)
        assert (page.title, page.intro) == (quiz[lang]["title"], quiz[lang]["intro"])
        assert (page.pass_mark, page.max_attempts, page.grading_method) == (80, 3, "highest")
        assert [block.block_type for block in page.questions] == [
            block_type for block_type, _ in quiz[lang]["questions"]
        ]


@pytest.mark.django_db
def test_the_course_page_shows_the_study_load_its_lessons_add_up_to(client, settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    course = CoursePage.objects.get(slug=ELEARNING, locale__language_code="nl")
    assert course.duration == ""  # nobody typed it: it is computed
    assert course.study_load_minutes() == 120
    assert 'utrecht-data-list__item-value--html-dd">2 uur</dd>' in client.get(course.url).text


@pytest.mark.django_db
def test_a_course_seeded_with_earlier_lessons_keeps_them_all(settings):
    """A database from before these texts keeps its course whole instead of
    getting the new lessons mixed in among the old ones."""
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    course = CoursePage.objects.get(slug=ELEARNING, locale__language_code="nl")
    LessonPage.objects.child_of(course).exclude(slug="drie-elementen").delete()
    call_command("seed_demo", verbosity=0)
    assert list(LessonPage.objects.child_of(course).values_list("slug", flat=True)) == [
        "drie-elementen"
    ]
