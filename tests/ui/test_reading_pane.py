"""The reading pane lays a page out once, at the width it is shown at.

A page longer than the pane gets a scrollbar, which takes a column; a page
that fits has none.  The pane lays a page out one column narrower first and
only lays it out again at the full width when it may fit there: a long
section is drawn once (issue 8, "Faster": it was drawn wide, then again
narrower), and a page that fits only at the full width still shows there,
without a scrollbar a visitor would read as "there is more".
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual.app import App

from kiosk.ui.widgets.reading import ReadingPane

WIDTH, HEIGHT = 30, 6  # the pane's content region


class CountingPane(ReadingPane):
    """Counts the widths pages are drawn at."""

    def __init__(self) -> None:
        super().__init__(text_width=200)
        self.drawn: list[int] = []

    def _draw_page(self, parts, width, base):
        self.drawn.append(width)
        return super()._draw_page(parts, width, base)


class PaneApp(App):
    CSS = f"CountingPane {{ width: {WIDTH}; height: {HEIGHT}; }}"

    def compose(self):
        yield CountingPane()


def lines_at(text: str, width: int) -> int:
    return len(Console(width=width).render_lines(Text(text), pad=False))


def paragraph_fitting_only_at_full_width() -> str:
    """A paragraph of exactly HEIGHT lines at WIDTH columns and more at WIDTH - 1."""
    for count in range(20, 400):
        text = " ".join(f"w{n % 10}{'x' * (n % 4)}" for n in range(count))
        if lines_at(text, WIDTH) == HEIGHT and lines_at(text, WIDTH - 1) > HEIGHT:
            return text
    raise AssertionError("no such paragraph: change WIDTH or HEIGHT")


async def show(text: str, key: str) -> tuple[CountingPane, list[int]]:
    app = PaneApp()
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(CountingPane)
        assert pane.content_region.width == WIDTH and pane.content_region.height == HEIGHT
        pane.drawn.clear()
        pane.show([(Text(text), "p1")], text, cache_key=key)
        await pilot.pause()
        return pane, list(pane.drawn)


async def test_a_long_page_is_drawn_once_with_room_for_its_scrollbar():
    long_text = " ".join(["medicine"] * 200)
    pane, drawn = await show(long_text, "long")
    assert drawn == [WIDTH - 1]
    assert pane.line_width == WIDTH - 1
    assert pane.virtual_size.height == lines_at(long_text, WIDTH - 1) > HEIGHT


async def test_a_page_that_fits_only_at_the_full_width_is_shown_there_without_scrollbar():
    text = paragraph_fitting_only_at_full_width()
    pane, drawn = await show(text, "just-fits")
    assert drawn == [WIDTH - 1, WIDTH]
    assert pane.line_width == WIDTH
    assert pane.virtual_size.height == HEIGHT
    assert pane.max_scroll_y == 0


async def test_a_short_page_is_shown_at_the_full_width():
    pane, drawn = await show("A short page.", "short")
    assert pane.line_width == WIDTH and pane.virtual_size.height == 1
    assert drawn[-1] == WIDTH
