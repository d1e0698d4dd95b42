"""The medicine list, shown first when the content folder holds several medicines."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.languages import _, ngettext
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets.menu import Menu, MenuEntry
from kiosk.ui.widgets.status import StatusLine


class MedicineListScreen(KioskScreen):
    """Choose one medicine; Back returns to the welcome screen."""

    CSS_PATH = "medicine_list.tcss"

    def compose(self):
        with Vertical(id="medicines-body"):
            yield Static("", id="medicines-title", markup=False)
            yield Menu(
                [MenuEntry(doc.slug, lambda doc=doc: doc.title) for doc in self.app.medicines],
                id="medicines-menu",
            )
        yield StatusLine()

    @property
    def menu(self) -> Menu:
        return self.query_one("#medicines-menu", Menu)

    def on_mount(self) -> None:
        self._paint_title()
        self.menu.focus()

    def _paint_title(self) -> None:
        self.query_one("#medicines-title", Static).update(
            Text(_("Choose a medicine"), style="bold"))

    def refresh_texts(self) -> None:
        self._paint_title()
        self.menu.repaint()

    def describe_location(self) -> str:
        total = len(self.menu.entries)
        return " ".join([
            ngettext("Medicine list, {total} medicine.", "Medicine list, {total} medicines.",
                     total).format(total=total),
            _("Now on: {item}.").format(item=self.menu.label_of()),
        ])

    def action_up(self) -> None:
        if self.menu.move(-1):
            self.app.announce(self.menu.label_of())
        else:
            self.app.notice(_("Top of the list."))

    def action_down(self) -> None:
        if self.menu.move(1):
            self.app.announce(self.menu.label_of())
        else:
            self.app.notice(_("End of the list."))

    def action_action(self) -> None:
        self.app.action_open_medicine(self.menu.current.key)

    def action_back(self) -> None:
        self.app.pop_screen()
