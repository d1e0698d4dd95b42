"""The kiosk's menus: Textual's ``OptionList``, moved only by the kiosk's actions.

What the kiosk adds to the stock widget:

* no bindings of its own (``inherit_bindings=False``): the visitor's keys are
  the deployer's keymap, bound on the screens, which call :meth:`Menu.move`;
  moving stops at either end (the screen says "Top of the list.") instead
  of wrapping round silently;
* the highlighted item is marked with a shape as well as reverse video
  ("▶" while the menu has the focus, "▷" and bold when it does not), so it
  never depends on colour alone (EN 301 549 5.6 spirit, WCAG 1.4.1); the
  prompt carries that style itself, so OptionList's own highlight colours
  are switched off in the CSS;
* a long label wraps with a hanging indent, under its first word;
* labels are computed when painted (``MenuEntry.label``), so a language
  switch is :meth:`Menu.repaint`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kiosk.document.sanitize import clean_text
from kiosk.ui.widgets.keyboard_only import KeyboardOnly

FOCUSED_MARK = "▶ "
CURRENT_MARK = "▷ "
BLANK_MARK = "  "


@dataclass(frozen=True)
class MenuEntry:
    """One choice: a stable key for the code, a label computed at paint time."""

    key: str
    label: Callable[[], str]


class MarkedLabel:
    """A Rich renderable: the two-cell mark, then the label wrapped under itself.

    ``style`` ("reverse bold" for the focused item) covers the label's block:
    as wide as a one-line label, or the whole width once the label wraps.
    """

    def __init__(self, mark: str, label: str, style: str = "") -> None:
        self.mark = mark
        self.label = label
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - len(self.mark))
        lines = Text(self.label).wrap(console, width)
        # As wide as the label, or the whole width once it wraps (as a table cell).
        block = width if len(lines) > 1 else max((line.cell_len for line in lines), default=0)
        out = Text()
        for number, line in enumerate(lines):
            if number:
                out.append("\n")
            start = len(out)
            out.append(self.mark if number == 0 else BLANK_MARK)
            out.append_text(line)
            out.append(" " * (block - line.cell_len))
            if self.style:
                out.stylize(self.style, start, len(out))
        yield out

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((len(word) for word in self.label.split()), default=0)
        return Measurement(len(self.mark) + longest, len(self.mark) + len(self.label))


class Menu(KeyboardOnly, OptionList, inherit_bindings=False):
    """A vertical list of choices; the highlight moves with :meth:`move`."""

    BINDINGS = []
    DEFAULT_CSS = """
    Menu {
        height: auto; max-height: 100%; scrollbar-size-vertical: 1;
        border: none; padding: 0; background: transparent; color: $foreground;
        &:focus { background-tint: $foreground 0%; }
        & > .option-list--option { padding: 0 1; }
        & > .option-list--option-highlighted,
        &:focus > .option-list--option-highlighted {
            color: $foreground; background: transparent; text-style: none;
        }
    }
    """

    def __init__(self, entries: Iterable[MenuEntry], *, index: int = 0,
                 id: str | None = None) -> None:
        self.entries: list[MenuEntry] = list(entries)
        start = max(0, min(index, len(self.entries) - 1))
        super().__init__(
            *(Option(self._marked_label(n, n == start, False), id=entry.key)
              for n, entry in enumerate(self.entries)),
            id=id, markup=False,
        )
        self.highlighted = start

    # --- what is highlighted ---------------------------------------------
    @property
    def index(self) -> int:
        """The highlighted entry's position (0 when the menu is empty)."""
        return self.highlighted or 0

    @property
    def current(self) -> MenuEntry:
        """The highlighted entry."""
        return self.entries[self.index]

    def label_of(self, index: int | None = None) -> str:
        """The (translated) label of an entry, for announcements."""
        return self.entries[self.index if index is None else index].label()

    # --- moving ----------------------------------------------------------
    def move(self, delta: int) -> bool:
        """Move the highlight; ``False`` (and no change) at either end."""
        new = self.index + delta
        if not 0 <= new < len(self.entries):
            return False
        self.highlighted = new
        return True

    def select(self, index: int) -> None:
        """Highlight ``index`` (clamped) and scroll it into view."""
        self.highlighted = max(0, min(index, len(self.entries) - 1))

    def select_key(self, key: str) -> None:
        """Highlight the entry whose key is ``key`` (if present)."""
        for number, entry in enumerate(self.entries):
            if entry.key == key:
                self.select(number)
                return

    # --- painting ----------------------------------------------------------
    def _marked_label(self, index: int, highlighted: bool, focused: bool) -> MarkedLabel:
        label = clean_text(self.entries[index].label())
        if not highlighted:
            return MarkedLabel(BLANK_MARK, label)
        if focused:
            return MarkedLabel(FOCUSED_MARK, label, "reverse bold")
        return MarkedLabel(CURRENT_MARK, label, "bold")

    def _paint(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.entries):
            self.replace_option_prompt_at_index(
                index, self._marked_label(index, index == self.highlighted, self.has_focus))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        """Move the mark with the highlight (then OptionList scrolls and posts)."""
        if self.entries and old != new:
            self._paint(old)
            self._paint(new)
        super().watch_highlighted(new)

    def on_focus(self) -> None:
        self._paint(self.highlighted)

    def on_blur(self) -> None:
        self._paint(self.highlighted)

    def repaint(self) -> None:
        """Redraw every label (after a language switch), keeping the highlight in view."""
        for index in range(len(self.entries)):
            self._paint(index)
        # New labels can change every height: scroll once the new layout exists.
        self.call_after_refresh(self.scroll_to_highlight)
