"""The staff PIN field: Textual's ``Input(password=True)``, digits only, nothing else.

The stock Input binds copy/cut/paste (copy would write the selection to the
terminal's clipboard with OSC 52), cursor and delete keys, and types every
printable key.  For a PIN on a kiosk it keeps only what it must: it shows
dots, takes digits (``restrict``), never rings the bell, and lets every other
key go to the screen's bindings (Action checks, Back cancels).
"""

from __future__ import annotations

from textual.widgets import Input

from kiosk.ui.widgets.keyboard_only import KeyboardOnly

#: Longest PIN accepted (a guard against a key held down).
MAX_DIGITS = 12


class PinInput(KeyboardOnly, Input, inherit_bindings=False):
    """Masked digit entry; its value lives only in this widget until cleared."""

    BINDINGS = []
    DEFAULT_CSS = """
    PinInput { width: 1fr; border: none; padding: 0; height: 1; background: transparent; }
    PinInput:focus { border: none; background-tint: $foreground 0%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(password=True, restrict=r"[0-9]*", max_length=MAX_DIGITS,
                         select_on_focus=False, compact=True, id=id)
        self.cursor_blink = False

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Only digits are typed; every other key stays with the screen's bindings."""
        return character is not None and character.isdigit()

    def restricted(self) -> None:
        """A key that is not a digit: no bell (the screen answers it instead)."""
