"""Read and write the kiosk's own document format.

Why a format of our own rather than the EMA text itself: staff must be able
to open a medicine in any text editor, see exactly what the kiosk will show,
and correct it without learning a tool.  So the format is Markdown-like and
deliberately small:

    +++
    name = "Opzelura"
    active_substance = "ruxolitinib"
    subtitle = "An overview of Opzelura and why it is authorised in the EU"
    ema_reference = "EMA/100444/2023"
    product_number = "EMA/H/C/005843"
    authorisation_date = 2023-04-19
    last_updated = "2023-04"
    source_url = "https://ema.europa.eu/medicines/human/EPAR/opzelura"
    +++

    ## What is Opzelura and what is it used for?

    A paragraph, on one or more lines; a blank line ends it.

    - A bullet list item
      - A sub-item (two spaces more per level)
    - Another item

The header is TOML between ``+++`` lines.  ``## `` starts a section.  Text
is literal: ``*``, ``[`` or ``<`` are shown as written, never interpreted,
so the kiosk shows the agency's words and nothing else.  Lines starting
with ``<!--`` and ending with ``-->`` are comments for staff.  A line
starting with a backslash is plain paragraph text without the backslash
(``\\- 5 is not a list item``), for the rare paragraph that begins like
markup.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kiosk.document.model import (
    Block,
    BulletList,
    Document,
    DocumentFacts,
    Paragraph,
    Section,
    YearMonth,
)
from kiosk.document.sanitize import clean_data, clean_text

FILE_NAME = "overview.md"
FENCE = "+++"
ESCAPE = "\\"
# Line starts that the reader takes as structure; paragraphs starting so are
# written with ESCAPE in front.
_STRUCTURAL_STARTS = ("#", "- ", "* ", "• ", FENCE, "<!--", ESCAPE)
REQUIRED_KEYS = ("name",)
KNOWN_KEYS = {
    "name": str,
    "active_substance": str,
    "subtitle": str,
    "ema_reference": str,
    "product_number": str,
    "authorisation_date": _dt.date,
    "last_updated": str,
    "source_url": str,
    "publisher": str,
}


@dataclass
class DocumentFormatError(Exception):
    """A content file that cannot be read, with the place that is wrong."""

    path: str
    line: int | None
    problem: str

    def __str__(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line else self.path
        return f"{where}: {self.problem}"


def load_document(path: Path | str, slug: str | None = None) -> Document:
    """Load a document from ``path`` (a file, or a folder holding ``overview.md``)."""
    path = Path(path)
    if path.is_dir():
        path = path / FILE_NAME
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DocumentFormatError(str(path), None, "the file does not exist") from None
    except UnicodeDecodeError as exc:
        raise DocumentFormatError(
            str(path), None, f"the file is not UTF-8 text (byte {exc.start})"
        ) from None
    except OSError as exc:
        raise DocumentFormatError(str(path), None, f"cannot be read ({exc.strerror})") from None
    if slug is None:
        slug = path.parent.name if path.name == FILE_NAME else path.stem
    return parse_document(raw, slug=slug, origin=str(path))


def parse_document(raw: str, slug: str, origin: str = "<text>") -> Document:
    """Parse the text of a content file; see the module docstring for the format."""
    # A byte-order mark (Windows editors add one) is not part of the text.
    lines = clean_text(raw.removeprefix("\ufeff").replace("\r\n", "\n")).split("\n")
    header, body_start = _read_header(lines, origin)
    sections = _read_body(lines, body_start, origin)
    if not sections:
        raise DocumentFormatError(
            origin, None, "no section found: a section starts with a line '## Heading'"
        )
    facts = DocumentFacts(
        ema_reference=header.get("ema_reference", ""),
        product_number=header.get("product_number", ""),
        authorisation_date=header.get("authorisation_date"),
        last_updated=header.get("last_updated"),
        source_url=header.get("source_url", ""),
        publisher=header.get("publisher", DocumentFacts.publisher),
    )
    return Document(
        slug=slug,
        name=header["name"],
        active_substance=header.get("active_substance", ""),
        subtitle=header.get("subtitle", ""),
        sections=tuple(sections),
        facts=facts,
    )


def _read_header(lines: list[str], origin: str) -> tuple[dict, int]:
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise DocumentFormatError(origin, None, "the file is empty")
    if lines[first].strip() != FENCE:
        raise DocumentFormatError(
            origin, first + 1, f"the file must start with a '{FENCE}' header line"
        )
    try:
        end = next(i for i in range(first + 1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise DocumentFormatError(
            origin, first + 1, f"the header opened here is never closed with '{FENCE}'"
        ) from None
    try:
        header = clean_data(tomllib.loads("\n".join(lines[first + 1 : end])))
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        if line is None:  # Python < 3.14 only says "(at line N, column M)"
            found = re.search(r"at line (\d+)", str(exc))
            line = int(found.group(1)) if found else None
        raise DocumentFormatError(
            origin, (first + 1 + line) if line else first + 1, f"the header is not valid TOML ({exc})"
        ) from None
    for key in REQUIRED_KEYS:
        if not isinstance(header.get(key), str) or not header[key].strip():
            raise DocumentFormatError(origin, first + 1, f"the header needs {key} = \"...\"")
    for key, value in list(header.items()):
        expected = KNOWN_KEYS.get(key)
        # Where the key is written is looked up only for a sentence about it
        # (every content file passes here at start-up).
        if expected is None:
            raise DocumentFormatError(
                origin, _key_line(lines, first + 1, end, key),
                f"unknown header key '{key}' (known: {', '.join(KNOWN_KEYS)})",
            )
        if key == "last_updated":
            try:
                header[key] = YearMonth.parse(str(value))
            except ValueError:
                raise DocumentFormatError(
                    origin, _key_line(lines, first + 1, end, key),
                    f"last_updated must be a month like \"2023-04\", not {value!r}",
                ) from None
        elif expected is _dt.date:
            if not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
                raise DocumentFormatError(
                    origin, _key_line(lines, first + 1, end, key),
                    f"{key} must be a date like 2023-04-19, not {value!r}",
                )
        elif not isinstance(value, str):
            raise DocumentFormatError(origin, _key_line(lines, first + 1, end, key),
                                      f"{key} must be text in quotes")
        else:
            header[key] = value.strip()
    return header, end + 1


def _key_line(lines: list[str], start: int, end: int, key: str) -> int:
    """The 1-based line of ``key = ...`` in the header, else the opening fence."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for i in range(start, end):
        if pattern.match(lines[i]):
            return i + 1
    return start


def _read_body(lines: list[str], start: int, origin: str) -> list[Section]:
    sections: list[Section] = []
    heading: str | None = None
    blocks: list[Block] = []
    para: list[str] = []
    items: list[str] = []
    levels: list[int] = []
    indents: list[int] = []  # the marker indentation of each open level

    def flush_text() -> None:
        if para:
            blocks.append(Paragraph(" ".join(para)))
            para.clear()
        if items:
            blocks.append(BulletList(tuple(items), tuple(levels)))
            items.clear()
            levels.clear()
            indents.clear()

    def flush_section() -> None:
        flush_text()
        if heading is not None:
            if not blocks:
                raise DocumentFormatError(origin, heading_line, f"section '{heading}' has no text")
            sections.append(Section(heading, tuple(blocks)))
        blocks.clear()

    heading_line = 0
    for number, line in enumerate(lines[start:], start=start + 1):
        stripped = line.strip()
        if stripped.startswith("<!--") and stripped.endswith("-->"):
            continue
        if stripped.startswith(ESCAPE):
            # A backslash makes the rest of the line paragraph text, so a
            # paragraph may itself begin with "#", "- " or "+++".
            if heading is None:
                raise DocumentFormatError(
                    origin, number, "text before the first '## Heading' line belongs to no section"
                )
            if items:
                flush_text()
            para.append(stripped[len(ESCAPE):])
            continue
        if stripped.startswith("## ") or stripped == "##":
            flush_section()
            heading = stripped[3:].strip()
            heading_line = number
            if not heading:
                raise DocumentFormatError(origin, number, "a '##' line needs a heading after it")
            continue
        if stripped.startswith("#"):
            raise DocumentFormatError(
                origin, number,
                "only '## Heading' lines start sections; write the text without '#' or use '## '",
            )
        if not stripped:
            flush_text()
            continue
        if heading is None:
            raise DocumentFormatError(
                origin, number, "text before the first '## Heading' line belongs to no section"
            )
        if stripped.startswith(("- ", "* ", "• ")):
            if para:
                flush_text()
            indent = len(line) - len(line.lstrip(" "))
            levels.append(_item_level(indents, indent))
            items.append(stripped[2:].strip())
        elif items and line.startswith(("  ", "\t")):
            items[-1] = f"{items[-1]} {stripped}"
        else:
            if items:
                flush_text()
            para.append(stripped)
    flush_section()
    return sections


def _item_level(indents: list[int], indent: int) -> int:
    """The depth of a list item whose marker is ``indent`` spaces in.

    As in Markdown: an item indented further than the one above opens a
    sub-list; one indented less returns to the level it matches or passes.
    ``indents`` (the marker indentation of each open level) is updated.
    """
    while indents and indent < indents[-1]:
        indents.pop()
    if not indents or indent > indents[-1]:
        indents.append(indent)
    return len(indents) - 1


def dump_document(document: Document) -> str:
    """Write ``document`` in the content format (one line per paragraph)."""
    facts = document.facts
    out = [FENCE]

    def put(key: str, value: str) -> None:
        if value:
            out.append(f"{key} = {_toml_string(value)}")

    put("name", document.name)
    put("active_substance", document.active_substance)
    put("subtitle", document.subtitle)
    put("ema_reference", facts.ema_reference)
    put("product_number", facts.product_number)
    if facts.authorisation_date:
        out.append(f"authorisation_date = {facts.authorisation_date.isoformat()}")
    if facts.last_updated:
        put("last_updated", str(facts.last_updated))
    put("source_url", facts.source_url)
    if facts.publisher != DocumentFacts.publisher:
        put("publisher", facts.publisher)
    out.append(FENCE)
    for section in document.sections:
        out.append("")
        out.append(f"## {section.heading}")
        for block in section.blocks:
            out.append("")
            if isinstance(block, Paragraph):
                text = block.text
                out.append(ESCAPE + text if text.startswith(_STRUCTURAL_STARTS) else text)
            else:
                out.extend(f"{'  ' * block.level(i)}- {item}"
                           for i, item in enumerate(block.items))
    out.append("")
    return "\n".join(out)


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
