"""Help: where you are, and every key with what it does there, in words.

Modal, so leaving it puts the visitor back exactly where they were: same
screen, same focused item, same scroll position.  The keys and what they do
come from the screen beneath (``VisitorActions.key_rows``: its bindings as
Textual resolves them, and which actions it implements), shown as printed
on the keys ("Enter", "F1", "?").  Help pressed again closes it; pressed
twice quickly (EZ Access) it closes without a word.  With speech off, Help
also says aloud which key turns speech on (EZ Access: Help always talks).
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.languages import _, active_language, interface_language
from kiosk.ui.keynames import keys_label
from kiosk.ui.screens.base import KeyRows, KioskModal, ScrollingText, VisitorActions
from kiosk.ui.widgets.key_table import BalancedLine, KeyTable
from kiosk.ui.widgets.reading import ReadingPane
from kiosk.ui.widgets.status import status_parts

#: Help pressed twice within this time (seconds) closes help and stays silent.
HELP_TWICE_WINDOW = 1.5


class HelpScreen(ScrollingText, KioskModal[None]):
    """Layered help, EZ Access style; Help, Back or Action close it."""

    CSS_PATH = "help.tcss"

    def __init__(self, location: str, opened_at: float,
                 beneath: "VisitorActions | None" = None) -> None:
        """``location``: the screen beneath, described; ``opened_at``: the app's
        clock (seconds) when Help was pressed; ``beneath``: that screen, which
        lists its keys and what they do there (``VisitorActions.key_rows``,
        asked again in a newly chosen language)."""
        super().__init__()
        self.location = location
        self._location_language = active_language()
        self.opened_at = opened_at
        self.beneath = beneath

    def compose(self):
        with Vertical(id="help-dialog"):
            yield Static("", id="help-title", markup=False)
            yield ReadingPane(text_width=90, id="help-pane")

    @property
    def pane(self) -> ReadingPane:
        return self.query_one("#help-pane", ReadingPane)

    def on_mount(self) -> None:
        self.refresh_texts()
        self.pane.focus()

    def help_rows(self) -> KeyRows:
        """(keys, what they do) on the screen beneath, in the language in use."""
        return self.beneath.key_rows() if self.beneath is not None else []

    def on_unmount(self) -> None:
        self.beneath = None  # closed: keep no screen alive

    def current_location(self) -> str:
        """Where the visitor is, in the language in use: a language chosen while
        Help is open has the screen beneath describe itself again (its words
        stayed in the old language; found by a newcomer's walk)."""
        language = active_language()
        if language != self._location_language and self.beneath is not None:
            self.location = self.beneath.describe_location()
            self._location_language = language
        return self.location

    def refresh_texts(self) -> None:
        keymap = self.app.config.keymap
        self.query_one("#help-title", Static).update(Text(_("Help"), style="bold"))
        rows = self.help_rows()
        table = KeyTable(rows)
        plain = [f"{keys}: {what}" for keys, what in rows]
        where = _("Where you are: {location}").format(location=self.current_location())
        close = _("To close help, press {help} or {back}.").format(
            help=keys_label(keymap.get("help", ())), back=keys_label(keymap.get("back", ())))
        # How to close it comes first as well as last: at 80x24 the end of
        # the list is some 20 lines down, and a visitor must not be stuck here.
        self.pane.show(
            [Text(where), BalancedLine(close), Text(""), Text(_("The keys:"), style="bold"),
             table, Text(""), BalancedLine(close)],
            "\n".join([where, close, *plain, close]),
        )

    def describe_location(self) -> str:
        return " ".join([_("Help."),
                         _("Where you are: {location}").format(location=self.current_location())])

    def spoken_lines(self) -> list[str]:
        """Help in speech: where you are, the status line, every key, how to close."""
        app = self.app
        keymap = app.config.keymap
        close = _("To close help, press {help} or {back}.").format(
            help=keys_label(keymap.get("help", ())), back=keys_label(keymap.get("back", ())))
        parts = status_parts(app.visit, app.speech_notice, keymap)
        status = [part if part.endswith(".") else part + "." for part in parts]
        return ([self.describe_location(), " ".join(status)]
                + [f"{keys}: {what.rstrip('.')}." for keys, what in self.help_rows()] + [close])

    def speakable_texts(self) -> list[tuple[str, str]]:
        lang = interface_language()  # English when the catalog could not be loaded
        return [(line, lang) for line in self.spoken_lines()]

    def announce_screen(self) -> None:
        """Help is spoken whole (any key stops it; Help again closes it); with
        speech off, which key turns it on is said aloud all the same (only while
        Help is the screen shown: not as a reset takes it away)."""
        if self.app.screen is self:
            self.app.offer_speech_hint()
        for line in self.spoken_lines():
            self.app.announce(line)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_action(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        """Close help; pressed twice quickly, the screen beneath stays silent
        (the key has already stopped the speech)."""
        if self.app.clock() - self.opened_at < HELP_TWICE_WINDOW:
            self.app.keep_quiet_on_resume()
        self.dismiss(None)
