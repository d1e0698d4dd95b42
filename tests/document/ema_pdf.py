"""EMA-like overview PDFs, made in the tests with ReportLab (no real PDF can be fetched here).

The layout follows the agency's (see /work/shared/reference/ema-overviews.md):
letterhead and references at the top of page 1, the title in a larger bold
font, the subtitle, bold question headings, 10 pt body text with space
between paragraphs, bullets with hanging indents and sub-items further in,
a two-column contact block and the copyright line in small print at the
foot of page 1, and from page 2 on a running title at the top and
"EMA/NNNNNN/YYYY  Page n/m" at the foot.  Pages break wherever the text
runs out of room, so a list can be cut in two.

The fonts are Roboto (Apache 2.0) from the ``font-roboto`` package on
PyPI, a test dependency: Latin, Greek and Cyrillic, on any machine that
installs the test extra (no system font is needed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import font_roboto
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

REGULAR, BOLD = "Roboto", "Roboto-Bold"
pdfmetrics.registerFont(TTFont(REGULAR, font_roboto.Roboto))
pdfmetrics.registerFont(TTFont(BOLD, font_roboto.RobotoBold))

WIDTH, HEIGHT = A4
LEFT, RIGHT = 72.0, WIDTH - 72.0
TOP, BOTTOM_FIRST, BOTTOM = HEIGHT - 60.0, 150.0, 80.0
BODY, SMALL, TITLE = 10.0, 7.0, 15.0
LEADING = 13.0
PARAGRAPH_SPACE = 8.0

AMSTERDAM = (
    ("Official address Domenico Scarlattilaan 6 ● 1083 HS Amsterdam ● The Netherlands",
     "Address for visits and deliveries Refer to www.ema.europa.eu/how-to-find-us"),
    ("Send us a question Go to www.ema.europa.eu/contact",
     "Telephone +31 (0)88 781 6000"),
)
LONDON = (
    ("30 Churchill Place ● Canary Wharf ● London E14 5EU ● United Kingdom",
     "Telephone +44 (0)20 3660 6000 Facsimile +44 (0)20 3660 5555"),
    ("Send a question via our website www.ema.europa.eu/contact",
     "An agency of the European Union"),
)


@dataclass
class Overview:
    """What to lay out: the title block, then blocks of ("heading"|"para", text) or
    ("item", level, text), or ("pagebreak",)."""

    title: str
    subtitle: str
    reference: str
    product_number: str
    blocks: list[tuple] = field(default_factory=list)
    document_title: str = ""  # "EPAR summary for the public" (2009-2018)
    name_lines: tuple[str, ...] = ()  # the older title block: name, then substance
    contact: tuple = AMSTERDAM
    copyright: str = ("© European Medicines Agency, 2023. Reproduction is authorised provided "
                      "the source is acknowledged.")
    page_word: str = "Page"


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of at most ``width`` points, broken at ordinary spaces only (a no-break
    space, as in "75\u00a0%", keeps its two sides together, as in a word processor)."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and pdfmetrics.stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current] if current else lines


class _Writer:
    def __init__(self) -> None:
        self.pages: list[list[tuple]] = [[]]
        self.y = TOP

    @property
    def bottom(self) -> float:
        return BOTTOM_FIRST if len(self.pages) == 1 else BOTTOM

    def new_page(self) -> None:
        self.pages.append([])
        self.y = TOP - 30

    def room(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.new_page()

    def line(self, x: float, text: str, font: str, size: float, leading: float) -> None:
        self.room(leading)
        self.y -= leading
        self.pages[-1].append((x, self.y, text, font, size))

    def wrapped(self, x: float, text: str, font: str, size: float, first_x: float | None = None,
                first: str = "") -> None:
        lines = wrap(text, font, size, RIGHT - x)
        for index, part in enumerate(lines):
            self.line(x, part, font, size, LEADING if size <= BODY else size * 1.3)
            if index == 0 and first:
                page = self.pages[-1]
                page.append((first_x, self.y, first, font, size))


def layout(overview: Overview) -> list[list[tuple]]:
    """The drawing operations of every page: (x, y, text, font, size)."""
    w = _Writer()
    w.line(LEFT, "EUROPEAN MEDICINES AGENCY", BOLD, 9, 12)
    w.line(LEFT, "SCIENCE MEDICINES HEALTH", REGULAR, 7, 10)
    w.line(RIGHT - 120, overview.reference, REGULAR, 9, 20)
    w.line(RIGHT - 120, overview.product_number, REGULAR, 9, 12)
    w.y -= 20
    if overview.document_title:
        w.wrapped(LEFT, overview.document_title, BOLD, TITLE)
        w.y -= PARAGRAPH_SPACE
    if overview.name_lines:
        w.line(LEFT, overview.name_lines[0], BOLD, TITLE, TITLE * 1.3)
        for extra in overview.name_lines[1:]:
            w.line(LEFT, extra, REGULAR, BODY + 2, LEADING + 2)
    else:
        w.wrapped(LEFT, overview.title, BOLD, TITLE)
    if overview.subtitle:
        w.y -= PARAGRAPH_SPACE
        w.wrapped(LEFT, overview.subtitle, REGULAR, BODY + 2)
    for block in overview.blocks:
        kind = block[0]
        if kind == "pagebreak":
            w.new_page()
        elif kind == "heading":
            w.y -= PARAGRAPH_SPACE * 1.5
            w.room(LEADING * 3)
            w.wrapped(LEFT, block[1], BOLD, BODY)
            w.y -= PARAGRAPH_SPACE / 2
        elif kind == "para":
            w.y -= PARAGRAPH_SPACE
            w.wrapped(LEFT, block[1], REGULAR, BODY)
        elif kind == "item":
            level, text = block[1], block[2]
            marker_x = LEFT + 14 + 18 * level
            w.y -= 2
            w.wrapped(marker_x + 12, text, REGULAR, BODY, first_x=marker_x,
                      first="•" if level == 0 else "–")
    return w.pages


def _furniture(c: canvas.Canvas, overview: Overview, number: int, total: int) -> None:
    if number == 1:
        y = 110.0
        for left, right in overview.contact:  # two columns
            c.setFont(REGULAR, SMALL)
            c.drawString(LEFT, y, left)
            c.drawString(LEFT + 280, y, right)
            y -= 10
        c.drawString(LEFT, y - 6, overview.copyright)
    else:
        c.setFont(REGULAR, SMALL)
        c.drawString(LEFT, HEIGHT - 40, overview.title)
    c.setFont(REGULAR, SMALL)
    c.drawString(LEFT, 40, overview.reference)
    c.drawRightString(RIGHT, 40, f"{overview.page_word} {number}/{total}")


def write_overview_pdf(overview: Overview, path: Path) -> Path:
    """Write ``overview`` as an EMA-like PDF at ``path``; returns ``path``."""
    pages = layout(overview)
    c = canvas.Canvas(str(path), pagesize=A4)
    for number, operations in enumerate(pages, start=1):
        for x, y, text, font, size in operations:
            c.setFont(font, size)
            c.drawString(x, y, text)
        _furniture(c, overview, number, len(pages))
        c.showPage()
    c.save()
    return path


def overview_from_document(document, translate=lambda text: text, **kwargs) -> Overview:
    """An :class:`Overview` of a kiosk document, each text through ``translate``."""
    from kiosk.document.model import Paragraph

    blocks: list[tuple] = []
    for section in document.sections:
        blocks.append(("heading", translate(section.heading)))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                blocks.append(("para", translate(block.text)))
            else:
                blocks.extend(("item", block.level(i), translate(item))
                              for i, item in enumerate(block.items))
    facts = document.facts
    return Overview(title=kwargs.pop("title", document.title),
                    subtitle=translate(document.subtitle) if document.subtitle else "",
                    reference=facts.ema_reference, product_number=facts.product_number,
                    blocks=blocks, **kwargs)
