"""What every kiosk screen shares: action dispatch, language repaint, no mouse.

The app turns each key into an action name through the deployer's keymap
and calls :meth:`KioskScreenMixin.handle_action`; a screen implements
``do_<action>(key)`` for what it does itself, and everything else (help,
language, display, speech keys, home) is handled here the same way on every
screen.  Screens never see raw keys (except the PIN prompt), which is why
Textual's own bindings (tab focus cycling, ctrl+q) can never fire.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from textual import events
from textual.screen import ModalScreen, Screen

from kiosk.languages import _, active_language

if TYPE_CHECKING:
    from kiosk.ui.app import KioskApp

log = logging.getLogger("kiosk.ui")

SPEECH_ACTIONS = (
    "speech", "listen", "pause", "repeat", "previous_sentence", "next_sentence",
    "slower", "faster", "volume_down", "volume_up",
)


class KioskScreenMixin:
    """Behaviour shared by full screens and modal screens."""

    app: "KioskApp"

    # --- dispatch -----------------------------------------------------
    def handle_action(self, name: str, key: str) -> None:
        """Run ``do_<name>`` on this screen, or the shared behaviour."""
        method = getattr(self, f"do_{name}", None)
        if method is not None:
            method(key)
        elif name in SPEECH_ACTIONS:
            self.app.speech_action(name)
        elif name == "help":
            self.app.open_help()
        elif name == "language":
            self.app.open_language_choice()
        elif name == "display":
            self.app.cycle_display()
        elif name == "home":
            self.app.go_home()
        else:
            self.not_available(name)

    def handle_raw_key(self, key: str, character: str | None) -> bool:
        """Screens that need raw keys (the PIN prompt) return ``True`` to take one."""
        return False

    def not_available(self, name: str) -> None:
        """An action with no meaning here: say so briefly rather than stay silent."""
        log.debug("action %s not available on %s", name, type(self).__name__)
        self.app.announce(_("This key does nothing here."), kind="state")

    # --- language and speech ------------------------------------------
    def apply_language(self) -> None:
        """Repaint every visible string in the active language."""
        self.language_stale = False
        self.refresh_texts()
        from kiosk.ui.widgets.status import StatusLine

        for status in self.query(StatusLine):
            status.refresh_status()

    def refresh_texts(self) -> None:
        """Recompute this screen's strings; screens override."""

    def describe_location(self) -> str:
        """Where the visitor is, in one spoken-style sentence (for Help and speech)."""
        return ""

    def speakable_texts(self) -> list[tuple[str, str]]:
        """What "listen" reads on this screen, as (text, language) pairs."""
        return [(self.describe_location(), active_language())]

    def reading_items(self, read_on: bool) -> list[tuple[str | None, str, str]]:
        """(key, text, language) for a reading; ``read_on``: continue past this part.

        The key (None here) names the text so the screen can highlight the
        sentence being read (see the overview).
        """
        return [(None, text, language) for text, language in self.speakable_texts()]

    def announce_screen(self) -> None:
        """Say where we are; called when the screen appears or comes back."""
        where = self.describe_location()
        if where:
            self.app.announce(where, kind="screen")

    language_stale = False

    def on_screen_resume(self) -> None:
        if self.language_stale:
            self.language_stale = False
            self.apply_language()
        if self.app.take_quiet_resume():
            return  # Help pressed twice: silence was asked for
        self.announce_screen()

    # --- no mouse ------------------------------------------------------
    def _forward_event(self, event: events.Event) -> None:
        # Visitors have no mouse; a click or wheel must not move focus or scroll.
        # (Pilot.click posts here directly, bypassing App.on_event.)
        if isinstance(event, (events.MouseEvent, events.Enter, events.Leave)):
            event._set_forwarded()
            return
        super()._forward_event(event)  # type: ignore[misc]


class KioskScreen(KioskScreenMixin, Screen, inherit_bindings=False):
    """A full screen with no inherited bindings (no tab focus cycling)."""

    AUTO_FOCUS = None


class KioskModal(KioskScreenMixin, ModalScreen, inherit_bindings=False):
    """A modal dialog; it leaves the screen beneath exactly as it was."""

    AUTO_FOCUS = None


class ScrollingTextMixin:
    """Up/Down scroll a screen's text pane a few lines and read out what came into view.

    Shared by the screens that are one page of text (About, Help); at either
    end the visitor is told so, instead of a key that silently does nothing.
    """

    SCROLL_LINES = 3
    app: "KioskApp"

    def do_up(self, key: str) -> None:
        self._scroll(-1)

    def do_down(self, key: str) -> None:
        self._scroll(1)

    def _scroll(self, direction: int) -> None:
        pane = self.pane  # type: ignore[attr-defined]
        if pane.at_top() if direction < 0 else pane.at_bottom():
            end = _("Top of the text.") if direction < 0 else _("End of the text.")
            self.app.announce(end, kind="state")
        else:
            pane.scroll_relative(y=direction * self.SCROLL_LINES, animate=False)
            self.app.announce(pane.visible_text(), kind="content")

