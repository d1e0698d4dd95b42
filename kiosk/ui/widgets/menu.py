"""The kiosk's menus: Textual's ``OptionList``, moved only by the kiosk's actions.

What the kiosk adds to the stock widget:

* no bindings of its own (``inherit_bindings=False``): the visitor's keys are
  the deployer's keymap, bound on the screens, which call :meth:`Menu.move`;
  moving stops at either end (the screen says "Top of the list.") instead
  of wrapping round silently;
* the highlighted item is marked with a shape as well as reverse video
  ("▶" while the menu has the focus, "▷" and bold when it does not), so it
  never depends on colour alone (EN 301 549 5.6 spirit, WCAG 1.4.1);
* a long label wraps with a hanging indent, under its first word
  (:class:`MarkedLabel` draws both);
* labels come from ``MenuEntry.label`` in the active language, so a
  language switch is :meth:`Menu.repaint`;
* after any reflow (resize, show) the highlighted item is scrolled into view.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Iterable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kiosk.document.sanitize import clean_text
from kiosk.ui.widgets.keyboard_only import KeyboardOnly

FOCUSED_MARK = "▶ "
CURRENT_MARK = "▷ "
BLANK_MARK = "  "
#: Blank cells left and right of every item.
PADDING = 1
#: Drawn labels kept (a menu's labels in every language a visitor may switch to).
LABELS_KEPT = 512
#: How the highlighted item is emphasised: reverse and bold while the menu has
#: the focus, bold when not (with the marks, never colour alone).
FOCUSED_EMPHASIS = RichStyle(bold=True, reverse=True)
CURRENT_EMPHASIS = RichStyle(bold=True)


@dataclass(frozen=True)
class MenuEntry:
    """One choice: a stable key for the code, a label computed at paint time."""

    key: str
    label: Callable[[], str]


class MarkedLabel(Visual):
    """A menu item as Textual draws it: a cell of padding, the two-cell mark, then
    the label wrapped under itself (a Textual ``Visual``: no Rich rendering).

    OptionList draws the highlighted item with its "highlighted" style, which
    the menu's CSS makes bold: from that this visual draws the mark ("▶" while
    the menu has the focus, "▷" when not) and the emphasis (reverse and bold,
    or bold).  So the prompts stay the same when the highlight moves, and
    OptionList's cache of drawn items stays valid (the menu empties it when
    it gains or loses the focus).  The emphasis covers the label's block (as
    wide as a one-line label, the whole width once it wraps), not the
    padding around it.
    """

    def __init__(self, label: str, menu: "Menu") -> None:
        self.label = Content(label)
        self.menu = menu
        self._wrapped: tuple[int, list[Content]] = (-1, [])

    def _wrapped_lines(self, width: int) -> list[Content]:
        text_width = max(1, width - 2 * PADDING - len(BLANK_MARK))
        if self._wrapped[0] != text_width:
            self._wrapped = (text_width, self.label.wrap(text_width) or [Content("")])
        return self._wrapped[1]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return 2 * PADDING + len(BLANK_MARK) + self.label.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._wrapped_lines(width))

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        """The item's lines as strips of plain segments: the label is plain text, so
        no markup is parsed and no Content is built per line (a language switch
        draws every item of every menu on the screen again)."""
        lines = self._wrapped_lines(width)
        if not style.bold:
            mark, emphasis = BLANK_MARK, None
        elif self.menu.has_focus:
            mark, emphasis = FOCUSED_MARK, FOCUSED_EMPHASIS
        else:
            mark, emphasis = CURRENT_MARK, CURRENT_EMPHASIS
        base = Style(background=style.background, foreground=style.foreground).rich_style
        marked = base if emphasis is None else base + emphasis
        block = (width - 2 * PADDING - len(mark) if len(lines) > 1
                 else lines[0].cell_length)
        padding = Segment(" " * PADDING, base)
        strips = []
        for number, line in enumerate(lines[:height]):
            text = (mark if number == 0 else BLANK_MARK) + line.plain \
                + " " * max(0, block - line.cell_length)
            used = PADDING + cell_len(text)
            segments = [padding, Segment(text, marked)]
            if used < width:
                segments.append(Segment(" " * (width - used), base))
            strips.append(Strip(segments, max(used, width)))
        return strips


class Menu(KeyboardOnly, OptionList, inherit_bindings=False):
    """A vertical list of choices; the highlight moves with :meth:`move`."""

    BINDINGS = []
    DEFAULT_CSS = """
    Menu {
        height: auto; max-height: 100%; scrollbar-size-vertical: 1;
        border: none; padding: 0; background: transparent; color: $foreground;
        &:focus { border: none; background-tint: $foreground 0%; }
        & > .option-list--option { padding: 0; }
        /* MarkedLabel draws the mark and the emphasis of the (bold) highlighted item. */
        & > .option-list--option-highlighted,
        &:focus > .option-list--option-highlighted {
            color: $foreground; background: transparent; text-style: bold;
        }
    }
    """

    def __init__(self, entries: Iterable[MenuEntry], *, index: int = 0,
                 id: str | None = None) -> None:
        self.entries: list[MenuEntry] = list(entries)
        self._drawn_labels: OrderedDict[str, MarkedLabel] = OrderedDict()
        start = max(0, min(index, len(self.entries) - 1))
        super().__init__(
            *(Option(self._drawn_label(entry.label()), id=entry.key) for entry in self.entries),
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

    def width_for_words(self) -> int:
        """The menu's width in cells (border and scrollbar included) at which no word
        of any label is split across lines (Content wraps a longer word mid-word)."""
        widest = max((cell_len(word) for entry in self.entries
                      for word in clean_text(entry.label()).split()), default=0)
        return (widest + 2 * PADDING + len(BLANK_MARK) + self.styles.gutter.width
                + self.styles.scrollbar_size_vertical)

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

    def set_entries(self, entries: Iterable[MenuEntry], key: str | None = None) -> None:
        """Replace every entry (a layout that offers other choices), highlighting
        the entry whose key is ``key`` (else the first), kept in view."""
        self.entries = list(entries)
        self.clear_options()
        self.add_options([Option(self._drawn_label(entry.label()), id=entry.key)
                          for entry in self.entries])
        keys = [entry.key for entry in self.entries]
        self.highlighted = keys.index(key) if key in keys else 0
        self.call_after_refresh(self.scroll_to_highlight)

    # --- painting ----------------------------------------------------------
    def _drawn_label(self, text: str) -> MarkedLabel:
        """The drawn item for a label: one per text, kept with its wrapped lines, so a
        language shown before (or prepared) is not wrapped again."""
        text = clean_text(text)
        label = self._drawn_labels.get(text)
        if label is None:
            label = self._drawn_labels[text] = MarkedLabel(text, self)
            while len(self._drawn_labels) > LABELS_KEPT:
                self._drawn_labels.popitem(last=False)
        else:
            self._drawn_labels.move_to_end(text)
        return label

    def prepare(self, labels: Iterable[str]) -> None:
        """Wrap ``labels`` (another language's) ahead at the menu's width, so that
        :meth:`repaint` finds them ready; nothing shown changes."""
        width = self.scrollable_content_region.width
        if not self.is_mounted or width <= 0:
            return
        for text in labels:
            self._drawn_label(text).get_height(self.styles, width)

    def _relabel(self, index: int) -> None:
        entry = self.entries[index]
        self.replace_option_prompt_at_index(index, self._drawn_label(entry.label()))

    def on_resize(self) -> None:
        """A reflow (terminal resized, a status line that wraps, a pane shown or
        hidden) changes the list's height: keep the highlighted item in view
        (issue 9 item 2).  OptionList itself only empties its caches here."""
        self.call_after_refresh(self.scroll_to_highlight)

    def on_show(self) -> None:
        """Shown again (the contents of a narrow overview, after the text):
        the highlight in view once the list has its size."""
        self.call_after_refresh(self.scroll_to_highlight)

    def on_focus(self) -> None:
        self._relabel(self.index)  # "▷" becomes "▶" (and empties the drawn-item cache)

    def on_blur(self) -> None:
        self._relabel(self.index)

    def repaint(self) -> None:
        """Redraw every label (after a language switch), keeping the highlight in view."""
        for index in range(len(self.entries)):
            self._relabel(index)
        # New labels can change every height: measure them now (so the screen's
        # next layout knows the list's new height), and scroll the highlight
        # into view again once that layout exists.
        self.scroll_to_highlight()
        self.call_after_refresh(self.scroll_to_highlight)
