"""The reading pane: one section of a medicine overview, paragraphs and bullets.

Everything is built from ``rich.text.Text`` so that text from content files
and translations is shown literally ("[bold]" stays "[bold]").  Bullet lists
use a two-column grid so a wrapped item hangs under its first word, and the
width is capped (in the .tcss) at about 70 columns for comfortable reading.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from kiosk.document.sanitize import clean_text
from kiosk.languages import _
from kiosk.ui.widgets.keyboard_only import KeyboardOnly


def fallback_label() -> str:
    """The words that mark untranslated text (never colour alone)."""
    return _("English – not yet translated")


def translation_note() -> str:
    """Said wherever a translated document is shown (overview, About)."""
    return _("The official text is the EMA's English overview. "
             "This translation was made for this kiosk.")


def safe(text: str) -> Text:
    """Content text as a literal ``Text`` with control characters removed."""
    return Text(clean_text(text))


def marker_line() -> Text:
    """The line above untranslated text: "⚑ English – not yet translated"."""
    return Text("⚑ " + fallback_label(), style="italic underline")


class ReadingText(Static):
    """The text body; ``plain`` keeps the words for tests and the narrator."""

    def __init__(self) -> None:
        super().__init__("", markup=False, id="reading-text")
        self.plain = ""
        self.shown: RenderableType = Group()

    def show(self, renderables: list[RenderableType], plain: str) -> None:
        self.plain = plain
        self.shown = Group(*renderables)
        self.update(self.shown)


class ReadingPane(KeyboardOnly, VerticalScroll, can_focus=True, can_focus_children=False,
                  inherit_bindings=False):
    """A focusable container around :class:`ReadingText`, scrolled by the screens'
    actions only (no bindings of its own: an unmapped key must not scroll it)."""

    BINDINGS = []

    def compose(self):
        yield ReadingText()

    @property
    def body(self) -> ReadingText:
        return self.query_one(ReadingText)

    def at_top(self) -> bool:
        return self.scroll_y <= 0

    def at_bottom(self) -> bool:
        return self.scroll_y >= self.max_scroll_y

    def visible_text(self, lines: int = 3) -> str:
        """The words on the first lines of the view (what scrolling brought up), for speech."""
        width = self.body.content_region.width or self.content_region.width
        if width <= 0:
            return ""
        console = self.app.console
        rendered = console.render_lines(self.body.shown, console.options.update_width(width),
                                        pad=False)
        top = int(self.scroll_y)
        words = []
        for line in rendered[top: top + lines]:
            words.append("".join(segment.text for segment in line).strip())
        return " ".join(w for w in words if w)


def bullet_list(items: list[tuple[Text, bool]]) -> RenderableType:
    """A list with hanging indents; each item may be preceded by a fallback marker."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1)
    for text, is_fallback in items:
        if is_fallback:
            grid.add_row("", marker_line())
        grid.add_row("•", text)
    return grid
