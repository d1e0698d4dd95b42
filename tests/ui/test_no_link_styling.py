"""No widget of any screen styles links: a keypad kiosk has no pointer to hover or
click one, and Textual's link styling (``Widget.auto_links``) restyles every
drawn line, which a language switch draws all of again (issue 8, "Faster")."""

from __future__ import annotations

from tests.ui.helpers import open_overview


def styling_links(screen) -> list[str]:
    return [repr(widget) for widget in screen.walk_children(with_self=True) if widget.auto_links]


async def test_no_widget_on_any_screen_styles_links(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen = {type(app.screen).__name__: styling_links(app.screen)}
        await open_overview(pilot)
        for key in ("l", "escape", "f1", "f1", "i", "escape"):
            await pilot.press(key)
            await pilot.pause()
            seen[type(app.screen).__name__] = styling_links(app.screen)
        assert {"WelcomeScreen", "OverviewScreen", "LanguageScreen", "HelpScreen",
                "AboutScreen"} <= set(seen)
        assert seen == {name: [] for name in seen}
