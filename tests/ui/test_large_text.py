"""Large text (issue 11) and text that fits (issue 9 item 5): every language, every screen.

EN 301 549 5.1.4 at 50 cm gives about 68x19 cells on a 15.6" full-HD panel
and 43x13 on a 10" 1280x800 one; 80x24 is the walk-up issue's smallest size.
One app per language walks every screen at each of those sizes (the
terminal is resized between them, so the suite stays fast) and fails when:

* text is cut: a Rich/Textual ellipsis ("…") appears, or a text widget
  needs more rows than it got, or it is clipped by its container or the
  screen's edge;
* a key hint breaks apart: a key name alone on a line, or a line ending in
  "Help:" whose key went to the next line;
* what a visitor needs is not on screen at once: where they are (the
  screen's title or section), the focused item (its "▶" mark), and, on
  full screens, the line saying which key gives help.

The expected strings come from the shipped catalogs, never typed in.
"""

from __future__ import annotations

import pytest
from textual.widgets import Static

from kiosk.languages import _
from kiosk.languages.registry import SUPPORTED_LANGUAGES
from kiosk.ui.keynames import key_label, keys_label
from kiosk.ui.screens.about import AboutScreen
from kiosk.ui.screens.help import HelpScreen
from kiosk.ui.screens.idle_warning import IdleWarningScreen
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.screens.overview import OverviewScreen
from kiosk.ui.screens.staff_exit import StaffExitScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.ui.widgets.menu import FOCUSED_MARK, Menu
from tests.ui.helpers import flat, region_text, screen_text
from tests.ui.test_real_languages import move_menu_to, real_app

#: The walk's sizes: walk-up's smallest, and the two large-text sizes.
WALK_SIZES = [(80, 24), (68, 19), (43, 13)]
BOX = "─━│┃╭╮╰╯┏┓┗┛▁▂▃▄▅▆▇█ "


def key_names(app) -> set[str]:
    """Every key name the kiosk may print, in the active language, alone and joined."""
    names: set[str] = set()
    for keys in app.config.keymap.values():
        names |= {key_label(key) for key in keys}
        names.add(keys_label(keys))
        names.add(keys_label(keys[:1]))
    return {name for name in names if name}


def problems_on_screen(app, where: str) -> list[str]:
    """What is cut or broken apart on the screen now, one sentence each."""
    found: list[str] = []
    text = screen_text(app)
    lines = [line.strip(BOX) for line in text.splitlines()]
    if "…" in text:
        found.append(f"{where}: text cut with '…': {[l for l in lines if '…' in l]}")
    names = key_names(app)
    for number, line in enumerate(lines):
        if line and line.rstrip(".") in names:
            found.append(f"{where}: key name alone on a line: {line!r}")
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if line.endswith(":") and following.split(" · ")[0].rstrip(".") in names:
            found.append(f"{where}: key hint broken after {line!r} / {following!r}")
    screen = app.screen
    width, height = app.size
    for widget in screen.query(Static):
        if not widget.display or not widget.is_mounted or widget.region.area == 0:
            continue
        needed = widget.get_content_height(widget.size, app.size, widget.content_size.width)
        if needed > widget.content_size.height:
            found.append(f"{where}: #{widget.id} needs {needed} rows, has "
                         f"{widget.content_size.height}: {flat(str(widget.render()))!r}")
        region = widget.region
        if region.right > width or region.bottom > height or region.x < 0 or region.y < 0:
            found.append(f"{where}: #{widget.id} leaves the screen at {region}")
        try:
            geometry = screen.find_widget(widget)
        except Exception:  # not in the compositor's map: hidden behind the scroll
            found.append(f"{where}: #{widget.id} is not shown at all")
            continue
        if geometry.region.intersection(geometry.clip) != geometry.region:
            found.append(f"{where}: #{widget.id} is clipped by its container")
    return found


def visitor_sees_the_essentials(app, where: str) -> list[str]:
    """Where the visitor is, the focused item, and (full screens) which key gives help."""
    found: list[str] = []
    text = flat(screen_text(app))
    screen = app.screen
    focused = app.focused
    if isinstance(focused, Menu):
        menu_text = region_text(app, focused)
        if FOCUSED_MARK.strip() not in menu_text:
            found.append(f"{where}: the focused item of #{focused.id} is not on screen")
    if not isinstance(screen, (IdleWarningScreen, StaffExitScreen, HelpScreen, LanguageScreen)):
        help_phrase = _("Help: {keys}").format(
            keys=keys_label(app.config.keymap.get("help", ()), limit=1))
        if flat(help_phrase) not in text:
            found.append(f"{where}: {help_phrase!r} (the help key) is not on screen")
    title = {
        WelcomeScreen: _("Medicine information"),
        LanguageScreen: _("Choose your language"),
        HelpScreen: _("Help"),
        IdleWarningScreen: _("Still there?"),
        StaffExitScreen: _("Staff only"),
    }.get(type(screen))
    if isinstance(screen, OverviewScreen):
        title = (screen._pane_title().lstrip("▶ ") if screen.pane.has_focus else _("Contents"))
    if isinstance(screen, AboutScreen):
        title = flat(str(screen.query_one("#about-title", Static).render()))[:20]
    if title and flat(title) not in text:
        found.append(f"{where}: where the visitor is ({title!r}) is not on screen")
    return found


async def check(pilot, where: str, problems: list[str]) -> None:
    await pilot.pause()
    problems += problems_on_screen(pilot.app, where)
    problems += visitor_sees_the_essentials(pilot.app, where)


async def walk_every_screen(pilot, code: str, size: tuple[int, int], problems: list[str]) -> None:
    """Welcome, language list, contents, every section's text, About, Help, idle, staff."""
    app = pilot.app
    tag = f"{code} {size[0]}x{size[1]}"
    await check(pilot, f"{tag} welcome", problems)
    await pilot.press("f2")
    await check(pilot, f"{tag} language list", problems)  # every position: test_highlight_visible
    await pilot.press("escape")
    await pilot.pause()
    app.screen.menu.select_key("start")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, OverviewScreen), tag
    total = app.screen.total
    await check(pilot, f"{tag} contents", problems)
    await pilot.press("enter")
    await check(pilot, f"{tag} section 1 text", problems)
    await pilot.press(str(total))  # the contents list (every heading) was checked above
    await check(pilot, f"{tag} section {total} text", problems)
    await pilot.press("i")  # About
    await pilot.pause()
    assert isinstance(app.screen, AboutScreen), tag
    await check(pilot, f"{tag} about", problems)
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen), tag
    await check(pilot, f"{tag} help", problems)
    await pilot.press("escape")  # Help -> About
    await pilot.press("escape")  # About -> the overview
    await pilot.pause()
    app.clock.advance(app.idle.timeout + 1)
    app.idle.check()
    await pilot.pause()
    assert isinstance(app.screen, IdleWarningScreen), tag
    await check(pilot, f"{tag} still there?", problems)
    await pilot.press("down")  # any key keeps the visit
    await pilot.pause()
    await pilot.press("f12", "f12", "f12")
    await pilot.pause()
    assert isinstance(app.screen, StaffExitScreen), tag
    await check(pilot, f"{tag} staff", problems)
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("home")
    await pilot.pause()
    assert isinstance(app.screen, WelcomeScreen), tag


@pytest.mark.parametrize("code", SUPPORTED_LANGUAGES)
async def test_every_screen_fits_in_every_language_at_large_text_sizes(tmp_path, code, clock):
    from kiosk.languages import configure_locales
    from kiosk.launcher import build_app
    from tests.ui.helpers import make_config
    from tests.ui.test_real_languages import LOCALES

    config = make_config(tmp_path, locales_dir=LOCALES)
    configure_locales(config.locales_dir)
    app = build_app(config, clock=clock)
    problems: list[str] = []
    async with app.run_test(size=WALK_SIZES[0]) as pilot:
        await move_menu_to(pilot, app.screen.menu, f"lang:{code}")
        await pilot.press("enter")
        await pilot.pause()
        assert app.visit.language == code
        for size in WALK_SIZES:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await walk_every_screen(pilot, code, size, problems)
    assert not problems, "\n".join(problems)


async def test_the_checks_find_broken_hints_and_cut_text(tmp_path):
    """The walk's checks themselves: a key alone on a line, "Help:" split from its
    key, and a one-row label holding two rows are each found."""
    app = real_app(tmp_path)
    async with app.run_test(size=(68, 19)) as pilot:
        await pilot.pause()
        assert problems_on_screen(app, "clean") == []
        app.screen.query_one("#welcome-menu-label", Static).update("Speech: off · Help:\nF1")
        await pilot.pause()
        found = "\n".join(problems_on_screen(app, "broken"))
        assert "key name alone on a line: 'F1'" in found
        assert "key hint broken after 'Speech: off · Help:'" in found
        app.screen.query_one("#welcome-menu-label", Static).styles.height = 1
        app.screen.query_one("#welcome-menu-label", Static).update("one\ntwo")
        await pilot.pause()
        assert "#welcome-menu-label needs 2 rows, has 1" in "\n".join(problems_on_screen(app, "cut"))


def test_phrases_pack_between_phrases_and_balance_long_ones():
    from kiosk.ui.widgets.phrases import pack_phrases, split_sentences
    from kiosk.ui.widgets.status import fit_status

    assert pack_phrases(["Up: move", "Enter: read", "Esc: back"], 24) == [
        "Up: move · Enter: read", "Esc: back"]
    lines = pack_phrases(split_sentences("Type the PIN, then press Enter or Space. Esc cancels."),
                         30, " ")
    assert all(len(line) <= 30 for line in lines) and "Enter or Space." not in lines
    parts = ["Display: standard", "Speech: off", "Language: English", "Help: F1"]
    assert fit_status(parts, 80) == "  ·  ".join(parts)
    assert fit_status(parts, 41) == "Speech: off  ·  Help: F1"
    assert fit_status(parts, 8) == "Help: F1"
    # A speech notice outranks "Speech: on" (at 43x13 a visitor who heard nothing
    # read "Speech: on" alone; found by a newcomer's walk).
    noticed = ["Display: standard", "Speech: on", "Speech is not available.",
               "Language: English", "Help: F1"]
    assert fit_status(noticed, 41) == "Speech is not available.  ·  Help: F1"
    assert fit_status(noticed, 56) == "Speech: on  ·  Speech is not available.  ·  Help: F1"


def _choose(app, code: str) -> list[str]:
    """Keys from the large-text welcome screen to ``code`` chosen: its first entry
    opens the language list (the highlight then moves to Start)."""
    return ["enter"] + ["down"] * app.languages.index(code) + ["enter"]


@pytest.mark.parametrize("size", [(68, 19), (43, 13)])
@pytest.mark.parametrize("code", ["de", "el", "uk"])
def test_snapshot_welcome_with_large_text(snap_compare, tmp_path, code, size):
    app = real_app(tmp_path)
    assert snap_compare(app, press=_choose(app, code), terminal_size=size)


@pytest.mark.parametrize("size", [(68, 19), (43, 13)])
@pytest.mark.parametrize("code", ["de", "el", "uk"])
def test_snapshot_overview_with_large_text(snap_compare, tmp_path, code, size):
    """Contents then section 3's text (at 43 columns: the second of the two steps)."""
    app = real_app(tmp_path)
    assert snap_compare(app, press=_choose(app, code) + ["enter", "3", "enter"],
                        terminal_size=size)


@pytest.mark.parametrize("size", [(43, 13), (68, 19), (80, 24)])
async def test_the_language_list_keeps_the_help_key_in_sight(make_app, size):
    """The list covered the status line beneath at 68x19 and 43x13, so the help key
    was out of sight (a newcomer's finding); it has a status line of its own."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LanguageScreen)
        help_key = key_label(app.config.keymap["help"][0])
        assert f"Help: {help_key}" in flat(screen_text(app))
