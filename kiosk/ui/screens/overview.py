"""The overview of one medicine: contents list on the left, one section on the right.

Up/Down only move (in the contents) or scroll (in the text); Action opens
the highlighted section and moves into its text; Back steps out again.
Up at the top of the text, or Down at its end, also leaves the text, so a
visitor with only Up, Down and Action is never trapped (EN 301 549 5.1.6.2).

With large text (narrower than 60 cells, issue 11) the two panes become two
steps: the contents alone, then the text alone; the screen's class
``-reading`` (set while the text has the focus) switches them in
overview.tcss, so the keys do exactly what they do side by side.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Horizontal
from textual.widgets import Static

from kiosk.document.sanitize import clean_text
from kiosk.keys import ACTION_INFO
from kiosk.languages import N_, _, active_language, ngettext
from kiosk.languages.document_catalog import LocalizedDocument, LocalizedSection, LocalizedText
from kiosk.ui.keynames import keys_label
from kiosk.ui.screens.base import SCROLL_DOWN, SCROLL_UP, KioskScreen
from kiosk.languages.formatting import section_position
from kiosk.ui.messages import ReadingFinished, SentenceStarted
from kiosk.ui.widgets.menu import Menu, MenuEntry
from kiosk.ui.screens.section_page import indent_of, section_page
from kiosk.ui.widgets.reading import ReadingPane, marker_line, safe
from kiosk.ui.widgets.phrases import PhraseLine, show_text
from kiosk.ui.widgets.status import StatusLine

SCROLL_LINES = 3
#: The contents' width bounds (cells), as in overview.tcss.
TOC_MIN_WIDTH, TOC_MAX_WIDTH = 24, 44
#: Help's words for the keys that mean something else in the text than in the contents.
IN_THE_TEXT = {
    "action": N_("Read this section aloud"),
    "back": N_("Back to the contents"),
    "up": SCROLL_UP,
    "down": SCROLL_DOWN,
}


def sentence(text: str) -> str:
    """End ``text`` with a full stop unless it already ends with punctuation."""
    text = text.rstrip()
    return text if text[-1:] in ".?!:;…。？！" else text + "."


class OverviewScreen(KioskScreen):
    """Table of contents + reading pane for one medicine."""

    CSS_PATH = "overview.tcss"

    def __init__(self, slug: str, section_index: int = 0) -> None:
        super().__init__()
        self.slug = slug
        self.section_index = section_index
        #: The sentence being read aloud: (text key, start, end) in that text.
        self.highlight: tuple[str, int, int] | None = None

    # --- building ------------------------------------------------------
    @property
    def doc(self) -> LocalizedDocument:
        return self.app.localized(self.slug)

    @property
    def total(self) -> int:
        return len(self.doc.sections)

    def compose(self):
        yield Static("", id="overview-title", markup=False)
        yield Static("", id="overview-subtitle", markup=False)
        yield Static("", id="translation-note", markup=False)
        with Horizontal(id="overview-body"):
            yield Menu(self._entries(), index=self.section_index, id="toc")
            yield ReadingPane(id="reading")
        yield PhraseLine(id="overview-hint")
        yield StatusLine()

    def _entries(self) -> list[MenuEntry]:
        entries = [
            MenuEntry(f"section:{i}", lambda i=i: self._toc_label(i))
            for i in range(len(self.app.localized(self.slug).sections))
        ]
        entries.append(MenuEntry("about", lambda: _("About this information")))
        return entries

    def _toc_label(self, index: int) -> str:
        heading = self.doc.sections[index].heading
        label = f"{index + 1}. {clean_text(heading.text)}"
        if heading.is_fallback:
            label += " (" + _("English") + ")"
        return label

    @property
    def toc(self) -> Menu:
        return self.query_one("#toc", Menu)

    @property
    def pane(self) -> ReadingPane:
        return self.query_one("#reading", ReadingPane)

    def on_mount(self) -> None:
        self._paint_texts()  # the contents painted their labels when built
        self._paint_section()
        self.toc.focus()

    def refresh_texts(self) -> None:
        self._paint_texts()
        self.toc.repaint()
        self._paint_section()

    def _paint_texts(self) -> None:
        doc = self.doc
        show_text(self.query_one("#overview-title", Static),
                  Text(clean_text(doc.document.title), style="bold"))
        subtitle = self.query_one("#overview-subtitle", Static)
        shown = Text(clean_text(doc.subtitle.text))
        if doc.subtitle.is_fallback and doc.subtitle.text:  # marked as the pane marks its texts
            shown.append("  ")
            shown.append_text(marker_line())
        show_text(subtitle, shown)
        subtitle.set_class(not doc.subtitle.text, "-empty")
        note = self.query_one("#translation-note", Static)
        # Who translated the medical text: the EMA, or the kiosk's team (no symbol
        # before it: "ⓘ" draws as a box in DejaVu Sans Mono and on the console).
        translated_by = doc.translation_note()
        show_text(note, Text(translated_by))
        note.set_class(not translated_by, "-empty")
        # Border titles are read as markup unless given as Text: translations are literal.
        self.toc.border_title = Text(_("Contents"))
        # No word of a section title split across lines: at 24 cells Finnish
        # ("Opzelura-valmistetta") and Turkish titles were (a newcomer's walk).
        self.toc.styles.min_width = min(TOC_MAX_WIDTH,
                                        max(TOC_MIN_WIDTH, self.toc.width_for_words()))
        keymap = self.app.config.keymap
        hint = _("{updown}: move · {action}: read · {back}: back · {prev}/{next}: previous/next section").format(
            updown=keys_label(keymap.get("up", ())[:1] + keymap.get("down", ())[:1], limit=2),
            action=keys_label(keymap.get("action", ())[:1]),
            back=keys_label(keymap.get("back", ())[:1]),
            prev=keys_label(keymap.get("previous_section", ())[:1]),
            next=keys_label(keymap.get("next_section", ())[:1]),
        )
        self.query_one("#overview-hint", PhraseLine).update(Text(hint))  # kept if unchanged

    def text_as_shown(self, text: LocalizedText, style: str = "") -> Text:
        """A document text as the pane shows it: literal, with the sentence being
        read in reverse bold (not colour alone)."""
        shown = safe(text.text)
        if style:
            shown.stylize(style)
        if self.highlight is not None and self.highlight[0] == text.key:
            _key, start, end = self.highlight
            if clean_text(text.text) == text.text:  # offsets refer to the spoken text
                shown.stylize("reverse bold", start, end)
        return shown

    def _page_key(self) -> tuple[object, ...]:
        """The page shown now (medicine, language, section, sentence read): laid out once."""
        return (self.slug, active_language(), self.section_index, self.highlight)

    def _paint_section(self) -> None:
        section = self.doc.sections[self.section_index]
        parts, plain = section_page(section, self.total, self.text_as_shown)
        self.pane.show(parts, plain, cache_key=self._page_key())
        self.pane.border_title = Text(self._pane_title())

    def prepare_language(self, code: str) -> None:
        """The contents' labels wrapped and this section's page laid out in ``code``
        (the language highlighted in the language list), ready for the switch."""
        self.toc.prepare([entry.label() for entry in self.toc.entries])
        parts, _plain = section_page(self.doc.sections[self.section_index], self.total,
                                     self.text_as_shown)
        self.pane.prepare(parts, cache_key=self._page_key())

    def _texts_by_key(self) -> dict[str, LocalizedText]:
        return {text.key: text for text in self.doc.sections[self.section_index].texts()}

    def _scroll_to_highlight(self) -> None:
        if self.highlight is None:
            return
        key, start, _end = self.highlight
        y = self.pane.start_of(key)
        text = self._texts_by_key().get(key)
        if y is None or text is None:
            return
        width = max(1, self.pane.line_width - (self._item_indent(key) if ".i" in key else 0))
        lines = safe(text.text[:start] + "x").wrap(self.app.console, width)
        target = y + max(0, len(lines) - 1)
        height = self.pane.scrollable_content_region.height
        if not (self.pane.scroll_y <= target < self.pane.scroll_y + height - 1):
            self.pane.scroll_to(y=max(0, target - 1), animate=False)

    def _item_indent(self, key: str) -> int:
        return indent_of(self.doc.sections[self.section_index], key)

    def text_at_top(self) -> tuple[str, str] | None:
        """The first text starting in the pane's view (and its language), for speech."""
        texts = self._texts_by_key()
        starts = [(y, texts[name]) for y, name in self.pane.part_starts() if name in texts]
        top = self.pane.scroll_y
        starting = [text for y, text in starts if y >= top]
        above = [text for y, text in starts if y < top]
        found = starting[0] if starting else (above[-1] if above else None)
        return None if found is None else (found.text, found.language)

    def _pane_title(self) -> str:
        marker = "▶ " if self.pane.has_focus else ""
        return marker + section_position(self.section_index + 1, self.total)

    # --- speech and help -----------------------------------------------
    def _section_sentence(self, index: int) -> str:
        section = self.doc.sections[index]
        return sentence("{position}: {heading}".format(
            position=section_position(index + 1, self.total), heading=section.heading.text))

    def describe_location(self) -> str:
        where = _("Overview of {medicine}.").format(medicine=self.doc.document.name)
        translated_by = self.doc.translation_note()
        if translated_by:
            where = f"{where} {translated_by}"
        current = self._section_sentence(self.section_index)
        if self.is_mounted and self.pane.has_focus:
            return f"{where} {current} " + _("Reading the text.")
        return f"{where} {current}"

    def key_description(self, name: str) -> str:
        """In the text, Up/Down scroll, Action reads, Back returns to the contents;
        the listen key reads on from this section (its generic words)."""
        if self.is_mounted and self.pane.has_focus and name in IN_THE_TEXT:
            return _(IN_THE_TEXT[name])
        if name == "listen":
            return _(ACTION_INFO["listen"].description)
        return super().key_description(name)

    def section_keys(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        """Only the digits that open a section of this medicine: Help says "1 … 8"
        for eight sections, not "1 … 9" (found by a newcomer's walk)."""
        kept = tuple(key for key in keys if not key.isdigit() or 1 <= int(key) <= self.total)
        return kept or keys

    def speakable_texts(self) -> list[tuple[str, str]]:
        section: LocalizedSection = self.doc.sections[self.section_index]
        return [(t.text, t.language) for t in section.texts()]

    def reading_items(self, read_on: bool) -> list[tuple[str | None, str, str]]:
        """This section from its heading; with ``read_on`` the following sections too."""
        last = self.total if read_on else self.section_index + 1
        return [(t.key, t.text, t.language)
                for section in self.doc.sections[self.section_index:last]
                for t in section.texts()]

    # --- the sentence being read ----------------------------------------
    def on_sentence_started(self, message: SentenceStarted) -> None:
        self.highlight_sentence(message.key, message.start, message.end)

    def on_reading_finished(self, message: ReadingFinished) -> None:
        self.clear_highlight()

    def highlight_sentence(self, key: str, start: int, end: int) -> None:
        """Show the sentence being spoken: its section, in reverse bold, in view."""
        index = next((i for i, s in enumerate(self.doc.sections)
                      if any(t.key == key for t in s.texts())), None)
        if index is None:
            return
        self.highlight = (key, start, end)
        if index != self.section_index:
            self.show_section(index, focus_text=self.pane.has_focus, quiet=True)
        else:
            self._paint_section()
        self.call_after_refresh(self._scroll_to_highlight)

    def clear_highlight(self) -> None:
        if self.highlight is not None:
            self.highlight = None
            if self.is_mounted:
                self._paint_section()

    # --- showing sections ----------------------------------------------
    def show_section(self, index: int, *, focus_text: bool = False, quiet: bool = False) -> None:
        """Show section ``index`` (0-based), remember it for this visit, announce it
        (``quiet``: not announced, because a reading has moved on into it)."""
        index = max(0, min(index, self.total - 1))
        self.section_index = index
        self.app.remember_place(self.slug, index)
        self._paint_section()
        self.pane.scroll_home(animate=False)
        if self.toc.index != index:
            self.toc.select(index)
        if focus_text:
            self.pane.focus()
            self.pane.border_title = Text(self._pane_title())
        if quiet:
            return
        section = self.doc.sections[index]
        self.app.announce(self._section_sentence(index),
                          language=section.heading.language)

    def on_descendant_focus(self) -> None:
        if self.is_mounted:
            self._show_focused_step()

    def on_descendant_blur(self) -> None:
        if self.is_mounted:
            self._show_focused_step()

    def _show_focused_step(self) -> None:
        """Mark the pane that has the focus; on a narrow screen (two steps, see
        overview.tcss) the class -reading shows the text instead of the contents."""
        self.pane.border_title = Text(self._pane_title())
        self.set_class(self.pane.has_focus, "-reading")

    # --- actions -------------------------------------------------------
    def _announce_toc(self) -> None:
        entry = self.toc.current
        if entry.key.startswith("section:"):
            self.app.announce(self._section_sentence(int(entry.key[8:])))
        else:
            self.app.announce(self.toc.label_of())

    def action_up(self) -> None:
        if self.pane.has_focus:
            if self.pane.at_top():
                self.toc.focus()
                self._announce_toc()
            else:
                self.pane.scroll_relative(y=-SCROLL_LINES, animate=False)
                self._announce_view()
        elif self.toc.move(-1):
            self._announce_toc()
        else:
            self.app.notice(_("Top of the list."))

    def action_down(self) -> None:
        if self.pane.has_focus:
            if self.pane.at_bottom():
                self.toc.focus()
                self.toc.move(1)
                self.app.announce(_("End of the section."))
                self._announce_toc()
            else:
                self.pane.scroll_relative(y=SCROLL_LINES, animate=False)
                self._announce_view()
        elif self.toc.move(1):
            self._announce_toc()
        else:
            self.app.notice(_("End of the list."))

    def _announce_view(self) -> None:
        """After scrolling: say the text now at the top of the view."""
        found = self.text_at_top()
        if found is not None:
            self.app.announce(found[0], language=found[1])

    def action_action(self) -> None:
        if self.pane.has_focus:  # read this section, from its heading (speech on if off)
            self.app.read_aloud(self.reading_items(read_on=False), turn_speech_on=True)
            return
        entry = self.toc.current
        if entry.key == "about":
            self.app.action_open_about(self.slug)
        else:
            self.show_section(int(entry.key[8:]), focus_text=True)

    def action_back(self) -> None:
        if self.pane.has_focus:
            self.toc.select(self.section_index)
            self.toc.focus()
            self._announce_toc()
        else:
            self.dismiss()

    def action_previous_section(self) -> None:
        if self.section_index == 0:
            self.app.notice(_("This is the first section."))
        else:
            self.show_section(self.section_index - 1, focus_text=self.pane.has_focus)

    def action_next_section(self) -> None:
        if self.section_index >= self.total - 1:
            self.app.notice(_("This is the last section."))
        else:
            self.show_section(self.section_index + 1, focus_text=self.pane.has_focus)

    def action_section_number(self, number: int) -> None:
        if 1 <= number <= self.total:
            self.show_section(number - 1, focus_text=self.pane.has_focus)
        else:
            self.app.notice(ngettext("There is {total} section.", "There are {total} sections.",
                                     self.total).format(total=self.total))

    def action_about(self) -> None:
        self.app.action_open_about(self.slug)
