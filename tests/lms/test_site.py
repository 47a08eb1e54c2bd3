import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from lms.models import HelpContact, HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_home_page_is_served_in_dutch_and_english(client, homes):
    dutch = client.get("/nl/")
    english = client.get("/en/")
    assert dutch.status_code == 200
    assert "Welkom bij het leerplatform" in dutch.text
    assert '<html lang="nl" class="essm-theme">' in dutch.text
    assert english.status_code == 200
    assert "Welcome to the learning platform" in english.text
    assert '<html lang="en" class="essm-theme">' in english.text


@pytest.mark.parametrize(("accept", "target"), [("nl-NL,nl;q=0.9", "/nl/"), ("en-GB,en", "/en/")])
def test_root_redirects_by_browser_language(client, homes, accept, target):
    response = client.get("/", headers={"accept-language": accept})
    assert response.status_code == 302
    assert response["Location"] == target


def test_language_switcher_links_to_the_translated_page(client, homes):
    html = client.get("/nl/").text
    assert 'href="/en/" lang="en" hreflang="en"' in html
    assert 'href="/nl/" lang="nl" hreflang="nl" aria-current="true"' in html


def test_base_template_has_landmarks_and_skip_link(client, homes):
    html = client.get("/nl/").text
    assert (
        '<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">'
        "Naar de inhoud</a>"
    ) in html
    for landmark in ("<header", '<main id="main"', "<footer", "<nav"):
        assert landmark in html


def test_interface_strings_follow_the_language(client, homes):
    assert "Inloggen" in client.get("/nl/").text
    assert "Sign In" in client.get("/en/").text


def test_help_contacts_block_shows_the_lines_of_the_page_language(client, homes, locales):
    nl = HelpContact.objects.create(locale=locales["nl"], name="Politie", phone="0900 8844")
    HelpContact.objects.create(
        locale=locales["en"], translation_key=nl.translation_key, name="Police", phone="0900 8844"
    )
    for lang, home in homes.items():
        home.body = [("help_contacts", {"heading": f"Hulp {lang}", "intro": ""})]
        home.save_revision().publish()
    dutch, english = client.get("/nl/").text, client.get("/en/").text
    assert "Politie" in dutch and "Police" not in dutch
    assert "Police" in english and 'href="tel:09008844"' in english


def test_sitemap_lists_public_pages_in_both_languages(client, homes):
    homes["nl"].add_child(instance=StandardPage(title="Over ons", slug="over-ons"))
    draft = StandardPage(title="Concept", slug="concept", live=False)
    homes["nl"].add_child(instance=draft)
    private = StandardPage(title="Intern", slug="intern")
    homes["nl"].add_child(instance=private)
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    xml = client.get("/sitemap.xml").text
    assert "http://testserver/nl/" in xml
    assert "http://testserver/en/" in xml
    assert "http://testserver/nl/over-ons/" in xml
    assert "/concept/" not in xml
    assert "/intern/" not in xml


def test_search_finds_pages_in_the_active_language_only(client, homes):
    homes["nl"].add_child(instance=StandardPage(title="Mensenhandel herkennen", slug="mh"))
    homes["en"].add_child(
        instance=StandardPage(title="Mensenhandel in English", slug="mh", locale=homes["en"].locale)
    )
    response = client.get("/nl/search/", {"q": "mensenhandel"})
    assert response.status_code == 200
    assert "Mensenhandel herkennen" in response.text
    assert "Mensenhandel in English" not in response.text


def test_search_with_an_overlong_query_is_cut_short_not_an_error(client, homes):
    assert client.get("/nl/search/", {"q": "x" * 5000}).status_code == 200


def test_privacy_statement_in_the_active_language(client, homes):
    from wagtail.models import Site

    from lms.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get())
    settings.privacy_statement_nl = "<p>Wij bewaren weinig.</p>"
    settings.privacy_statement_en = "<p>We keep little.</p>"
    settings.save()
    assert "Wij bewaren weinig." in client.get("/nl/privacy/").text
    assert "We keep little." in client.get("/en/privacy/").text


def test_unknown_page_is_a_translated_404(client, homes):
    response = client.get("/nl/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text


def test_page_tree_rules_keep_the_home_page_at_the_top():
    assert HomePage.can_exist_under(Page.get_first_root_node().specific) is True
    assert StandardPage.can_exist_under(Page.get_first_root_node().specific) is False
    assert HomePage.allowed_parent_page_models() == [Page]


def test_seed_demo_builds_both_languages_and_is_idempotent(client, settings):
    settings.DEBUG = True
    call_command("seed_demo")
    pages = Page.objects.count()
    call_command("seed_demo")
    assert Page.objects.count() == pages

    dutch, english = client.get("/nl/"), client.get("/en/")
    assert "Signalen van mensenhandel herkennen" in dutch.text
    assert "Recognising signs of human trafficking" in english.text
    assert client.get("/nl/aanbod/").status_code == 200
    assert "Girls&#x27; Talk" in client.get("/en/offer/").text


def test_seed_demo_refuses_without_debug(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")


def test_a_private_page_still_asks_for_a_log_in_after_public_pages_were_served(client, homes):
    page = StandardPage(title="Intern", slug="intern")
    homes["nl"].add_child(instance=page)
    assert client.get("/nl/intern/").status_code == 200  # no restriction yet
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get("/nl/intern/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_kept_header_follows_the_section_and_the_log_in(client, homes):
    """The header's logo and menu are kept per site, language, log-in state
    and menu section ({% shared_fragment %}): each reader still gets their own."""
    from tests.factories import UserFactory

    def current(html: str) -> list[str]:
        return [
            part.split('"', 1)[0]
            for part in html.split('href="')[1:]
            if part.split(">", 1)[0].endswith('aria-current="page"')
        ]

    search = client.get("/en/search/").text
    assert current(search) == ["/en/search/"]
    assert "My learning" not in search
    assert current(client.get("/en/certificates/verify/").text) == ["/en/certificates/verify/"]
    client.force_login(UserFactory())
    mine = client.get("/en/my/").text
    assert current(mine) == ["/en/my/"]
    assert 'name="csrfmiddlewaretoken"' in mine.split("</header>")[0]  # the sign-out form's own
    logged_in_search = client.get("/en/search/").text
    assert current(logged_in_search) == ["/en/search/"]
    assert "My learning" in logged_in_search.split("</header>")[0]
