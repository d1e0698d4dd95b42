"""The language a visitor highlights is laid out while they hear its name (issue 8,
"Faster"): the switch then only shows what is ready.  Nothing shown, said or
chosen changes until they press Action; Back leaves everything as it was."""

from __future__ import annotations

from kiosk.languages import active_language
from kiosk.ui.screens.overview import OverviewScreen
from tests.ui.helpers import flat, open_overview, screen_text
from tests.ui.test_language_and_text import german


def count_page_layouts(pane) -> list[int]:
    """Record the widths the pane lays pages out at (its own drawing method)."""
    drawn: list[int] = []
    draw = pane._draw_page

    def counting(parts, width, base):
        drawn.append(width)
        return draw(parts, width, base)

    pane._draw_page = counting
    return drawn


async def test_a_highlighted_language_is_laid_out_before_it_is_chosen(make_app, tmp_path, announcer):
    app = make_app(german(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        page, labels = overview.pane.plain, [overview.toc.label_of(i) for i in range(9)]
        drawn = count_page_layouts(overview.pane)
        announcer.spoken.clear()
        await pilot.press("l", "down")  # the list opens on English; Deutsch is next
        await pilot.pause()
        # Prepared, not shown: the visit, the page and the contents are still English.
        assert app.visit.language == "en" and active_language() == "en"
        assert overview.pane.plain == page
        assert [overview.toc.label_of(i) for i in range(9)] == labels
        assert drawn, "the German page was not laid out while Deutsch was highlighted"
        heard = [(language, text) for _priority, language, text in announcer.spoken]
        assert heard[-1] == ("de", "Deutsch")  # the name, in its language; nothing else German
        assert {language for language, _text in heard[:-1]} == {"en"}
        drawn.clear()
        await pilot.press("enter")
        await pilot.pause()
        assert app.visit.language == "de" and app.screen is overview
        assert "Was ist Opzelura und wofür wird es angewendet?" in flat(screen_text(app))
        assert drawn == [], "the switch laid the page out again"


async def test_back_from_a_highlighted_language_changes_nothing(make_app, tmp_path):
    app = make_app(german(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        before = flat(screen_text(app))
        await pilot.press("l", "down")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.visit.language == "en" and active_language() == "en"
        assert flat(screen_text(app)) == before


async def test_a_switch_leaves_unchanged_lines_alone(make_app, tmp_path):
    """The medicine's name reads the same in German: its line is not replaced (so not
    measured and drawn again); the lines whose words change are."""
    app = make_app(german(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        title = app.screen.query_one("#overview-title")
        hint = app.screen.query_one("#overview-hint")
        shown_title, shown_hint = title.content, hint.content
        await pilot.press("l", "down", "enter")
        await pilot.pause()
        assert app.visit.language == "de"
        assert title.content is shown_title
        # The hint's words are not in this test's German catalog: English, unchanged.
        assert hint.content is shown_hint
        await pilot.press("l", "up", "enter")
        await pilot.pause()
        assert app.visit.language == "en" and title.content is shown_title
