"""Fill the English catalogue: our source strings are English, so every entry's
translation is its own text. Keeps the `en` catalogue complete for the tests;
gettext's fuzzy guesses (from similar strings) are replaced, never kept."""

import sys

import polib


def fill(path: str) -> int:
    catalogue = polib.pofile(path)
    changed = 0
    for entry in catalogue:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            wanted = {0: entry.msgid, 1: entry.msgid_plural}
            if entry.msgstr_plural != wanted:
                entry.msgstr_plural = wanted
                changed += 1
        elif entry.msgstr != entry.msgid:
            entry.msgstr = entry.msgid
            changed += 1
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    catalogue.save(path)
    return changed


if __name__ == "__main__":
    for po_path in sys.argv[1:]:
        print(f"{po_path}: set {fill(po_path)} entries")
