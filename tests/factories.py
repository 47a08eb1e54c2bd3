import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from courses.choices import Audience, Format, Theme
from courses.models import (
    CourseIndexPage,
    CoursePage,
    LessonPage,
    QuizPage,
    SessionPlanPage,
)
from lms.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.org")
    first_name = "Noor"
    last_name = "Smit"
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)

    @factory.post_generation
    def roles(obj, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                obj.groups.add(Group.objects.get(name=name))


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Aanbod"
    slug = factory.Sequence(lambda n: f"aanbod-{n}")


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Cursus {n}")
    slug = factory.Sequence(lambda n: f"cursus-{n}")
    summary = "Een korte samenvatting."
    audience = Audience.PROFESSIONALS
    format = Format.ELEARNING
    theme = Theme.HUMAN_TRAFFICKING
    duration = "2 uur"
    learning_goals = "<ul><li>Signalen herkennen</li></ul>"


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Les {n}")
    slug = factory.Sequence(lambda n: f"les-{n}")
    intro = "Een inleiding."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Inhoud van de les.</p>")])
    required = True
    minutes = 10


class SessionPlanPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SessionPlanPage

    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    slug = factory.Sequence(lambda n: f"bijeenkomst-{n}")
    number = factory.Sequence(lambda n: n + 1)
    goals = "<ul><li>Vertrouwen opbouwen in de groep</li></ul>"
    duration_minutes = 90
    activities = factory.LazyFunction(
        lambda: [
            ("activity", {"title": "Kennismaken", "minutes": 90, "description": "<p>Rondje.</p>"})
        ]
    )


def question(block_type: str, **value) -> tuple[str, dict]:
    """A question block value with the fields every question has."""
    return (
        block_type,
        {"title": "", "general_feedback": "", "points": 1, "prompt": "Vraag?", **value},
    )


def choice(text: str, correct: bool = False, feedback: str = "", weight=None) -> dict:
    return {"text": text, "correct": correct, "feedback": feedback, "weight": weight}


class QuizPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = QuizPage

    title = factory.Sequence(lambda n: f"Toets {n}")
    slug = factory.Sequence(lambda n: f"toets-{n}")
    pass_mark = 70
    shuffle_options = False
    questions = factory.LazyFunction(
        lambda: [
            question(
                "single_choice",
                title="Elementen",
                options=[choice("Handeling", True, "Goed zo."), choice("Paspoort", False, "Nee.")],
                general_feedback="Drie elementen.",
            ),
            question(
                "true_false",
                prompt="Slachtoffers melden zich vaak zelf.",
                correct=False,
                feedback_true="Helaas niet.",
                feedback_false="Klopt.",
            ),
        ]
    )
