"""Every visitor action on every screen, driven only through keys."""

from __future__ import annotations

import shutil

from kiosk.keys import build_keymap
from kiosk.ui.screens.about import AboutScreen
from kiosk.ui.screens.help import HelpScreen
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.screens.medicine_list import MedicineListScreen
from kiosk.ui.screens.overview import OverviewScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from tests.ui.helpers import (
    CONTENT, doc_sections, flat, make_config, open_overview, region_text, screen_text,
)


async def test_welcome_starts_with_language_list_and_tells_keys(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WelcomeScreen)
        assert app.focused is screen.menu and screen.menu.index == 0
        assert screen.menu.entries[0].key == "lang:en"
        assert screen.menu.entries[-1].key == "start"
        text = flat(screen_text(app))
        assert "Opzelura (ruxolitinib)" in text
        assert "Choose with Enter or Space" in text
        assert "Help at any time: F1 or ?" in text
        assert "Speech on or off: F4 or S" in text
        assert "Language: F2 or L" in text
        assert "▶ English (chosen)" in text
        # Back and Home keep the visitor on the welcome screen.
        await pilot.press("escape", "home")
        assert isinstance(app.screen, WelcomeScreen)


async def test_welcome_up_down_action(make_app, announcer):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        menu = app.screen.menu
        await pilot.press("up")
        assert menu.index == 0 and announcer.last == "Top of the list."
        await pilot.press("down")
        assert menu.current.key == "start" and "Start" in announcer.last
        await pilot.press("down")
        assert announcer.last == "End of the list."
        await pilot.press("up", "enter")  # choose English: focus jumps to Start
        assert menu.current.key == "start"
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert app.screen.section_index == 0


async def test_read_whole_overview_with_five_keys(make_app):
    """Down/Action/Up/Back/Help only: every section's heading and first paragraph."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        screen = app.screen
        sections = doc_sections(app)
        assert len(sections) == 8
        for number, section in enumerate(sections, start=1):
            await pilot.press("enter")  # Action: read the highlighted section
            assert app.focused is screen.pane
            plain = screen.pane.plain
            assert section.heading.text in plain
            assert section.blocks[0].texts[0].text in plain
            assert f"Section {number} of 8" in plain
            visible = flat(screen_text(app))
            assert section.heading.text[:24] in visible  # longer headings wrap in the pane
            await pilot.press("f1")  # Help on the way, and back to the same place
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("f1")
            assert app.screen is screen and app.focused is screen.pane
            await pilot.press("backspace")  # Back: focus to the contents
            assert app.focused is screen.toc
            assert screen.toc.index == number - 1
            if number > 1:
                await pilot.press("up")  # Up moves without opening
                assert screen.toc.index == number - 2 and screen.section_index == number - 1
                await pilot.press("down")
            await pilot.press("down")  # next item
        assert screen.toc.current.key == "about"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AboutScreen)
        assert "EMA/100444/2023" in app.screen.pane.plain


async def test_overview_section_keys(make_app, announcer):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        screen = app.screen
        assert announcer.spoken[-1][2].startswith("Overview of Opzelura. Section 1 of 8:")
        await pilot.press("right")
        assert screen.section_index == 1 and screen.toc.index == 1
        await pilot.press("pagedown")
        assert screen.section_index == 2
        assert announcer.last == "Section 3 of 8: How does Opzelura work?"
        await pilot.press("pageup", "left")
        assert screen.section_index == 0
        await pilot.press("left")
        assert screen.section_index == 0 and announcer.last == "This is the first section."
        await pilot.press("8")
        assert screen.section_index == 7
        await pilot.press("right")
        assert announcer.last == "This is the last section."
        await pilot.press("9")
        assert screen.section_index == 7 and "8 sections" in announcer.last
        await pilot.press("3")
        assert screen.section_index == 2
        assert "How does Opzelura work?" in screen.pane.plain
        # Up/Down in the contents move without opening.
        await pilot.press("down", "down")
        assert screen.toc.index == 4 and screen.section_index == 2
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, AboutScreen)
        await pilot.press("down", "up", "escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("home")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.focused is app.screen.menu and app.screen.menu.index == 0


async def test_reading_pane_scrolls_and_releases_focus(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        screen = app.screen
        await pilot.press("down", "enter")  # section 2 is longer than the pane at 80x24
        await pilot.pause()
        assert app.focused is screen.pane
        assert screen.pane.max_scroll_y > 0
        await pilot.press("down")
        assert screen.pane.scroll_y > 0 and app.focused is screen.pane
        for _ in range(20):
            await pilot.press("down")
            if app.focused is not screen.pane:
                break
        # Down at the end leaves the text (no focus trap) and offers the next section.
        assert app.focused is screen.toc and screen.toc.index == 2
        await pilot.press("enter")
        assert app.focused is screen.pane and screen.section_index == 2
        await pilot.press("up")  # at the top: back to the contents
        assert app.focused is screen.toc
        await pilot.press("backspace")  # Back from the contents: leave the overview
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_action_in_text_reads_aloud_through_the_hook(make_app, announcer):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        await pilot.press("enter", "enter")
        assert announcer.commands == ["read"]


async def test_speech_keys_show_state_and_reach_announcer(make_app, announcer):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        assert "Speech: off" in screen_text(app)
        await pilot.press("f4")
        assert app.visit.speech_on
        assert "Speech: on" in screen_text(app)
        # Said in words, then where the visitor is (so turning speech on orients them).
        said = [text for _kind, _lang, text in announcer.spoken]
        assert said[-2:] == ["Speech on.",
                             "Overview of Opzelura. Section 1 of 8: What is Opzelura and what is it used for?"]
        for key in ("r", "p", "a", "comma", "full_stop", "left_square_bracket",
                    "right_square_bracket", "minus", "plus"):
            await pilot.press(key)
        assert announcer.commands == [
            "read", "toggle_pause", "repeat", "previous_sentence", "next_sentence",
            "slower", "faster", "quieter", "louder"]
        await pilot.press("s")
        assert not app.visit.speech_on and "Speech: off" in screen_text(app)
        assert announcer.last == "Speech off."  # said before speech goes quiet


async def test_help_returns_to_exact_place(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        screen = app.screen
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("down", "down")
        scroll = screen.pane.scroll_y
        assert scroll > 0
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        text = flat(screen_text(app))
        assert "Where you are: Overview of Opzelura. Section 2 of 8" in text
        # What each key does here, in the text (issue 9 item 3: Help is exact).
        assert "Enter or Space Read this section aloud" in text
        assert "F1 or ? Help: explains where you are" in text
        await pilot.press("down", "down", "up")  # scroll the help itself
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and app.focused is screen.pane
        assert screen.pane.scroll_y == scroll and screen.section_index == 1
        # Action closes help too, and help works on the welcome screen.
        await pilot.press("f1", "enter")
        assert app.screen is screen
        await pilot.press("home", "f1")
        assert "Welcome to the medicine information kiosk" in flat(screen_text(app))
        await pilot.press("backspace")
        assert isinstance(app.screen, WelcomeScreen)


async def test_help_lists_every_mapped_action(make_app):
    from kiosk.keys import ACTIONS

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)  # in the contents every action means something
        sections = app.screen.total
        await pilot.press("f1")
        plain = app.screen.pane.plain
        for info in ACTIONS:
            assert info.description in plain, info.name
        # Help names the digits that open a section of this medicine (8 of them).
        assert sections == 8
        assert "1 … 8: Go to a section by its number" in plain
        assert "1 … 9" not in plain
        assert "Page Down" in plain and "Esc" in plain
        # On the welcome screen the section keys are there too, as doing nothing.
        await pilot.press("home", "f1")
        plain = app.screen.pane.plain
        assert "Left arrow or Page Up; Right arrow or Page Down; I; 1 … 9: " \
            "These keys do nothing here." in plain
        assert "Go to a section by its number" not in plain


async def test_remapped_keys(make_app, tmp_path):
    keymap = build_keymap("keyboard", {"up": ("8",), "down": ("2",), "action": ("5",),
                                       "back": ("0",), "section_number": ()})
    app = make_app(make_config(tmp_path, keymap=keymap))
    async with app.run_test(size=(80, 24)) as pilot:
        menu = app.screen.menu
        await pilot.press("down")  # arrow no longer mapped
        assert menu.index == 0
        await pilot.press("2")
        assert menu.current.key == "start"
        assert "Move with 8 and 2. Choose with 5." in flat(screen_text(app))
        await pilot.press("8", "2", "5")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        await pilot.press("2", "2", "5")
        assert screen.section_index == 2 and app.focused is screen.pane
        await pilot.press("0")
        assert app.focused is screen.toc
        await pilot.press("f1")
        assert "8: Move up to the previous item" in app.screen.pane.plain


async def test_medicine_list_with_several_medicines(make_app, tmp_path, announcer):
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "opzelura", content / "opzelura")
    text = (CONTENT / "opzelura" / "overview.md").read_text()
    (content / "zeta").mkdir()
    (content / "zeta" / "overview.md").write_text(text.replace('name = "Opzelura"', 'name = "Zetamed"'))
    app = make_app(make_config(tmp_path, content_dir=content))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        screen = app.screen
        assert isinstance(screen, MedicineListScreen)
        assert [e.key for e in screen.menu.entries] == ["opzelura", "zeta"]
        assert "Medicine list, 2 medicines." in announcer.spoken[-1][2]
        await pilot.press("down")
        assert screen.menu.current.key == "zeta"
        await pilot.press("up", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen) and app.screen.slug == "zeta"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_language_key_opens_choice_and_back_keeps_place(make_app, tmp_path):
    from tests.ui.helpers import write_catalog

    config = make_config(tmp_path, languages=("en", "de", "uk"))
    write_catalog(config.locales_dir, "de", "kiosk", {"Contents": "Inhalt"})
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        screen = app.screen
        await pilot.press("3")
        await pilot.press("l")
        assert isinstance(app.screen, LanguageScreen)
        labels = [e.label() for e in app.screen.menu.entries]
        assert labels == ["English (chosen)", "Deutsch", "Українська"]
        await pilot.press("down", "backspace")
        await pilot.pause()
        assert app.screen is screen and app.visit.language == "en"
        assert screen.section_index == 2 and app.focused is screen.toc
        await pilot.press("f2", "down", "enter")
        await pilot.pause()
        assert app.screen is screen and app.visit.language == "de"
        assert screen.section_index == 2
        assert "Inhalt" in screen_text(app)
        assert "Language: Deutsch" in screen_text(app)


async def test_numeric_keypad_profile(make_app, tmp_path, announcer):
    """The keypad profile through Textual's keymap: digits move and choose, and the
    keyboard's letters (repeat is "a" on a keyboard, nothing on the keypad) do nothing."""
    app = make_app(make_config(tmp_path, keymap=build_keymap("numeric-keypad")))
    async with app.run_test(size=(80, 24)) as pilot:
        menu = app.screen.menu
        assert "a" not in app.screen.active_bindings and "8" in app.screen.active_bindings
        await pilot.press("2")
        assert menu.current.key == "start"
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        await pilot.press("6", "6")
        assert screen.section_index == 2
        spoken = len(announcer.spoken)
        await pilot.press("a", "r")  # not keypad keys: nothing happens, nothing is said
        assert screen.section_index == 2 and len(announcer.spoken) == spoken
        await pilot.press("0")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_how_to_close_help_is_on_screen_as_help_opens(make_app):
    """A visitor must see the way out at once (it was only at the end of the
    list: some 20 presses down at 80x24, 30 at 43x13; a newcomer's walk)."""
    for size in ((80, 24), (68, 19), (43, 13)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await open_overview(pilot)
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            shown = flat(region_text(app, app.screen.pane))  # the pane's lines, without borders
            assert "To close help, press F1 or ? or Backspace or Esc." in shown, (size, shown)


async def test_home_keeps_the_highlight_on_the_language_in_use(make_app, tmp_path):
    """After Home the welcome list's highlight is on the visitor's language, so Action
    there keeps it (it was on the first language: Action switched to English)."""
    from tests.ui.test_language_and_text import german

    app = make_app(german(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")  # Deutsch
        await open_overview(pilot)
        assert app.visit.language == "de" and isinstance(app.screen, OverviewScreen)
        await pilot.press("home")
        await pilot.pause()
        welcome = app.screen
        assert isinstance(welcome, WelcomeScreen) and welcome.menu.current.key == "lang:de"
        await pilot.press("enter")
        await pilot.pause()
        assert app.visit.language == "de"
