"""The reading pane: a page of text (a section, About, Help) that the visitor scrolls.

Everything is built from ``rich.text.Text`` so that text from content files
and translations is shown literally ("[bold]" stays "[bold]").  Bullet lists
use a two-column grid so a wrapped item hangs under its first word, and the
text is at most ``text_width`` columns wide (about 70) for comfortable reading.

Why a Line-API widget (Textual's ``ScrollView``, as toolong and frogmouth do
for long text) rather than a ``Static`` in a scrolling container: the page
is laid out once, at the pane's width, into lines that are then only
copied to the screen.  Rich's wrapping runs once per page (not for every
repaint, and not again to find where each paragraph starts: the pane
records the first line of every part), and a page shown or prepared
before is kept (``cache_key``), so going back and forth between sections,
or to a language laid out while its name was highlighted, is cheap.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Hashable, Sequence

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from kiosk.document.sanitize import clean_text
from kiosk.languages import _
from kiosk.ui.widgets.keyboard_only import KeyboardOnly

#: Pages kept laid out (a section or two in every language; ~30 lines each).
PAGES_KEPT = 64


def fallback_label() -> str:
    """The words that mark untranslated text (never colour alone)."""
    return _("English – not yet translated")


def safe(text: str) -> Text:
    """Content text as a literal ``Text`` with control characters removed."""
    return Text(clean_text(text))


def marker_line() -> Text:
    """The line above untranslated text: "⚑ English – not yet translated"."""
    return Text("⚑ " + fallback_label(), style="italic underline")


#: Columns a sub-item is indented by, per level (under the text of the item above).
INDENT = 2


def bullet(level: int) -> str:
    """The bullet of a list item at ``level`` (0 top level): "•", then "–" for sub-items,
    as the EMA's overviews print them."""
    return "•" if level == 0 else "–"


def _bullet_row(bullet_text: str, content: Text, level: int) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    if level > 0:
        grid.add_column(width=INDENT * level - 1, no_wrap=True)  # + the grid's 1 column gap
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(*([""] if level > 0 else []), bullet_text, content)
    return grid


def bullet_item(text: Text, level: int = 0) -> RenderableType:
    """One list item: a bullet, and the text wrapped with a hanging indent; a sub-item
    (``level`` 1, 2 ...) is indented under the text of the item it qualifies."""
    return _bullet_row(bullet(level), text, level)


def bullet_marker(level: int = 0) -> RenderableType:
    """The fallback marker above an untranslated list item, indented with the item."""
    return _bullet_row("", marker_line(), level)


def item_indent(level: int) -> int:
    """Columns before a list item's text at ``level`` (bullet and gap included)."""
    return INDENT * level + 2


#: A part of a page: what to show, and the name of the text it shows (or None).
Part = tuple[RenderableType, "str | None"]


def _as_parts(parts: Sequence[RenderableType | Part]) -> list[Part]:
    return [part if isinstance(part, tuple) else (part, None) for part in parts]


def _wrapping_parts(parts: list[Part]) -> int:
    """How many parts may wrap (all but the blank lines between blocks)."""
    return sum(1 for part, _name in parts if not (isinstance(part, Text) and not part.plain))


class ReadingPane(KeyboardOnly, ScrollView, can_focus=True, inherit_bindings=False):
    """A focusable page of text, scrolled only by the screens' actions (no
    bindings of its own: an unmapped key must not scroll it)."""

    BINDINGS = []
    DEFAULT_CSS = """
    ReadingPane { overflow-x: hidden; overflow-y: auto; scrollbar-size-vertical: 1; }
    """

    def __init__(self, *, text_width: int = 72, id: str | None = None) -> None:
        """``text_width``: the widest the text may be (columns)."""
        super().__init__(id=id)
        self.text_width = text_width
        #: The page's words, one text per line (for tests and speech).
        self.plain = ""
        self._parts: list[Part] = []
        self._key: Hashable = None
        self._page_lines: list[Strip] = []
        self._starts: dict[str, int] = {}
        self._laid_out_for: tuple[object, ...] | None = None
        self._blank = Style()
        self._columns = text_width
        self._pages: OrderedDict[tuple[object, ...], tuple[list[Strip], dict[str, int]]] = \
            OrderedDict()

    # --- content -------------------------------------------------------------
    def show(self, parts: Sequence[RenderableType | Part], plain: str, *,
             cache_key: Hashable = None) -> None:
        """Show a page: ``parts`` from top to bottom, each a renderable or a
        (renderable, text name) pair; ``cache_key`` names this exact page (same
        key, same page) so it is laid out only once."""
        self._parts = _as_parts(parts)
        self.plain = plain
        self._key = cache_key
        self._laid_out_for = None
        self._lay_out()

    def prepare(self, parts: Sequence[RenderableType | Part], *, cache_key: Hashable) -> None:
        """Lay a page out ahead, at the pane's width, into the cache (``cache_key`` as
        :meth:`show` will be given it), so showing it later only copies lines.
        Nothing shown changes."""
        region = self.content_region
        if self.is_mounted and region.width > 0 and cache_key is not None:
            self._choose_layout(_as_parts(parts), cache_key, region.width, region.height,
                                self.rich_style)

    def _lay_out(self) -> None:
        """Lay the page out into lines at the pane's width (or take them from the cache)."""
        region = self.content_region
        if not self.is_mounted or region.width <= 0:
            return
        base = self.rich_style
        signature = (region.width, region.height, base)
        if self._laid_out_for == signature:
            return
        columns, (lines, starts) = self._choose_layout(self._parts, self._key, region.width,
                                                       region.height, base)
        self._page_lines, self._starts, self._columns = lines, starts, columns
        self._laid_out_for = signature
        # Beyond the text only the background shows, as around a Static's text.
        self._blank = Style(bgcolor=base.bgcolor)
        self.virtual_size = Size(columns, len(lines))
        self.refresh()

    def _choose_layout(self, parts: list[Part], key: Hashable, width: int, height: int,
                       base: Style) -> tuple[int, tuple[list[Strip], dict[str, int]]]:
        """(columns, the page laid out there) as Textual will show it in a content
        region ``width`` x ``height`` cells.

        A page longer than the pane gets a scrollbar, which takes a column, and
        a page that fits has none.  The page is laid out one column narrower
        first: when it is far longer than the pane there (most sections are),
        one more column cannot make it fit, and that layout is the one shown,
        drawn once (laying it out wide first, then again narrower, drew long
        pages twice and kept both).  Otherwise it is laid out at the full width
        too, and shown there if it fits.  "Far longer": by more lines than it
        has parts that wrap, since one more column takes at most one line off
        a part (a paragraph would need some 37 lines at 50 columns to lose two).
        """
        full = max(1, min(width, self.text_width))
        narrower = max(1, min(full, width - self.styles.scrollbar_size_vertical))
        page = self._page_at(parts, key, narrower, base)
        if narrower < full and len(page[0]) - height <= _wrapping_parts(parts):
            wide = self._page_at(parts, key, full, base)
            if len(wide[0]) <= height:
                return full, wide
        return narrower, page

    def _page_at(self, parts: list[Part], key: Hashable, columns: int,
                 base: Style) -> tuple[list[Strip], dict[str, int]]:
        if key is None:
            return self._draw_page(parts, columns, base)
        page = (key, columns, base)
        cached = self._pages.get(page)
        if cached is None:
            cached = self._draw_page(parts, columns, base)
            self._keep(page, cached)
        else:
            self._pages.move_to_end(page)
        return cached

    def _keep(self, page: tuple[object, ...], laid_out: tuple[list[Strip], dict[str, int]]) -> None:
        self._pages[page] = laid_out
        while len(self._pages) > PAGES_KEPT:
            self._pages.popitem(last=False)

    def _draw_page(self, parts: list[Part], width: int,
                   base: Style) -> tuple[list[Strip], dict[str, int]]:
        console = self.app.console
        options = console.options.update_width(width)
        lines: list[Strip] = []
        starts: dict[str, int] = {}
        for renderable, name in parts:
            if name is not None and name not in starts:
                starts[name] = len(lines)
            for line in console.render_lines(renderable, options, style=base, pad=False):
                lines.append(Strip(line))
        return lines, starts

    def on_resize(self) -> None:
        self._lay_out()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._lay_out()  # first paint, or another theme (the colours are in the lines)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        strip = self._page_lines[index] if index < len(self._page_lines) else Strip([Segment("")])
        return strip.crop_extend(scroll_x, scroll_x + width, self._blank)

    # --- where things are ------------------------------------------------------------
    def start_of(self, name: str) -> int | None:
        """The first line of the part named ``name`` (None: not on this page)."""
        self._lay_out()
        return self._starts.get(name)

    def part_starts(self) -> list[tuple[int, str]]:
        """(first line, name) of every named part, top to bottom."""
        self._lay_out()
        return sorted((y, name) for name, y in self._starts.items())

    @property
    def line_width(self) -> int:
        """The width the text is laid out at (columns)."""
        self._lay_out()
        return self._columns

    def at_top(self) -> bool:
        return self.scroll_y <= 0

    def at_bottom(self) -> bool:
        return self.scroll_y >= self.max_scroll_y

    def visible_text(self, lines: int = 3) -> str:
        """The words on the first lines of the view (what scrolling brought up), for speech."""
        self._lay_out()
        top = int(self.scroll_y)
        words = (strip.text.strip() for strip in self._page_lines[top: top + lines])
        return " ".join(word for word in words if word)
