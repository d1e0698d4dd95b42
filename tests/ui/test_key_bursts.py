"""Keys that arrive together (one read from the terminal: a keypad, a fast hand) all
count, in order, as if they came one by one (a newcomer's burst "l Up Up Up Up Up
Up Enter" chose the language one row from where it started)."""

from __future__ import annotations

from textual import events

from tests.ui.helpers import open_overview, screen_text
from tests.ui.test_real_languages import real_app


async def burst(pilot, *keys: str) -> None:
    """Post ``keys`` as the driver does for one read, without waiting between them."""
    for key in keys:
        pilot.app.post_message(events.Key(key, None))
    await pilot.pause()
    await pilot.pause()


async def test_a_burst_after_the_language_key_moves_the_list_key_by_key(tmp_path):
    app = real_app(tmp_path)  # all 28 languages
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        overview = app.screen
        codes = app.languages
        for opening in ("first", "again", "in the new language", "once more"):
            start = codes.index(app.visit.language)
            await burst(pilot, "l", "down", "down", "down", "enter")
            assert app.screen is overview, opening
            assert app.visit.language == codes[start + 3], opening


async def test_a_notice_of_a_key_in_a_burst_goes_with_the_next_key(make_app):
    """"End of the list." from the second Down, then Enter in the same read: the notice
    goes with the Enter, as with keys one by one (it stayed for the idle time, over
    the overview's bottom border, a newcomer saw)."""
    app = make_app()
    async with app.run_test(size=(68, 19), notifications=True) as pilot:
        await burst(pilot, "home", "down", "down", "enter")  # the two-entry menu: Start is 2nd
        assert type(app.screen).__name__ == "OverviewScreen"
        await pilot.pause()
        assert "End of the list." not in screen_text(app)
        await burst(pilot, "up", "up", "down")  # at the top: "Top of the list.", then a move
        assert "Top of the list." not in screen_text(app)


async def test_notices_of_a_burst_do_not_pile_up(make_app):
    """Many keys at the top of a list in one read: one notice line, the last one, and
    it goes with the next key (they piled up over the list, a newcomer saw)."""
    app = make_app()
    async with app.run_test(size=(43, 13), notifications=True) as pilot:
        await burst(pilot, "l", *["up"] * 12)
        text = screen_text(app)
        assert text.count("Top of the list.") == 1, text
        await burst(pilot, "down")
        assert "Top of the list." not in screen_text(app)
        await burst(pilot, "escape", "down", "down", "down", "l")  # welcome: End of the list, then the list
        assert "End of the list." not in screen_text(app), screen_text(app)
