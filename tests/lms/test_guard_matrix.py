"""Every object guarded: each URL that takes an id, a code or a token,
requested by a visitor who is not logged in, the object's owner, another
learner, a school contact of another school, a trainer who is not assigned,
and a coordinator, gets exactly the answer it should.

The rules the answers follow:
- a page for logged-in people sends a visitor to log in (before it looks the
  object up, so the redirect says nothing about whether it exists);
- someone else's object (a booking, a quiz attempt, a certificate's PDF, a
  session's attendance list, a trainer's day off) is a 404, as if it did not
  exist; a coordinator gets what the back office needs (attendance, PDFs);
- public content (a course, a lesson, a quiz) exists for everyone: an action
  the person may not take yet (not enrolled) is a 403 with the reason;
- a link with a secret token is the key itself: whoever holds it gets the
  page, an unknown token is a 404 (an expired one a 410); a held place's link
  works only for the invited account (403 for another, with the reason);
- what only a role may read (quiz results and their CSV export, session
  plans) is a 404 for the other roles.

The last test walks the URL resolver: a new URL with a parameter fails the
suite until it is in this matrix."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from bookings import groups, incompany, services
from bookings.models import SchoolLessonRequest
from certificates import services as certificates
from courses import services as learning
from courses.choices import Format
from courses.quizzes import services as quizzes
from lms import roles
from tests.bookings.school_factories import (
    SchoolFactory,
    SchoolLessonRequestFactory,
    proposed_request,
)
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    QuizPageFactory,
    SessionPlanPageFactory,
    UserFactory,
)
from tests.workshops.factories import TrainerFactory, TrainingDayFactory
from workshops import availability, feeds
from workshops.choices import DayKind, DayStatus
from workshops.models import Assignment

pytestmark = pytest.mark.django_db

ANONYMOUS, OWNER, LEARNER, SCHOOL, TRAINER, COORDINATOR = (
    "anonymous",
    "owner",
    "another learner",
    "school contact of another school",
    "trainer not assigned",
    "coordinator",
)
LOG_IN = "log-in redirect"
ELSEWHERE = "redirect (not to log in)"


def answers(everyone, **given) -> dict:
    """The answer per role: `everyone` unless `given` (by keyword: anonymous,
    owner, learner, school, trainer, coordinator) says otherwise. An owner of
    None means the URL has no owner (its readers are a role)."""
    keys = {
        "anonymous": ANONYMOUS,
        "learner": LEARNER,
        "school": SCHOOL,
        "trainer": TRAINER,
        "coordinator": COORDINATOR,
        "owner": OWNER,
    }
    result = dict.fromkeys(keys.values(), everyone)
    for key, answer in given.items():
        result[keys[key]] = answer
    return {role: answer for role, answer in result.items() if answer is not None}


@dataclass
class Target:
    url: str
    owner: object = None  # None: the owner is whoever holds the link (not logged in)
    data: dict = field(default_factory=dict)


class World:
    """The people every case is requested by, and the content cases build on."""

    def __init__(self, homes, on_commit):
        self.homes = homes
        self.on_commit = on_commit
        self.learner = UserFactory(roles=[roles.LEARNERS])
        self.school_contact = UserFactory(roles=[roles.SCHOOL_CONTACTS])
        SchoolFactory(name="Andere School").contacts.add(self.school_contact)
        self.trainer = TrainerFactory().user
        self.coordinator = UserFactory(roles=[roles.COORDINATORS])
        self._catalogue = None

    def user_for(self, role: str, target: Target):
        return {
            ANONYMOUS: None,
            OWNER: target.owner,
            LEARNER: self.learner,
            SCHOOL: self.school_contact,
            TRAINER: self.trainer,
            COORDINATOR: self.coordinator,
        }[role]

    def new_learner(self):
        return UserFactory(roles=[roles.LEARNERS], first_name="Olga", last_name="Eigenaar")

    def catalogue(self):
        if self._catalogue is None:
            self._catalogue = CourseIndexPageFactory(parent=self.homes["nl"], slug="aanbod")
        return self._catalogue

    def elearning(self, **fields):
        course = CoursePageFactory(
            parent=self.catalogue(), format=Format.ELEARNING, allow_preview=False, **fields
        )
        course.lesson = LessonPageFactory(parent=course)
        course.quiz = QuizPageFactory(parent=course)
        return course

    def training_course(self):
        return CoursePageFactory(parent=self.catalogue(), format=Format.TRAINING_DAY)

    def day(self, **fields):
        return TrainingDayFactory(course=self.training_course(), **fields)


# --- Courses, quizzes and results ------------------------------------------------------


def enrolled(world):
    owner, course = world.new_learner(), world.elearning()
    learning.enroll(owner, course)
    return owner, course


def course_to_enrol(world):
    return Target(reverse("courses:enroll", args=[world.elearning().pk]), world.new_learner())


def course_not_live(world):
    course = world.elearning()
    course.unpublish()
    return Target(reverse("courses:enroll", args=[course.pk]), world.new_learner())


def lesson_to_mark_done(world):
    owner, course = enrolled(world)
    return Target(reverse("courses:lesson_done", args=[course.lesson.pk]), owner)


def quiz_to_start(world):
    owner, course = enrolled(world)
    return Target(reverse("courses:quiz_start", args=[course.quiz.pk]), owner)


def quiz_results(world):
    return Target(reverse("courses:quiz_results", args=[world.elearning().quiz.pk]))


def quiz_results_csv(world):
    target = quiz_results(world)
    target.data = {"format": "csv"}
    return target


def own_attempt(world, name):
    owner, course = enrolled(world)
    attempt = quizzes.start_attempt(owner, course.quiz)
    return Target(reverse(name, args=[attempt.pk]), owner)


def own_certificate(world, name):
    owner, course = world.new_learner(), world.elearning()
    with world.on_commit(execute=True):
        certificate = certificates.issue_for_course(owner, course)
    return Target(reverse(name, args=[certificate.code]), owner)


def unknown_code(world):
    return Target(reverse("certificates:verify_code", args=["ABCD-EFGH-JKMN-PQ"]))


# --- Training days, bookings, groups, in-company -------------------------------------------


def open_day(world, name):
    return Target(reverse(name, args=[world.day().key]), world.new_learner())


def draft_day(world, name):
    return Target(reverse(name, args=[world.day(status=DayStatus.DRAFT).key]), world.new_learner())


def in_company_day(world, name, *, with_invitation):
    day = world.day(kind=DayKind.IN_COMPANY, organisation="Opvang Zuid")
    target = Target(reverse(name, args=[day.key]), world.new_learner())
    if with_invitation:
        target.data = {"invitation": day.invitation_token}
    return target


def own_booking(world, name):
    owner = world.new_learner()
    registration = services.book_place(world.day(), owner, organisation="Wijkteam Noord")
    return Target(reverse(name, args=[registration.pk]), owner)


def held_place(world):
    colleague = world.new_learner()
    group = groups.book_group(
        world.day(), world.new_learner(), emails=[colleague.email], organisation="Wijkteam"
    )
    return Target(reverse("bookings:claim", args=[group.places.get().claim_token]), colleague)


def in_company_request(world):
    request = incompany.submit_request(
        course=world.training_course(),
        language="nl",
        organisation="Opvang Zuid",
        contact_name="Eva de Wit",
        contact_email="eva@example.org",
        team_size=12,
        preferred_periods="Maart",
        location="Rotterdam",
    )
    return Target(reverse("bookings:in_company_confirm", args=[request.confirm_token]))


def unknown_token(name):
    return lambda world: Target(reverse(name, args=["onbekend-token-0000000000"]))


# --- Trainers: attendance, days off, calendar feed ------------------------------------------


def assigned_session(world):
    owner = TrainerFactory()
    session = world.day().sessions.get()
    Assignment.objects.create(session=session, trainer=owner)
    return Target(reverse("bookings:attendance", args=[session.pk]), owner.user)


def own_day_off(world):
    owner = TrainerFactory()
    start = timezone.localdate() + timedelta(days=40)
    period = availability.add_unavailability(owner, start, start + timedelta(days=2))
    return Target(reverse("bookings:availability_remove", args=[period.pk]), owner.user)


def trainer_feed(world):
    token = feeds.regenerate_feed_token(TrainerFactory())
    return Target(reverse("bookings:trainer_feed", args=[token]))


# --- Schools' links ---------------------------------------------------------------------------


def school_to_confirm(world):
    request = SchoolLessonRequestFactory(
        status=SchoolLessonRequest.Status.UNCONFIRMED, confirmed_at=None
    )
    return Target(reverse("bookings:school_confirm", args=[request.confirm_token]))


def school_proposal(world, *, expired=False):
    request = proposed_request(
        classes=1, expires_in=timedelta(days=-1) if expired else timedelta(days=14)
    )
    return Target(reverse("bookings:school_proposal", args=[request.answer_token]))


def school_evaluation(world):
    request = SchoolLessonRequestFactory(
        status=SchoolLessonRequest.Status.DELIVERED, evaluation_token="evaluatie-token-12345"
    )
    return Target(reverse("bookings:school_evaluation", args=[request.evaluation_token]))


# --- Wagtail's pages and documents --------------------------------------------------------------


def session_plan(world):
    programme = CoursePageFactory(parent=world.catalogue(), format=Format.GROUP_PROGRAMME)
    return Target(SessionPlanPageFactory(parent=programme).url)


def lesson_page(world):
    owner, course = enrolled(world)
    return Target(course.lesson.url, owner)


def password_page(world):
    page = world.elearning()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-2026"
    )
    return Target(reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]))


def unknown_restriction(world):
    page = world.elearning()
    return Target(reverse("wagtailcore_authenticate_with_password", args=[999999, page.pk]))


def document(world, *, collection=None):
    doc = Document.objects.create(
        title="Handreiking",
        file=ContentFile(b"%PDF-1.4 handreiking", name="handreiking.pdf"),
        collection=collection or Collection.get_first_root_node(),
    )
    return Target(reverse("wagtaildocs_serve", args=[doc.pk, doc.filename]))


def private_document(world):
    collection = Collection.get_first_root_node().add_child(name="Voor ingelogden")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return document(world, collection=collection)


def document_with_another_name(world):
    target = document(world)
    target.url = target.url.replace("handreiking.pdf", "iets-anders.pdf")
    return target


def password_collection(world, *, known=True):
    collection = Collection.get_first_root_node().add_child(name="Met wachtwoord")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="geheim-2026",
    )
    return Target(
        reverse(
            "wagtaildocs_authenticate_with_password", args=[restriction.pk if known else 999999]
        )
    )


# --- The matrix ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str  # the URL's name as the resolver knows it
    what: str
    build: Callable[[World], Target]
    expected: dict
    method: str = "get"


def _with(build, *args, **kwargs):
    return lambda world: build(world, *args, **kwargs)


EVERYONE = answers(200)
NOBODY = answers(404)

CASES = [
    # Courses: public content; the actions need an enrolment.
    Case(
        "courses:enroll",
        "a live e-learning",
        course_to_enrol,
        answers(ELSEWHERE, anonymous=LOG_IN),
        "post",
    ),
    Case(
        "courses:enroll",
        "a course taken offline",
        course_not_live,
        answers(404, anonymous=LOG_IN),
        "post",
    ),
    Case(
        "courses:lesson_done",
        "a lesson of the owner's course",
        lesson_to_mark_done,
        answers(403, anonymous=LOG_IN, owner=ELSEWHERE),
        "post",
    ),
    Case(
        "courses:quiz_start",
        "a quiz of the owner's course",
        quiz_to_start,
        answers(403, anonymous=LOG_IN, owner=ELSEWHERE),
        "post",
    ),
    Case(
        "courses:quiz_results",
        "a quiz's results",
        quiz_results,
        answers(404, anonymous=LOG_IN, owner=None, trainer=200, coordinator=200),
    ),
    Case(
        "courses:quiz_results",
        "a quiz's results as CSV",
        quiz_results_csv,
        answers(404, anonymous=LOG_IN, owner=None, trainer=200, coordinator=200),
    ),
    Case(
        "courses:quiz_attempt",
        "the owner's attempt",
        _with(own_attempt, "courses:quiz_attempt"),
        answers(404, anonymous=LOG_IN, owner=200),
    ),
    Case(
        "courses:quiz_submit",
        "the owner's attempt",
        _with(own_attempt, "courses:quiz_submit"),
        answers(404, anonymous=LOG_IN, owner=ELSEWHERE),
        "post",
    ),
    # Certificates: anyone verifies a code; the PDF is the owner's (and the centre's).
    Case(
        "certificates:verify_code",
        "an issued certificate",
        _with(own_certificate, "certificates:verify_code"),
        EVERYONE,
    ),
    Case("certificates:verify_code", "an unknown code", unknown_code, NOBODY),
    Case(
        "certificates:pdf",
        "the owner's certificate",
        _with(own_certificate, "certificates:pdf"),
        answers(404, owner=200, coordinator=200),
    ),
    # Training days: open days for everyone logged in; in-company days only with the invitation.
    Case(
        "bookings:book",
        "an open day",
        _with(open_day, "bookings:book"),
        answers(200, anonymous=LOG_IN),
    ),
    Case(
        "bookings:book",
        "a draft day",
        _with(draft_day, "bookings:book"),
        answers(404, anonymous=LOG_IN),
    ),
    Case(
        "bookings:book",
        "an in-company day without its invitation",
        _with(in_company_day, "bookings:book", with_invitation=False),
        answers(404, anonymous=LOG_IN),
    ),
    Case(
        "bookings:book",
        "an in-company day with its invitation",
        _with(in_company_day, "bookings:book", with_invitation=True),
        answers(200, anonymous=LOG_IN),
    ),
    Case(
        "bookings:book_group",
        "an open day",
        _with(open_day, "bookings:book_group"),
        answers(200, anonymous=LOG_IN),
    ),
    Case(
        "bookings:book_group",
        "an in-company day without its invitation",
        _with(in_company_day, "bookings:book_group", with_invitation=False),
        answers(404, anonymous=LOG_IN),
    ),
    Case(
        "bookings:cancel",
        "the owner's booking",
        _with(own_booking, "bookings:cancel"),
        answers(404, anonymous=LOG_IN, owner=200),
    ),
    Case(
        "bookings:ics",
        "the owner's booking",
        _with(own_booking, "bookings:ics"),
        answers(404, anonymous=LOG_IN, owner=200),
    ),
    Case(
        "bookings:claim",
        "a place held for the owner",
        held_place,
        answers(403, anonymous=200, owner=200),
    ),
    Case("bookings:claim", "an unknown link", unknown_token("bookings:claim"), NOBODY),
    Case("bookings:in_company_confirm", "a request's link", in_company_request, EVERYONE),
    Case(
        "bookings:in_company_confirm",
        "an unknown link",
        unknown_token("bookings:in_company_confirm"),
        NOBODY,
    ),
    # Trainers: their own sessions and days off; the feed's token is its key.
    Case(
        "bookings:attendance",
        "a session the owner gives",
        assigned_session,
        answers(404, anonymous=LOG_IN, owner=200, coordinator=200),
    ),
    Case(
        "bookings:availability_remove",
        "the owner's day off",
        own_day_off,
        answers(404, anonymous=LOG_IN, owner=ELSEWHERE),
        "post",
    ),
    Case("bookings:trainer_feed", "a trainer's feed", trainer_feed, EVERYONE),
    Case(
        "bookings:trainer_feed", "an unknown feed", unknown_token("bookings:trainer_feed"), NOBODY
    ),
    # Schools: each link is the key (no account needed).
    Case("bookings:school_confirm", "a request's link", school_to_confirm, EVERYONE),
    Case(
        "bookings:school_confirm",
        "an unknown link",
        unknown_token("bookings:school_confirm"),
        NOBODY,
    ),
    Case("bookings:school_proposal", "a proposal's link", school_proposal, EVERYONE),
    Case(
        "bookings:school_proposal",
        "an expired link",
        _with(school_proposal, expired=True),
        answers(410),
    ),
    Case(
        "bookings:school_proposal",
        "an unknown link",
        unknown_token("bookings:school_proposal"),
        NOBODY,
    ),
    Case("bookings:school_evaluation", "an evaluation's link", school_evaluation, EVERYONE),
    Case(
        "bookings:school_evaluation",
        "an unknown link",
        unknown_token("bookings:school_evaluation"),
        NOBODY,
    ),
    # Wagtail: pages by path (role pages and lessons), passwords, documents.
    Case(
        "wagtail_serve",
        "a session plan",
        session_plan,
        answers(404, anonymous=LOG_IN, owner=None, trainer=200, coordinator=200),
    ),
    Case(
        "wagtail_serve",
        "a lesson of the owner's course",
        lesson_page,
        answers(ELSEWHERE, anonymous=LOG_IN, owner=200),
    ),
    Case("wagtailcore_authenticate_with_password", "a password page", password_page, EVERYONE),
    Case(
        "wagtailcore_authenticate_with_password",
        "an unknown restriction",
        unknown_restriction,
        NOBODY,
    ),
    Case("wagtaildocs_serve", "a public document", document, EVERYONE),
    Case(
        "wagtaildocs_serve",
        "a document for logged-in people",
        private_document,
        answers(200, anonymous=LOG_IN, owner=None),
    ),
    Case("wagtaildocs_serve", "another file name", document_with_another_name, NOBODY),
    Case(
        "wagtaildocs_authenticate_with_password",
        "a password collection",
        password_collection,
        EVERYONE,
    ),
    Case(
        "wagtaildocs_authenticate_with_password",
        "an unknown restriction",
        _with(password_collection, known=False),
        NOBODY,
    ),
]


@pytest.fixture
def world(homes, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return World(homes, django_capture_on_commit_callbacks)


def outcome(client, case, target, response):
    # A path outside the language prefix that nothing answers is sent to its
    # /nl/ form (LocaleMiddleware): what counts is the answer there.
    if response.status_code == 302 and response.url == f"/nl{target.url}":
        response = getattr(client, case.method)(response.url, target.data)
    if response.status_code in (301, 302):
        if response.url.startswith(reverse("account_login")):
            return LOG_IN
        return ELSEWHERE
    return response.status_code


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.name}: {case.what}")
def test_every_role_gets_the_answer_it_should(case, world):
    target = case.build(world)
    # The owner goes last: their answer may change the object (a cancelled booking).
    order = sorted(case.expected, key=lambda role: role == OWNER)
    wrong = []
    for role in order:
        client = Client()
        user = world.user_for(role, target)
        if user is not None:
            client.force_login(user)
        response = getattr(client, case.method)(target.url, target.data)
        got = outcome(client, case, target, response)
        if got != case.expected[role]:
            wrong.append(f"{role}: got {got}, expected {case.expected[role]}")
    assert not wrong, f"{case.name} ({case.what}) at {target.url}:\n" + "\n".join(wrong)


# --- Every URL with a parameter is in the matrix ------------------------------------------------


def _takes_parameters(pattern) -> bool:
    converters = getattr(pattern, "converters", None)
    if converters:
        return True
    regex = getattr(pattern, "regex", None)
    return bool(regex is not None and regex.groups)


def parameterised_urls(patterns=None, prefix="", namespace="", inherited=False):
    """(route, name) of every URL pattern with a converter or a regex group
    (in itself or in an include above it), outside /admin/ and allauth's own."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        takes = inherited or _takes_parameters(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from parameterised_urls(pattern.url_patterns, route, inner, takes)
        elif isinstance(pattern, URLPattern) and takes:
            if route.startswith("admin/") or pattern.lookup_str.startswith("allauth."):
                continue
            yield route, f"{namespace}{pattern.name}" if pattern.name else route


def test_every_url_with_a_parameter_is_in_the_matrix():
    in_matrix = {case.name for case in CASES}
    found = {name for _route, name in parameterised_urls()}
    assert found - in_matrix == set(), "add these URLs to CASES"
    assert in_matrix - found == set(), "these URLs no longer exist"


def test_the_matrix_asks_every_role():
    """Each case asks all five others; the owner too, unless a role reads it."""
    others = {ANONYMOUS, LEARNER, SCHOOL, TRAINER, COORDINATOR}
    assert all(others <= set(case.expected) for case in CASES)
