"""The kiosk's own glyphs: what its screens draw besides the text of a language.

Kept apart from the languages' text because a missing one costs a shape,
not a language: on a console the kernel draws the font's U+FFFD glyph (a
diamond or a block) in its place.  ``kiosk check`` lists the ones the
console font lacks.  Textual draws a scrollbar thumb's ends with partial
blocks no console-setup font has; on a console the UI can draw whole cells
instead by giving ``textual.scrollbar.ScrollBar.renderer`` a renderer whose
``VERTICAL_BARS`` and ``HORIZONTAL_BARS`` are blanks
(:data:`SCROLLBAR_GLYPHS` tells when).

The list is today's screens (``kiosk/ui``) and the Textual parts they use;
``tests/console_font/test_ui_glyphs.py`` fails when a screen starts drawing a
symbol that is not listed here.
"""

from __future__ import annotations

from kiosk.console_font.font import ConsoleFont

#: glyph -> what it is on screen
UI_GLYPHS: dict[str, str] = {
    "▶": "the focused item's mark (menus, the reading pane's title)",
    "▷": "the current item's mark in a menu without focus",
    "•": "list bullets; the staff PIN's dots",
    "·": "separator in the status line and the key hints",
    "…": "the range of section keys (1 … 8)",
    "»": "around Start on the welcome screen",
    "«": "around Start on the welcome screen",
    "ⓘ": "before the note on an official translation",
    "⚑": "before the mark on English shown for a missing translation",
    "╭╮╰╯─│": "round borders (panes without focus)",
    "┏┓┗┛━┃": "heavy borders (the focused pane, dialogs)",
    "▁▂▃▄▅▆▇": "Textual's vertical scrollbar: the thumb's ends, in eighths of a cell",
    "▉▊▋▌▍▎▏": "Textual's horizontal scrollbar: the thumb's ends, in eighths of a cell",
}

#: Textual's scrollbar thumb ends (``ScrollBarRender.VERTICAL_BARS`` / ``HORIZONTAL_BARS``).
SCROLLBAR_GLYPHS = "▁▂▃▄▅▆▇▉▊▋▌▍▎▏"


def missing_ui_glyphs(font: ConsoleFont) -> dict[str, str]:
    """The kiosk's own glyphs ``font`` cannot draw: ``{glyphs: what they are}``."""
    missing: dict[str, str] = {}
    for glyphs, purpose in UI_GLYPHS.items():
        lacking = "".join(font.missing(glyphs))
        if lacking:
            missing[lacking] = purpose
    return missing
