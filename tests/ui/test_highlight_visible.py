"""Issue 9 item 2: in every list, at every size and after any reflow, the highlighted item is visible.

The lists: the welcome menu, the language dialog (F2/L), the overview's
contents (the medicine list uses the same ``Menu`` and is covered by its
own tests when several medicines are installed).  "Visible" is what a
sighted visitor sees: the "▶" mark and the item's first word inside the
list's region on the terminal.  Plus the start-up log line naming the
terminal's size (issue 11).
"""

from __future__ import annotations

import logging

import pytest

from kiosk.ui.screens.overview import OverviewScreen
from kiosk.ui.sizes import below_tested, size_note
from kiosk.ui.widgets.menu import FOCUSED_MARK
from tests.ui.helpers import flat, region_text
from tests.ui.test_real_languages import real_app

SIZES = [(42, 13), (43, 13), (56, 20), (68, 19), (80, 24), (100, 30), (200, 60)]


def highlighted_is_shown(app, menu) -> str | None:
    """None when the highlighted item is on screen, else what is wrong."""
    shown = flat(region_text(app, menu))
    label = flat(menu.label_of())
    first_word = label.split()[0]
    if f"{FOCUSED_MARK.strip()} {first_word}" not in shown:
        return f"#{menu.id}: {label!r} (item {menu.index}) not on screen; shown: {shown[:120]!r}"
    return None


async def walk_list(pilot, menu, where: str, problems: list[str]) -> None:
    """Down to the end, then up to the top, checking after every key."""
    for key in ["down"] * (len(menu.entries) - 1 - menu.index) + ["up"] * (len(menu.entries) - 1):
        await pilot.press(key)
        await pilot.pause()
        wrong = highlighted_is_shown(pilot.app, menu)
        if wrong:
            problems.append(f"{where}: {wrong}")


@pytest.mark.parametrize("size", SIZES)
async def test_every_list_keeps_its_highlight_on_screen(tmp_path, size):
    app = real_app(tmp_path)
    problems: list[str] = []
    tag = f"{size[0]}x{size[1]}"
    async with app.run_test(size=size) as pilot:
        await walk_list(pilot, app.screen.menu, f"{tag} welcome", problems)
        await pilot.press("f2")
        await pilot.pause()
        await walk_list(pilot, app.screen.menu, f"{tag} language list", problems)
        await pilot.press("escape")
        await pilot.pause()
        app.screen.menu.select_key("start")
        await pilot.press("enter")
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        await walk_list(pilot, overview.toc, f"{tag} contents", problems)
        # Into the text of the last section and back (on a narrow screen the
        # contents are hidden meanwhile): the highlight is shown again.
        await pilot.press(*["down"] * (overview.total - 1), "enter")
        await pilot.pause()
        await pilot.press("backspace")
        await pilot.pause()
        wrong = highlighted_is_shown(app, overview.toc)
        if wrong:
            problems.append(f"{tag} contents after the text: {wrong}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("smaller", [(80, 24), (68, 19), (43, 13)])
async def test_highlight_stays_on_screen_after_the_terminal_shrinks(tmp_path, smaller):
    app = real_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        menu = app.screen.menu
        menu.select_key("start")  # the last item, at the bottom of the list
        await pilot.pause()
        assert highlighted_is_shown(app, menu) is None
        await pilot.resize_terminal(*smaller)
        await pilot.pause()
        await pilot.pause()
        assert highlighted_is_shown(app, menu) is None
        await pilot.press("f2")
        await pilot.pause()
        languages = app.screen.menu
        languages.select(len(languages.entries) - 1)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.resize_terminal(*smaller)
        await pilot.pause()
        await pilot.pause()
        assert highlighted_is_shown(app, languages) is None


async def test_start_up_log_names_the_terminal_size(tmp_path):
    # A handler on the kiosk's own logger: the launcher's logging set-up (other
    # tests) may stop records from reaching the root logger pytest watches.
    records: list[str] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("kiosk.ui")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        app = real_app(tmp_path)
        async with app.run_test(size=(43, 13)) as pilot:
            await pilot.pause()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    assert size_note(43, 13) in records
    assert "within the sizes" in size_note(43, 13)
    assert below_tested(41, 24) and below_tested(80, 12) and not below_tested(42, 13)
    assert "BELOW" in size_note(40, 12)
