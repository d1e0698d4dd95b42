"""The staff PIN prompt that ends kiosk mode.

The PIN is shown only as dots, never announced and never logged (EN 301 549
5.1.3.8); the digits live in the PIN field until it is cleared.  Three
wrong tries close the prompt, so a curious visitor cannot keep guessing.
A ``ModalScreen[bool]``: it dismisses with ``True`` once the PIN is right
(the app then exits) and ``False`` when cancelled or tried out.
"""

from __future__ import annotations

import logging

from rich.text import Text
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from kiosk.languages import _, ngettext
from kiosk.ui.keynames import keys_label
from kiosk.ui.screens.base import KioskModal
from kiosk.ui.widgets.pin import PinInput

log = logging.getLogger("kiosk.staff")
MAX_TRIES = 3


class StaffExitScreen(KioskModal[bool]):
    """Digits, then Action to check; Back cancels; any other key says where we are."""

    CSS_PATH = "staff_exit.tcss"

    def __init__(self) -> None:
        super().__init__()
        self.wrong = 0
        self.message = ""

    def compose(self):
        with Vertical(id="staff-dialog"):
            yield Static("", id="staff-title", markup=False)
            yield Static("", id="staff-help", markup=False)
            with Horizontal(id="staff-pin-row"):
                yield Static("", id="staff-pin-before", markup=False)
                yield PinInput(id="staff-pin")
                yield Static("", id="staff-pin-after", markup=False)
            yield Static("", id="staff-message", markup=False)

    @property
    def pin(self) -> PinInput:
        return self.query_one("#staff-pin", PinInput)

    def on_mount(self) -> None:
        self.refresh_texts()
        self.pin.focus()
        log.info("staff exit prompt opened")

    def refresh_texts(self) -> None:
        keymap = self.app.config.keymap
        self.query_one("#staff-title", Static).update(Text(_("Staff only"), style="bold"))
        self.query_one("#staff-help", Static).update(Text(
            _("Type the PIN, then press {action}. {back} cancels.").format(
                action=keys_label(keymap.get("action", ())), back=keys_label(keymap.get("back", ())))))
        # "PIN: {dots}" is one translated phrase; the field shows the dots.
        before, _dots, after = _("PIN: {dots}").partition("{dots}")
        self.query_one("#staff-pin-before", Static).update(Text(before))
        self.query_one("#staff-pin-after", Static).update(Text(after))
        self.query_one("#staff-message", Static).update(Text(self.message))

    def describe_location(self) -> str:
        return _("Staff PIN entry.")

    def speakable_texts(self) -> list[tuple[str, str]]:
        return [(self.describe_location(), "en")]  # never the digits

    def reading_items(self, read_on: bool) -> list[tuple[str | None, str, str]]:
        return [(None, self.describe_location(), "en")]

    # --- actions: only Action and Back mean something here -------------------
    def action_action(self) -> None:
        # The digits typed just before Action may still be waiting in the PIN
        # field's queue (the app runs Action's binding at once): check after them.
        self.pin.call_later(self._check_pin)

    def _check_pin(self) -> None:
        matched = self.app.config.staff_exit.pin_matches(self.pin.value) if self.pin.value else False
        self.pin.clear()
        if matched:
            log.info("staff exit: PIN accepted, leaving kiosk")
            self.dismiss(True)
            return
        self.wrong += 1
        log.warning("staff exit: wrong PIN (try %d of %d)", self.wrong, MAX_TRIES)
        if self.wrong >= MAX_TRIES:
            self.dismiss(False)
            self.app.announce(_("Wrong PIN"))
            return
        left = MAX_TRIES - self.wrong
        self.message = _("Wrong PIN") + ". " + ngettext(
            "{tries} try left.", "{tries} tries left.", left).format(tries=left)
        self.query_one("#staff-message", Static).update(Text(self.message))
        self.app.announce(self.message)

    def action_back(self) -> None:
        log.info("staff exit cancelled")
        self.dismiss(False)

    def _where(self) -> None:
        """Any other key: show and say where we are (never the digits)."""
        self.app.notice(self.describe_location())

    def action_up(self) -> None:
        self._where()

    action_down = action_previous_section = action_next_section = action_about = action_up
    action_help = action_language = action_display = action_home = action_up
    action_speech = action_listen = action_pause = action_repeat = action_up
    action_previous_sentence = action_next_sentence = action_slower = action_up
    action_faster = action_volume_down = action_volume_up = action_up

    def action_section_number(self, number: int) -> None:
        self._where()
