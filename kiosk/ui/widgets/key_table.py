"""Help's list of keys: two columns where there is room, each key over its words where not.

A key label such as "Enter eller Mellemrum" must never be broken so that a
key name stands alone on a line: it would read as a key of its own (issue 9
item 5, issue 11).  From :data:`TWO_COLUMNS_FROM` columns the grid gives the
keys a quarter of the width, which every language's labels fit (the
28-language walk checks it at 80×24 and 68×19); narrower (large text,
43×13) each row is the keys in bold with a colon on a line, and what they do
below, indented.  The choice is made when Rich renders at the pane's real
width, so it follows every resize.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from kiosk.ui.widgets.phrases import balanced_lines

#: The narrowest pane (columns) that shows keys and words side by side.
TWO_COLUMNS_FROM = 56
#: Columns between the keys and their words; the indent of the words when stacked.
GAP = 2


class KeyTable:
    """Rows of (keys, what they do), laid out for the width Rich gives.

    Args:
        rows: each row's key label (as printed on the keys) and its words.
    """

    def __init__(self, rows: Iterable[tuple[str, str]]) -> None:
        self.rows: Sequence[tuple[str, str]] = list(rows)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= TWO_COLUMNS_FROM:
            table = Table.grid(padding=(0, GAP))
            table.add_column(no_wrap=False, ratio=1, style="bold")
            table.add_column(ratio=3)
            for keys, what in self.rows:
                table.add_row(Text(keys), Text(what))
            yield table
            return
        for keys, what in self.rows:
            yield Text(keys + ":", style="bold")
            yield Padding(Text(what), (0, 0, 0, GAP))


class BalancedLine:
    """A sentence naming keys ("To close help, press F1 or ? or Backspace or Esc."),
    wrapped with even lines at the width Rich gives, so its last key never
    stands alone on a line (:func:`~kiosk.ui.widgets.phrases.balanced_lines`).

    Args:
        text: the sentence, already translated.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in balanced_lines(self.text, max(1, options.max_width)):
            yield Text(line)
