"""The shipped catalogs in the running kiosk: every language, every screen, fallbacks.

These tests use the repository's own ``locales/`` (not test catalogs), so a
catalog that loads wrongly, a screen that forgets to repaint, or a
translation that does not fit 80x24 shows up here.  Expected strings are
read from the catalogs themselves, never typed in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from kiosk.languages import configure_locales
from kiosk.languages.catalog_files import load_translations
from kiosk.languages.registry import SUPPORTED_LANGUAGES
from kiosk.launcher import build_app
from kiosk.ui.announcer import RecordingAnnouncer
from kiosk.ui.screens.about import AboutScreen
from kiosk.ui.screens.help import HelpScreen
from kiosk.ui.screens.overview import OverviewScreen
from tests.ui.helpers import PROJECT, flat, make_config, open_overview, region_text, screen_text

LOCALES = PROJECT / "locales"
OTHER_LANGUAGES = [code for code in SUPPORTED_LANGUAGES if code != "en"]


def ui(code: str, msgid: str) -> str:
    """The shipped translation of an interface string (English for "en")."""
    if code == "en":
        return msgid
    return load_translations(LOCALES, code, "kiosk").gettext(msgid)


def doc(code: str, msgid: str) -> str:
    return load_translations(LOCALES, code, "doc-opzelura").gettext(msgid)


def real_app(tmp_path: Path, locales: Path = LOCALES, **changes):
    config = make_config(tmp_path, locales_dir=locales, **changes)
    configure_locales(config.locales_dir)
    # A recording voice: the speech hint of a visit's first key would otherwise start
    # the real engine, whose "not available" (no sound server here) races the screen.
    return build_app(config, announcer=RecordingAnnouncer())


async def move_menu_to(pilot, menu, key: str) -> None:
    target = [e.key for e in menu.entries].index(key)
    while menu.index != target:
        await pilot.press("down" if menu.index < target else "up")


def test_all_28_languages_are_offered(tmp_path):
    app = real_app(tmp_path)
    assert sorted(app.languages) == sorted(SUPPORTED_LANGUAGES)


async def test_every_language_can_be_chosen_on_the_welcome_screen_with_keys(tmp_path):
    app = real_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        menu = app.screen.menu
        for code in OTHER_LANGUAGES + ["en"]:
            await move_menu_to(pilot, menu, f"lang:{code}")
            await pilot.press("enter")
            await pilot.pause()
            assert app.visit.language == code
            text = flat(screen_text(app))
            title = ui(code, "Medicine information")
            assert title in text, f"{code}: {title!r} not on screen"
            if code != "en":
                assert title != "Medicine information", f"{code}: title not translated"
            assert menu.current.key == "start"


@pytest.mark.parametrize("code", ["de", "el", "uk", "fi", "mt"])
async def test_switching_language_on_every_screen_repaints_it_in_place(tmp_path, code):
    app = real_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_overview(pilot)
        await pilot.press("3")
        await pilot.pause()

        async def switch_to(target: str) -> None:
            before = app.screen
            await pilot.press("l")
            await pilot.pause()
            await move_menu_to(pilot, app.screen.menu, target)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is before, "the language choice must return to the same place"
            assert app.visit.language == target

        # overview, section 3
        await switch_to(code)
        assert isinstance(app.screen, OverviewScreen) and app.screen.section_index == 2
        text = flat(screen_text(app))
        assert ui(code, "Contents") in text
        assert doc(code, "How does Opzelura work?") in text
        assert "Contents" not in text.replace(ui(code, "Contents"), "")
        # about
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, AboutScreen)
        await switch_to("en")
        assert "The text comes from the European Medicines Agency (EMA)." in app.screen.pane.plain
        await switch_to(code)
        plain = app.screen.pane.plain
        assert ui(code, "The text comes from the European Medicines Agency (EMA).") in plain
        # help, opened over the about screen
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await switch_to("en")
        assert "Help" in flat(screen_text(app))
        await switch_to(code)
        assert ui(code, "Help") in flat(screen_text(app))
        await pilot.press("f1")  # close help: back on the about screen, in the new language
        await pilot.pause()
        assert isinstance(app.screen, AboutScreen)
        assert ui(code, "The text comes from the European Medicines Agency (EMA).") in \
            app.screen.pane.plain
        # back to the overview beneath: it repaints when it comes back
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert ui(code, "Contents") in flat(screen_text(app))


@pytest.mark.parametrize("code", ["de", "fi", "el", "uk", "hu"])
async def test_every_translated_heading_fits_at_80x24(tmp_path, code):
    app = real_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await move_menu_to(pilot, app.screen.menu, f"lang:{code}")
        await pilot.press("enter", "enter")
        await pilot.pause()
        for number, section in enumerate(app.localized("opzelura").sections, start=1):
            await pilot.press(str(number))
            await pilot.pause()
            heading = section.heading.text
            assert not section.heading.is_fallback
            shown = flat(region_text(app, app.screen.pane))
            assert heading in shown, f"{code} section {number}: {heading!r} not whole in {shown!r}"


@pytest.mark.parametrize("size", [(80, 24), (68, 19)])
@pytest.mark.parametrize("code", ["fi", "tr", "de", "en"])
async def test_no_word_of_a_section_title_is_split_in_the_contents(tmp_path, code, size):
    """The contents widen to their longest word (at 24 cells Finnish
    "Opzelura-valmistetta" and Turkish titles were split mid-word; a newcomer's walk)."""
    app = real_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        if size[1] >= 24:  # the full welcome list
            await move_menu_to(pilot, app.screen.menu, f"lang:{code}")
        else:  # two entries: the first opens the list of languages
            await pilot.press("enter")
            await pilot.pause()
            await move_menu_to(pilot, app.screen.menu, code)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # Start: the highlight moved there
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen) and app.visit.language == code
        toc = app.screen.toc
        width = toc.scrollable_content_region.width
        for number in range(len(toc.entries)):
            label = toc.get_option_at_index(number).prompt
            lines = [line.plain for line in label._wrapped_lines(width)]
            words = label.label.plain.split()
            assert " ".join(" ".join(line.split()) for line in lines).split() == words, (
                f"{code} at {size}: {lines!r}")


@pytest.mark.parametrize("where", ["welcome", "overview"])
async def test_a_language_chosen_while_help_is_open_says_where_you_are_in_it(tmp_path, where):
    """Help's "Where you are" follows a language chosen over it (it stayed in the
    language Help was opened in; found by a newcomer's walk)."""
    app = real_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        if where == "overview":
            await open_overview(pilot)
        english = app.screen.describe_location()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert english in app.screen.pane.plain
        await pilot.press("l")
        await pilot.pause()
        await move_menu_to(pilot, app.screen.menu, "de")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.visit.language == "de"
        beneath = app.screen_stack[-2]
        german = beneath.describe_location()
        assert german != english
        text = app.screen.pane.plain  # what the Help pane shows
        where_words = ui("de", "Where you are: {location}").split("{")[0].strip()
        assert f"{where_words} {german}" in text, text
        assert english not in text


async def test_a_fuzzy_paragraph_shows_in_english_marked_in_the_visitors_language(tmp_path):
    locales = tmp_path / "shipped"
    shutil.copytree(LOCALES, locales)
    po = locales / "de" / "LC_MESSAGES" / "doc-opzelura.po"
    with po.open("rb") as fh:
        catalog = read_po(fh, locale="de")
    changed = next(m for m in catalog if m.id and any(c.startswith("s3.p1") for c in m.auto_comments))
    changed.flags.add("fuzzy")
    with po.open("wb") as fh:
        write_po(fh, catalog)
    with po.with_suffix(".mo").open("wb") as fh:
        write_mo(fh, catalog, use_fuzzy=False)

    app = real_app(tmp_path, locales=locales)
    async with app.run_test(size=(100, 40)) as pilot:
        await move_menu_to(pilot, app.screen.menu, "lang:de")
        await pilot.press("enter", "enter", "3")
        await pilot.pause()
        text = flat(screen_text(app))
        section = app.localized("opzelura").sections[2]
        paragraph = section.blocks[0].texts[0]
        assert paragraph.is_fallback and paragraph.text == changed.id
        assert changed.id[:60] in text  # the English paragraph, as the source says
        assert ui("de", "English – not yet translated") in text  # marked, in German
        assert doc("de", "How does Opzelura work?") in text  # the heading stays German
        assert changed.string[:40] not in text  # the stale German text is never shown


def _choose(app, code: str) -> list[str]:
    """Keys from the welcome screen to ``code`` chosen (focus then moves to Start)."""
    index = app.languages.index(code)
    return ["down"] * index + ["enter"]


@pytest.mark.parametrize("code", ["de", "el", "uk"])
def test_snapshot_welcome_in_latin_greek_and_cyrillic(snap_compare, tmp_path, code):
    app = real_app(tmp_path)
    assert snap_compare(app, press=_choose(app, code), terminal_size=(80, 24))


@pytest.mark.parametrize("code", ["de", "el", "uk"])
def test_snapshot_overview_section_in_latin_greek_and_cyrillic(snap_compare, tmp_path, code):
    app = real_app(tmp_path)
    assert snap_compare(app, press=_choose(app, code) + ["enter", "3"], terminal_size=(80, 24))
