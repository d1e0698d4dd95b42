"""The idle watch: after a while without a key, warn; after the warning, reset.

A walk-up kiosk serves strangers one after another, so a visit left behind
must be forgotten (EAA Annex I: warn through more than one sense and let
the visitor ask for more time).  Time comes from the app's clock (a
function returning seconds, ``time.monotonic`` in service), so a test moves
the clock and calls :meth:`IdleWatch.check` instead of waiting.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from kiosk.ui.app import KioskApp
    from kiosk.ui.screens.idle_warning import IdleWarningScreen

log = logging.getLogger("kiosk.ui")


class IdleWatch:
    """Owns "when was the last key" and the "Still there?" warning."""

    def __init__(self, app: "KioskApp", clock: Callable[[], float], timeout: float,
                 warning: float) -> None:
        """``timeout``: seconds without a key before the warning; ``warning``:
        seconds the warning counts down before the visit is reset."""
        self.app = app
        self.clock = clock
        self.timeout = timeout
        self.warning_seconds = warning
        self.last_input = clock()
        self.warning: "IdleWarningScreen | None" = None

    @property
    def warning_open(self) -> bool:
        return self.warning is not None

    def touch(self) -> None:
        """A key was pressed: the visitor is here."""
        self.last_input = self.clock()

    def check(self) -> None:
        """Open the warning once the visit has been idle for ``timeout`` seconds.

        Called by the app's timer; a visit that is still at its fresh start
        (welcome screen, nothing changed) needs no warning.
        """
        if self.warning is not None or self.clock() - self.last_input < self.timeout:
            return
        if self.app.at_fresh_start():
            self.touch()
            return
        from kiosk.ui.screens.idle_warning import IdleWarningScreen

        log.info("idle: warning shown")
        self.warning = IdleWarningScreen(self.warning_seconds, self.clock())
        self.app.push_screen(self.warning, callback=self._warning_closed)

    def keep(self) -> None:
        """A key during the warning: close it and keep everything."""
        if self.warning is not None:
            self.warning.finish(time_up=False)
        self.touch()

    def _warning_closed(self, time_up: bool | None) -> None:
        self.warning = None
        self.touch()
        if time_up:
            self.app.reset_visit()
        else:
            log.info("idle: visitor continued")
