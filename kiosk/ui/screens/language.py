"""Choose the language: every offered language, each named in itself.

A ``ModalScreen[str | None]``: it dismisses with the chosen language code
(``None`` for Back), and the app's callback switches the language, which
repaints every screen on the stack (``KioskApp.choose_language``).  Being
modal, it leaves the visitor's place beneath exactly as it was.  The app
keeps one (installed), so each time it opens it starts again on the
language in use (:meth:`LanguageScreen.start_on_language_in_use`).
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.languages import _, active_language, interface_translated, language_info
from kiosk.ui.screens.base import KioskModal
from kiosk.ui.widgets.menu import Menu, MenuEntry
from kiosk.ui.widgets.status import StatusLine, language_name_marked


def language_label(code: str) -> str:
    """A language named in itself, marked when it is the one in use."""
    name = language_info(code).native_name
    if code == active_language() and not interface_translated(code):
        name = language_name_marked(code)
    if code == active_language():
        return _("{language} (chosen)").format(language=name)
    return name


class LanguageScreen(KioskModal[str | None]):
    """Up/Down through the languages, Action chooses, Back keeps the old one."""

    CSS_PATH = "language.tcss"

    def __init__(self, codes: list[str]) -> None:
        super().__init__()
        self.codes = codes
        self._shown_in = active_language()  # the language the labels are in

    def compose(self):
        current = active_language()
        index = self.codes.index(current) if current in self.codes else 0
        with Vertical(id="language-dialog"):
            yield Static(Text(_("Choose your language"), style="bold"), id="language-title",
                         markup=False)
            yield Menu([MenuEntry(code, lambda code=code: language_label(code))
                        for code in self.codes], index=index, id="language-menu")
        # The help key stays in sight at every size (README, "Screen and font size"):
        # at 68x19 and 43x13 the list covered the status line of the screen beneath.
        yield StatusLine()

    @property
    def menu(self) -> Menu:
        return self.query_one("#language-menu", Menu)

    def on_mount(self) -> None:
        self.menu.focus()

    def start_on_language_in_use(self) -> None:
        """Before the list opens again: labels in the language in use, highlight on it.

        Done by the key that opens the list, before the list is shown, not when it
        resumes: keys that come with the language key in one read (a keypad, a
        fast hand) may be handled before the resume, which then moved the
        highlight back (a newcomer's "l Up Up Up Up Up Up Enter" counted one
        Up); and coming back from "Still there?" or Help keeps the visitor's
        highlight where it was.
        """
        self._show_in_language_in_use()
        current = active_language()
        self.menu.select(self.codes.index(current) if current in self.codes else 0)

    def _show_in_language_in_use(self) -> None:
        if self.language_stale or self._shown_in != active_language():
            self.language_stale = False
            self.refresh_texts()

    def on_screen_resume(self) -> None:
        """On top again: labels in the language in use, the focus in the list.
        (Textual then runs VisitorActions.on_screen_resume, which says where we are.)"""
        self._show_in_language_in_use()
        self.menu.focus()

    def refresh_texts(self) -> None:
        self._shown_in = active_language()
        self.query_one("#language-title", Static).update(
            Text(_("Choose your language"), style="bold"))
        self.menu.repaint()

    def describe_location(self) -> str:
        return _("Choose your language. Now on: {item}.").format(item=self.menu.label_of())

    def _announce(self) -> None:
        code = self.menu.current.key
        self.app.announce(language_info(code).native_name, language=code)
        # While the visitor hears the name, the screen beneath gets ready in that
        # language (after this frame is painted, so the highlight is not delayed).
        self.call_after_refresh(self._prepare, code)

    def _prepare(self, code: str) -> None:
        if self.is_current and self.menu.current.key == code:  # still resting on it
            self.app.prepare_language(code)

    def action_up(self) -> None:
        if self.menu.move(-1):
            self._announce()
        else:
            self.app.notice(_("Top of the list."))

    def action_down(self) -> None:
        if self.menu.move(1):
            self._announce()
        else:
            self.app.notice(_("End of the list."))

    def action_action(self) -> None:
        # The app's callback switches and then says where the visitor is, in the
        # new language; the screen beneath must not speak first in the old one.
        self.app.keep_quiet_on_resume()
        self.dismiss(self.menu.current.key)

    def action_back(self) -> None:
        self.dismiss(None)

    def key_description(self, name: str) -> str:
        """The language key closes the list, as Back does."""
        return super().key_description("back" if name == "language" else name)

    def action_language(self) -> None:
        self.action_back()
