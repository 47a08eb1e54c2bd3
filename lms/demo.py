"""Demo content and accounts for `manage.py seed_demo`.

Idempotent: what exists (matched by slug and language, or by e-mail) is left
as it is, so editors' changes survive a second run.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from . import roles
from .models import HelpContact, HomePage, Municipality, SiteSettings, StandardPage

DEMO_PASSWORD = "demo-wachtwoord-2026"  # noqa: S105 - documented demo log-in, dev only

DEMO_ACCOUNTS = [
    # (e-mail, first name, last name, role, needs two factors)
    ("leerling@example.org", "Lotte", "de Vries", roles.LEARNERS, False),
    ("school@example.org", "Sanne", "Bakker", roles.SCHOOL_CONTACTS, False),
    ("trainer@example.org", "Tarik", "El Amrani", roles.TRAINERS, False),
    ("coordinator@example.org", "Carmen", "Jansen", roles.COORDINATORS, True),
    ("redacteur@example.org", "Eva", "Visser", roles.EDITORS, True),
]


@dataclass
class SeedContext:
    """What one app's seed step hands to the next."""

    locales: dict[str, Locale] = field(default_factory=dict)
    homes: dict[str, HomePage] = field(default_factory=dict)
    pages: dict[str, dict[str, Page]] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    # Run after the seed's transaction commits (and its tasks ran); each may
    # return a line to print.
    after: list = field(default_factory=list)


def upsert_page(parent: Page, model, *, slug: str, locale: Locale, translation_of=None, **fields):
    """Return the live page `slug` under `parent`, creating and publishing it if
    missing. `translation_of` ties an English page to its Dutch original."""
    existing = model.objects.child_of(parent).filter(slug=slug, locale=locale).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, locale=locale, **fields)
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def seed_site(ctx: SeedContext) -> None:
    nl, _ = Locale.objects.get_or_create(language_code="nl")
    en, _ = Locale.objects.get_or_create(language_code="en")
    ctx.locales = {"nl": nl, "en": en}
    root = Page.get_first_root_node()

    home_nl = HomePage.objects.filter(locale=nl).first()
    if home_nl is None:
        home_nl, _ = upsert_page(
            root,
            HomePage,
            slug="home-nl",
            locale=nl,
            title="Leren over seksualiteit, sekswerk en mensenhandel",
            intro=(
                "Trainingen, e-learning en voorlichting voor professionals, scholen en "
                "jongeren: signaleren, bespreekbaar maken en doorverwijzen."
            ),
            body=[("help_contacts", {"heading": "Hier vind je hulp", "intro": ""})],
        )
        ctx.log.append("home page (nl)")
    home_en, created = upsert_page(
        root,
        HomePage,
        slug="home-en",
        locale=en,
        translation_of=home_nl,
        title="Learning about sexuality, sex work and human trafficking",
        intro=(
            "Training, e-learning and prevention lessons for professionals, schools and "
            "young people: recognise, discuss and refer."
        ),
        body=[("help_contacts", {"heading": "Where to get help", "intro": ""})],
    )
    if created:
        ctx.log.append("home page (en)")
    ctx.homes = {"nl": home_nl, "en": home_en}

    base_url = urlsplit(django_settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=base_url.hostname,
            port=base_url.port or 80,
            root_page=home_nl,
            is_default_site=True,
            site_name="ESSM",
        )
    elif site.root_page_id != home_nl.pk:
        old_root = site.root_page
        site.root_page = home_nl
        site.site_name = "ESSM"
        # Full URLs (sitemap, e-mails) point at where the site is served.
        site.hostname = base_url.hostname
        site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
        site.save()
        # Wagtail's placeholder "Welcome" page has no place in the tree.
        if type(old_root.specific) is Page and old_root.depth == 2:
            old_root.delete()

    settings = SiteSettings.for_site(site)
    # The centre's name and phone number, also on sites seeded before they were
    # corrected (an earlier demo used a placeholder number).
    settings.organisation_name = ORGANISATION_NAME
    settings.contact_phone = CENTRE_PHONE
    if not settings.contact_email:
        settings.contact_email = "info@example.org"
    seed_privacy_statement(settings)
    settings.save()

    seed_help_contacts(ctx)
    seed_accessibility_statement(ctx, settings)
    # Rotterdam funds the centre: its professionals pay the reduced tariff.
    Municipality.objects.filter(name="Rotterdam").update(has_agreement=True)


ORGANISATION_NAME = "Expertisecentrum Seksualiteit, Sekswerk en Mensenhandel (ESSM)"
CENTRE_PHONE = "010 236 52 12"

# Low-threshold routes first: the centre's own Advies- en Meldpunt (which also
# points to the meldcode and Veilig Thuis for minors), then CoMensha, the police
# and Meld Misdaad Anoniem. A contact without a number or link is never shown.
HELP_CONTACTS = [
    {
        "nl": (
            "Advies- en Meldpunt Jeugdprostitutie en Mensenhandel (ESSM)",
            "Twijfel je over signalen? Overleg met ons, anoniem als je wilt. Gaat het om "
            "een minderjarige, volg dan ook de meldcode huiselijk geweld en "
            "kindermishandeling en overleg met Veilig Thuis Rotterdam Rijnmond.",
            "",
        ),
        "en": (
            "Advies- en Meldpunt Jeugdprostitutie en Mensenhandel (ESSM)",
            "In doubt about signals? Consult us, anonymously if you wish. If a minor is "
            "involved, also follow the reporting code for domestic violence and child abuse "
            "(meldcode) and consult Veilig Thuis Rotterdam Rijnmond.",
            "",
        ),
        "phone": CENTRE_PHONE,
        "url": "",
    },
    {
        "nl": (
            "CoMensha",
            "Landelijk coördinatiecentrum tegen mensenhandel",
            "werkdagen 8:00–19:00",
        ),
        "en": (
            "CoMensha",
            "National coordination centre against human trafficking",
            "weekdays 8:00–19:00",
        ),
        "phone": "033 448 11 86",
        "url": "",
    },
    {
        "nl": ("Politie", "Geen spoed? Bel de politie", ""),
        "en": ("Police", "Not an emergency? Call the police", ""),
        "phone": "0900 8844",
        "url": "",
    },
    {
        "nl": ("Meld Misdaad Anoniem", "Anoniem een misdrijf melden", ""),
        "en": ("Report Crime Anonymously", "Report a crime without giving your name", ""),
        "phone": "0800 7000",
        "url": "",
    },
]


ACCESSIBILITY_STATEMENT = Path(__file__).parent / "demo_data" / "accessibility_statement.json"
PRIVACY_STATEMENT = Path(__file__).parent / "demo_data" / "privacy_statement.json"


def seed_privacy_statement(settings: SiteSettings) -> None:
    """The privacy statement (nl and en), where it is empty or still an earlier
    demo text; one an editor wrote is left alone."""
    texts = json.loads(PRIVACY_STATEMENT.read_text(encoding="utf-8"))
    for code in ("nl", "en"):
        field = f"privacy_statement_{code}"
        if getattr(settings, field) in ("", *texts["previous"]):
            setattr(settings, field, texts[code])


def seed_accessibility_statement(ctx: SeedContext, settings: SiteSettings) -> None:
    """The accessibility statement (nl and en), a page editors keep up to date,
    linked from the footer through the site settings."""
    texts = json.loads(ACCESSIBILITY_STATEMENT.read_text(encoding="utf-8"))
    pages = {}
    for code in ("nl", "en"):
        text = texts[code]
        pages[code], created = upsert_page(
            ctx.homes[code],
            StandardPage,
            slug=text["slug"],
            locale=ctx.locales[code],
            translation_of=pages.get("nl"),
            title=text["title"],
            intro=text["intro"],
            body=[("paragraph", text["body"])],
        )
        if created:
            ctx.log.append(f"accessibility statement ({code})")
    if settings.accessibility_statement_id is None:
        settings.accessibility_statement = pages["nl"]
        settings.save()


def seed_help_contacts(ctx: SeedContext) -> None:
    if HelpContact.objects.exists():
        return
    for order, contact in enumerate(HELP_CONTACTS):
        name, description, hours = contact["nl"]
        original = HelpContact.objects.create(
            locale=ctx.locales["nl"],
            name=name,
            description=description,
            hours=hours,
            phone=contact["phone"],
            url=contact["url"],
            sort_order=order,
        )
        name, description, hours = contact["en"]
        HelpContact.objects.create(
            locale=ctx.locales["en"],
            translation_key=original.translation_key,
            name=name,
            description=description,
            hours=hours,
            phone=contact["phone"],
            url=contact["url"],
            sort_order=order,
        )
    ctx.log.append(f"{len(HELP_CONTACTS)} help contacts (nl + en)")


def seed_accounts(ctx: SeedContext) -> list[str]:
    """Create the demo accounts; return lines to print for the ones made now
    (secrets are shown once, as they would be to a real user)."""
    User = get_user_model()
    lines = []
    for email, first, last, role, two_factor in DEMO_ACCOUNTS:
        if User.objects.filter(email=email).exists():
            continue
        user = User.objects.create_user(
            username=email.split("@")[0],
            email=email,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        user.groups.add(Group.objects.get(name=role))
        line = f"  {role:<16} {email:<28} {DEMO_PASSWORD}"
        if two_factor:
            secret = generate_totp_secret()
            TOTP.activate(user, secret)
            codes = RecoveryCodes.activate(user).get_unused_codes()[:3]
            line += f"\n  {'':<16} TOTP secret {secret}; recovery codes {', '.join(codes)}"
            line += "\n" + " " * 19 + "or run `make totp` for the current code"
        lines.append(line)
    return lines


def current_totp_code(email: str) -> str:
    """The code an authenticator app would show now for a demo account."""
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )
    from allauth.mfa.utils import decrypt

    authenticator = Authenticator.objects.get(user__email=email, type=Authenticator.Type.TOTP)
    secret = decrypt(authenticator.data["secret"])
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))
