"""Group programmes (Girls' Talk, Make a Move): a group at a partner location
meets a number of times, each meeting given by two trainers. No young person
is ever registered: after a meeting a trainer records only how many took part
(bookings' attendance page) and may add a note about the meeting.

The meetings are ordinary sessions (programme, group, meeting number), so they
appear in the trainers' schedules and calendar feeds, and every assignment
goes through `services.assign_trainer`: a clash is refused there."""

import logging
from dataclasses import dataclass
from datetime import date, time

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from courses.choices import Format
from courses.models import CoursePage
from lms.errors import Refused
from lms.locking import lock_one

from .choices import Programme
from .models import ProgrammeGroup, Session, Trainer
from .services import assign_trainer

logger = logging.getLogger(__name__)

GROUP_PROGRAMMES = (Programme.GIRLS_TALK, Programme.MAKE_A_MOVE)
# The catalogue names of the programmes, as their course pages are titled in
# every language (they are names, not translated).
COURSE_NAMES = {Programme.GIRLS_TALK: "Girls' Talk", Programme.MAKE_A_MOVE: "Make a Move"}
TRAINERS_PER_MEETING = 2
MAX_MEETINGS = 30
MAX_NOTE_LENGTH = 2000


def course_pages_of(programme: str) -> Q:
    """Which course pages describe `programme` (a filter for CoursePage): the
    school lesson pages for the prevention lesson; for a group programme the
    group-programme page with its name in the title (or as its slug)."""
    if programme == Programme.PREVENTION_LESSON:
        return Q(format=Format.SCHOOL_LESSON)
    name = COURSE_NAMES.get(programme)
    if name is None:
        return Q(pk__in=[])
    return Q(format=Format.GROUP_PROGRAMME) & (Q(title__icontains=name) | Q(slug=slugify(name)))


def programme_of_course(course: CoursePage) -> str | None:
    """The programme a course page describes (the same rule as
    `course_pages_of`, for pages already read)."""
    if course.format == Format.SCHOOL_LESSON:
        return Programme.PREVENTION_LESSON
    if course.format == Format.GROUP_PROGRAMME:
        for programme, name in COURSE_NAMES.items():
            if name.lower() in course.title.lower() or course.slug == slugify(name):
                return programme
    return None


def number_of_meetings(programme: str) -> int | None:
    """How many meetings the programme has, as its course page says (Girls'
    Talk: 9); None where no page gives a number (Make a Move)."""
    return (
        CoursePage.objects.filter(course_pages_of(programme), number_of_meetings__isnull=False)
        .values_list("number_of_meetings", flat=True)
        .order_by("pk")
        .first()
    )


@dataclass(frozen=True)
class MeetingSpec:
    """One meeting to schedule: when, and the two trainers who give it."""

    date: date
    starts_at: time
    ends_at: time
    trainers: tuple[Trainer, ...]


def create_group(
    *, programme: str, name: str, partner: str, location: str, municipality=None, by=None
) -> ProgrammeGroup:
    """A new Girls' Talk or Make a Move group. Raises Refused (400) for
    another programme or an empty name, partner or location."""
    if programme not in GROUP_PROGRAMMES:
        raise Refused(_("Choose Girls' Talk or Make a Move."), status=400)
    if not (name.strip() and partner.strip() and location.strip()):
        raise Refused(_("Give the group's name, partner and location."), status=400)
    group = ProgrammeGroup.objects.create(
        programme=programme,
        name=name.strip(),
        partner=partner.strip(),
        location=location.strip(),
        municipality=municipality,
    )
    logger.info("programme group %s created by %s", group.pk, by)
    return group


def _check(spec: MeetingSpec, today: date) -> None:
    when = date_format(spec.date, "DATE_FORMAT")
    if spec.date < today:
        raise Refused(_("%(date)s has passed: choose a date to come.") % {"date": when})
    if spec.ends_at <= spec.starts_at:
        raise Refused(_("The meeting on %(date)s ends before it starts.") % {"date": when})
    trainers = {trainer.pk for trainer in spec.trainers}
    if len(spec.trainers) != TRAINERS_PER_MEETING or len(trainers) != TRAINERS_PER_MEETING:
        raise Refused(
            _("Choose two different trainers for the meeting on %(date)s.") % {"date": when}
        )


def schedule_meetings(
    group: ProgrammeGroup, meetings: list[MeetingSpec], *, by=None
) -> list[Session]:
    """Add `meetings` to the group's series, numbered on from its last meeting
    in date order, each given by its two trainers, at the group's location.

    All or nothing: when one trainer cannot take one meeting (not qualified,
    unavailable, a clash with travel time, a full day or week) nothing is
    scheduled and Refused (409) names the clash. Refused (400) for a date in
    the past, an end before the start, not two different trainers, no
    meetings, or more meetings than the programme has (its course page's
    number of meetings, where it gives one)."""
    if not meetings:
        raise Refused(_("Give at least one meeting."), status=400)
    today = timezone.localdate()
    for spec in meetings:
        _check(spec, today)
    meetings = sorted(meetings, key=lambda spec: (spec.date, spec.starts_at))
    limit = number_of_meetings(group.programme) or MAX_MEETINGS
    with transaction.atomic():
        group = lock_one(group)
        last = group.sessions.aggregate(last=Max("meeting_number"))["last"] or 0
        if last + len(meetings) > limit:
            raise Refused(
                _("%(programme)s has %(limit)d meetings; this group already has %(count)d.")
                % {"programme": group.get_programme_display(), "limit": limit, "count": last},
                status=400,
            )
        sessions = []
        for number, spec in enumerate(meetings, start=last + 1):
            session = Session.objects.create(
                programme=group.programme,
                group=group,
                meeting_number=number,
                date=spec.date,
                starts_at_time=spec.starts_at,
                ends_at_time=spec.ends_at,
                location=group.location,
            )
            for trainer in spec.trainers:
                assign_trainer(session, trainer, by=by)
            sessions.append(session)
    logger.info("%d meetings of group %s scheduled by %s", len(sessions), group.pk, by)
    return sessions


def set_meeting_note(session: Session, note: str, *, by=None) -> Session:
    """A trainer's note after a group meeting (about the meeting, never about
    a young person). Raises Refused (400) for a session that is not a group
    meeting or a note over MAX_NOTE_LENGTH characters."""
    if session.programme not in GROUP_PROGRAMMES:
        raise Refused(_("Only group programme meetings take a note."), status=400)
    note = note.strip()
    if len(note) > MAX_NOTE_LENGTH:
        raise Refused(
            _("Keep the note under %(max)d characters.") % {"max": MAX_NOTE_LENGTH}, status=400
        )
    with transaction.atomic():
        session = lock_one(session)
        session.note = note
        session.save(update_fields=["note"])
    logger.info("note on meeting %s saved by %s", session.pk, by)
    return session
