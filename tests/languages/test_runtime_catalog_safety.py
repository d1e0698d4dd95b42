"""A catalog compiled at run time (its .mo missing or older) cannot break the screen."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from kiosk.languages.catalog_files import load_translations


def _write_po(locales: Path, entries: dict[str, str]) -> None:
    catalog = Catalog(locale="de", domain="kiosk")
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr)
    folder = locales / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "kiosk.po").open("wb") as fh:
        write_po(fh, catalog)


def test_entries_with_foreign_placeholders_or_escapes_fall_back_to_english(tmp_path: Path) -> None:
    _write_po(tmp_path, {
        "Section {number} of {total}": "Abschnitt {nummer} von {total}",
        "Help at any time: {help}.": "Hilfe jederzeit: {help}.",
        "Still there?": "Noch da?\x1b[2J",
        "Start": "Los",
    })
    translations = load_translations(tmp_path, "de", "kiosk")
    assert translations.gettext("Start") == "Los"
    assert translations.gettext("Help at any time: {help}.") == "Hilfe jederzeit: {help}."
    # dropped, so the English shows and formats without error
    assert translations.gettext("Section {number} of {total}") == "Section {number} of {total}"
    assert translations.gettext("Still there?") == "Still there?"
    assert translations.gettext("Section {number} of {total}").format(number=1, total=8)


def test_a_mo_compiled_by_gnu_msgfmt_passes_the_same_filter(tmp_path: Path) -> None:
    """Poedit saves a .mo with GNU msgfmt: its entries must be filtered all the same."""
    import shutil
    import subprocess

    import pytest

    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (GNU gettext) is not installed: apt-get install gettext")
    _write_po(tmp_path, {
        "Still there?": "Noch da?\x1b]52;c;Z2VoZWlt\x07",  # an OSC 52 clipboard write
        "Help at any time: {help}.": "Hilfe: {hilfe}.",
        "Start": "Los",
    })
    folder = tmp_path / "de" / "LC_MESSAGES"
    # msgfmt without --check accepts both entries, as an editor would write them
    subprocess.run([msgfmt, "-o", str(folder / "kiosk.mo"), str(folder / "kiosk.po")], check=True)
    translations = load_translations(tmp_path, "de", "kiosk")
    assert translations.gettext("Start") == "Los"
    assert translations.gettext("Still there?") == "Still there?"
    assert translations.gettext("Help at any time: {help}.") == "Help at any time: {help}."
