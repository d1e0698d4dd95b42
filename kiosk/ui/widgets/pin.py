"""The staff PIN field: one dot per digit, and the digits kept where nothing shows them.

Why not Textual's ``Input(password=True)``: its ``value`` is a ``str`` that
lives in the widget and in the local variables of every Input method, so an
error while typing would put the PIN in the traceback Textual writes (with
local variables) to the log.  The digits are a :class:`kiosk.staff_pin.PinDigits`
instead (kept by the prompt screen), whose ``repr`` is only their count;
this widget shows the dots.
Keys never reach it: the staff prompt takes them before any binding (see
``StaffExitScreen.pin_key``), so the keypad's NumLock-off codes type digits
too, and nothing can type into it but digits.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from kiosk.ui.widgets.keyboard_only import KeyboardOnly

#: Longest PIN accepted (a guard against a key held down).
MAX_DIGITS = 12
#: Shown for each digit typed.
DOT = "•"


class PinField(KeyboardOnly, Static):
    """The dots of the PIN typed so far (the digits stay in the screen's
    :class:`~kiosk.staff_pin.PinDigits`, which exists before this widget does)."""

    DEFAULT_CSS = """
    PinField { width: 1fr; height: 1; padding: 0; background: transparent; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def show_count(self, count: int) -> None:
        """Show ``count`` dots."""
        self.update(Text(DOT * count))
