"""Still there? The warning before a visit is reset for the next visitor.

A ``ModalScreen[bool]``: it dismisses with ``True`` when the countdown runs
out (the app then resets the visit) and with ``False`` when the visitor
pressed a key (the app's key hook does that, and swallows the key so it
does nothing else).  The countdown is shown in words and numbers and
announced, so the warning reaches a visitor through more than one sense
(EAA Annex I).  Time comes from the app's clock, so tests drive it.
"""

from __future__ import annotations

import math

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.languages import _, ngettext
from kiosk.speech.priorities import SpeechPriority
from kiosk.ui.screens.base import KioskModal

#: The countdown is spoken again when this many seconds are left.
SPOKEN_MARKS = (10, 5)


class IdleWarningScreen(KioskModal[bool]):
    """Counts down ``seconds`` from ``started`` (the app's clock, in seconds)."""

    CSS_PATH = "idle_warning.tcss"

    def __init__(self, seconds: float, started: float) -> None:
        super().__init__()
        self.seconds = seconds
        self.deadline = started + seconds
        self._spoken_at: set[int] = set()
        self.title_line = self.text_line = self.countdown_line = Static("")  # until compose
        #: True once dismissed (by the countdown or a key), so it closes only once.
        self.finished = False

    def compose(self):
        # The texts are set here, at compose time, and the widgets kept: a key
        # in the same tick as the idle check closes the warning before it has
        # mounted (issue 9, item 8), and nothing here may depend on a lookup.
        self.title_line = Static("", id="idle-title", markup=False)
        self.text_line = Static("", id="idle-text", markup=False)
        self.countdown_line = Static("", id="idle-countdown", markup=False)
        self.refresh_texts()
        with Vertical(id="idle-dialog"):
            yield self.title_line
            yield self.text_line
            yield self.countdown_line

    def on_mount(self) -> None:
        if self.finished:  # a key came first: no countdown for a warning already gone
            return
        self.set_interval(min(1.0, max(0.05, self.seconds / 5)), self.tick)

    def remaining(self) -> int:
        """Whole seconds left (rounded up, as a countdown is read)."""
        return max(0, math.ceil(self.deadline - self.app.clock()))

    def countdown_text(self) -> str:
        n = self.remaining()
        return _("Starting again for the next visitor in {time}.").format(
            time=ngettext("{seconds} second", "{seconds} seconds", n).format(seconds=n))

    def refresh_texts(self) -> None:
        self.title_line.update(Text(_("Still there?"), style="bold"))
        self.text_line.update(Text(_("Press any key to continue.")))
        self.countdown_line.update(Text(self.countdown_text()))

    def describe_location(self) -> str:
        return " ".join([_("Still there?"), _("Press any key to continue.")])

    def announce_screen(self) -> None:
        """The warning, then the time left (spoken again at 10 and 5 seconds)."""
        self.app.announce(self.describe_location(), priority=SpeechPriority.NOW)
        self._spoken_at.add(self.remaining())
        self.app.announce(self.countdown_text(), priority=SpeechPriority.NOW)

    def _speak_countdown(self) -> None:
        n = self.remaining()
        for mark in SPOKEN_MARKS:
            if n <= mark and mark not in self._spoken_at and self.seconds > mark:
                self._spoken_at.update(m for m in SPOKEN_MARKS if m >= n)
                self.app.announce(self.countdown_text(), priority=SpeechPriority.NOW)
                return

    def finish(self, *, time_up: bool) -> None:
        """Close the warning once: ``time_up`` True resets the visit, False keeps it."""
        if not self.finished:
            self.finished = True
            self.dismiss(time_up)

    def tick(self) -> None:
        """Repaint and speak the countdown; at zero, dismiss with ``True`` (reset).

        Called by a timer, and by tests after they move the app's clock.
        """
        if self.finished:
            return
        if self.remaining() <= 0:
            self.finish(time_up=True)
            return
        self.countdown_line.update(Text(self.countdown_text()))
        self._speak_countdown()
