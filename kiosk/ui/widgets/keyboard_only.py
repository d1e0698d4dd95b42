"""Widgets a visitor reaches only with keys: a pointer does nothing to them.

A kiosk has no mouse, and a touch screen or a stray mouse must not move the
focus, scroll a text or choose an item behind the speech's back.  The app
runs with ``mouse=False`` and drops pointer events in ``App.on_event``; this
mixin is the second line for events that reach a widget another way (Pilot's
``click`` posts them to the screen directly): it ignores every mouse event
and never takes the focus on a click.
"""

from __future__ import annotations

from textual import events


class KeyboardOnly:
    """Mix in before a Textual widget class: mouse events are ignored."""

    def focus_on_click(self) -> bool:
        """Never take the focus from a click (Textual asks before focusing)."""
        return False

    async def on_event(self, event: events.Event) -> None:
        """Drop mouse events (clicks, wheel, movement); pass on everything else."""
        if isinstance(event, events.MouseEvent):
            event.stop()
            return
        await super().on_event(event)  # type: ignore[misc]
