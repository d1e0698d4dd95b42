"""A vertical list of choices driven only by the kiosk's actions.

Why not Textual's ``OptionList``: it brings its own key and mouse bindings,
and the kiosk routes every key through the deployer's keymap instead.  This
list only moves when a screen calls :meth:`MenuList.move`, marks the
highlighted item with a shape ("▶" focused, "▷" not focused) as well as
reverse video, and wraps long labels instead of cutting them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from kiosk.document.sanitize import clean_text

FOCUSED_MARK = "▶ "
CURRENT_MARK = "▷ "
BLANK_MARK = "  "


@dataclass
class MenuEntry:
    """One choice: a stable key for the code, a label computed at paint time."""

    key: str
    label: Callable[[], str]


class MenuItem(Static):
    """One line (or several, wrapped) of a :class:`MenuList`."""

    DEFAULT_CSS = """
    MenuItem { width: 1fr; height: auto; padding: 0 1; }
    """

    def __init__(self, entry: MenuEntry) -> None:
        super().__init__("", markup=False)
        self.entry = entry
        self.plain = ""
        self.can_focus = False

    def paint(self, highlighted: bool, focused: bool) -> None:
        """Redraw with the right marker; text goes through ``Text`` (never markup)."""
        mark = (FOCUSED_MARK if focused else CURRENT_MARK) if highlighted else BLANK_MARK
        label = clean_text(self.entry.label())
        self.plain = mark + label
        # A two-column grid so a wrapped label hangs under its first word.
        grid = Table.grid()
        grid.add_column(width=2, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(Text(mark), Text(label))
        self.update(grid)
        self.set_class(highlighted, "-highlighted")
        self.set_class(highlighted and focused, "-focused")


class MenuList(VerticalScroll, can_focus=True, can_focus_children=False):
    """A focusable list; the highlight moves with :meth:`move`, never by itself."""

    DEFAULT_CSS = """
    MenuList { height: auto; max-height: 100%; scrollbar-size-vertical: 1; }
    MenuList > MenuItem.-highlighted { text-style: bold; }
    MenuList > MenuItem.-focused { text-style: reverse bold; }
    """

    def __init__(self, entries: list[MenuEntry], *, index: int = 0, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.entries = entries
        self.index = max(0, min(index, len(entries) - 1))

    def compose(self):
        for entry in self.entries:
            yield MenuItem(entry)

    def on_mount(self) -> None:
        self.repaint()

    def on_focus(self) -> None:
        self.repaint()

    def on_blur(self) -> None:
        self.repaint()

    @property
    def current(self) -> MenuEntry:
        """The highlighted entry."""
        return self.entries[self.index]

    def label_of(self, index: int | None = None) -> str:
        """The (translated) label of an entry, for announcements."""
        return self.entries[self.index if index is None else index].label()

    def move(self, delta: int) -> bool:
        """Move the highlight; ``False`` (and no change) at either end."""
        new = self.index + delta
        if not 0 <= new < len(self.entries):
            return False
        self.select(new)
        return True

    def select(self, index: int) -> None:
        """Highlight ``index`` and scroll it into view."""
        old = self.index
        self.index = max(0, min(index, len(self.entries) - 1))
        items = list(self.query(MenuItem))
        focused = self.has_focus
        if items:
            items[old].paint(False, focused)
            items[self.index].paint(True, focused)
            self.scroll_to_widget(items[self.index], animate=False)

    def select_key(self, key: str) -> None:
        """Highlight the entry whose key is ``key`` (if present)."""
        for i, entry in enumerate(self.entries):
            if entry.key == key:
                self.select(i)
                return

    def repaint(self) -> None:
        """Redraw every label (after a language switch) and the marker."""
        focused = self.has_focus
        for i, item in enumerate(self.query(MenuItem)):
            item.paint(i == self.index, focused)
        # New labels (another language) can change the layout around the list;
        # keep the highlighted entry in view once the new layout exists.
        self.call_after_refresh(self._keep_current_in_view)

    def _keep_current_in_view(self) -> None:
        items = list(self.query(MenuItem))
        if items:
            self.scroll_to_widget(items[self.index], animate=False)
