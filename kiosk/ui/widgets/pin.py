"""The staff PIN field: one dot per digit, and the digits kept where nothing shows them.

Why not Textual's ``Input(password=True)``: its ``value`` is a ``str`` that
lives in the widget and in the local variables of every Input method, so an
error while typing would put the PIN in the traceback Textual writes (with
local variables) to the log.  The digits are a :class:`kiosk.staff_pin.PinDigits`
instead, whose ``repr`` is only their count; this widget shows the dots.
Keys never reach it: the staff prompt takes them before any binding (see
``StaffExitScreen.pin_key``), so the keypad's NumLock-off codes type digits
too, and nothing can type into it but digits.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from kiosk.staff_pin import PinDigits
from kiosk.ui.widgets.keyboard_only import KeyboardOnly

#: Longest PIN accepted (a guard against a key held down).
MAX_DIGITS = 12
#: Shown for each digit typed.
DOT = "•"


class PinField(KeyboardOnly, Static):
    """The dots of the PIN typed so far."""

    DEFAULT_CSS = """
    PinField { width: 1fr; height: 1; padding: 0; background: transparent; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.digits = PinDigits()

    def type_digit(self, digit: str) -> bool:
        """Add ``digit``; ``False`` when the field is full."""
        added = self.digits.add(digit, MAX_DIGITS)
        self.show_dots()
        return added

    def delete_digit(self) -> bool:
        """Delete the last digit; ``False`` when there was none."""
        deleted = self.digits.delete_last()
        self.show_dots()
        return deleted

    def clear(self) -> None:
        self.digits.clear()
        self.show_dots()

    def show_dots(self) -> None:
        self.update(Text(DOT * len(self.digits)))
