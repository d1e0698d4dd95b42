"""The kiosk's own glyphs: what its screens draw besides the text of a language.

Kept apart from the languages' text because a missing one costs a shape,
not a language: on a console the kernel would draw the font's U+FFFD glyph
(a diamond or a block) in its place.  So on a console the kiosk draws a
substitute the font has instead (:func:`console_substitutes`: "▷" becomes
"›" or ">", "⚑" becomes "!", a scrollbar thumb's partial ends become whole
cells, round corners plain ones), and ``kiosk check`` lists what it
substitutes.  Every substitute is one cell wide, as the glyph it replaces,
so nothing on the screen moves; every chain of substitutes ends in ASCII,
which every console font draws.

The list is today's screens (``kiosk/ui``) and the Textual parts they use;
``tests/console_font/test_console_ui_glyphs.py`` fails when a screen starts
drawing a symbol that is not listed here, or one without a substitute.
"ⓘ" is not drawn anywhere: it is a box even in DejaVu Sans Mono.
"""

from __future__ import annotations

from kiosk.console_font.font import ConsoleFont

#: glyph -> what it is on screen
UI_GLYPHS: dict[str, str] = {
    "▶": "the focused item's mark (menus, the reading pane's title)",
    "▷": "the current item's mark in a menu without focus",
    "•": "list bullets; the staff PIN's dots",
    "–": "bullets of nested list items (sub-items)",
    "·": "separator in the status line and the key hints",
    "…": "the range of section keys (1 … 8)",
    "»": "around Start on the welcome screen",
    "«": "around Start on the welcome screen",
    "⚑": "before the mark on English shown for a missing translation",
    "╭╮╰╯─│": "round borders (panes without focus)",
    "┏┓┗┛━┃": "heavy borders (the focused pane, dialogs)",
    "▁▂▃▄▅▆▇": "Textual's vertical scrollbar: the thumb's ends, in eighths of a cell",
    "▉▊▋▌▍▎▏": "Textual's horizontal scrollbar: the thumb's ends, in eighths of a cell",
}

#: Textual's scrollbar thumb ends (``ScrollBarRender.VERTICAL_BARS`` / ``HORIZONTAL_BARS``).
SCROLLBAR_GLYPHS = "▁▂▃▄▅▆▇▉▊▋▌▍▎▏"


#: glyph -> what to draw instead where a font lacks it, best first; each one
#: cell wide, each chain ending in ASCII.  Sources: the shapes the Linux
#: console fonts of console-setup (Lat15, Uni2, Terminus) do carry.
FALLBACKS: dict[str, str] = {
    "▶": "►>",
    "▷": "›>",
    "•": "∙·*",
    "–": "-",
    "·": "∙-",
    "…": "-",
    "»": ">",
    "«": "<",
    "⚑": "!",
    "╭": "┌+", "╮": "┐+", "╰": "└+", "╯": "┘+", "─": "-", "│": "|",
    "┏": "┌+", "┓": "┐+", "┗": "└+", "┛": "┘+", "━": "─-", "┃": "│|",
    # A thumb's end drawn as a whole cell of track: the thumb is up to a cell
    # shorter, and never a replacement glyph.
    **{bar: " " for bar in SCROLLBAR_GLYPHS},
}


def console_substitutes(font: ConsoleFont) -> dict[str, str]:
    """What to draw instead of each of the kiosk's glyphs ``font`` lacks.

    Returns:
        ``{glyph: substitute}``: for every glyph of :data:`UI_GLYPHS` the font
        cannot draw, the first of its :data:`FALLBACKS` the font can (a
        space for a scrollbar's partial blocks); empty when it draws them all.
    """
    out: dict[str, str] = {}
    for glyph in "".join(UI_GLYPHS):
        if font.can_draw(glyph):
            continue
        candidates = FALLBACKS.get(glyph, "")
        out[glyph] = next((c for c in candidates if font.can_draw(c)), candidates[-1:] or "?")
    return out


def missing_ui_glyphs(font: ConsoleFont) -> dict[str, str]:
    """The kiosk's own glyphs ``font`` cannot draw: ``{glyphs: what they are}``."""
    missing: dict[str, str] = {}
    for glyphs, purpose in UI_GLYPHS.items():
        lacking = "".join(font.missing(glyphs))
        if lacking:
            missing[lacking] = purpose
    return missing
