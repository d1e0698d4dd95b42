"""Sizes, display modes and the contrast of the high-contrast theme."""

from __future__ import annotations

import pytest

from kiosk.ui.themes import HIGH_CONTRAST, theme_pairs
from tests.ui.helpers import doc_sections, flat, open_overview, region_text, screen_text


def test_high_contrast_pairs_reach_7_to_1():
    pairs = theme_pairs(HIGH_CONTRAST)
    assert len(pairs) >= 8
    for fg, bg, ratio in pairs:
        assert ratio >= 7.0, f"{fg} on {bg}: {ratio:.2f}"


def test_contrast_formula_known_values():
    from textual.color import Color

    from kiosk.ui.themes import contrast_ratio

    assert contrast_ratio(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio(Color(119, 119, 119), Color(255, 255, 255)) == pytest.approx(4.48, abs=0.01)


async def test_display_key_cycles_modes_in_words(make_app, announcer):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "kiosk-standard" and "Display: standard" in screen_text(app)
        await pilot.press("f3")
        assert app.theme == "kiosk-high-contrast" and app.visit.theme == "high-contrast"
        assert "Display: high contrast" in screen_text(app)
        assert announcer.last == "Display: high contrast"
        await pilot.press("c")
        assert app.theme == "ansi-dark" and "Display: terminal colours" in screen_text(app)
        await pilot.press("f3")
        assert app.theme == "kiosk-standard"


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_sizes_nothing_cut_off(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        text = flat(screen_text(app))
        assert "Speech on or off" in text and "Start" in text
        await open_overview(pilot)
        screen = app.screen
        width, height = size
        for region_widget in (screen.toc, screen.pane):
            region = region_widget.region
            assert region.width >= 20 and region.height >= 8
            assert region.right <= width and region.bottom <= height
        assert screen.pane.line_width <= 72
        shown = [line.rstrip() for line in region_text(app, screen.pane).splitlines()]
        assert max(len(line) for line in shown) <= 72 + 1  # the text, and the scrollbar
        for number, section in enumerate(doc_sections(app), start=1):
            await pilot.press(str(number))
            await pilot.pause()
            # The heading reachable in the contents is scrolled into view, marked.
            assert screen.toc.highlighted == number - 1
            first_word = section.heading.text.split()[0]
            assert f"▶ {number}. {first_word}" in flat(region_text(app, screen.toc))
            assert section.heading.text[:16] in flat(screen_text(app))
        # Status and hint stay on screen.
        text = screen_text(app)
        assert "Help: F1" in text and "previous/next" in flat(text)


@pytest.mark.parametrize("size", [(42, 13), (43, 13), (56, 20), (59, 15), (60, 16), (68, 19),
                                  (79, 23), (80, 24), (200, 60)])
async def test_screens_start_with_the_breakpoint_classes_textual_gives_them(make_app, size):
    """A screen begins with its breakpoint classes (else Textual styles, lays out and
    paints it once without them, then again at its first Resize), and they are the
    ones Textual itself gives it: a Textual release that changed its rule fails here."""
    from kiosk.ui.screens.message import MessageScreen
    from kiosk.ui.sizes import HORIZONTAL_BREAKPOINTS, VERTICAL_BREAKPOINTS, breakpoint_classes

    names = {name for _, name in HORIZONTAL_BREAKPOINTS + VERTICAL_BREAKPOINTS}
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert set(app.screen.classes) & names == breakpoint_classes(*size)  # Textual's, after Resize
        fresh = MessageScreen("A message.")
        assert set(fresh.classes) & names == breakpoint_classes(*size)  # ours, before any layout
