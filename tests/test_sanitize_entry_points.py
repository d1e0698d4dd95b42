"""Issue 9 item 9: every text from every file passes the one sanitiser where it enters.

Each test writes a hostile file the way a person (or an attacker) would:
escapes spelt as TOML's ``\\u001b`` (which TOML decodes into a real ESC), a
BEL, an OSC 52 clipboard write, an 8-bit C1 CSI, and a ``.mo`` compiled by
GNU ``msgfmt``.  What the kiosk loads must hold none of those bytes.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from kiosk.config import load_config
from kiosk.document.library import load_library
from kiosk.document.sanitize import clean_data, clean_text, has_unsafe_characters
from kiosk.document.source_format import parse_document
from kiosk.languages.catalog_files import load_translations
from kiosk.languages.provenance import load_provenance, provenance_path

#: What a hostile TOML string holds, spelt with TOML's own escapes.
TITLE = r"\u001b]0;pwned\u0007"  # OSC 0: set the window title
CLIPBOARD = r"\u001b]52;c;ZXZpbA==\u0007"  # OSC 52: write the clipboard
C1 = r"\u009b31m"  # the 8-bit CSI, then "31m"
BELL = r"\u0007"
CONTROL_BYTES = [chr(c) for c in (*range(0x00, 0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0))]


def assert_clean(text: str) -> None:
    bad = [f"U+{ord(ch):04X}" for ch in text if ch in CONTROL_BYTES]
    assert not bad, f"control characters {bad} in {text!r}"


HOSTILE_MEDICINE = f"""\
+++
name = "Opzelura{TITLE}"
active_substance = "ruxolitinib{CLIPBOARD}"
subtitle = "An overview{C1}{BELL}"
source_url = "https://example.org/{TITLE}"
+++

## What is Opzelura?

Opzelura is a cream.
"""


def test_clean_text_removes_every_escape_and_control_but_keeps_text() -> None:
    hostile = "A\x1b]0;t\x07B\x1b]52;c;Zm9v\x1b\\C\x9b31mD\x07E\x1b[2JF\x90q\x1b\\G"
    assert clean_text(hostile) == "ABCDEFG"
    assert clean_text("A\x9d0;title\x9cB\x9d52;c;Zm9v\x07C") == "ABC"  # 8-bit OSC
    # A stray C1 character (a file decoded as Latin-1) costs itself, not the text after it.
    assert clean_text("Opzelura \x9dcontains ruxolitinib \x90 1.5%.") == \
        "Opzelura contains ruxolitinib  1.5%."
    assert clean_text("line\nnext\ttab") == "line\nnext tab"
    assert clean_text("Ελληνικά — 10 % ≥ 1 in 10") == "Ελληνικά — 10 % ≥ 1 in 10"
    for ch in CONTROL_BYTES:
        assert_clean(clean_text(f"a{ch}b"))
        assert has_unsafe_characters(f"a{ch}b"), f"U+{ord(ch):04X} not seen as unsafe"


def test_clean_data_cleans_every_string_of_a_toml_value() -> None:
    data = {"a\x1b": ["x\x07", {"k": "v\x9b2J"}], "n": 3, "b": True, "s": "ok"}
    assert clean_data(data) == {"a": ["x", {"k": "v"}], "n": 3, "b": True, "s": "ok"}


def test_the_medicine_header_is_cleaned_after_toml_decoded_it() -> None:
    doc = parse_document(HOSTILE_MEDICINE, slug="opzelura")
    for text in (doc.name, doc.active_substance, doc.subtitle, doc.facts.source_url):
        assert_clean(text)
    assert doc.name == "Opzelura"  # the whole OSC string goes, its text too
    assert doc.active_substance.startswith("ruxolitinib")


def test_the_library_loads_hostile_medicine_files_clean(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "opzelura"
    folder.mkdir(parents=True)
    (folder / "overview.md").write_text(HOSTILE_MEDICINE, encoding="utf-8")
    library = load_library(tmp_path / "content")
    assert not library.problems and len(library) == 1
    doc = library.medicines[0]
    assert_clean(doc.name)
    assert_clean(doc.active_substance)
    assert_clean(doc.subtitle)


def test_config_strings_are_cleaned(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ncontent_dir = "content{TITLE}"\n[staff]\nexit_pin = "2468"\n',
                      encoding="utf-8")
    loaded = load_config(config)
    assert_clean(str(loaded.content_dir))


def test_provenance_records_are_cleaned(tmp_path: Path) -> None:
    path = provenance_path(tmp_path, "de", "opzelura")
    path.parent.mkdir(parents=True)
    path.write_text(f'status = "reviewed"\ntranslator = "A{TITLE}"\nreviewer = "B{CLIPBOARD}"\n'
                    f'source = "C{C1}"\n', encoding="utf-8")
    record = load_provenance(tmp_path, "de", "opzelura")
    assert record.status == "reviewed"
    for text in (record.translator, record.reviewer, record.source):
        assert_clean(text)
    assert record.reviewer.startswith("B")


def _po(locales: Path, domain: str, entries: dict, plural: tuple | None = None) -> Path:
    catalog = Catalog(locale="de", domain=domain)
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr)
    if plural:
        catalog.add(plural[0], plural[1])
    folder = locales / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    po = folder / f"{domain}.po"
    with po.open("wb") as fh:
        write_po(fh, catalog)
    return po


@pytest.mark.parametrize("domain", ["kiosk", "opzelura"])
def test_msgfmt_catalogs_hold_no_control_bytes(tmp_path: Path, domain: str) -> None:
    """A .mo from GNU msgfmt (as Poedit saves it), interface and medicine catalogs alike."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.fail("msgfmt (GNU gettext) is not installed: apt-get install gettext")
    po = _po(tmp_path, domain, {
        "Start": "Los",
        "Still there?": "Noch da?\x1b]0;pwned\x07",
        "Help": "Hilfe\x9b31m",
        "Back": "Zurück\x07",
        "Opzelura is a cream.": "Opzelura ist eine Creme.\x1b]52;c;ZXZpbA==\x07",
    }, plural=(("{n} second", "{n} seconds"), ("{n} Sekunde\x1b[2J", "{n} Sekunden")))
    subprocess.run([msgfmt, "-o", str(po.with_suffix(".mo")), str(po)], check=True)
    translations = load_translations(tmp_path, "de", domain)
    assert translations.gettext("Start") == "Los"
    for msgid in ("Still there?", "Help", "Back", "Opzelura is a cream."):
        assert translations.gettext(msgid) == msgid, "the English shows instead"
    assert translations.ngettext("{n} second", "{n} seconds", 1) == "{n} second"
    assert translations.ngettext("{n} second", "{n} seconds", 2) == "{n} seconds"
    # gettext's own table (see catalog_files.drop_unsafe_entries)
    for value in translations._catalog.values():  # noqa: SLF001
        assert_clean(value)
