"""Widgets a visitor reaches only with keys: a pointer does nothing to them.

A kiosk has no mouse, and a touch screen or a stray mouse must not move the
focus, scroll a text or choose an item behind the speech's back.  The app
runs with ``mouse=False`` and drops pointer events in ``App.on_event``; this
mixin is the second line for events that reach a widget another way (Pilot's
``click`` posts them to the screen directly): it ignores every mouse event
and never takes the focus on a click.

Without a pointer no link is ever hovered or clicked, so a keyboard-only
screen also turns off Textual's link styling (``auto_links``) for itself and
every widget in it: Textual otherwise restyles each drawn line for links,
and a language switch draws every line of the screen again.
"""

from __future__ import annotations

from textual import events


class KeyboardOnly:
    """Mix in before a Textual widget class: mouse events are ignored."""

    def focus_on_click(self) -> bool:
        """Never take the focus from a click (Textual asks before focusing)."""
        return False

    def on_mount(self) -> None:
        """No link styling here or below (Textual's ``Widget.auto_links``, public)."""
        for widget in self.walk_children(with_self=True):  # type: ignore[attr-defined]
            widget.auto_links = False

    async def on_event(self, event: events.Event) -> None:
        """Drop mouse events (clicks, wheel, movement); pass on everything else."""
        if isinstance(event, events.MouseEvent):
            event.stop()
            return
        await super().on_event(event)  # type: ignore[misc]
