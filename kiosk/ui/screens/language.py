"""Choose the language: every offered language, each named in itself.

Modal, so Back returns to the same place; choosing repaints every screen on
the stack at once (``KioskApp.set_visit_language``).
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.languages import _, active_language, interface_translated, language_info
from kiosk.ui.screens.base import KioskModal
from kiosk.ui.widgets.menu import MenuEntry, MenuList
from kiosk.ui.widgets.status import language_name_marked


def language_label(code: str) -> str:
    """A language named in itself, marked when it is the one in use."""
    name = language_info(code).native_name
    if code == active_language() and not interface_translated(code):
        name = language_name_marked(code)
    if code == active_language():
        return _("{language} (chosen)").format(language=name)
    return name


class LanguageScreen(KioskModal):
    """Up/Down through the languages, Action chooses, Back keeps the old one."""

    CSS_PATH = "language.tcss"

    def compose(self):
        codes = list(self.app.languages)
        current = active_language()
        index = codes.index(current) if current in codes else 0
        with Vertical(id="language-dialog"):
            yield Static("", id="language-title", markup=False)
            yield MenuList(
                [MenuEntry(code, lambda code=code: language_label(code)) for code in codes],
                index=index, id="language-menu",
            )

    @property
    def menu(self) -> MenuList:
        return self.query_one("#language-menu", MenuList)

    def on_mount(self) -> None:
        self.refresh_texts()
        self.menu.focus()
        self.menu.select(self.menu.index)

    def refresh_texts(self) -> None:
        self.query_one("#language-title", Static).update(
            Text(_("Choose your language"), style="bold"))
        self.menu.repaint()

    def describe_location(self) -> str:
        return _("Choose your language. Now on: {item}.").format(item=self.menu.label_of())

    def _announce(self) -> None:
        code = self.menu.current.key
        self.app.announce(language_info(code).native_name, language=code)

    def do_up(self, key: str) -> None:
        if self.menu.move(-1):
            self._announce()
        else:
            self.app.announce(_("Top of the list."), kind="state")

    def do_down(self, key: str) -> None:
        if self.menu.move(1):
            self._announce()
        else:
            self.app.announce(_("End of the list."), kind="state")

    def do_action(self, key: str) -> None:
        code = self.menu.current.key
        self.dismiss()
        self.app.set_visit_language(code)

    def do_back(self, key: str) -> None:
        self.dismiss()

    do_language = do_back
