"""Turn the text of an EMA "medicine overview" into a kiosk document.

The European Medicines Agency publishes, for every authorised medicine, a
short overview in plain language ("What is X and what is it used for?",
"How is X used?", ...).  Staff get it as a PDF converted to text or
Markdown, and those conversions vary: headings as ``###``, ``##``,
``## **...**`` or bold-only lines, bullets as ``-``, ``•``, ``*``, ``▪``
or numbers, and the letterhead, the agency's contact block and page
numbers repeated wherever a page ended.

The importer keeps the agency's wording exactly: it only removes page
furniture, joins lines that the PDF wrapped, and replaces Markdown links
and emphasis by their text.  Whatever it cannot place is not guessed at
but reported as an :class:`ImportWarning` with its line number, so the
person importing can look at that line.  ``kiosk import FILE`` runs
:func:`run_import_command`, which writes the result in the kiosk's own
format (:mod:`kiosk.document.source_format`) and checks that it reads back
identically.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from kiosk.document.model import (
    Block,
    BulletList,
    Document,
    DocumentFacts,
    Paragraph,
    Section,
    YearMonth,
)
from kiosk.document.sanitize import clean_text
from kiosk.document.source_format import (
    FILE_NAME,
    DocumentFormatError,
    dump_document,
    load_document,
    parse_document,
)

__all__ = [
    "ImportResult",
    "ImportWarning",
    "OverviewImportError",
    "import_ema_overview",
    "run_import_command",
    "slug_for",
]


# --------------------------------------------------------------------------
# Results and errors


@dataclass(frozen=True)
class ImportWarning:
    """Something in the input that was not recognised, at ``line`` (1-based)."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class ImportResult:
    """The imported document and everything the importer could not place."""

    document: Document
    warnings: list[ImportWarning] = field(default_factory=list)


class OverviewImportError(Exception):
    """The input cannot be turned into a document at all (e.g. no sections)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


# --------------------------------------------------------------------------
# Patterns

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_EMA_REFERENCE = re.compile(r"\bEMA/(?!H/C/)(?:[A-Z]+/)*\d{3,7}/(?:19|20)\d{2}\b")
_PRODUCT_NUMBER = re.compile(r"\bEME?A/H/C/\d{3,7}\b")
_PAGE_TOKEN = re.compile(r"\b[Pp]age\s+\d{1,3}\s*(?:/|of)\s*\d{1,3}\b|\b\d{1,3}\s*/\s*\d{1,3}\b")
_REFERENCE_LINE_TOKENS = re.compile(
    _EMA_REFERENCE.pattern + "|" + _PRODUCT_NUMBER.pattern + "|" + _PAGE_TOKEN.pattern
)

_ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<text>(?:(?!\1).)+?)\1\s*$")
_BOLD_QUESTION_THEN_TEXT = re.compile(r"^\s*\*\*(?P<heading>[^*]+\?)\s*\*\*\s+(?P<rest>\S.*)$")
_QUESTION_HEADING = re.compile(
    r"^(?:What|How|Why|Which|Who|When|Where|Are|Is|Does|Do|Can|Should)\b.{3,200}\?$"
)
_OTHER_INFORMATION = re.compile(r"^Other information about\b.{1,120}$", re.IGNORECASE)
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_STRONG_BULLET = re.compile(r"^\s*([•▪●◦■□‣⁃○➢►▶✓])\s*(?=\S)")
_WEAK_BULLET = re.compile(r"^\s*([-*+–—o]|\d{1,2}[.)]|[a-z][.)])\s+(?=\S)")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_HTML_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
_TITLE = re.compile(r"^(?P<name>[^()]*?\S)\s*\((?P<substance>[^()]+)\)$")
_SUBTITLE = re.compile(r"^An overview of\b", re.IGNORECASE)
_SUBTITLE_NAME = re.compile(r"^An overview of (?P<name>.+?) and why it is authori[sz]ed", re.IGNORECASE)

_AUTHORISATION = re.compile(
    r"marketing\s+authori[sz]ation\s+valid\s+throughout\s+the\s+(?:EU|European\s+Union)"
    r"\s+on\s+(?P<when>\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}|\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{4}"
    r"|\S+(?:\s+\S+){0,2})"
)
_LAST_UPDATED = re.compile(
    r"last\s+updated\s+(?:in|on)\s+(?P<when>\d{1,2}\s*[-/.]\s*\d{4}|\d{4}\s*-\s*\d{1,2}"
    r"|[A-Za-z]+\s+\d{4}|\S+)",
    re.IGNORECASE,
)
_SOURCE_URL = re.compile(
    r"(?:https?://)?(?:www\.)?ema\.europa\.eu/[^\s()\[\]<>\"']*?EPAR/[^\s()\[\]<>\"']+",
    re.IGNORECASE,
)

# Page furniture: letterhead, the agency's contact block, copyright line.
# Matched against a line after links and emphasis are removed.
_FURNITURE = [
    (re.compile(p, re.IGNORECASE), reason)
    for p, reason in (
        (r"^EUROPEAN MEDICINES AGENCY\.?$", "letterhead"),
        (r"^SCIENCE\s+MEDICINES\s+HEALTH$", "letterhead"),
        (r"^EUROPEAN MEDICINES AGENCY\s+SCIENCE\s+MEDICINES\s+HEALTH$", "letterhead"),
        (r"^Official address\b", "agency address"),
        (r"Domenico Scarlattilaan", "agency address"),
        (r"^\d{4}\s?[A-Z]{2}\s+Amsterdam\b", "agency address"),
        (r"^(?:The Netherlands|United Kingdom)$", "agency address"),
        (r"^Address for visits and deliveries\b", "agency address"),
        (r"^Refer to (?:https?://)?www\.ema\.europa\.eu/how-to-find-us", "agency address"),
        (r"^Send us a question\b", "agency contact"),
        (r"^Go to (?:https?://)?www\.ema\.europa\.eu/contact", "agency contact"),
        (r"^Telephone\s*[:]?\s*\+", "agency contact"),
        (r"^(?:Facsimile|Fax)\s*[:]?\s*\+", "agency contact"),
        (r"^E-?mail\s*[:]?\s*info@ema\.europa\.eu", "agency contact"),
        (r"^Website\s*[:]?\s*(?:https?://)?www\.ema\.europa\.eu/?$", "agency contact"),
        (r"^30 Churchill Place\b", "agency address"),
        (r"^Canary Wharf\b", "agency address"),
        (r"^London E14\b", "agency address"),
        (r"^An agency of the European Union\.?$", "agency footer"),
        (r"^©\s*European Medicines Agency\b", "copyright notice"),
        (r"^\(?c\)?\s*European Medicines Agency,\s*\d{4}", "copyright notice"),
        (r"^Reproduction is authori[sz]ed provided the source is acknowledged\.?$",
         "copyright notice"),
        (r"^Medicine overview$", "letterhead"),
    )
]


# --------------------------------------------------------------------------
# Inline normalisation

_ESCAPABLE = "\\`*_{}[]()#+-.!|<>~"
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(
    r"\[(?P<text>[^\]]*)\]\(\s*<?(?P<url>(?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_REF_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:mailto:)?(?P<url>(?:https?://|www\.)[^<>\s]+|[^<>\s@]+@[^<>\s]+)>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_ITALIC_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_CODE = re.compile(r"`([^`]+)`")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|nbsp|#\d{1,6}|#x[0-9a-fA-F]{1,6});")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": "\u00a0"}
_PROTECT_BASE = 0xE000  # private-use code points stand in for escaped characters


def _entity(match: re.Match) -> str:
    name = match.group(1)
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _ENTITIES[name]


def inline_text(text: str) -> str:
    """Markdown inline markup to plain text: links to their text, no emphasis.

    Backslash escapes (``\\*``) give the literal character.  Runs of spaces
    become one space; nothing else is changed.
    """
    text = _ESCAPE.sub(lambda m: chr(_PROTECT_BASE + _ESCAPABLE.index(m.group(1))), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group("text").strip() or m.group("url"), text)
    text = _REF_LINK.sub(lambda m: m.group("text"), text)
    text = _AUTOLINK.sub(lambda m: m.group("url"), text)
    text = _BR.sub(" ", text)
    text = _CODE.sub(lambda m: m.group(1), text)
    for _ in range(2):  # nested ***bold italic***
        text = _BOLD.sub(lambda m: m.group(2), text)
        text = _ITALIC_STAR.sub(lambda m: m.group(1), text)
        text = _ITALIC_UNDERSCORE.sub(lambda m: m.group(1), text)
    text = _ENTITY.sub(_entity, text)
    text = "".join(
        _ESCAPABLE[ord(ch) - _PROTECT_BASE]
        if _PROTECT_BASE <= ord(ch) < _PROTECT_BASE + len(_ESCAPABLE)
        else ch
        for ch in text
    )
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _heading_text(text: str) -> str:
    text = inline_text(text)
    # Left-overs of unbalanced emphasis around a whole heading ("**What is X?").
    return text.strip("*_ ").strip()


def _furniture(plain: str) -> str | None:
    for pattern, reason in _FURNITURE:
        if pattern.search(plain):
            return reason
    return None


def slug_for(name: str) -> str:
    """A folder name for ``name``: lowercase ASCII letters, digits and hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


# --------------------------------------------------------------------------
# Reading lines


@dataclass
class _Line:
    number: int
    kind: str  # blank, rule, heading, furniture, reference, item, text, skip
    text: str = ""  # heading, item or text content (inline-normalised)
    raw: str = ""
    strong: bool = False  # an item whose marker cannot be ordinary text
    reason: str = ""
    tokens: tuple[str, ...] = ()


_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u00ad\u200b\u2060"), None)


def _prepare(text: str) -> list[str]:
    text = text.translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return clean_text(text).split("\n")


def _classify(raw_lines: list[str]) -> list[_Line]:
    out: list[_Line] = []
    for number, raw in enumerate(raw_lines, start=1):
        line = raw.rstrip()
        if line.endswith("\\") and not line.endswith("\\\\"):
            line = line[:-1].rstrip()  # Markdown hard line break
        if not line.strip():
            out.append(_Line(number, "blank", raw=raw))
            continue
        if _HTML_COMMENT.match(line) or _LINK_DEFINITION.match(line):
            out.append(_Line(number, "skip", raw=raw, reason="markup"))
            continue
        if _RULE.match(line):
            out.append(_Line(number, "rule", raw=raw))
            continue
        plain = inline_text(re.sub(r"^\s*#{1,6}\s+", "", line))
        reason = _furniture(plain)
        if reason:
            out.append(_Line(number, "furniture", plain, raw=raw, reason=reason,
                             tokens=tuple(_references(plain))))
            continue
        if plain and not _REFERENCE_LINE_TOKENS.sub("", plain).strip(" ,;|•–-"):
            out.append(_Line(number, "reference", plain, raw=raw,
                             tokens=tuple(_references(plain))))
            continue
        atx = _ATX_HEADING.match(line)
        if atx:
            text = _heading_text(atx.group(2) or "")
            out.append(_Line(number, "heading", text, raw=raw) if text
                       else _Line(number, "blank", raw=raw))
            continue
        bold_question = _BOLD_QUESTION_THEN_TEXT.match(line)
        if bold_question:
            out.append(_Line(number, "heading", _heading_text(bold_question["heading"]), raw=raw))
            out.append(_Line(number, "text", inline_text(bold_question["rest"]), raw=raw))
            continue
        bold = _BOLD_LINE.match(line)
        if bold and not _SUBTITLE.match(_heading_text(bold["text"])):
            out.append(_Line(number, "heading", _heading_text(bold["text"]), raw=raw))
            continue
        strong = _STRONG_BULLET.match(line)
        weak = None if strong else _WEAK_BULLET.match(line)
        marker = strong or weak
        if marker:
            item = line[marker.end():]
            if weak and re.match(r"\d", marker.group(1)):
                item = f"{marker.group(1)} {item}"  # keep the number: the order may matter
            item = inline_text(item)
            out.append(_Line(number, "item", item, raw=raw, strong=bool(strong)) if item
                       else _Line(number, "skip", raw=raw, reason="markup"))
            continue
        # A line of markup only (an image, "**") has no text to show.
        out.append(_Line(number, "text", plain, raw=raw) if plain
                   else _Line(number, "skip", raw=raw, reason="markup"))
    _promote_plain_headings(out)
    return out


def _promote_plain_headings(lines: list[_Line]) -> None:
    """Headings without markup (plain PDF text) and headings wrapped over two lines."""

    def is_gap(i: int) -> bool:
        return i < 0 or i >= len(lines) or lines[i].kind in ("blank", "rule", "heading")

    for i, line in enumerate(lines):
        if (
            line.kind == "text"
            and is_gap(i - 1)
            and is_gap(i + 1)
            and (_QUESTION_HEADING.match(line.text) or _OTHER_INFORMATION.match(line.text))
        ):
            line.kind = "heading"
        elif (
            line.kind == "heading"
            and not line.text.endswith("?")
            and i + 1 < len(lines)
            and lines[i + 1].kind == "text"
            and lines[i + 1].text.endswith("?")
            and len(lines[i + 1].text) <= 80
            and is_gap(i + 2)
        ):
            line.text = f"{line.text} {lines[i + 1].text}"
            lines[i + 1].kind = "skip"


def _references(text: str) -> list[str]:
    return _EMA_REFERENCE.findall(text) + _PRODUCT_NUMBER.findall(text)


# --------------------------------------------------------------------------
# Building the document


@dataclass
class _BlockDraft:
    kind: str  # "para" or "list"
    line: int
    parts: list[str] = field(default_factory=list)  # paragraph lines
    items: list[list[str]] = field(default_factory=list)  # list items, each a list of lines
    item_lines: list[int] = field(default_factory=list)

    def text(self) -> str:
        return _join_lines(self.parts)


@dataclass
class _SectionDraft:
    heading: str
    line: int
    blocks: list[_BlockDraft] = field(default_factory=list)


def _join_lines(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if not out:
            out = part
        elif re.search(r"[A-Za-z0-9]-$", out) and re.match(r"[a-z0-9]", part):
            out += part  # "non-" + "segmental": the hyphen is the word's own
        else:
            out += " " + part
    return out


class _Builder:
    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.warnings: list[ImportWarning] = []
        self.title: str | None = None
        self.title_line = 0
        self.subtitle: str | None = None
        self.subtitle_line = 0
        self.references: dict[str, tuple[str, int]] = {}
        self.sections: list[_SectionDraft] = []
        self.preamble: list[_Line] = []
        self.block: _BlockDraft | None = None  # open paragraph or list
        self.list_gap = False  # a blank line since the last list item
        self.furniture_since_text = False

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ImportWarning(line, message))

    # -- driving

    def run(self) -> None:
        lines = self.lines
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.kind == "rule":
                i = self._page_break(i)
                continue
            self.feed(line)
            i += 1
        self.end_preamble_paragraph()
        self.close_block()

    def _page_break(self, start: int) -> int:
        """A ``---`` rule: on EMA PDFs it ends a page; the contact block follows.

        Everything up to the last recognised furniture line before the next
        heading is page furniture; unrecognised text in that stretch is left
        out with a warning (it sits inside the agency's footer).  Text after
        it is the next page and continues the section.
        """
        end = start + 1
        while end < len(self.lines) and self.lines[end].kind != "heading":
            end += 1
        region = self.lines[start + 1 : end]
        last_furniture = -1
        for k, line in enumerate(region):
            if line.kind in ("furniture", "reference"):
                last_furniture = k
            elif line.kind in ("text", "item") and _is_prose(line.text):
                break  # running text: the page's own words, never furniture
        self.end_preamble_paragraph()
        self.close_paragraph()
        for k, line in enumerate(region):
            if k <= last_furniture and line.kind in ("text", "item", "heading"):
                self.warn(
                    line.number,
                    f"left out {_quote(line.text)}: it sits in the page footer after the "
                    f"'---' at line {self.lines[start].number}; check it is not the "
                    "agency's text",
                )
                continue
            self.feed(line)
        return end

    def feed(self, line: _Line) -> None:
        kind = line.kind
        if kind in ("blank", "rule"):  # a rule inside a page break ends a paragraph
            self.end_preamble_paragraph()
            self.close_paragraph()
            if self.block and self.block.kind == "list":
                self.list_gap = True
            return
        if kind == "skip":
            return
        if kind in ("furniture", "reference"):
            for token in line.tokens:
                self.note_reference(token, line.number)
            self.furniture_since_text = True
            return
        if kind == "text" and self.title and self.sections and self._is_running_title(line.text):
            self.furniture_since_text = True
            return
        if kind == "heading":
            self.heading(line)
            return
        if not self.sections:
            self.preamble.append(line)
            return
        if kind == "item":
            self.item(line)
        else:
            self.text(line)

    def _is_running_title(self, text: str) -> bool:
        rest = _REFERENCE_LINE_TOKENS.sub("", text).strip(" ,;|•–-")
        return rest == self.title

    # -- preamble

    def end_preamble_paragraph(self) -> None:
        if not self.preamble:
            return
        lines, self.preamble = self.preamble, []
        text = _join_lines([line.text for line in lines])
        first = lines[0].number
        for token in _references(text):
            self.note_reference(token, first)
        if _SUBTITLE.match(text) and self.subtitle is None:
            self.subtitle, self.subtitle_line = text, first
        elif self.title is None and not self.sections and _TITLE.match(text) and len(text) < 150:
            self.title, self.title_line = text, first
        elif _references(text) and not _REFERENCE_LINE_TOKENS.sub("", text).strip(" ,;|"):
            pass
        else:
            self.warn(first, f"text before the first section heading was not imported: "
                             f"{_quote(text)}")

    # -- headings

    def heading(self, line: _Line) -> None:
        self.end_preamble_paragraph()
        text = line.text
        if _SUBTITLE.match(text) and self.subtitle is None and not self.sections:
            self.subtitle, self.subtitle_line = text, line.number
            return
        if (
            self.title is None
            and not self.sections
            and not text.endswith("?")
            and not _OTHER_INFORMATION.match(text)
        ):
            self.title, self.title_line = text, line.number
            return
        if self.title and self._is_running_title(text):
            return
        self.close_block()
        self.sections.append(_SectionDraft(text, line.number))
        self.furniture_since_text = False

    # -- section text

    def close_paragraph(self) -> None:
        if self.block and self.block.kind == "para":
            self.block = None

    def close_block(self) -> None:
        self.block = None
        self.list_gap = False

    def item(self, line: _Line) -> None:
        block = self.block
        if (
            not line.strong
            and block is not None
            and block.kind == "para"
            and not block.parts[-1].endswith(":")
        ):
            # "- " or "2. " at the start of a wrapped line inside a paragraph
            self.text(_Line(line.number, "text", inline_text(line.raw.strip()), raw=line.raw))
            return
        if block is None or block.kind != "list":
            block = _BlockDraft("list", line.number)
            self.sections[-1].blocks.append(block)
            self.block = block
        block.items.append([line.text])
        block.item_lines.append(line.number)
        self.list_gap = False
        self.furniture_since_text = False

    def text(self, line: _Line) -> None:
        block = self.block
        if block is not None and block.kind == "list":
            if not self.list_gap:
                block.items[-1].append(line.text)  # a wrapped list item
                return
            self.close_block()
            block = None
        if block is None:
            blocks = self.sections[-1].blocks
            last = blocks[-1] if blocks else None
            if (
                self.furniture_since_text
                and last is not None
                and last.kind == "para"
                and not re.search(r"[.?!:;)\"”’]$", last.parts[-1])
                and re.match(r"[a-z]", line.text)
            ):
                block = last  # a paragraph that a page break cut in two
            else:
                block = _BlockDraft("para", line.number)
                blocks.append(block)
            self.block = block
        block.parts.append(line.text)
        self.furniture_since_text = False

    # -- facts

    def note_reference(self, token: str, line: int) -> None:
        kind = "product_number" if _PRODUCT_NUMBER.fullmatch(token) else "ema_reference"
        known = self.references.get(kind)
        if known is None:
            self.references[kind] = (token, line)
        elif known[0] != token:
            self.warn(line, f"{token} differs from {known[0]} (line {known[1]}); "
                            f"kept {known[0]}")


def _is_prose(text: str) -> bool:
    """A sentence of running text, unlike an address or contact line."""
    return len(text) > 120 or (len(text.split()) >= 8 and text.rstrip().endswith((".", ":")))


def _quote(text: str, limit: int = 70) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


# --------------------------------------------------------------------------
# Facts from the text


def _parse_day(text: str) -> _dt.date | None:
    text = text.strip().rstrip(".,;")
    m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", text)
    try:
        if m:
            month = _MONTHS.get(m.group(2).lower())
            if month is None:
                return None
            return _dt.date(int(m.group(3)), month, int(m.group(1)))
        m = re.fullmatch(r"(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})", text)
        if m:
            return _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
    return None


def _parse_month(text: str) -> YearMonth | None:
    text = text.strip().rstrip(".,;")
    m = re.fullmatch(r"(\d{1,2})\s*[-/.]\s*(\d{4})", text)
    if m:
        month, year = int(m.group(1)), int(m.group(2))
    else:
        m = re.fullmatch(r"(\d{4})\s*-\s*(\d{1,2})", text)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
        else:
            m = re.fullmatch(r"([A-Za-z]+)\s+(\d{4})", text)
            if not m or m.group(1).lower() not in _MONTHS:
                return None
            month, year = _MONTHS[m.group(1).lower()], int(m.group(2))
    if not 1 <= month <= 12 or year < 1995:
        return None
    return YearMonth(year, month)


def _source_url(lines: list[_Line]) -> tuple[str, int] | None:
    for line in lines:
        if line.kind in ("furniture",):
            continue
        m = _SOURCE_URL.search(line.raw)
        if m:
            url = m.group(0).rstrip(".,;:")
            url = re.sub(r"^(?:https?://)?", "https://", url, flags=re.IGNORECASE)
            return url, line.number
    return None


# --------------------------------------------------------------------------
# The importer


def import_ema_overview(text: str, source_name: str) -> ImportResult:
    """Read the text of an EMA medicine overview into a :class:`Document`.

    ``source_name`` (usually the file name) is used in messages and, when the
    text names no medicine, as the name.  Raises :class:`OverviewImportError`
    when the text has no section at all; everything else that cannot be
    recognised becomes a warning with its line number.
    """
    raw_lines = _prepare(text)
    if not any(line.strip() for line in raw_lines):
        raise OverviewImportError(f"{source_name} is empty")
    first = next(i for i, line in enumerate(raw_lines) if line.strip())
    if raw_lines[first].strip() == "+++":
        raise OverviewImportError(
            "this is already a kiosk content file (it starts with '+++'), not an EMA "
            f"overview; copy it to <content>/<name>/{FILE_NAME} instead",
            first + 1,
        )
    lines = _classify(raw_lines)
    builder = _Builder(lines)
    builder.run()
    last_line = len(raw_lines)

    if not builder.sections:
        raise OverviewImportError(
            f"no sections found in {source_name}: expected question headings such as "
            "'### What is X and what is it used for?', '## **How is X used?**' or a "
            "line '**How does X work?**'"
        )

    warnings = builder.warnings
    sections: list[Section] = []
    block_lines: list[tuple[str, int]] = []  # (text, first line) for fact searches
    for draft in builder.sections:
        blocks: list[Block] = []
        for block in draft.blocks:
            if block.kind == "para":
                text_ = block.text()
                blocks.append(Paragraph(text_))
                block_lines.append((text_, block.line))
            else:
                items = tuple(_join_lines(parts) for parts in block.items)
                blocks.append(BulletList(items))
                block_lines.extend(zip(items, block.item_lines))
        if not blocks:
            warnings.append(ImportWarning(
                draft.line, f"section {_quote(draft.heading)} has no text; it was left out"))
            continue
        sections.append(Section(draft.heading, tuple(blocks)))
    if not sections:
        raise OverviewImportError(
            f"no section of {source_name} has any text (headings at lines "
            f"{', '.join(str(d.line) for d in builder.sections)})"
        )

    # Name and active substance
    name, substance = "", ""
    title_line = builder.title_line or 1
    if builder.title:
        m = _TITLE.match(builder.title)
        if m:
            name, substance = m["name"].strip(), m["substance"].strip()
        else:
            name = builder.title
            warnings.append(ImportWarning(
                title_line,
                f"the title {_quote(builder.title)} names no active substance "
                "(expected 'Name (substance)')",
            ))
    else:
        guess = _SUBTITLE_NAME.match(builder.subtitle or "")
        if guess:
            name = guess["name"]
            where = builder.subtitle_line
        else:
            name = Path(source_name).stem
            where = 1
        warnings.append(ImportWarning(
            where,
            f"no title 'Name (active substance)' found; the medicine is called {name!r} "
            "and has no active substance",
        ))
    if builder.subtitle is None:
        warnings.append(ImportWarning(
            title_line, "no subtitle found (expected 'An overview of X and why it is "
                        "authorised in the EU')"))
    else:
        guess = _SUBTITLE_NAME.match(builder.subtitle)
        if guess and name and guess["name"].casefold() != name.casefold():
            warnings.append(ImportWarning(
                builder.subtitle_line,
                f"the subtitle names {guess['name']!r} but the title names {name!r}",
            ))

    reference = builder.references.get("ema_reference")
    product = builder.references.get("product_number")
    if reference is None:
        warnings.append(ImportWarning(
            title_line, "no EMA reference found (expected EMA/123456/2023)"))
    if product is None:
        warnings.append(ImportWarning(
            title_line, "no product number found (expected EMA/H/C/001234)"))

    authorised: _dt.date | None = None
    updated: YearMonth | None = None
    for text_, line_no in block_lines:
        m = _AUTHORISATION.search(text_) if authorised is None else None
        if m:
            authorised = _parse_day(m["when"])
            if authorised is None:
                warnings.append(ImportWarning(
                    line_no, f"cannot read the authorisation date {_quote(m['when'])} "
                             "(expected a date like 19 April 2023)"))
                authorised = _dt.date.min  # reported once; cleared below
        m = _LAST_UPDATED.search(text_) if updated is None else None
        if m:
            updated = _parse_month(m["when"])
            if updated is None:
                warnings.append(ImportWarning(
                    line_no, f"cannot read the month of the last update {_quote(m['when'])} "
                             "(expected 04-2023)"))
                updated = YearMonth(0, 0)
    end_line = builder.sections[-1].line if builder.sections else last_line
    if authorised is None:
        warnings.append(ImportWarning(
            end_line, "no authorisation date found (expected 'received a marketing "
                      "authorisation valid throughout the EU on 19 April 2023')"))
    elif authorised == _dt.date.min:
        authorised = None
    if updated is None:
        warnings.append(ImportWarning(
            end_line, "no date of the last update found (expected 'This overview was last "
                      "updated in 04-2023')"))
    elif updated == YearMonth(0, 0):
        updated = None
    url = _source_url(lines)
    if url is None:
        warnings.append(ImportWarning(
            end_line, "no link to the medicine's EMA page found (expected "
                      "ema.europa.eu/medicines/human/EPAR/<name>)"))

    if not slug_for(name):
        raise OverviewImportError(
            f"the medicine name {name!r} gives no usable folder name", title_line)

    document = Document(
        slug=slug_for(name),
        name=name,
        active_substance=substance,
        subtitle=builder.subtitle or "",
        sections=tuple(sections),
        facts=DocumentFacts(
            ema_reference=reference[0] if reference else "",
            product_number=product[0] if product else "",
            authorisation_date=authorised,
            last_updated=updated,
            source_url=url[0] if url else "",
        ),
    )
    warnings.sort(key=lambda w: w.line)
    return ImportResult(document, warnings)


# --------------------------------------------------------------------------
# ``kiosk import FILE``


def run_import_command(
    file: Path,
    content_dir: Path,
    slug: str | None = None,
    force: bool = False,
    to_stdout: bool = False,
) -> int:
    """Import ``file`` and write ``content_dir/<slug>/overview.md``.

    Prints what was written, the sections, the facts and every warning.
    With ``to_stdout`` the content file goes to stdout (byte for byte as it
    would be written) and the report to stderr.  Returns 0 on success (also
    with warnings) and 1 on any failure, after one line on stderr.
    """
    file = Path(file)
    report_stream = sys.stderr if to_stdout else sys.stdout

    def fail(message: str) -> int:
        _write(sys.stderr, f"kiosk import: {message}\n")
        return 1

    try:
        data = file.read_bytes()
    except FileNotFoundError:
        return fail(f"{file}: the file does not exist")
    except IsADirectoryError:
        return fail(f"{file}: is a folder, not a file")
    except PermissionError:
        return fail(f"{file}: permission denied")
    except OSError as exc:
        return fail(f"{file}: cannot be read ({exc.strerror or exc})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return fail(f"{file}, line {line}: the file is not UTF-8 text (byte {exc.start}); "
                    "save it as UTF-8 and try again")

    try:
        result = import_ema_overview(text, file.name)
    except OverviewImportError as exc:
        where = f"{file}, line {exc.line}" if exc.line else str(file)
        return fail(f"{where}: {exc.message}")

    document = result.document
    if slug is not None:
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
            return fail(f"--slug {slug!r}: use lowercase letters, digits and hyphens, "
                        "e.g. 'opzelura'")
        document = dataclasses.replace(document, slug=slug)
    dumped = dump_document(document)

    if to_stdout:
        try:
            reread = parse_document(dumped, slug=document.slug, origin="<output>")
        except DocumentFormatError as exc:
            return fail(f"the result does not read back ({exc}); nothing printed")
        problem = _difference(document, reread)
        if problem:
            return fail(f"the result does not read back identically: {problem}")
        _write_bytes(sys.stdout, dumped.encode("utf-8"))
        _report(report_stream, file, None, document, result.warnings)
        return 0

    target_dir = Path(content_dir) / document.slug
    target = target_dir / FILE_NAME
    if target.exists() and not force:
        return fail(f"{target} already exists; use --force to replace it")
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return fail(f"cannot create {target_dir} ({exc.strerror or exc})")
    temporary = target_dir / f".{FILE_NAME}.importing"
    try:
        temporary.write_bytes(dumped.encode("utf-8"))
        try:
            reread = load_document(temporary, slug=document.slug)
        except DocumentFormatError as exc:
            return fail(f"the result does not read back ({exc}); {target} was not written")
        problem = _difference(document, reread)
        if problem:
            return fail(f"the result does not read back identically ({problem}); "
                        f"{target} was not written")
        os.replace(temporary, target)
    except OSError as exc:
        return fail(f"cannot write {target} ({exc.strerror or exc})")
    finally:
        if temporary.exists():
            temporary.unlink()
    _report(report_stream, file, target, document, result.warnings)
    return 0


def _difference(expected: Document, actual: Document) -> str:
    """The first place where two documents differ, or '' when they are equal."""
    if expected == actual:
        return ""
    for name in ("slug", "name", "active_substance", "subtitle", "facts"):
        if getattr(expected, name) != getattr(actual, name):
            return f"{name} {getattr(expected, name)!r} reads back as {getattr(actual, name)!r}"
    if len(expected.sections) != len(actual.sections):
        return f"{len(expected.sections)} sections read back as {len(actual.sections)}"
    for number, (a, b) in enumerate(zip(expected.sections, actual.sections), start=1):
        if a != b:
            return f"section {number} ({a.heading!r}) reads back differently"
    return "the documents differ"


def _report(stream: TextIO, source: Path, target: Path | None, document: Document,
            warnings: list[ImportWarning]) -> None:
    facts = document.facts
    out = [f"Imported {source}: {document.title}"]
    out.append(f"Wrote {target} (read back and checked)" if target
               else "Printed the content file (read back and checked)")
    out.append(f"Sections: {len(document.sections)}")
    out.extend(f"  {n:>2}. {s.heading}" for n, s in enumerate(document.sections, start=1))
    missing = "(not found)"
    out.append("Facts:")
    for label, value in (
        ("Medicine", document.name),
        ("Active substance", document.active_substance or missing),
        ("Subtitle", document.subtitle or missing),
        ("EMA reference", facts.ema_reference or missing),
        ("Product number", facts.product_number or missing),
        ("Authorised", facts.authorisation_date.isoformat() if facts.authorisation_date
         else missing),
        ("Last updated", str(facts.last_updated) if facts.last_updated else missing),
        ("Source", facts.source_url or missing),
    ):
        out.append(f"  {label + ':':<18} {value}")
    if warnings:
        out.append(f"Warnings: {len(warnings)} (line numbers are in {source.name})")
        out.extend(f"  {w}" for w in warnings)
    else:
        out.append("Warnings: none")
    _write(stream, "\n".join(out) + "\n")


def _write(stream: TextIO, text: str) -> None:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(text.encode(encoding, "replace").decode(encoding))
    stream.flush()


def _write_bytes(stream: TextIO, data: bytes) -> None:
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # a stream without bytes underneath (e.g. a StringIO in tests)
        stream.write(data.decode("utf-8"))
        stream.flush()
