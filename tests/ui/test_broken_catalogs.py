"""What a visitor meets when a catalog is broken or unreadable: never a truncated or
half-shown translation, never a sentence in two languages, fallbacks marked.

Each test edits a copy of the shipped ``locales/`` (without .mo files: the kiosk then
compiles the edited .po in memory, as after a translator's edit) and drives the real app.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from kiosk.languages import configure_locales
from kiosk.languages.catalog_files import load_translations
from kiosk.languages.document_catalog import strip_format_guess
from kiosk.launcher import build_app
from kiosk.ui.announcer import RecordingAnnouncer
from kiosk.ui.screens.about import AboutScreen
from tests.ui.helpers import CONTENT, PROJECT, flat, make_config, open_overview, screen_text
from tests.ui.test_medicine_list import library

MARK = "English – not yet translated"


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    copy = tmp_path / "locales"
    shutil.copytree(PROJECT / "locales", copy, ignore=shutil.ignore_patterns("*.mo"))
    return copy


def _app(tmp_path: Path, locales: Path, announcer=None, **changes):
    config = make_config(tmp_path, locales_dir=locales, **changes)
    configure_locales(config.locales_dir)
    return build_app(config, announcer=announcer or RecordingAnnouncer())


async def _choose(pilot, code: str) -> None:
    """On the welcome screen: highlight ``code`` in the language list and choose it."""
    app = pilot.app
    await pilot.press(*["down"] * app.languages.index(code), "enter")
    await pilot.pause()
    assert app.visit.language == code


def _edit_entry(po: Path, msgid: str, change) -> str:
    """Give ``msgid``'s translation in ``po`` what ``change`` makes of it; returns the old one."""
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=po.parent.parent.name)
    message = catalog[msgid]
    old = message.string
    message.string = change(old)
    if po.stem.startswith("doc-"):
        strip_format_guess(catalog)
    with po.open("wb") as fh:
        write_po(fh, catalog)
    return old


async def test_an_unreadable_greek_catalog_shows_english_marked_and_joins_lists_in_english(
        tmp_path, locales, capfd):
    folder = locales / "el" / "LC_MESSAGES"
    (folder / "kiosk.po").write_text("garbage line one\n\"unterminated\nmore garbage\n",
                                     encoding="utf-8")
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "opzelura", content / "opzelura")
    library(tmp_path / "more", ("Zetamed", "Xymed"))
    for name in ("medicine-00", "medicine-01"):
        shutil.copytree(tmp_path / "more" / name, content / name)
    announcer = RecordingAnnouncer()
    app = _app(tmp_path, locales, announcer, content_dir=content)
    async with app.run_test(size=(120, 40)) as pilot:
        await _choose(pilot, "el")
        announcer.spoken.clear()  # each language's name was said in its own voice
        await pilot.press("f4")  # speech on: the screen is said
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Opzelura (ruxolitinib), Xymed (ruxolitinib) and Zetamed (ruxolitinib)" in text
        assert "και" not in text  # the Greek list pattern in an English sentence
        assert f"Ελληνικά ({MARK})" in text  # the language, marked as shown in English
        await pilot.press("f1")  # Help is spoken whole, and what the speech keys repeat
        await pilot.pause()
        spoken = [(language, said) for _p, language, said in announcer.spoken]
        spoken += [(language, said) for said, language in app.screen.speakable_texts()]
        assert spoken and all(language == "en" for language, _said in spoken), spoken
    assert capfd.readouterr().out == ""  # Babel's warnings were printed over the screen


async def test_an_unterminated_translation_is_not_shown_cut_short(tmp_path, locales):
    po = locales / "de" / "LC_MESSAGES" / "kiosk.po"
    text = po.read_text(encoding="utf-8")
    assert text.count('msgstr "Wählen Sie Ihre Sprache"\n') == 1
    po.write_text(text.replace('msgstr "Wählen Sie Ihre Sprache"\n',
                               'msgstr "Wählen Sie Ihre Sprach\n'), encoding="utf-8")
    app = _app(tmp_path, locales)
    async with app.run_test(size=(100, 40)) as pilot:
        await _choose(pilot, "de")
        await pilot.press("l")  # the language dialog, whose title that is
        await pilot.pause()
        shown = flat(screen_text(app))
        assert "Choose your language" in shown
        assert not re.search("Wählen Sie Ihre Sprac(?!he)", shown)  # never cut short
        assert "Sprache" in shown  # the rest of the German interface is still German


async def test_a_dropped_sentence_on_about_carries_an_english_date(tmp_path, locales):
    po = locales / "de" / "LC_MESSAGES" / "kiosk.po"
    _edit_entry(po, "Authorised in the EU on: {date}", lambda s: s.replace("{date}", "{datum}"))
    app = _app(tmp_path, locales)
    async with app.run_test(size=(100, 40)) as pilot:
        await _choose(pilot, "de")
        await open_overview(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, AboutScreen)
        plain = app.screen.pane.plain
        assert "Authorised in the EU on: 19 April 2023" in plain  # not "19. April 2023"
        assert "Zuletzt aktualisiert: April 2023" in plain  # the rest stays German


async def test_a_paragraph_with_a_changed_number_shows_the_english_marked(tmp_path, locales):
    english = next(line for line in (CONTENT / "opzelura" / "overview.md")
                   .read_text(encoding="utf-8").splitlines() if "10%" in line)
    po = locales / "de" / "LC_MESSAGES" / "doc-opzelura.po"
    german = _edit_entry(po, english, lambda s: s.replace("10", "100", 1))
    app = _app(tmp_path, locales)
    mark = load_translations(PROJECT / "locales", "de", "kiosk").gettext(MARK)
    async with app.run_test(size=(100, 50)) as pilot:
        await _choose(pilot, "de")
        await open_overview(pilot)
        await pilot.press("2")
        await pilot.pause()
        shown = flat(screen_text(app))
        assert english[:50] in shown  # the agency's English paragraph
        assert f"⚑ {mark}" in shown  # marked, in German
        assert german.replace("10", "100", 1)[:40] not in shown
