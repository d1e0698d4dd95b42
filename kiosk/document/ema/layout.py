"""How the body text of an overview is laid out, and which plain lines are headings.

Three layouts of body text are told apart by the text itself:

* blocks separated by blank lines (Markdown, most conversions): the lines
  of a block are one paragraph;
* one line per paragraph, no blank lines (text copied from a web page or
  out of a PDF viewer that keeps paragraphs): every line is a paragraph;
* hard-wrapped lines, no blank lines (text copied out of a PDF line by
  line): a line that ends a sentence well short of the text's width ends
  its paragraph.

A PDF read by :mod:`kiosk.document.ema.pdf` says where paragraphs start
(the space above a line), so none of this guessing applies to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.document.ema.headings import is_named_heading, is_question, starts_like_heading
from kiosk.document.ema.lines import SourceLine

__all__ = ["SENTENCE_END", "Layout", "detect_layout", "promote_headings"]

MAX_PDF_LINE = 130  # characters: an A4 line of 10 pt text holds about 95-110
SENTENCE_END = re.compile(r"[.?!:;)\"”’»]$")


@dataclass(frozen=True)
class Layout:
    """How the body text is laid out (see the module docstring)."""

    compact: bool = False  # no blank lines between paragraphs
    one_per_line: bool = False  # compact, one line per paragraph
    width: int = 0  # compact and hard-wrapped: the usual length of a full line


def detect_layout(lines: list[SourceLine]) -> Layout:
    """Tell the three layouts apart from the lines' lengths and endings."""
    body = [line for line in lines if line.kind in ("text", "item")]
    if any(line.page for line in lines):
        return Layout()  # a PDF: paragraphs come from the spacing, as blank lines
    blanks = sum(1 for line in lines if line.kind == "blank")
    if len(body) < 6 or blanks >= len(body) * 0.25:
        return Layout()
    texts = [line.text for line in body if line.kind == "text"]
    ended = sum(1 for t in texts if SENTENCE_END.search(t) or is_question(t))
    lengths = sorted(len(t) for t in texts)
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    # A line of a PDF page holds at most about 110 characters: longer lines are
    # whole paragraphs (a web copy), whatever their endings.
    if texts and (ended >= 0.8 * len(texts) or width > MAX_PDF_LINE):
        return Layout(compact=True, one_per_line=True)
    return Layout(compact=True, width=width)


def promote_headings(lines: list[SourceLine], layout: Layout, names: tuple[str, ...],
                     titles: tuple[str, ...]) -> None:
    """Mark plain lines that are headings by their form (see :mod:`.headings`)."""

    def gap(i: int) -> bool:
        if i < 0 or i >= len(lines):
            return True
        line = lines[i]
        if line.kind in ("blank", "rule", "heading"):
            return True
        if layout.compact and line.kind in ("text", "item", "furniture", "reference"):
            # A line ends a paragraph when it ends a sentence, or stops well short
            # of the text's width (a title, a subtitle: never a wrapped line).
            return line.kind != "text" or layout.one_per_line \
                or bool(SENTENCE_END.search(line.text)) or is_question(line.text) \
                or len(line.text) < 0.7 * layout.width
        return line.kind in ("furniture", "reference") or bool(line.gap_before and i > 0)

    def next_gap(i: int) -> bool:
        if i >= len(lines):
            return True
        line = lines[i]
        if line.kind in ("blank", "rule", "heading", "furniture", "reference"):
            return True
        if line.page and line.gap_before:
            return True
        return layout.compact and starts_like_heading(line.text)

    def after_text(i: int) -> bool:
        """A section is never empty: a heading follows text, not another heading."""
        k = i - 1
        while k >= 0 and lines[k].kind in ("blank", "furniture", "reference", "skip"):
            k -= 1
        return k >= 0 and lines[k].kind != "heading"

    def full_width(text: str) -> bool:
        return bool(layout.width) and len(text) >= 0.7 * layout.width

    def question_start(i: int) -> bool:
        """In text without blank lines a question may follow any line that does not
        run on into it (a wrapped line ends with a comma, a hyphen, a bracket)."""
        if gap(i - 1):
            return True
        return layout.compact and not re.search(r"[,\-–(/]$", lines[i - 1].text)

    def opens_block(i: int) -> bool:
        """Blocks separated by blank lines, a heading typed or copied straight
        above its paragraph ("How is X used?", then the text, a blank line
        between sections): the block's first line, with text right under it."""
        return not layout.compact and gap(i - 1) and i + 1 < len(lines) \
            and lines[i + 1].kind in ("text", "item")

    for i, line in enumerate(lines):
        if line.kind != "text" or line.text in titles or line.text in names:
            continue
        if is_question(line.text) and question_start(i) and (next_gap(i + 1) or opens_block(i)):
            line.kind = "heading"
            continue
        named = is_named_heading(line.text, names) and after_text(i) \
            and not full_width(line.text)
        if named and opens_block(i) and line.text.rstrip().endswith(names) \
                and len(line.text) <= 60:
            line.kind = "heading"  # "Other information about X" right above its text
            continue
        if not (gap(i - 1) and next_gap(i + 1)):
            continue
        if is_question(line.text) or named:
            line.kind = "heading"
    # A heading wrapped over two lines: "What measures are being taken to
    # ensure the safe" / "and effective use of X?".
    for i, line in enumerate(lines[:-1]):
        following = lines[i + 1]
        if (line.kind in ("heading", "text") and not line.text.endswith(("?", ";"))
                and following.kind in ("text", "heading") and is_question(
                    f"{line.text} {following.text}") and len(following.text) <= 80
                and following.text[:1].islower() and gap(i - 1) and next_gap(i + 2)):
            line.kind = "heading"
            line.text = f"{line.text} {following.text}"
            following.kind = "skip"
