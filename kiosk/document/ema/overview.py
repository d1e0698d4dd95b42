"""Read an EMA overview (text, Markdown or PDF lines) into a :class:`Document`.

The steps, each in its own module: classify the lines
(:mod:`.lines`, :mod:`.pdf`), build sections (:mod:`.structure`), read the
title block (:mod:`.titleblock`), recognise the template (:mod:`.template`)
and the facts (:mod:`.facts`).  Structure is read twice: the second time
with the medicine's name known, so that "Other information about X" is a
heading in any language and the running title at the top of each page is
furniture.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass

from kiosk.document.ema.facts import AUTHORISATION, LAST_UPDATED, parse_day, parse_month, \
    source_url
from kiosk.document.ema.language_guess import guess_language
from kiosk.document.ema.lines import SourceLine, prepare, read_text_lines, where
from kiosk.document.ema.results import (
    Dropped,
    ImportResult,
    ImportWarning,
    OverviewImportError,
    Recognised,
    quote,
)
from kiosk.document.ema.layout import Layout, detect_layout
from kiosk.document.ema.structure import (
    BlockDraft,
    Structure,
    build_section,
    build_structure,
    join_lines,
)
from kiosk.document.ema.template import (
    SUMMARY_2009,
    first_section_heading,
    identify_template,
    is_first_section,
    missing_sections,
)
from kiosk.document.ema.titleblock import TitleBlock, read_title_block
from kiosk.document.ema.inline import slug_for
from kiosk.document.model import Block, BulletList, Document, DocumentFacts, Paragraph, Section, \
    YearMonth
from kiosk.document.source_format import FILE_NAME

__all__ = ["ParsedOverview", "import_ema_overview", "import_lines", "parse_lines", "text_lines"]

NO_SECTIONS = ("expected question headings such as '### What is X and what is it used for?', "
               "'## **How is X used?**' or a line 'How does X work?' on its own")


@dataclass
class ParsedOverview:
    """The structure of an overview before it becomes a document."""

    structure: Structure
    title: TitleBlock
    layout: Layout
    lines: list[SourceLine]


def text_lines(text: str, source_name: str) -> list[SourceLine]:
    """The classified lines of a text or Markdown overview; refuses empty or kiosk files."""
    raw_lines = prepare(text)
    if not any(line.strip() for line in raw_lines):
        raise OverviewImportError(f"{source_name} is empty")
    first = next(i for i, line in enumerate(raw_lines) if line.strip())
    if raw_lines[first].strip() == "+++":
        raise OverviewImportError(
            "this is already a kiosk content file (it starts with '+++'), not an EMA "
            f"overview; copy it to <content>/<name>/{FILE_NAME} instead", first + 1)
    return read_text_lines(raw_lines)


def _build(lines: list[SourceLine], layout: Layout, names: tuple[str, ...] = (),
           titles: tuple[str, ...] = (), footnotes: tuple[str, ...] = ()) -> Structure:
    return build_structure([dataclasses.replace(line) for line in lines], layout, names, titles,
                           footnotes)


def _texts(structure: Structure) -> tuple[list[str], list[str]]:
    headings = [s.heading for s in structure.sections]
    body = [text for s in structure.sections for b in s.blocks
            for text in ([b.text()] if b.kind == "para" else [join_lines(i) for i in b.items])]
    return headings, body


def parse_lines(lines: list[SourceLine], source_name: str, *, name: str | None = None,
                substance: str | None = None, english: bool = True) -> ParsedOverview:
    """Sections and title block of classified ``lines``.

    Raises :class:`OverviewImportError` when there is no section, for a
    withdrawn medicine's statement, for an overview in another language
    than English (``english``), or when the name or substance cannot be
    found with confidence.
    """
    layout = detect_layout(lines)
    names = (name,) if name else ()
    structure = _build(lines, layout, names)
    headings, body = _texts(structure)
    if not structure.sections:
        read_title_block(structure.preamble, [], [], name="?", substance="?")  # withdrawn?
        raise OverviewImportError(f"no sections found in {source_name}: {NO_SECTIONS}")
    if not any(draft.blocks for draft in structure.sections):
        raise OverviewImportError(
            f"no section of {source_name} has any text (headings at lines "
            f"{', '.join(str(d.line) for d in structure.sections)})")
    if english:
        guessed = guess_language(" ".join(headings + body))
        if guessed.code and guessed.code != "en":
            raise OverviewImportError(
                f"this overview is in {guessed.name}, but a medicine's text in the kiosk is the "
                "EMA's English overview: import the English overview first, then this one with "
                f"--translation-of <medicine> --language {guessed.code}")
    title = read_title_block(structure.preamble, headings, body, name=name,
                             substance=substance, english=english)
    structure = _build(lines, layout, tuple(n for n in (title.name,) if n), title.titles,
                       title.footnotes)
    headings, body = _texts(structure)
    title = read_title_block(structure.preamble, headings, body, name=name,
                             substance=substance, english=english)
    return ParsedOverview(structure, title, layout, lines)


def blocks_of(drafts: list[BlockDraft]) -> tuple[Block, ...]:
    """Paragraphs and lists of the drafts, as the document model has them."""
    out: list[Block] = []
    for block in drafts:
        if block.kind == "para":
            out.append(Paragraph(block.text()))
        else:
            out.append(BulletList(tuple(join_lines(p) for p in block.items),
                                  tuple(block.levels)))
    return tuple(out)


def lines_as_section(lines: list[SourceLine], layout: Layout, heading: str) -> Section:
    """Preamble lines (an introduction, a first section) as a section under ``heading``."""
    draft = build_section([dataclasses.replace(line) for line in lines], layout, heading)
    return Section(heading, blocks_of(draft.blocks))


def import_ema_overview(text: str, source_name: str, *, name: str | None = None,
                        substance: str | None = None) -> ImportResult:
    """Read the text of an EMA medicine overview into a :class:`Document`.

    ``source_name`` (usually the file name) is used in messages, never as
    the medicine's name.  ``name``/``substance`` are what staff gave with
    ``--name``/``--substance``.  Raises :class:`OverviewImportError` with
    one sentence saying what is wrong and what to do.
    """
    return import_lines(text_lines(text, source_name), source_name, name=name,
                        substance=substance)


def import_lines(lines: list[SourceLine], source_name: str, *, name: str | None = None,
                 substance: str | None = None) -> ImportResult:
    """:func:`import_ema_overview` for already classified lines (text or PDF)."""
    parsed = parse_lines(lines, source_name, name=name, substance=substance)
    structure, title = parsed.structure, parsed.title
    warnings = list(structure.warnings)
    dropped = list(structure.dropped)
    notes = list(title.notes)
    sections: list[Section] = []
    for draft in structure.sections:
        blocks = blocks_of(draft.blocks)
        if not blocks:
            warnings.append(ImportWarning(
                draft.line, f"section {quote(draft.heading)} has no text; it was left out"))
            continue
        sections.append(Section(draft.heading, blocks))
    if not sections:
        raise OverviewImportError(
            f"no section of {source_name} has any text (headings at lines "
            f"{', '.join(str(d.line) for d in structure.sections)})")
    template = identify_template([s.heading for s in sections], title.subtitle,
                                 bool(title.introduction), title.name)
    if title.introduction:
        heading = title.document_title or "EPAR summary for the public"
        sections.insert(0, lines_as_section(title.introduction, parsed.layout, heading))
        notes.append(f"the summary's introduction is kept as the first section, under the "
                     f"summary's title {quote(heading)}")
    if title.lead:
        if template is not None and template is not SUMMARY_2009 and \
                not is_first_section(template, sections[0].heading, title.name):
            heading = first_section_heading(template, title.name)
            sections.insert(0, lines_as_section(title.lead, parsed.layout, heading))
            notes.append(f"the first section has no heading in the input (as on the EMA web "
                         f"page); it is given the template's heading {quote(heading)}")
        else:
            title.leftovers = title.lead + title.leftovers
    for line in sorted((line for line in title.leftovers if line.text),
                       key=lambda line: line.number):
        warnings.append(ImportWarning(
            line.number, f"text before the first section heading was not imported: "
                         f"{quote(line.text)}", where(line)))
        dropped.append(Dropped(line.number, line.text, "it stands before the first section "
                               "heading and is not part of the title block", where(line)))
    missing = missing_sections(template, [s.heading for s in sections], title.name) \
        if template else ()
    facts, fact_warnings = _facts(parsed, sections)
    warnings += fact_warnings
    if not slug_for(title.name):
        raise OverviewImportError(f"the medicine name {title.name!r} gives no usable folder "
                                  "name; give the folder with --slug")
    document = Document(slug=slug_for(title.name), name=title.name,
                        active_substance=title.substance,
                        subtitle=title.subtitle, sections=tuple(sections), facts=facts)
    warnings.sort(key=lambda w: w.line)
    dropped.sort(key=lambda d: d.line)
    recognised = Recognised(
        template=template.name if template else "", name_from=title.name_from,
        substance_from=title.substance_from, missing_sections=missing, notes=tuple(notes))
    return ImportResult(document, warnings, dropped, recognised)


def _facts(parsed: ParsedOverview, sections: list[Section]) -> tuple[DocumentFacts,
                                                                      list[ImportWarning]]:
    structure, title = parsed.structure, parsed.title
    warnings: list[ImportWarning] = []
    title_line = title.subtitle_line or (structure.sections[0].line if structure.sections else 1)
    name_line = next((line.number for line, what in title.used if what == "name"), None)
    title_line = name_line or title_line
    reference = structure.references.get("ema_reference")
    product = structure.references.get("product_number")
    if reference is None:
        warnings.append(ImportWarning(title_line,
                                      "no EMA reference found (expected EMA/123456/2023)"))
    if product is None:
        warnings.append(ImportWarning(title_line,
                                      "no product number found (expected EMA/H/C/001234)"))
    line_of = {}
    for draft in structure.sections:
        for block in draft.blocks:
            texts = [block.text()] if block.kind == "para" else \
                [join_lines(i) for i in block.items]
            lines = [block.line] if block.kind == "para" else block.item_lines
            line_of.update(zip(texts, lines))
    authorised: _dt.date | None = None
    updated: YearMonth | None = None
    bad_date = bad_month = False
    for section in sections:
        for text in section.paragraphs:
            line_no = line_of.get(text, title_line)
            m = AUTHORISATION.search(text) if authorised is None and not bad_date else None
            if m:
                authorised = parse_day(m["when"])
                if authorised is None:
                    bad_date = True
                    warnings.append(ImportWarning(
                        line_no, f"cannot read the authorisation date {quote(m['when'])} "
                                 "(expected a date like 19 April 2023)"))
            m = LAST_UPDATED.search(text) if updated is None and not bad_month else None
            if m:
                updated = parse_month(m["when"])
                if updated is None:
                    bad_month = True
                    warnings.append(ImportWarning(
                        line_no, f"cannot read the month of the last update "
                                 f"{quote(m['when'])} (expected 04-2023)"))
    end_line = structure.sections[-1].line
    if authorised is None and not bad_date:
        warnings.append(ImportWarning(
            end_line, "no authorisation date found (expected 'received a marketing "
                      "authorisation valid throughout the EU on 19 April 2023')"))
    if updated is None and not bad_month:
        warnings.append(ImportWarning(
            end_line, "no date of the last update found (expected 'This overview was last "
                      "updated in 04-2023')"))
    url = source_url([(line.number, line.raw or line.text) for line in parsed.lines
                      if line.kind not in ("furniture",)])
    if url is None:
        warnings.append(ImportWarning(
            end_line, "no link to the medicine's EMA page found (expected "
                      "ema.europa.eu/medicines/human/EPAR/<name>)"))
    facts = DocumentFacts(
        ema_reference=reference[0] if reference else "",
        product_number=product[0] if product else "",
        authorisation_date=authorised, last_updated=updated,
        source_url=url[0] if url else "")
    return facts, warnings
