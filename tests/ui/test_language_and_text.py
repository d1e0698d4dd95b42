"""Language switching repaints everything; fallbacks are marked in words; text is literal."""

from __future__ import annotations

from kiosk.ui.screens.overview import OverviewScreen
from tests.ui.helpers import flat, make_config, open_overview, screen_text, write_catalog

HEADING_1 = "What is Opzelura and what is it used for?"
PARA_1 = "Opzelura contains the active substance ruxolitinib."


def german(tmp_path):
    config = make_config(tmp_path, languages=("en", "de"))
    write_catalog(config.locales_dir, "de", "kiosk", {
        "Medicine information": "Arzneimittel-Information",
        "Contents": "Inhalt",
        "English – not yet translated": "Englisch – noch nicht übersetzt",
        "Section {number} of {total}": ("Abschnitt {number} von {total}",
                                         "Abschnitt {number} von {total}"),
        "Authorised in the EU on: {date}": "In der EU zugelassen am: {date}",
        "Last updated: {month}": "Zuletzt aktualisiert: {month}",
    })
    write_catalog(config.locales_dir, "de", "doc-opzelura", {
        HEADING_1: "Was ist Opzelura und wofür wird es angewendet?",
        PARA_1: "Opzelura enthält den Wirkstoff Ruxolitinib.",
        "How is Opzelura used?": "Wie wird Opzelura angewendet?",
    }, fuzzy=("How is Opzelura used?",))
    return config


async def test_switch_language_repaints_every_screen(make_app, tmp_path):
    app = make_app(german(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Medicine information" in screen_text(app)
        await pilot.press("down", "enter")  # Deutsch on the welcome list
        assert app.visit.language == "de"
        text = screen_text(app)
        assert "Arzneimittel-Information" in text and "Medicine information" not in text
        assert "Deutsch (chosen)" in text  # this msgid is untranslated: English shows
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        text = flat(screen_text(app))
        assert "Inhalt" in text and "Abschnitt 1 von 8" in text
        assert "Was ist Opzelura" in text
        # Back to English from the overview: the overview and the welcome beneath repaint.
        await pilot.press("l", "up", "enter")
        await pilot.pause()
        assert app.visit.language == "en" and app.screen is screen
        text = flat(screen_text(app))
        assert "Contents" in text and "Section 1 of 8" in text and "Inhalt" not in text
        await pilot.press("home")
        await pilot.pause()
        assert "Medicine information" in screen_text(app)


async def test_fallback_units_are_marked_in_words(make_app, tmp_path, announcer):
    app = make_app(german(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("down", "enter", "enter")
        await pilot.pause()
        screen = app.screen
        plain = screen.pane.plain
        # Translated paragraph: no marker before it; untranslated first paragraph: marked.
        assert "Opzelura enthält den Wirkstoff Ruxolitinib." in plain
        lines = plain.splitlines()
        first_en = next(i for i, line in enumerate(lines) if line.startswith("Opzelura is a medicine"))
        assert lines[first_en - 1] == "[Englisch – noch nicht übersetzt]"
        assert "⚑ Englisch – noch nicht übersetzt" in screen_text(app)
        # Translation note, because part of the document is shown translated.
        assert "This translation was made for this kiosk." in flat(screen_text(app))
        # The fuzzy heading of section 2 is English, marked in the contents and the text.
        assert screen.toc.entries[1].label() == "2. How is Opzelura used? (English)"
        await pilot.press("right")
        assert screen.pane.plain.splitlines()[0] == "[Englisch – noch nicht übersetzt]" \
            or "Englisch – noch nicht übersetzt" in screen_text(app)
        assert announcer.spoken[-1][1] == "en"  # an English heading is spoken in English


async def test_about_dates_follow_language(make_app, tmp_path):
    app = make_app(german(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        await pilot.press("i")
        await pilot.pause()
        plain = app.screen.pane.plain
        # British English, as the EMA writes it
        assert "Authorised in the EU on: 19 April 2023" in plain
        assert "Last updated: April 2023" in plain
        assert "EMA reference: EMA/100444/2023" in plain
        assert "Product number: EMA/H/C/005843" in plain
        assert "Source: https://ema.europa.eu/medicines/human/EPAR/opzelura" in plain
        assert "The text comes from the European Medicines Agency (EMA)." in plain
        await pilot.press("f2", "down", "enter")
        await pilot.pause()
        plain = app.screen.pane.plain
        # a German sentence writes a German date (an English one, an English date:
        # tests/ui/test_broken_catalogs.py)
        assert "In der EU zugelassen am: 19. April 2023" in plain
        assert "Zuletzt aktualisiert: April 2023" in plain
        assert "This translation was made for this kiosk." in plain


async def test_markup_and_escapes_are_shown_literally(make_app, tmp_path):
    content = tmp_path / "content" / "evil"
    content.mkdir(parents=True)
    (content / "overview.md").write_text(
        '+++\nname = "Evil [bold]med[/bold]"\n+++\n\n'
        "## Heading [red]x[/red]\n\nClear \x1b[2Jscreen and [red]x[/red] text.\n\n"
        "- item [link=http://x]one[/link]\n- item \x1b]0;title\x07two\n",
        encoding="utf-8")
    config = make_config(tmp_path, content_dir=tmp_path / "content", languages=("en", "de"))
    write_catalog(config.locales_dir, "de", "doc-evil", {
        "Heading [red]x[/red]": "Überschrift [blink]y[/blink] \x1b[31mrot",
    })
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Heading [red]x[/red]" in text
        assert "Clear screen and [red]x[/red] text." in text
        assert "• item [link=http://x]one[/link]" in text
        assert "• item two" in text  # OSC title sequence removed
        assert "Evil [bold]med[/bold]" in text
        assert "\x1b" not in text
        await pilot.press("l", "down", "enter")
        await pilot.pause()
        text = screen_text(app)
        # A translation carrying an escape sequence is dropped when the catalog
        # loads: the English heading shows, marked, and nothing else of it.
        assert "Überschrift" not in text and "\x1b" not in text
        assert "Heading [red]x[/red]" in text and "English – not yet translated" in flat(text)
        assert "Project-Id-Version" not in text  # an empty subtitle is not the catalog header


async def test_border_titles_are_literal(make_app, tmp_path):
    """The contents' and the text's titles sit in their borders, which Textual reads
    as markup unless given as Text: a translation with brackets shows as written."""
    config = make_config(tmp_path, languages=("en", "de"))
    write_catalog(config.locales_dir, "de", "kiosk", {
        "Contents": "[b]Inhalt[/b]",
        "Section {number} of {total}": ("[i]Abschnitt[/i] {number} von {total}",
                                         "[i]Abschnitt[/i] {number} von {total}"),
    })
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")  # Deutsch
        await open_overview(pilot)
        text = screen_text(app)
        assert "[b]Inhalt[/b]" in text
        assert "[i]Abschnitt[/i] 1 von 8" in text
        await pilot.press("enter")  # into the text: the title gains its focus mark
        await pilot.pause()
        assert "▶ [i]Abschnitt[/i] 1 von 8" in screen_text(app)


async def test_a_message_for_staff_follows_a_language_chosen_on_its_screen(make_app, tmp_path):
    """The message screen's detail is translated when shown, not when the screen
    was made (it stayed in the old language, as Help's "Where you are" did)."""
    from kiosk.languages import N_
    from kiosk.ui.screens.message import MessageScreen

    config = make_config(tmp_path, languages=("en", "de"))
    write_catalog(config.locales_dir, "de", "kiosk", {
        "No medicine information is installed.": "Keine Arzneimittel-Information installiert.",
        "For staff: {detail}": "Für das Personal: {detail}",
    })
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MessageScreen(N_("No medicine information is installed.")))
        await pilot.pause()
        assert "For staff: No medicine information is installed." in flat(screen_text(app))
        app.choose_language("de")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Für das Personal: Keine Arzneimittel-Information installiert." in text
        assert "No medicine information is installed." not in text
