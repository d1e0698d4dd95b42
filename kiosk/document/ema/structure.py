"""From classified lines to sections, paragraphs and (nested) lists.

The agency's wording is kept exactly: lines that a PDF wrapped are joined,
a paragraph that a page break cut in two is joined again, and page
furniture is left out, with the reason, wherever it falls (also inside a
list).  What comes before the first section heading (the title block, the
subtitle, a first section whose heading the web page dropped, the
summary-era introduction) is kept as the *preamble* for
:mod:`kiosk.document.ema.titleblock` to read.

How lines become paragraphs in each layout of body text, and which plain lines
are headings, is :mod:`kiosk.document.ema.layout`'s part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kiosk.document.ema.furniture import PAGE, PAGE_TOKEN, REFERENCE, REFERENCE_LINE_TOKENS, \
    is_page_end_panel, references
from kiosk.document.ema.headings import is_named_heading, is_question
from kiosk.document.ema.layout import SENTENCE_END, Layout, promote_headings
from kiosk.document.ema.lines import SourceLine, where
from kiosk.document.ema.results import Dropped, ImportWarning, quote

__all__ = ["BlockDraft", "SectionDraft", "Structure", "build_section", "build_structure",
           "join_lines"]

def join_lines(parts: list[str]) -> str:
    """Join wrapped lines with a space; a hyphen that ends a line is the word's own."""
    out = ""
    for part in parts:
        if not out:
            out = part
        elif re.search(r"\w-$", out) and re.match(r"[^\W_]", part) and part[:1].islower() \
                or re.search(r"\d-$", out) and part[:1].isdigit():
            out += part  # "non-" + "segmental", "12-" + "17"
        else:
            out += " " + part
    return out


@dataclass
class BlockDraft:
    """A paragraph (``parts``: its lines) or a list (``items``: lines of each item)."""

    kind: str  # "para" or "list"
    line: int
    parts: list[str] = field(default_factory=list)
    items: list[list[str]] = field(default_factory=list)
    item_lines: list[int] = field(default_factory=list)
    levels: list[int] = field(default_factory=list)
    signatures: dict[tuple[float, str], int] = field(default_factory=dict)

    def text(self) -> str:
        return join_lines(self.parts)


@dataclass
class SectionDraft:
    heading: str
    line: int
    blocks: list[BlockDraft] = field(default_factory=list)


@dataclass
class Structure:
    """What the builder found: preamble lines, sections, references, drops."""

    preamble: list[SourceLine] = field(default_factory=list)
    sections: list[SectionDraft] = field(default_factory=list)
    references: dict[str, tuple[str, int]] = field(default_factory=dict)
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)


class Builder:
    """Feeds classified lines into sections; see :func:`build_structure`."""

    def __init__(self, lines: list[SourceLine], layout: Layout, titles: tuple[str, ...],
                 footnotes: tuple[str, ...] = ()) -> None:
        self.lines = lines
        self.footnotes = footnotes
        self.layout = layout
        self.titles = titles
        self.out = Structure()
        self.block: BlockDraft | None = None
        self.list_gap = False  # a blank line since the last list item
        self.furniture_since_text = False
        self.ended_at: SourceLine | None = None  # a web-page panel after the overview

    def warn(self, line: SourceLine, message: str) -> None:
        self.out.warnings.append(ImportWarning(line.number, message, where(line)))

    def drop(self, line: SourceLine, reason: str) -> None:
        if line.text:
            self.out.dropped.append(Dropped(line.number, line.text, reason, where(line)))

    def run(self) -> Structure:
        i = 0
        while i < len(self.lines):
            line = self.lines[i]
            if self.ended_at is not None:
                for token in references(line.text) if line.kind == "reference" else ():
                    self.note_reference(token, line)  # the page's product number
                self.drop(line, f"the rest of the web page, after the overview (from "
                                f"{quote(self.ended_at.text)} at {where(self.ended_at)})")
                i += 1
                continue
            if line.kind == "rule":
                i = self.page_break(i)
                continue
            self.feed(line)
            i += 1
        self.close_block()
        return self.out

    def page_break(self, start: int) -> int:
        """A ``---`` rule: on EMA PDFs it ends a page; the contact block follows.

        Everything up to the last recognised furniture line before the next
        heading is page furniture; unrecognised text in that stretch is left
        out with a warning (it sits inside the agency's footer).  Text after
        it is the next page and continues the section.
        """
        end = start + 1
        while end < len(self.lines) and self.lines[end].kind != "heading":
            end += 1
        region = self.lines[start + 1:end]
        last_furniture = -1
        for k, line in enumerate(region):
            if line.kind in ("furniture", "reference"):
                last_furniture = k
            elif line.kind in ("text", "item") and _is_prose(line.text):
                break  # running text: the page's own words, never furniture
        self.close_paragraph()
        for k, line in enumerate(region):
            if k <= last_furniture and line.kind in ("text", "item", "heading"):
                self.warn(line, f"left out {quote(line.text)}: it sits in the page footer "
                                f"after the '---' at line {self.lines[start].number}; check "
                                "it is not the agency's text")
                self.drop(line, "it sits in the page footer after a '---' page break")
                continue
            self.feed(line)
        return end

    def feed(self, line: SourceLine) -> None:
        kind = line.kind
        if kind in ("blank", "rule"):
            self.close_paragraph()
            if self.block and self.block.kind == "list":
                self.list_gap = True
            if not self.out.sections and kind == "blank":
                self.out.preamble.append(line)
            return
        if kind == "skip":
            return
        if kind in ("furniture", "reference"):
            for token in line.tokens:
                self.note_reference(token, line)
            if kind == "furniture":
                self.drop(line, line.reason)
            elif PAGE_TOKEN.search(line.text):
                self.drop(line, PAGE)
            else:
                self.drop(line, REFERENCE)
            self.furniture_since_text = True
            return
        if self.out.sections and kind in ("text", "heading") and self.is_running_title(line.text):
            self.drop(line, "the running title at the top of a page")
            self.furniture_since_text = True
            return
        if self.out.sections and kind in ("text", "heading") and is_page_end_panel(line.text):
            self.ended_at = line
            self.drop(line, "a panel of the web page after the overview")
            return
        if self.out.sections and kind == "text" and any(
                line.text.startswith(f"{mark} ") for mark in self.footnotes):
            self.drop(line, "the footnote to the medicine's name")
            return
        if line.small and self.out.sections:
            self.drop(line, "small print at the foot of the page (a footnote or footer)")
            return
        if kind == "heading" and (self.out.sections or is_question(line.text)
                                  or is_named_heading(line.text, ())):
            self.heading(line)
            return
        if not self.out.sections:
            self.out.preamble.append(line)
            return
        if kind == "item":
            self.item(line)
        else:
            self.text(line)

    def is_running_title(self, text: str) -> bool:
        rest = REFERENCE_LINE_TOKENS.sub("", text).strip(" ,;|•–-")
        return bool(rest) and rest in self.titles

    def heading(self, line: SourceLine) -> None:
        self.close_block()
        self.out.sections.append(SectionDraft(line.text, line.number))
        self.furniture_since_text = False

    def close_paragraph(self) -> None:
        if self.block and self.block.kind == "para":
            self.block = None

    def close_block(self) -> None:
        self.block = None
        self.list_gap = False

    def item(self, line: SourceLine) -> None:
        block = self.block
        if (not line.strong and block is not None and block.kind == "para"
                and not block.parts[-1].endswith(":")):
            # "- " or "2. " at the start of a wrapped line inside a paragraph
            self.text(SourceLine(line.number, "text", line.raw.strip(), raw=line.raw,
                                 page=line.page))
            return
        if block is None or block.kind != "list":
            block = BlockDraft("list", line.number)
            self.out.sections[-1].blocks.append(block)
            self.block = block
        block.items.append([line.text])
        block.item_lines.append(line.number)
        block.levels.append(self.item_level(block, line))
        self.list_gap = False
        self.furniture_since_text = False

    @staticmethod
    def item_level(block: BlockDraft, line: SourceLine) -> int:
        """The depth of an item: each new (indentation, marker) opens a sub-list.

        Text copied out of a PDF often loses the indentation but keeps the
        marker ("•" for items, "o" or "–" for sub-items), as word processors
        write nested lists; a marker seen before returns to its level.
        """
        signature = (round(line.indent / 2) * 2, "#" if line.marker[:1].isdigit() else line.marker)
        known = block.signatures.get(signature)
        if known is not None:
            for key in [k for k, v in block.signatures.items() if v > known]:
                del block.signatures[key]
            return known
        if not block.levels:
            block.signatures[signature] = 0
            return 0
        previous = block.levels[-1]
        deeper_than = [v for (indent, _m), v in block.signatures.items() if indent < signature[0]]
        if not deeper_than and not re.search(r"[^.;,!?]$", block.items[-1][-1]):
            # Another marker at the same place after a finished item ("headaches;"):
            # a sibling written differently, not a sub-list.
            block.signatures[signature] = previous
            return previous
        level = previous + 1 if not deeper_than else max(deeper_than) + 1
        level = min(level, previous + 1)
        block.signatures[signature] = level
        return level

    def text(self, line: SourceLine) -> None:
        block = self.block
        if block is not None and block.kind == "list":
            if not self.list_gap and self.continues_item(block.items[-1][-1], line):
                block.items[-1].append(line.text)  # a wrapped list item
                return
            self.close_block()
            block = None
        if block is not None and self.layout.compact and \
                self.ends_paragraph(block.parts[-1], line.text):
            block = None
        if line.page and line.gap_before:
            block = None
        if block is None:
            blocks = self.out.sections[-1].blocks
            last = blocks[-1] if blocks else None
            if (self.furniture_since_text and last is not None and last.kind == "para"
                    and not SENTENCE_END.search(last.parts[-1])
                    and re.match(r"[^\W\d_]", line.text) and line.text[:1].islower()):
                block = last  # a paragraph that a page break cut in two
            else:
                block = BlockDraft("para", line.number)
                blocks.append(block)
            self.block = block
        block.parts.append(line.text)
        self.furniture_since_text = False

    def continues_item(self, previous: str, line: SourceLine) -> bool:
        if line.page:
            return not line.gap_before
        if not self.layout.compact:
            return True
        return not re.search(r"[.;:!?]$", previous) or line.text[:1].islower()

    def ends_paragraph(self, previous: str, following: str) -> bool:
        """Hard-wrapped text: a sentence that ends well short of the width ends its
        paragraph, unless the next line runs on in lower case (a web address)."""
        if self.layout.one_per_line:
            return True
        return bool(SENTENCE_END.search(previous)) and \
            len(previous) < 0.75 * self.layout.width and not following[:1].islower()

    def note_reference(self, token: str, line: SourceLine) -> None:
        kind = "product_number" if "/H/C/" in token else "ema_reference"
        known = self.out.references.get(kind)
        if known is None:
            self.out.references[kind] = (token, line.number)
        elif known[0] != token:
            self.warn(line, f"{token} differs from {known[0]} (line {known[1]}); kept {known[0]}")


def _is_prose(text: str) -> bool:
    """A sentence of running text, unlike an address or contact line."""
    return len(text) > 120 or (len(text.split()) >= 8 and text.rstrip().endswith((".", ":")))


def build_section(lines: list[SourceLine], layout: Layout, heading: str) -> SectionDraft:
    """``lines`` (from the preamble) as the text of one section under ``heading``."""
    builder = Builder(lines, layout, ())
    builder.out.sections.append(SectionDraft(heading, lines[0].number if lines else 0))
    return builder.run().sections[0]


def build_structure(lines: list[SourceLine], layout: Layout, names: tuple[str, ...] = (),
                    titles: tuple[str, ...] = (), footnotes: tuple[str, ...] = ()) -> Structure:
    """Promote plain headings, then build sections from ``lines`` (changed in place).

    ``names`` are the medicine's name as far as known (for the "Other
    information about X" heading), ``titles`` the title lines that repeat
    at the top of pages, ``footnotes`` the footnote marks of the name ("1").
    """
    promote_headings(lines, layout, names, titles)
    return Builder(lines, layout, titles, footnotes).run()
