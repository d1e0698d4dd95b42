"""Still there? The warning before a visit is reset for the next visitor.

Any key keeps the session (the app swallows that key so it does nothing
else).  The countdown is shown in words and numbers and announced, so the
warning reaches a visitor through more than one sense (EAA Annex I).
"""

from __future__ import annotations

import math
import time

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.languages import _, ngettext
from kiosk.ui.screens.base import KioskModal


class IdleWarningScreen(KioskModal):
    """Counts down ``seconds``; at zero the app resets the visit."""

    CSS_PATH = "idle_warning.tcss"

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self._done = False
        self._spoken_at: set[int] = set()

    def compose(self):
        with Vertical(id="idle-dialog"):
            yield Static("", id="idle-title", markup=False)
            yield Static("", id="idle-text", markup=False)
            yield Static("", id="idle-countdown", markup=False)

    def on_mount(self) -> None:
        self.refresh_texts()
        self.set_interval(min(1.0, max(0.05, self.seconds / 5)), self._tick)

    def remaining(self) -> int:
        return max(0, math.ceil(self.deadline - time.monotonic()))

    def refresh_texts(self) -> None:
        self.query_one("#idle-title", Static).update(Text(_("Still there?"), style="bold"))
        self.query_one("#idle-text", Static).update(Text(_("Press any key to continue.")))
        self._paint_countdown()

    def _paint_countdown(self) -> None:
        n = self.remaining()
        text = _("Starting again for the next visitor in {time}.").format(
            time=ngettext("{seconds} second", "{seconds} seconds", n).format(seconds=n))
        self.query_one("#idle-countdown", Static).update(Text(text))

    def describe_location(self) -> str:
        return " ".join([_("Still there?"), _("Press any key to continue.")])

    def countdown_text(self) -> str:
        n = self.remaining()
        return _("Starting again for the next visitor in {time}.").format(
            time=ngettext("{seconds} second", "{seconds} seconds", n).format(seconds=n))

    def announce_screen(self) -> None:
        """The warning, then the time left (spoken again at 10 and 5 seconds)."""
        self.app.announce(self.describe_location(), kind="warning")
        self._spoken_at.add(self.remaining())
        self.app.announce(self.countdown_text(), kind="warning")

    def _speak_countdown(self) -> None:
        n = self.remaining()
        for mark in (10, 5):
            if n <= mark and mark not in self._spoken_at and self.seconds > mark:
                self._spoken_at.update(m for m in (10, 5) if m >= n)
                self.app.announce(self.countdown_text(), kind="warning")
                return

    def _tick(self) -> None:
        if self._done:
            return
        if time.monotonic() >= self.deadline:
            self._done = True
            self.app.reset_visit()
        else:
            self._paint_countdown()
            self._speak_countdown()

    def handle_action(self, name: str, key: str) -> None:
        # Normally unreachable: the app dismisses this screen on any key first.
        self.app.keep_visit()
