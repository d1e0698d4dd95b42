"""Read the EMA's PDF of an overview into :class:`~.lines.SourceLine` objects.

Why pdfminer.six: it is a well-kept, pure-Python PDF reader under the MIT
licence (the kiosk is proprietary, so an AGPL reader such as PyMuPDF is
ruled out), and its layout analysis gives every line's characters with
their font name, size and position.  Those are what make a PDF easier to
read right than text copied out of it:

* a heading is a line set wholly in a bold font, whatever its language;
* a paragraph ends where the space to the next line is larger than the
  line spacing (the copy loses that);
* a list item's depth is where its marker stands; a wrapped item line is
  indented under the item's text;
* the contact block, running header and footer are smaller print at the
  top and foot of the page, the footnote to the name too.

Text is taken as the PDF's text layer gives it (its ToUnicode maps); a
scanned PDF without one is refused with a sentence saying so.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass

from kiosk.document.ema.furniture import PAGE, SMALL_PRINT
from kiosk.document.ema.inline import plain_spaces
from kiosk.document.ema.lines import STRONG_BULLETS, SourceLine, classify_plain, item_marker
from kiosk.document.ema.results import OverviewImportError
from kiosk.document.sanitize import clean_text

__all__ = ["pdf_lines"]

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.?!:;)\"”’»]$")
_MARKER_ONLY = re.compile(rf"^(?:[{STRONG_BULLETS}]|[-–—o]|\d{{1,2}}[.)])$")


@dataclass
class _PdfLine:
    page: int
    text: str
    x0: float
    x1: float  # the right end of the line
    y0: float  # bottom, in points from the foot of the page
    y1: float  # top
    size: float
    bold: bool
    page_height: float


def _read_pages(data: bytes, source_name: str) -> list[_PdfLine]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    found: list[_PdfLine] = []
    try:
        for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()),
                                      start=1):
            lines = []
            for element in page:
                if not isinstance(element, LTTextContainer):
                    continue
                for line in element:
                    if not isinstance(line, LTTextLine):
                        continue
                    chars = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
                    text = plain_spaces(clean_text(line.get_text().replace("\x00", "")))
                    if not chars or not text:
                        continue
                    bold = sum(1 for c in chars if _BOLD.search(c.fontname)) >= 0.8 * len(chars)
                    size = statistics.median(round(c.size, 1) for c in chars)
                    lines.append(_PdfLine(number, text, line.x0, line.x1, line.y0, line.y1, size,
                                          bold, page.height))
            lines.sort(key=lambda l: (-round(l.y1), l.x0))
            found.extend(_join_markers(lines))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise OverviewImportError(f"{source_name} is a password-protected PDF; save an "
                                  "unprotected copy and import that") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise OverviewImportError(f"{source_name} cannot be read as a PDF ({exc}); copy its "
                                  "text into a .txt file and import that instead") from None
    if not found:
        raise OverviewImportError(f"{source_name} has no text layer (a scanned image?); the "
                                  "kiosk needs the EMA's own PDF or its text")
    return found


def _join_markers(lines: list[_PdfLine]) -> list[_PdfLine]:
    """A list marker the PDF placed on its own (a tab stop away) joins its item's text."""
    out: list[_PdfLine] = []
    for line in lines:
        last = out[-1] if out else None
        if (last is not None and _MARKER_ONLY.match(last.text) and abs(last.y0 - line.y0) < 2
                and line.x0 > last.x0):
            out[-1] = _PdfLine(line.page, f"{last.text} {line.text}", last.x0, line.x1, line.y0,
                               max(last.y1, line.y1), line.size, line.bold, line.page_height)
            continue
        out.append(line)
    return out


def _body_size(lines: list[_PdfLine]) -> float:
    weights: dict[float, int] = {}
    for line in lines:
        weights[line.size] = weights.get(line.size, 0) + len(line.text)
    return max(weights, key=lambda size: weights[size])


def pdf_lines(data: bytes, source_name: str) -> list[SourceLine]:
    """The classified lines of a PDF overview, in reading order.

    Raises :class:`OverviewImportError` for a PDF that cannot be read, is
    protected, or has no text.
    """
    raw = _read_pages(data, source_name)
    body = _body_size(raw)
    left = min((l.x0 for l in raw if l.size == body), default=0.0)
    spacing = [prev.y0 - line.y1 for prev, line in zip(raw, raw[1:])
               if prev.page == line.page and line.size == body == prev.size
               and 0 <= prev.y0 - line.y1 < 2 * body]
    # The line spacing inside paragraphs: the lower quartile of the gaps, since
    # short paragraphs make paragraph gaps common too.
    leading = sorted(spacing)[len(spacing) // 4] if spacing else body * 0.3
    right = max((l.x1 for l in raw if l.size == body), default=0.0)
    out: list[SourceLine] = []
    last_body: tuple[_PdfLine, SourceLine] | None = None  # furniture does not count
    for number, line in enumerate(raw, start=1):
        source = _classify(number, line, body, left)
        if last_body is not None and last_body[0].page == line.page:
            source.gap_before = last_body[0].y0 - line.y1 > leading + 0.35 * body
        elif last_body is not None:
            # A new page: a new paragraph only where the last one had ended, i.e. its
            # last line ended a sentence short of the right margin.
            text_line, last = last_body
            full = text_line.x1 >= right - 2 * body
            source.gap_before = last.kind == "heading" or (
                not full and bool(_SENTENCE_END.search(last.text)))
        if source.kind in ("text", "item", "heading"):
            last_body = (line, source)
        if source.kind == "heading" and out and out[-1].kind == "heading" and \
                not source.gap_before and out[-1].page == source.page:
            out[-1].text = f"{out[-1].text} {source.text}"  # a heading wrapped over two lines
            continue
        out.append(source)
    return out


def _classify(number: int, line: _PdfLine, body: float, left: float) -> SourceLine:
    known = classify_plain(number, line.text, line.text)
    if known:
        known.page = line.page
        return known
    small = line.size < 0.85 * body
    if small and line.y0 < 0.15 * line.page_height:
        return SourceLine(number, "furniture", line.text, raw=line.text, reason=SMALL_PRINT,
                          page=line.page)
    if small and line.page > 1 and line.y1 > 0.93 * line.page_height:
        return SourceLine(number, "furniture", line.text, raw=line.text, reason=PAGE,
                          page=line.page)
    marker = item_marker(line.text)
    if marker and not line.bold:
        symbol, text, _indent, strong = marker
        return SourceLine(number, "item", plain_spaces(text), raw=line.text, strong=strong,
                          marker=symbol, indent=line.x0 - left, page=line.page, small=small)
    if line.bold and not small:
        return SourceLine(number, "heading", line.text, raw=line.text, page=line.page)
    return SourceLine(number, "text", line.text, raw=line.text, page=line.page, small=small)
