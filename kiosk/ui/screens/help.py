"""Help: where you are, and every key with what it does, in words.

Modal, so leaving it puts the visitor back exactly where they were: same
screen, same focused item, same scroll position.  Key names come from the
live keymap, shown as printed on the keys ("Enter", "F1", "?").
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.keys import ACTIONS
from kiosk.languages import _
from kiosk.ui.keynames import digit_range_label, keys_label
from kiosk.ui.screens.base import KioskModal
from kiosk.ui.widgets.reading import ReadingPane

SCROLL_LINES = 3


class HelpScreen(KioskModal):
    """Layered help, EZ Access style; Help, Back or Action close it."""

    CSS_PATH = "help.tcss"

    def __init__(self, location: str) -> None:
        super().__init__()
        self.location = location

    def compose(self):
        with Vertical(id="help-dialog"):
            yield Static("", id="help-title", markup=False)
            yield ReadingPane(id="help-pane")

    @property
    def pane(self) -> ReadingPane:
        return self.query_one("#help-pane", ReadingPane)

    def on_mount(self) -> None:
        self.refresh_texts()
        self.pane.focus()

    def key_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every action that has a key."""
        keymap = self.app.config.keymap
        rows = []
        for info in ACTIONS:
            keys = keymap.get(info.name, ())
            if not keys:
                continue
            label = digit_range_label(keys) if info.name == "section_number" else keys_label(keys)
            rows.append((label, _(info.description)))
        return rows

    def refresh_texts(self) -> None:
        keymap = self.app.config.keymap
        self.query_one("#help-title", Static).update(Text(_("Help"), style="bold"))
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=False, ratio=1, style="bold")
        table.add_column(ratio=3)
        plain = []
        for keys, what in self.key_rows():
            table.add_row(Text(keys), Text(what))
            plain.append(f"{keys}: {what}")
        where = _("Where you are: {location}").format(location=self.location)
        close = _("To close help, press {help} or {back}.").format(
            help=keys_label(keymap.get("help", ())), back=keys_label(keymap.get("back", ())))
        self.pane.body.show(
            [Text(where), Text(""), Text(_("The keys:"), style="bold"), table, Text(""), Text(close)],
            "\n".join([where, *plain, close]),
        )

    def describe_location(self) -> str:
        return " ".join([_("Help."), _("Where you are: {location}").format(location=self.location)])

    def speakable_texts(self) -> list[tuple[str, str]]:
        from kiosk.languages import active_language

        lang = active_language()
        return [(self.describe_location(), lang)] + [
            (f"{keys}: {what}", lang) for keys, what in self.key_rows()]

    def do_up(self, key: str) -> None:
        self.pane.scroll_relative(y=-SCROLL_LINES, animate=False)

    def do_down(self, key: str) -> None:
        self.pane.scroll_relative(y=SCROLL_LINES, animate=False)

    def _close(self, key: str = "") -> None:
        self.dismiss()

    do_back = do_help = do_action = _close
