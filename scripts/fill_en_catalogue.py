"""Fill the English catalogue: our source strings are English, so every empty
msgstr becomes its msgid. Keeps the `en` catalogue complete for the tests and
lets an editor override a phrase there later."""

import sys

import polib


def fill(path: str) -> int:
    catalogue = polib.pofile(path)
    filled = 0
    for entry in catalogue:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                filled += 1
        elif not entry.msgstr:
            entry.msgstr = entry.msgid
            filled += 1
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save(path)
    return filled


if __name__ == "__main__":
    for po_path in sys.argv[1:]:
        print(f"{po_path}: filled {fill(po_path)} entries")
