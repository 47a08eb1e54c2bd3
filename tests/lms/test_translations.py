from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    active = [entry for entry in catalogue if not entry.obsolete]
    assert len(active) > 50
    missing = [e.msgid for e in active if not e.translated()]
    fuzzy = [e.msgid for e in active if "fuzzy" in e.flags]
    assert missing == []
    assert fuzzy == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_compiled_catalogue_matches_the_source(language):
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    source = {
        e.msgid: e.msgstr for e in polib.pofile(str(folder / "django.po")) if not e.msgid_plural
    }
    compiled = {
        e.msgid: e.msgstr for e in polib.mofile(str(folder / "django.mo")) if not e.msgid_plural
    }
    assert {k: v for k, v in source.items() if k} == {k: v for k, v in compiled.items() if k}


def test_english_catalogue_repeats_the_english_source():
    catalogue = polib.pofile(str(LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"))
    differing = [e.msgid for e in catalogue if not e.msgid_plural and e.msgstr != e.msgid]
    assert differing == []
