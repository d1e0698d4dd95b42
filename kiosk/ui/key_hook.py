"""What must happen before every key, whatever the key then does.

The app's ``on_event`` hands each key from the terminal to
:meth:`KeyHook.before_key` before Textual dispatches it to the bindings:

1. the visitor is here: the idle timer starts again, and the speech layer
   is started if the first paint has not started it yet;
2. speech stops, unless the key's action says it acts on the speech
   (``ActionInfo.interrupts_speech``: pause, repeat, speed, volume ...);
   EN 301 549 5.1.3.5;
3. while "Still there?" is shown, the key only keeps the visit;
   otherwise the last notice goes, and the first key of a visit is
   followed by the speech hint (``SpeechOutput.before_visitor_key``);
4. the staff exit sequence (F12 three times) is followed, and opens the PIN
   prompt when complete;
5. while the PIN prompt is open, it gets every key first
   (``StaffExitScreen.pin_key``): digits, in both NumLock states of a
   keypad, never reach a binding.

Everything else is Textual's: the key goes on to the screen's bindings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from kiosk.keys import key_table
from kiosk.staff_pin import PinGuard, state_path
from kiosk.ui.screens.staff_exit import StaffExitScreen

if TYPE_CHECKING:
    from kiosk.ui.app import KioskApp

#: Seconds a staff exit sequence may take from its first key to its last.
SEQUENCE_WINDOW = 5.0


class StaffSequence:
    """Follows the staff exit key sequence (``[staff] exit_sequence``)."""

    def __init__(self, keys: tuple[str, ...], clock: Callable[[], float],
                 window: float = SEQUENCE_WINDOW) -> None:
        self.keys = keys
        self.clock = clock
        self.window = window
        self.position = 0
        self.started = 0.0

    def feed(self, key: str) -> bool | None:
        """Follow one key: ``True`` when it completes the sequence, ``False`` when it
        is part of it, ``None`` when it is not."""
        now = self.clock()
        if self.position and now - self.started > self.window:
            self.position = 0
        if key == self.keys[self.position]:
            if self.position == 0:
                self.started = now
            self.position += 1
        elif key == self.keys[0]:
            self.position, self.started = 1, now
        else:
            self.position = 0
            return None
        if self.position == len(self.keys):
            self.position = 0
            return True
        return False


class KeyHook:
    """The pre-hook of every key (see the module docstring)."""

    def __init__(self, app: "KioskApp") -> None:
        self.app = app
        self.actions = key_table(app.config.keymap)
        self.staff = StaffSequence(app.config.staff_exit.sequence, app.clock)
        #: Wrong staff PINs in a row, kept beside the log file (survives restarts).
        self.pin_guard = PinGuard(state_path(app.config.log_file))

    @property
    def prompt_open(self) -> bool:
        """True while the PIN prompt is on the screen stack (the sequence is not followed there).

        Read from the stack, not kept as a flag: a visit reset pops the
        prompt without its result callback, and a flag would then stay set
        and lock staff out (issue 9, item 8).
        """
        return any(isinstance(screen, StaffExitScreen) for screen in self.app.screen_stack)

    def before_key(self, key: str) -> bool:
        """Do what precedes ``key``; ``True`` when the key must go no further."""
        app = self.app
        app.idle.touch()
        app.start_speech()  # only before the first paint; a no-op afterwards
        action = self.actions.get(key)
        if app.idle.warning_open:
            app.stop_speech()
            app.idle.keep()
            return True  # the key that keeps the visit does nothing else
        if action is None or action.interrupts_speech:
            app.stop_speech()  # nothing talks over what this key does
        app.before_visitor_key(action.name if action else None)  # notice, speech hint
        if self.prompt_open:
            screen = app.screen
            return isinstance(screen, StaffExitScreen) and screen.pin_key(key)
        done = self.staff.feed(key)
        if done:
            app.open_staff_prompt()
            return True
        # A sequence key that visitors do not use goes no further.
        return done is False and action is None
