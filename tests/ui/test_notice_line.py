"""The notice line ("Top of the list.") covers the whole width of the row it is drawn
on: no piece of the border beneath shows beside it (a newcomer saw "━┛" at its end
at 43x13: Textual's toast rack kept a scrollbar gutter)."""

from __future__ import annotations

import pytest

from tests.ui.helpers import open_overview, screen_text

NOTICE = "Top of the list."


@pytest.mark.parametrize("size", [(43, 13), (68, 19), (80, 24)])
async def test_the_notice_line_hides_the_whole_row_beneath(make_app, size):
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:  # off by default in tests
        await open_overview(pilot)
        await pilot.press("up")  # at the top of the contents
        await pilot.pause()
        rows = [row for row in screen_text(app).split("\n") if NOTICE in row]
        assert len(rows) == 1, screen_text(app)
        row = rows[0]
        assert row.rstrip().endswith(NOTICE), f"beside the notice: {row!r}"
        assert len(row) == size[0]


async def test_speech_on_says_when_nothing_will_be_heard(make_app):
    """The speech key with no sound server: the notice does not stop at "Speech on."
    (a visitor was told speech was on, and heard nothing)."""
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.speech_unavailable("audio player paplay failed")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert app.visit.speech_on
        rows = [row.strip() for row in screen_text(app).split("\n") if "Speech on." in row]
        assert rows == ["┃ Speech on. Speech is not available."], rows
