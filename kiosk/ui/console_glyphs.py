"""On the Linux console, the kiosk's own glyphs the loaded font lacks are drawn as substitutes.

Where: at the very end, in the driver that writes the screen to the
terminal (a subclass of the driver Textual would use, given to the app as
its public ``driver_class``).  So one table covers every glyph, whether a
screen draws it ("▷", "⚑"), a widget of Textual does (a scrollbar's
partial blocks) or a border style ("╭"): no screen needs to know the font,
and what the tests read of the screen (the compositor) stays what the
screens meant.  The table (:func:`kiosk.console_font.ui_glyphs.console_substitutes`)
maps only the kiosk's own symbols the font lacks, each to a one-cell
substitute, so cells and cursor positions stay where Textual put them and
no language's text is touched (a language the font cannot show is not
offered at all: :mod:`kiosk.console_font.coverage`).  In a terminal
emulator there is no console font and nothing changes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.console_font.font import ConsoleFont
    from textual.app import App
    from textual.driver import Driver

log = logging.getLogger("kiosk.ui")


def substituting_driver(base: "type[Driver]", substitutes: dict[str, str]) -> "type[Driver]":
    """A driver class like ``base`` that writes each key of ``substitutes`` as its value.

    Args:
        base: the driver Textual would use (``App.driver_class``: LinuxDriver on Linux).
        substitutes: ``{glyph: one-cell substitute}``.
    """
    table = str.maketrans(substitutes)

    class ConsoleFontDriver(base):  # type: ignore[valid-type, misc]
        """Writes the screen with the console font's substitutes for the kiosk's glyphs."""

        def write(self, data: str) -> None:
            super().write(data.translate(table))

    ConsoleFontDriver.__name__ = f"ConsoleFont{base.__name__}"
    return ConsoleFontDriver


def use_console_font(app: "App", font: "ConsoleFont | None") -> dict[str, str]:
    """Make ``app`` draw substitutes for the glyphs ``font`` lacks (before it runs).

    Args:
        app: the kiosk app, not yet running.
        font: the Linux console's loaded font; ``None`` in a terminal emulator
            (nothing changes).

    Returns:
        the substitutions in use (``{glyph: substitute}``, empty when none).
    """
    if font is None:
        return {}
    from kiosk.console_font.ui_glyphs import console_substitutes  # a Linux console only

    substitutes = console_substitutes(font)
    if substitutes:
        app.driver_class = substituting_driver(app.driver_class, substitutes)
        log.info("the console font lacks the kiosk's %s: drawn as %s",
                 "".join(substitutes), "".join(substitutes.values()))
    return substitutes
