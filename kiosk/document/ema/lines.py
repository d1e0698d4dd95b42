"""Lines of an EMA overview as the importer sees them, from text or Markdown.

Every input (a Markdown conversion, text copied out of a PDF or off the web
page, or a PDF read by :mod:`kiosk.document.ema.pdf`) becomes a list of
:class:`SourceLine`: one per line, with what kind of line it is (blank,
heading made by markup, list item, text, furniture ...).  Deciding what a
*plain* line is (a question heading, a wrapped line, a new paragraph)
needs the whole text and is done by :mod:`kiosk.document.ema.structure`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.document.ema.furniture import furniture_reason, is_reference_line, references
from kiosk.document.ema.inline import heading_text, inline_text
from kiosk.document.sanitize import clean_text

__all__ = ["SourceLine", "item_marker", "read_text_lines", "where"]


@dataclass
class SourceLine:
    """One line of the input and what it is.

    ``kind`` is one of: ``blank``, ``rule`` (a Markdown ``---``, which in a
    PDF conversion marks a page end), ``heading`` (made by markup or a bold
    font), ``item`` (a list item), ``text``, ``furniture``, ``reference``
    (only references and page numbers), ``skip`` (markup with no text).
    """

    number: int  # 1-based: the line of a text file, or the n-th line of a PDF
    kind: str
    text: str = ""  # the line's text, markup removed
    raw: str = ""
    strong: bool = False  # an item whose marker cannot be ordinary text ("•")
    marker: str = ""  # an item's marker ("•", "-", "o", "1.")
    indent: float = 0  # where the item's marker stands (spaces, or points in a PDF)
    reason: str = ""  # why a furniture line is furniture
    tokens: tuple[str, ...] = ()  # references found on the line
    page: int = 0  # the PDF page (0 for text input)
    small: bool = False  # PDF: printed smaller than the body text
    gap_before: bool = False  # PDF: a paragraph's space above the line


def where(line: SourceLine) -> str:
    """The place of ``line`` in words staff can find: "line 12" or "page 2"."""
    if line.page:
        return f"page {line.page}"
    return f"line {line.number}"


_ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<text>(?:(?!\1).)+?)\1\s*$")
_BOLD_QUESTION_THEN_TEXT = re.compile(r"^\s*\*\*(?P<heading>[^*]+[?;])\s*\*\*\s+(?P<rest>\S.*)$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
# Bullets a PDF gives: symbol-font bullets arrive as private-use characters.
STRONG_BULLETS = "•▪●◦■□‣⁃○➢►▶✓\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8§"
_STRONG_BULLET = re.compile(rf"^(\s*)([{STRONG_BULLETS}])\s*(?=\S)")
_WEAK_BULLET = re.compile(r"^(\s*)([-*+–—o]|\d{1,2}[.)]|[a-z][.)])\s+(?=\S)")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_HTML_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u00ad\u200b\u2060"), None)
_SUBTITLE_START = re.compile(r"^An overview of\b", re.IGNORECASE)


def item_marker(line: str) -> tuple[str, str, int, bool] | None:
    """(marker, item text, indentation, strong) of a list item line, else ``None``.

    A strong marker ("•") is never ordinary text; a weak one ("-", "o",
    "2.") may also start a wrapped line of a paragraph.
    """
    strong = _STRONG_BULLET.match(line)
    weak = None if strong else _WEAK_BULLET.match(line)
    found = strong or weak
    if not found:
        return None
    marker = found.group(2)
    text = line[found.end():]
    if weak and marker[0].isdigit():
        text = f"{marker} {text}"  # keep the number: the order may matter
    return marker, text, len(found.group(1).expandtabs(4)), bool(strong)


def prepare(text: str) -> list[str]:
    """The input's lines: invisible characters and control sequences removed."""
    text = text.translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return clean_text(text).split("\n")


def classify_plain(number: int, plain: str, raw: str) -> SourceLine | None:
    """Furniture and reference-only lines, which look the same in every input."""
    reason = furniture_reason(plain)
    if reason:
        return SourceLine(number, "furniture", plain, raw=raw, reason=reason,
                          tokens=tuple(references(plain)))
    if is_reference_line(plain):
        return SourceLine(number, "reference", plain, raw=raw, tokens=tuple(references(plain)))
    return None


def read_text_lines(raw_lines: list[str]) -> list[SourceLine]:
    """Classify the lines of a text or Markdown overview."""
    out: list[SourceLine] = []
    for number, raw in enumerate(raw_lines, start=1):
        line = raw.rstrip()
        if line.endswith("\\") and not line.endswith("\\\\"):
            line = line[:-1].rstrip()  # Markdown hard line break
        if not line.strip():
            out.append(SourceLine(number, "blank", raw=raw))
            continue
        if _HTML_COMMENT.match(line) or _LINK_DEFINITION.match(line):
            out.append(SourceLine(number, "skip", raw=raw, reason="markup"))
            continue
        if _RULE.match(line):
            out.append(SourceLine(number, "rule", raw=raw))
            continue
        plain = inline_text(re.sub(r"^\s*#{1,6}\s+", "", line))
        known = classify_plain(number, plain, raw)
        if known:
            out.append(known)
            continue
        atx = _ATX_HEADING.match(line)
        if atx:
            text = heading_text(atx.group(2) or "")
            out.append(SourceLine(number, "heading", text, raw=raw) if text
                       else SourceLine(number, "blank", raw=raw))
            continue
        bold_question = _BOLD_QUESTION_THEN_TEXT.match(line)
        if bold_question:
            out.append(SourceLine(number, "heading", heading_text(bold_question["heading"]),
                                  raw=raw))
            out.append(SourceLine(number, "text", inline_text(bold_question["rest"]), raw=raw))
            continue
        bold = _BOLD_LINE.match(line)
        if bold and not _SUBTITLE_START.match(heading_text(bold["text"])):
            out.append(SourceLine(number, "heading", heading_text(bold["text"]), raw=raw))
            continue
        marker = item_marker(line)
        if marker:
            symbol, item, indent, strong = marker
            item = inline_text(item)
            out.append(SourceLine(number, "item", item, raw=raw, strong=strong, marker=symbol,
                                  indent=indent) if item
                       else SourceLine(number, "skip", raw=raw, reason="markup"))
            continue
        # A line of markup only (an image, "**") has no text to show.
        out.append(SourceLine(number, "text", plain, raw=raw) if plain
                   else SourceLine(number, "skip", raw=raw, reason="markup"))
    return out
