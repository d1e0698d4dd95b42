"""The staff PIN prompt that ends kiosk mode.

The PIN is shown only as dots, never announced and never logged (EN 301 549
5.1.3.8); the digits live in this screen's memory until it closes.  Three
wrong tries close the prompt, so a curious visitor cannot keep guessing.
"""

from __future__ import annotations

import logging

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.languages import _, ngettext
from kiosk.ui.keynames import keys_label
from kiosk.ui.screens.base import KioskModal

log = logging.getLogger("kiosk.staff")
MAX_TRIES = 3
MAX_DIGITS = 12
DOT = "•"


class StaffExitScreen(KioskModal):
    """Digits, then Action to check; Back cancels."""

    CSS_PATH = "staff_exit.tcss"

    def __init__(self) -> None:
        super().__init__()
        self._pin = ""
        self.wrong = 0
        self.message = ""

    def compose(self):
        with Vertical(id="staff-dialog"):
            yield Static("", id="staff-title", markup=False)
            yield Static("", id="staff-help", markup=False)
            yield Static("", id="staff-pin", markup=False)
            yield Static("", id="staff-message", markup=False)

    def on_mount(self) -> None:
        self.app.announcer.stop()
        self.refresh_texts()
        log.info("staff exit prompt opened")

    def refresh_texts(self) -> None:
        keymap = self.app.config.keymap
        self.query_one("#staff-title", Static).update(Text(_("Staff only"), style="bold"))
        self.query_one("#staff-help", Static).update(Text(
            _("Type the PIN, then press {action}. {back} cancels.").format(
                action=keys_label(keymap.get("action", ())), back=keys_label(keymap.get("back", ())))))
        self._paint()

    def _paint(self) -> None:
        shown = (DOT * len(self._pin)) if self._pin else "_"
        self.query_one("#staff-pin", Static).update(Text(_("PIN: {dots}").format(dots=shown)))
        self.query_one("#staff-message", Static).update(Text(self.message))

    def describe_location(self) -> str:
        return _("Staff PIN entry.")

    def speakable_texts(self) -> list[tuple[str, str]]:
        return [(self.describe_location(), "en")]  # never the digits

    def handle_raw_key(self, key: str, character: str | None) -> bool:
        if character is not None and len(character) == 1 and character.isdigit():
            if len(self._pin) < MAX_DIGITS:
                self._pin += character
            self.message = ""
            self._paint()
            return True
        return False

    def handle_action(self, name: str, key: str) -> None:
        # Only Action and Back mean something here; speech keys stay silent.
        if name == "action":
            self._check()
        elif name == "back":
            log.info("staff exit cancelled")
            self.dismiss()
        else:  # say where we are (never the digits)
            self.app.announce(self.describe_location(), kind="state")

    def _check(self) -> None:
        attempt, self._pin = self._pin, ""
        if attempt and self.app.config.staff_exit.pin_matches(attempt):
            log.info("staff exit: PIN accepted, leaving kiosk")
            self.app.exit(0)
            return
        self.wrong += 1
        log.warning("staff exit: wrong PIN (try %d of %d)", self.wrong, MAX_TRIES)
        if self.wrong >= MAX_TRIES:
            self.dismiss()
            self.app.announce(_("Wrong PIN"), kind="error")
            return
        left = MAX_TRIES - self.wrong
        self.message = _("Wrong PIN") + ". " + ngettext(
            "{tries} try left.", "{tries} tries left.", left).format(tries=left)
        self._paint()
        self.app.announce(self.message, kind="error")
