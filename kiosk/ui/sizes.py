"""The terminal sizes the kiosk's layouts are tested for, and the start-up note about them.

Why these sizes: EN 301 549 5.1.4 asks that a capital H subtends at least
0.7 degrees at the viewing distance; at 50 cm that is a 6.1 mm capital, an
8.4 mm em in DejaVu Sans Mono, which leaves 42x13 cells in foot (about
43x13) on a 10" 1280x800 panel and 68x19 on a 15.6" full-HD one (README, "Screen and font
size").  tests/ui/test_large_text.py and tests/integration/test_large_text_tmux.py
walk the kiosk at these sizes.
"""

from __future__ import annotations

#: Textual breakpoints (App.HORIZONTAL_BREAKPOINTS / VERTICAL_BREAKPOINTS): the
#: screen classes the .tcss files lay out by.  80x24 and up (-wide, -tall) is
#: the full layout; below 24 rows the key lists move into Help and speech.
HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-medium"), (80, "-wide")]
TALL_ROWS = 24
VERTICAL_BREAKPOINTS = [(0, "-very-short"), (16, "-short"), (TALL_ROWS, "-tall")]



def breakpoint_classes(width: int, height: int) -> set[str]:
    """The breakpoint classes Textual gives a screen of ``width`` x ``height`` cells.

    Textual's rule (``Screen._on_resize``): on each axis, the class of the
    largest breakpoint not above the size.  Textual sets them at the
    screen's first ``Resize``, which comes after its first layout and
    paint, so a screen would be styled, laid out and painted twice; the
    kiosk's screens start with them (``StartsAtItsSize``).
    ``tests/ui/test_layout_and_themes.py`` checks this rule against
    Textual's at every tested size.
    """
    classes = set()
    for size, breakpoints in ((width, HORIZONTAL_BREAKPOINTS), (height, VERTICAL_BREAKPOINTS)):
        reached = [name for start, name in sorted(breakpoints) if size >= start]
        if reached:
            classes.add(reached[-1])
    return classes


#: (columns, rows) of the shared test matrix, smallest first.
TESTED_SIZES: tuple[tuple[int, int], ...] = (
    (42, 13), (43, 13), (56, 20), (68, 19), (80, 24), (100, 30), (200, 60),
)
#: Below either of these the layouts are not tested.
SMALLEST_COLUMNS = min(width for width, _ in TESTED_SIZES)
SMALLEST_ROWS = min(height for _, height in TESTED_SIZES)


def below_tested(width: int, height: int) -> bool:
    """True when a terminal of ``width`` x ``height`` cells is smaller than any tested size."""
    return width < SMALLEST_COLUMNS or height < SMALLEST_ROWS


def size_note(width: int, height: int) -> str:
    """One log sentence: the terminal's size in cells and whether the layouts are tested for it."""
    if below_tested(width, height):
        return (f"terminal is {width}x{height} cells: BELOW the sizes the layouts are tested for "
                f"(at least {SMALLEST_COLUMNS}x{SMALLEST_ROWS}); text may not fit, "
                "choose a smaller font (README: Screen and font size)")
    return (f"terminal is {width}x{height} cells: within the sizes the layouts are tested for "
            f"(from {SMALLEST_COLUMNS}x{SMALLEST_ROWS})")


class StartsAtItsSize:
    """A screen that begins with its breakpoint classes (``-narrow``, ``-short`` ...).

    Textual gives a screen these classes at its first ``Resize``, after the
    screen has been styled, laid out and painted once without them: every
    screen opened (and the first one at start-up) would be styled, laid out
    and painted twice, and at a large-text size would first show the wrong
    layout.  Textual keeps them up to date on every later resize.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        try:
            width, height = self.app.size  # type: ignore[attr-defined]
        except RuntimeError:  # built outside a running app (Textual's NoActiveAppError)
            return
        self.add_class(*breakpoint_classes(width, height))  # type: ignore[attr-defined]
