"""Demo catalogue for `seed_demo`: the centre's offer in Dutch and English.

The long texts (lessons, quizzes and session plans) are data: they live in `demo_data/`,
one JSON file per course, described in `demo_data/README.md`."""

import json
from pathlib import Path

from wagtail import blocks

from lms.demo import SeedContext, upsert_page

from .choices import Audience, Format, Theme
from .models import CourseIndexPage, CoursePage, LessonPage, QuizPage, SessionPlanPage
from .models.quizzes import GradingMethod, Review


def _goals(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _text(*paragraphs: str) -> list:
    return [("paragraph", "".join(f"<p>{p}</p>" for p in paragraphs))]


COURSES = [
    {
        "slug": "training-jeugdprostitutie",
        "audience": Audience.PROFESSIONALS,
        "format": Format.TRAINING_DAY,
        "theme": Theme.YOUTH_PROSTITUTION,
        "nl": {
            "title": "Training jeugdprostitutie voor professionals",
            "summary": (
                "Een trainingsdag over de seksbranche, signalen bij jongeren en wat je doet "
                "met een vermoeden: van meldcode tot doorverwijzen."
            ),
            "duration": "",
            "learning_goals": _goals(
                "Je kent de seksbranche en weet waar jongeren risico lopen.",
                "Je herkent signalen van jeugdprostitutie en uitbuiting.",
                "Je oefent met de meldcode huiselijk geweld en kindermishandeling.",
                "Je weet hoe je ingrijpt, doorverwijst en jongeren preventief voorlicht.",
            ),
            "accreditation": "",
            "price_information": (
                "Deelnemers uit de gemeente Rotterdam betalen een sterk verlaagd tarief. "
                "Andere gemeenten kunnen dezelfde afspraak maken; vraag ernaar."
            ),
            "body": _text(
                "De training is voor sociaal werkers, jongerenwerkers, docenten, medewerkers "
                "van opvang en wijkagenten. Je werkt met echte casussen en oefent gesprekken."
            ),
        },
        "en": {
            "title": "Training on the sexual exploitation of young people, for professionals",
            "summary": (
                "A training day on the sex industry, signals among young people and what to do "
                "with a concern: from the reporting code to referral."
            ),
            "duration": "",
            "learning_goals": _goals(
                "You know the sex industry and where young people are at risk.",
                "You recognise signals of sexual exploitation of young people.",
                "You practise with the Dutch reporting code for domestic violence and child abuse.",
                "You know how to intervene, refer and inform young people preventively.",
            ),
            "accreditation": "",
            "price_information": (
                "Participants from the municipality of Rotterdam pay a strongly reduced tariff. "
                "Other municipalities can make the same arrangement; ask us."
            ),
            "body": _text(
                "For social workers, youth workers, teachers, shelter staff and community police "
                "officers. You work with real cases and practise conversations."
            ),
        },
    },
    {
        "slug": "jeugdprostitutie-incompany",
        "audience": Audience.PROFESSIONALS,
        "format": Format.IN_COMPANY,
        "theme": Theme.YOUTH_PROSTITUTION,
        "nl": {
            "title": "Jeugdprostitutie: training op locatie voor je team",
            "summary": (
                "Dezelfde training, bij jouw organisatie en afgestemd op je team: voor opvang, "
                "zorgaanbieders, scholen en gemeenten."
            ),
            "duration": "",
            "learning_goals": _goals(
                "Een gedeeld beeld van signalen en risico's in je eigen werkveld.",
                "Afspraken over wie wat doet bij een vermoeden.",
                "Oefenen met de meldcode aan de hand van casussen uit je eigen praktijk.",
            ),
            "accreditation": "",
            "price_information": (
                "Prijs op aanvraag. Deelnemers uit de gemeente Rotterdam betalen een sterk "
                "verlaagd tarief; andere gemeenten kunnen dezelfde afspraak maken."
            ),
            "body": _text(
                "Na een melding kunnen we de training ook outreachend geven, bijvoorbeeld bij "
                "een team dat met een concrete zorg zit."
            ),
        },
        "en": {
            "title": "Sexual exploitation of young people: in-company training for your team",
            "summary": (
                "The same training at your organisation, tailored to your team: for shelters, "
                "care providers, schools and municipalities."
            ),
            "duration": "",
            "learning_goals": _goals(
                "A shared picture of signals and risks in your own field.",
                "Agreements on who does what when there is a concern.",
                "Practice with the reporting code using cases from your own work.",
            ),
            "accreditation": "",
            "price_information": (
                "Price on request. Participants from the municipality of Rotterdam pay a strongly "
                "reduced tariff; other municipalities can make the same arrangement."
            ),
            "body": _text(
                "After a report we can also give the training outreach-style, for example to a "
                "team facing a specific concern."
            ),
        },
    },
    {
        "slug": "signalen-mensenhandel-herkennen",
        "audience": Audience.PROFESSIONALS,
        "format": Format.ELEARNING,
        "theme": Theme.HUMAN_TRAFFICKING,
        "nl": {
            "title": "Signalen van mensenhandel herkennen",
            "summary": (
                "E-learning voor wie slachtoffers kan tegenkomen, zoals medewerkers van de "
                "opvang: de elementen en vormen van mensenhandel, signalen en rechten."
            ),
            "duration": "",
            "learning_goals": _goals(
                "Je kent de wettelijke omschrijving van mensenhandel, met de drie elementen "
                "en de vier vormen.",
                "Je herkent risicofactoren en signalen van gedwongen werk, ook bij jongens, "
                "mannen en lhbtiq+-personen.",
                "Je weet wat je doet met een vermoeden: de meldcode, Veilig Thuis en het "
                "Advies- en Meldpunt van het centrum.",
                "Je weet welke rechten slachtoffers hebben en waar zij hulp vinden.",
                "Je praat zonder oordeel over sekswerk en seksualiteit.",
            ),
            "accreditation": "",
            "price_information": "",
            "body": _text(
                "Een vervolg op de korte landelijke e-learning voor baliemedewerkers en "
                "inspecteurs. Je werkt in je eigen tempo en sluit af met een toets."
            ),
        },
        "en": {
            "title": "Recognising signs of human trafficking",
            "summary": (
                "E-learning for anyone who may meet victims, such as shelter staff: the elements "
                "and forms of trafficking, signals and rights."
            ),
            "duration": "",
            "learning_goals": _goals(
                "You know the legal description of human trafficking, with its three elements "
                "and four forms.",
                "You recognise risk factors and signals of forced work, also in boys, men and "
                "LGBTIQ+ people.",
                "You know what to do with a suspicion: the reporting code, Veilig Thuis and the "
                "centre's Advies- en Meldpunt.",
                "You know the rights of victims and where they can get help.",
                "You talk about sex work and sexuality without judgement.",
            ),
            "accreditation": "",
            "price_information": "",
            "body": _text(
                "A follow-up to the short national e-learning for front-desk staff and "
                "inspectors. Work at your own pace and finish with a quiz."
            ),
        },
    },
    {
        "slug": "preventieles",
        "audience": Audience.EDUCATION,
        "format": Format.SCHOOL_LESSON,
        "theme": Theme.ONLINE_SAFETY,
        "nl": {
            "title": "Preventieles van 90 minuten",
            "summary": (
                "Een interactieve les voor jongeren over grenzen, internet en sociale media, "
                "altijd gegeven door twee voorlichters, op school of op een andere locatie."
            ),
            "duration": "90 minuten",
            "learning_goals": _goals(
                "Jongeren oefenen met grenzen aangeven en respecteren.",
                "Ze kennen de risico's van internet en sociale media.",
                "Ze weten wat sexting, shaming, deepfakes en sextortion zijn.",
                "Ze weten waar ze terechtkunnen voor hulp.",
            ),
            "accreditation": "",
            "price_information": ("Op aanvraag."),
            "body": _text(
                "Voor het voortgezet onderwijs, het mbo, buurthuizen en trainingshuizen voor "
                "begeleid wonen. Er zijn ook modules voor (onderwijs)professionals over het "
                "signaleren van zorgwekkend gedrag."
            ),
        },
        "en": {
            "title": "90-minute prevention lesson",
            "summary": (
                "An interactive lesson for young people on boundaries, the internet and social "
                "media, always given by two trainers, at school or another location."
            ),
            "duration": "90 minutes",
            "learning_goals": _goals(
                "Young people practise setting and respecting boundaries.",
                "They know the risks of the internet and social media.",
                "They know what sexting, shaming, deepfakes and sextortion are.",
                "They know where to go for help.",
            ),
            "accreditation": "",
            "price_information": ("On request."),
            "body": _text(
                "For secondary schools, MBO colleges, community centres and supported-living "
                "programmes. There are also modules for (education) professionals on spotting "
                "worrying behaviour."
            ),
        },
    },
    {
        "slug": "girls-talk",
        "audience": Audience.YOUNG_PEOPLE,
        "format": Format.GROUP_PROGRAMME,
        "theme": Theme.RESILIENCE,
        "number_of_meetings": 9,
        "nl": {
            "title": "Girls' Talk",
            "summary": (
                "Groepsbegeleiding in negen bijeenkomsten voor meiden van ongeveer 14 tot 21 "
                "jaar die een verhoogd risico lopen om te maken te krijgen met seksueel "
                "grensoverschrijdend gedrag."
            ),
            "duration": "",
            "learning_goals": _goals(
                "Meiden praten open over relaties, seksualiteit en weerbaarheid.",
                "Ze herkennen hoe pooierboys (vroeger loverboys genoemd) en uitbuiters werken.",
                "Ze weten welke hulp er in hun eigen stad is.",
            ),
            "accreditation": "",
            "price_information": "Aan te vragen door scholen en zorgorganisaties.",
            "body": _text(
                "Volgens de methodiek van Rutgers (door het NJi beoordeeld als goed onderbouwd), "
                "door het centrum aangevuld met informatie over pooierboys (vroeger loverboys "
                "genoemd), jeugdprostitutie en de lokale situatie. Alleen voorlichters die in "
                "de methodiek zijn getraind geven de bijeenkomsten. Deelnemers worden nooit op "
                "dit platform geregistreerd."
            ),
        },
        "en": {
            "title": "Girls' Talk",
            "summary": (
                "Group counselling in nine meetings for girls of about 14 to 21 who are at "
                "increased risk of experiencing sexually transgressive behaviour."
            ),
            "duration": "",
            "learning_goals": _goals(
                "Girls talk openly about relationships, sexuality and resilience.",
                "They recognise how pimp boys (formerly called loverboys) and exploiters operate.",
                "They know what help there is in their own city.",
            ),
            "accreditation": "",
            "price_information": "Can be requested by schools and care organisations.",
            "body": _text(
                'Following the Rutgers methodology (rated "well founded" by the NJi), extended by '
                "the centre with information on pimp boys (formerly called loverboys), sexual "
                "exploitation of young people and the local situation. Only trainers trained in "
                "the methodology lead the meetings. Participants are never registered on this "
                "platform."
            ),
        },
    },
    {
        "slug": "make-a-move",
        "audience": Audience.YOUNG_PEOPLE,
        "format": Format.GROUP_PROGRAMME,
        "theme": Theme.RESILIENCE,
        "nl": {
            "title": "Make a Move",
            "summary": (
                "De variant van Girls' Talk voor jongens: in een groep praten over grenzen, "
                "druk van anderen, seksualiteit en respect."
            ),
            "duration": "",
            "learning_goals": _goals(
                "Jongens onderzoeken hun eigen grenzen en die van anderen.",
                "Ze herkennen groepsdruk en grensoverschrijdend gedrag, online en offline.",
                "Ze weten waar ze met vragen terechtkunnen.",
            ),
            "accreditation": "",
            "price_information": "Aan te vragen door scholen en zorgorganisaties.",
            "body": _text(
                "Gegeven door getrainde voorlichters. Deelnemers worden nooit op dit platform "
                "geregistreerd; voorlichters noteren alleen hoeveel jongeren meededen."
            ),
        },
        "en": {
            "title": "Make a Move",
            "summary": (
                "The variant of Girls' Talk for boys: talking in a group about boundaries, "
                "pressure from others, sexuality and respect."
            ),
            "duration": "",
            "learning_goals": _goals(
                "Boys explore their own boundaries and those of others.",
                "They recognise group pressure and transgressive behaviour, online and offline.",
                "They know where to go with questions.",
            ),
            "accreditation": "",
            "price_information": "Can be requested by schools and care organisations.",
            "body": _text(
                "Led by trained trainers. Participants are never registered on this platform; "
                "trainers record only how many young people took part."
            ),
        },
    },
]


# The four offers from the centre's brief, one card each on the home page.
FEATURED = [
    "training-jeugdprostitutie",
    "signalen-mensenhandel-herkennen",
    "preventieles",
    "girls-talk",
]


def seed(ctx: SeedContext) -> None:
    nl, en = ctx.locales["nl"], ctx.locales["en"]
    catalogue_nl, created = upsert_page(
        ctx.homes["nl"],
        CourseIndexPage,
        slug="aanbod",
        locale=nl,
        title="Aanbod",
        intro="Trainingen, e-learning, lessen en groepsprogramma's van het expertisecentrum.",
    )
    catalogue_en, _ = upsert_page(
        ctx.homes["en"],
        CourseIndexPage,
        slug="offer",
        locale=en,
        title="Our offer",
        translation_of=catalogue_nl,
        intro="Training, e-learning, lessons and group programmes from the expertise centre.",
    )
    if created:
        ctx.log.append("catalogue (nl + en)")
    pages: dict[str, dict] = {}
    for course in COURSES:
        shared = {
            key: course[key]
            for key in ("audience", "format", "theme", "number_of_meetings")
            if key in course
        }
        nl_page, created = upsert_page(
            catalogue_nl, CoursePage, slug=course["slug"], locale=nl, **shared, **course["nl"]
        )
        en_page, _ = upsert_page(
            catalogue_en,
            CoursePage,
            slug=course["slug"],
            locale=en,
            translation_of=nl_page,
            **shared,
            **course["en"],
        )
        pages[course["slug"]] = {"nl": nl_page, "en": en_page}
        if created:
            ctx.log.append(f"course {course['slug']} (nl + en)")
    ctx.pages.update(pages)
    seed_images(ctx, pages)
    seed_lessons(ctx)
    seed_quiz(ctx)
    seed_session_plans(ctx)

    for lang, catalogue in (("nl", catalogue_nl), ("en", catalogue_en)):
        home = ctx.homes[lang]
        if not any(block.block_type == "featured_pages" for block in home.body):
            featured = {
                "heading": "Ons aanbod" if lang == "nl" else "What we offer",
                "pages": [pages[slug][lang] for slug in FEATURED],
                "more_link": catalogue,
                "more_text": "Bekijk het hele aanbod" if lang == "nl" else "See the whole offer",
            }
            home.body.insert(0, ("featured_pages", featured))
            home.save_revision().publish()


# Abstract illustrations the demo draws itself (never photos of people): the
# centre's colours, a different arrangement of shapes per course.
ILLUSTRATED = {
    "training-jeugdprostitutie": 1,
    "signalen-mensenhandel-herkennen": 2,
    "preventieles": 3,
    "girls-talk": 4,
}
ILLUSTRATION_ALT = {
    "nl": "Abstracte illustratie: overlappende cirkels en vlakken in paars en geel",
    "en": "Abstract illustration: overlapping circles and shapes in purple and yellow",
}
ILLUSTRATION_COLOURS = ["#5b2a86", "#8e5bb8", "#ffbf47", "#3f1d5e", "#e9e1f2"]


def draw_illustration(seed: int) -> bytes:
    """A 1280x720 PNG of overlapping translucent circles and a band, the same
    for the same seed."""
    import random
    from io import BytesIO

    from PIL import Image as PILImage
    from PIL import ImageDraw

    rng = random.Random(seed)
    canvas = PILImage.new("RGBA", (1280, 720), "#f3f0f7")
    for _ in range(7):
        layer = PILImage.new("RGBA", canvas.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(layer)
        colour = PILImage.new("RGB", (1, 1), rng.choice(ILLUSTRATION_COLOURS)).getpixel((0, 0))
        x, y, r = rng.randint(0, 1280), rng.randint(0, 720), rng.randint(120, 360)
        if rng.random() < 0.75:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, 170))
        else:
            draw.rounded_rectangle((x - r, y - r // 3, x + r, y + r // 3), 40, fill=(*colour, 150))
        canvas = PILImage.alpha_composite(canvas, layer)
    out = BytesIO()
    canvas.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()


def seed_images(ctx: SeedContext, pages: dict[str, dict]) -> None:
    """Give a few courses an illustration (both languages share the image)."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from wagtail.images.models import Image

    made = 0
    for slug, seed in ILLUSTRATED.items():
        translations = pages.get(slug, {})
        if not translations or all(page.image_id for page in translations.values()):
            continue
        title = f"Illustratie {slug}"
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image(title=title)
            image.file = ImageFile(BytesIO(draw_illustration(seed)), name=f"{slug}.png")
            image.save()
            made += 1
        for lang, page in translations.items():
            page.image = image
            page.image_alt = ILLUSTRATION_ALT[lang]
            page.save_revision().publish()
    if made:
        ctx.log.append(f"{made} course illustrations")


DEMO_DATA = Path(__file__).with_name("demo_data")
LANGUAGES = ("nl", "en")


def rich_text(value: str | list) -> str:
    """The HTML of a rich text in a data file: either HTML as it is, or a list of
    HTML parts in which a nested list of strings is a bulleted list."""
    if isinstance(value, str):
        return value
    return "".join(part if isinstance(part, str) else _goals(*part) for part in value)


def _block_value(block: blocks.Block, value):
    """`value` from a data file as `block` takes it, with its rich texts as HTML. A
    field the file leaves out (an option's weight, a question's points) gets the
    block's default, so the files hold only what is said."""
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value)
    if isinstance(block, blocks.StructBlock):
        unknown = value.keys() - block.child_blocks.keys()
        if unknown:
            raise ValueError(f"unknown field(s) {sorted(unknown)} in a {type(block).__name__}")
        return {
            name: _block_value(child, value[name]) if name in value else _default(child)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [_block_value(block.child_block, item) for item in value]
    return value


def _default(block: blocks.Block):
    """The block's default as plain data (a list, not a ListValue)."""
    default = block.get_default()
    return list(default) if isinstance(block, blocks.ListBlock) else default


def _stream(field, items: list[dict]) -> list[tuple]:
    """A StreamField's content from a data file's list of {"type", "value"} items."""
    stream_block = field.stream_block
    return [
        (item["type"], _block_value(stream_block.child_blocks[item["type"]], item["value"]))
        for item in items
    ]


def _read(kind: str) -> dict[str, dict]:
    """Every data file in `demo_data/<kind>/`, keyed by course slug (the file's name)."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((DEMO_DATA / kind).glob("*.json"))
    }


def load_lessons() -> dict[str, list[dict]]:
    """The demo lessons per course slug: each with its slug, minutes and, per language,
    the LessonPage fields (title, intro, body)."""
    body = LessonPage._meta.get_field("body")
    return {
        course: [
            {
                "slug": lesson["slug"],
                "minutes": lesson["minutes"],
                **{
                    lang: {
                        "title": lesson[lang]["title"],
                        "intro": lesson[lang]["intro"],
                        "body": _stream(body, lesson[lang]["body"]),
                    }
                    for lang in LANGUAGES
                },
            }
            for lesson in data["lessons"]
        ]
        for course, data in _read("lessons").items()
    }


def load_session_plans() -> dict[str, list[dict]]:
    """The demo session plans per course slug: each with its slug, number, duration
    and, per language, the SessionPlanPage fields (title, goals, materials, activities)."""
    activities = SessionPlanPage._meta.get_field("activities")
    return {
        course: [
            {
                "slug": plan["slug"],
                "number": plan["number"],
                "duration_minutes": plan.get("duration_minutes"),
                **{
                    lang: {
                        "title": plan[lang]["title"],
                        "goals": _goals(*plan[lang]["goals"]),
                        "materials": _goals(*plan[lang]["materials"])
                        if plan[lang]["materials"]
                        else "",
                        "activities": _stream(
                            activities,
                            [{"type": "activity", "value": a} for a in plan[lang]["activities"]],
                        ),
                    }
                    for lang in LANGUAGES
                },
            }
            for plan in data["session_plans"]
        ]
        for course, data in _read("session_plans").items()
    }


# The settings a quiz file may give, and how each is read: the review levels by
# name ("feedback", "answers"), the rest as the QuizPage field takes it.
QUIZ_SETTINGS = {
    "pass_mark": int,
    "max_attempts": int,
    "grading_method": GradingMethod,
    "time_limit_minutes": int,
    "shuffle_questions": bool,
    "shuffle_options": bool,
    "review_after_attempt": lambda name: Review[name.upper()],
    "review_after_close": lambda name: Review[name.upper()],
}


def load_quizzes() -> dict[str, dict]:
    """The demo quiz per course slug: its slug, its settings (QuizPage fields) and,
    per language, the title, intro and questions (as the `questions` StreamField
    takes them). Each question in the file holds both languages side by side."""
    questions = QuizPage._meta.get_field("questions")
    quizzes = {}
    for course, data in _read("quizzes").items():
        unknown = data["settings"].keys() - QUIZ_SETTINGS.keys()
        if unknown:
            raise ValueError(f"{course}: unknown quiz setting(s) {sorted(unknown)}")
        quizzes[course] = {
            "slug": data["slug"],
            "settings": {key: QUIZ_SETTINGS[key](value) for key, value in data["settings"].items()},
            **{
                lang: {
                    "title": data[lang]["title"],
                    "intro": data[lang]["intro"],
                    "questions": _stream(
                        questions,
                        [{"type": q["type"], "value": q[lang]} for q in data["questions"]],
                    ),
                }
                for lang in LANGUAGES
            },
        }
    return quizzes


def seed_lessons(ctx: SeedContext) -> None:
    """Each course's lessons, in Dutch and English. A course that has lessons
    already is left alone as a whole: a database seeded with an earlier version of
    the texts keeps that version, never a mix of old and new lessons."""
    nl, en = ctx.locales["nl"], ctx.locales["en"]
    for course_slug, lessons in load_lessons().items():
        course = ctx.pages[course_slug]
        if LessonPage.objects.child_of(course["nl"]).exists():
            continue
        made = 0
        for lesson in lessons:
            nl_page, created = upsert_page(
                course["nl"],
                LessonPage,
                slug=lesson["slug"],
                locale=nl,
                minutes=lesson["minutes"],
                **lesson["nl"],
            )
            upsert_page(
                course["en"],
                LessonPage,
                slug=lesson["slug"],
                locale=en,
                minutes=lesson["minutes"],
                translation_of=nl_page,
                **lesson["en"],
            )
            made += created
        if made:
            ctx.log.append(f"{made} lessons of {course_slug} (nl + en)")


def seed_session_plans(ctx: SeedContext) -> None:
    nl, en = ctx.locales["nl"], ctx.locales["en"]
    for course_slug, plans in load_session_plans().items():
        course = ctx.pages[course_slug]
        made = 0
        for plan in plans:
            shared = {"number": plan["number"], "duration_minutes": plan["duration_minutes"]}
            nl_page, created = upsert_page(
                course["nl"], SessionPlanPage, slug=plan["slug"], locale=nl, **shared, **plan["nl"]
            )
            upsert_page(
                course["en"],
                SessionPlanPage,
                slug=plan["slug"],
                locale=en,
                translation_of=nl_page,
                **shared,
                **plan["en"],
            )
            made += created
        if made:
            ctx.log.append(f"{made} session plan(s) of {course_slug} (nl + en)")


def seed_quiz(ctx: SeedContext) -> None:
    """Each course's closing quiz from `demo_data/quizzes/`, in Dutch and English."""
    for course_slug, quiz in load_quizzes().items():
        course = ctx.pages[course_slug]
        nl_quiz, created = upsert_page(
            course["nl"],
            QuizPage,
            slug=quiz["slug"],
            locale=ctx.locales["nl"],
            **quiz["settings"],
            **quiz["nl"],
        )
        upsert_page(
            course["en"],
            QuizPage,
            slug=quiz["slug"],
            locale=ctx.locales["en"],
            translation_of=nl_quiz,
            **quiz["settings"],
            **quiz["en"],
        )
        if created:
            ctx.log.append(f"closing quiz of {course_slug} (nl + en)")
