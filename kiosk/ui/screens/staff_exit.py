"""The staff PIN prompt that ends kiosk mode.

The PIN is shown only as dots, never announced, logged or kept in a string
(EN 301 549 5.1.3.8; see :mod:`kiosk.ui.widgets.pin`).  Its keys come from
``kiosk.keypad.PIN_KEYS`` for the key profile: with a keyboard, Enter
confirms, Backspace deletes one digit and Esc cancels; with a numeric
keypad, Enter confirms, "." deletes one digit and "-" cancels, so no digit
key does anything but type its digit, in either NumLock state.  The app's
key hook hands every key to :meth:`StaffExitScreen.pin_key` before any
binding; the other keys reach the visitor bindings, which only say where
the visitor is.

Wrong PINs in a row are counted by the app's :class:`kiosk.staff_pin.PinGuard`
(kept in a file, so a restart gives no fresh tries): after three, the prompt
closes and every further try must wait, longer each time.

A ``ModalScreen[bool]``: it dismisses with ``True`` once the PIN is right
(the app then exits) and ``False`` when cancelled or locked.
"""

from __future__ import annotations

import logging
import math

from rich.text import Text
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Static

from kiosk.keypad import PIN_KEYS, PinKeys
from kiosk.languages import N_, _, ngettext
from kiosk.staff_pin import PinDigits, PinGuard
from kiosk.ui.keynames import keys_label
from kiosk.ui.screens.base import KioskModal
from kiosk.ui.widgets.phrases import PhraseLine
from kiosk.ui.widgets.pin import MAX_DIGITS, PinField

log = logging.getLogger("kiosk.staff")
TITLE = N_("Staff only")


class StaffExitScreen(KioskModal[bool]):
    """Digits, then confirm; delete takes one digit back; cancel closes."""

    CSS_PATH = "staff_exit.tcss"

    def __init__(self, guard: PinGuard) -> None:
        super().__init__()
        self.guard = guard
        self.message = ""
        #: Ticks once a second while the guard makes the next try wait.
        self.countdown: Timer | None = None
        #: The digits typed; here rather than in the field, so a key that
        #: arrives while the prompt is still being built is not lost.
        self.digits = PinDigits()

    def compose(self):
        with Vertical(id="staff-dialog"):
            yield Static("", id="staff-title", markup=False)
            yield PhraseLine(sentences=True, id="staff-help")
            with Horizontal(id="staff-pin-row"):
                yield Static("", id="staff-pin-before", markup=False)
                yield PinField(id="staff-pin")
                yield Static("", id="staff-pin-after", markup=False)
            yield Static("", id="staff-message", markup=False)

    def show_dots(self) -> None:
        """The field shows one dot per digit (once it exists: keys may come first)."""
        for field in self.query(PinField):
            field.show_count(len(self.digits))

    @property
    def keys(self) -> PinKeys:
        return PIN_KEYS[self.app.config.key_profile]

    def on_mount(self) -> None:
        wait = self.guard.wait_seconds()
        if wait:
            self.message = self.wait_sentence(wait)
            self.count_down()
        self.refresh_texts()
        self.show_dots()  # digits that came with the keys that opened the prompt
        log.info("staff exit prompt opened")

    def instructions(self) -> str:
        """What the prompt's keys do, named by the key profile's first key of each."""
        keys = self.keys
        return " ".join([
            _("Type the PIN, then press {action}. {back} cancels.").format(
                action=keys_label(keys.confirm[:1]), back=keys_label(keys.cancel[:1])),
            _("Press {key} to delete a digit.").format(key=keys_label(keys.delete[:1]))])

    def refresh_texts(self) -> None:
        self.query_one("#staff-title", Static).update(Text(_(TITLE), style="bold"))
        self.query_one("#staff-help", PhraseLine).update(Text(self.instructions()))
        # "PIN: {dots}" is one translated phrase; the field shows the dots.
        before, _dots, after = _("PIN: {dots}").partition("{dots}")
        self.query_one("#staff-pin-before", Static).update(Text(before))
        self.query_one("#staff-pin-after", Static).update(Text(after))
        self.show_message(self.message)

    def show_message(self, message: str) -> None:
        self.message = message
        for shown in self.query("#staff-message").results(Static):
            shown.update(Text(message))

    def describe_location(self) -> str:
        return _("Staff PIN entry.")

    def speakable_texts(self) -> list[tuple[str, str]]:
        return [(self.describe_location(), "en")]  # never the digits

    def reading_items(self, read_on: bool) -> list[tuple[str | None, str, str]]:
        return [(None, self.describe_location(), "en")]

    def count_down(self) -> None:
        """Show the wait going down, second by second (it read "30 seconds" until a
        key was pressed); when it is over, the instructions alone remain."""
        if self.countdown is None:
            self.countdown = self.set_interval(1.0, self.show_wait, name="PIN wait")

    def show_wait(self) -> None:
        """The wait left now (the guard's clock), or no message once it is over."""
        wait = self.guard.wait_seconds()
        self.show_message(self.wait_sentence(wait) if wait else "")
        if not wait and self.countdown is not None:
            self.countdown.stop()
            self.countdown = None

    @staticmethod
    def wait_sentence(seconds: float) -> str:
        whole = math.ceil(seconds)
        time = ngettext("{seconds} second", "{seconds} seconds", whole).format(seconds=whole)
        return _("Too many wrong PINs. Try again in {time}.").format(time=time)

    # --- the prompt's own keys (called by the key hook before any binding) ------
    def pin_key(self, key: str) -> bool:
        """Handle ``key`` if it is the prompt's: a digit, confirm, delete or cancel.

        Returns ``True`` when the key was the prompt's (it goes no further).
        """
        keys = self.keys
        digit = keys.digits.get(key, key)
        if len(digit) == 1 and digit in "0123456789":
            if self.digits.add(digit, MAX_DIGITS):
                self.show_dots()
            else:  # full: the digit is not typed
                self.nothing_here("digit")
            return True
        if key in keys.confirm:
            self.confirm()
        elif key in keys.delete:
            if self.digits.delete_last():
                self.show_dots()
                self.app.announce(_("Digit deleted."))
            else:
                self.nothing_here("delete")
        elif key in keys.cancel:
            self.cancel()
        else:
            return False
        return True

    def confirm(self) -> None:
        wait = self.guard.wait_seconds()
        if wait:
            self.clear_digits()
            self.show_message(self.wait_sentence(wait))
            self.app.announce(self.message)
            self.count_down()
            return
        if not len(self.digits):
            self.app.notice(self.instructions())
            return
        matched = self.app.config.staff_exit.pin_matches(self.digits)
        self.clear_digits()
        if matched:
            self.guard.succeeded()
            log.info("staff exit: PIN accepted, leaving kiosk")
            self.dismiss(True)
            return
        delay = self.guard.failed()
        log.warning("staff exit: wrong PIN (%d in a row; next try in %d s)",
                    self.guard.failures, delay)
        if delay:
            self.app.keep_quiet_on_resume()  # this sentence, not the screen beneath
            self.dismiss(False)
            self.app.announce(_("Wrong PIN") + ". " + self.wait_sentence(delay))
            return
        left = self.guard.tries_before_waiting()
        self.show_message(_("Wrong PIN") + ". " + ngettext(
            "{tries} try left.", "{tries} tries left.", left).format(tries=left))
        self.app.announce(self.message)

    def clear_digits(self) -> None:
        self.digits.clear()
        self.show_dots()

    def cancel(self) -> None:
        self.clear_digits()
        log.info("staff exit cancelled")
        self.dismiss(False)

    # --- visitor actions: say where we are (never the digits) --------------------
    def _where(self) -> None:
        """Any other key: show and say where we are (never the digits)."""
        self.app.notice(self.describe_location())

    def action_help(self) -> None:
        self.app.notice(f"{self.describe_location()} {self.instructions()}")

    def action_action(self) -> None:
        self.confirm()  # a deployer's other Action key

    def action_back(self) -> None:
        self.cancel()  # a deployer's other Back key

    def action_up(self) -> None:
        self._where()

    action_down = action_previous_section = action_next_section = action_about = action_up
    action_language = action_display = action_home = action_up
    action_speech = action_listen = action_pause = action_repeat = action_up
    action_previous_sentence = action_next_sentence = action_slower = action_up
    action_faster = action_volume_down = action_volume_up = action_up

    def action_section_number(self, number: int) -> None:
        self._where()
