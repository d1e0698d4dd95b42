"""Align the agency's translation of an overview with the English, unit by unit.

The EMA publishes each overview in every EU language with the same
structure as the English one: the same sections, paragraphs and list items
in the same order (the reference note ema-overviews.md, "Translations").
So the n-th paragraph of section k of the translation translates the n-th
paragraph of section k of the English, and nothing has to be matched by
meaning.  Where the structures differ, nothing is guessed: the alignment
stops and names the first unit that has no counterpart, so staff can look
at exactly that place.

A web copy that dropped the first section's heading (as the EMA site does)
still aligns: the text before the first heading is section 1, whose
heading then has no translation and stays English in the kiosk, marked.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.document.ema.overview import ParsedOverview, blocks_of, lines_as_section
from kiosk.document.model import BulletList, Document, Paragraph, Section, TextUnit

__all__ = ["AlignedUnit", "AlignmentError", "align_translation"]


class AlignmentError(Exception):
    """The translation's structure does not match the English; names the unit."""


@dataclass(frozen=True)
class AlignedUnit:
    """One English text unit and the agency's translation of it."""

    unit: TextUnit
    translation: str
    place: str  # where the translation was found ("line 12", "page 2")


def _describe(blocks) -> str:
    paragraphs = sum(1 for b in blocks if isinstance(b, Paragraph))
    lists = [len(b.items) for b in blocks if isinstance(b, BulletList)]
    text = f"{paragraphs} paragraph(s)"
    if lists:
        text += " and list(s) of " + ", ".join(str(n) for n in lists) + " item(s)"
    return text


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:59] + "…")


def align_translation(document: Document, parsed: ParsedOverview) -> tuple[list[AlignedUnit],
                                                                           list[str]]:
    """Pair every unit of ``document`` (English) with its translation in ``parsed``.

    Returns the pairs and notes for the report (units the translation does
    not have, e.g. a heading the web page left out).  Raises
    :class:`AlignmentError` naming the first unit that does not align.
    """
    structure, title = parsed.structure, parsed.title
    sections: list[tuple[Section, int]] = []
    for draft in structure.sections:
        sections.append((Section(draft.heading, blocks_of(draft.blocks)), draft.line))
    notes: list[str] = []
    heading_missing = False
    english = list(document.sections)
    if title.introduction:
        first = lines_as_section(title.introduction, parsed.layout,
                                 title.document_title or "")
        sections.insert(0, (first, title.introduction[0].number))
        if not title.document_title:
            heading_missing = True
    elif title.lead and len(sections) == len(english) - 1:
        first = lines_as_section(title.lead, parsed.layout, "")
        sections.insert(0, (first, title.lead[0].number))
        heading_missing = True
    elif title.leftovers:
        line = title.leftovers[0]
        raise AlignmentError(
            f"line {line.number}: {_short(line.text)} stands before the first section heading "
            "and matches nothing of the English overview")
    if len(sections) != len(english):
        for number, (theirs, ours) in enumerate(zip(sections, english), start=1):
            if len(theirs[0].blocks) != len(ours.blocks):
                raise AlignmentError(
                    f"the translation has {len(sections)} sections, the English "
                    f"{len(english)}; they part at section {number} ({_short(ours.heading)})")
        missing = english[len(sections)] if len(sections) < len(english) else None
        where = f"; the English section {len(sections) + 1} ({_short(missing.heading)}) has no " \
                "counterpart" if missing else ""
        raise AlignmentError(f"the translation has {len(sections)} sections, the English "
                             f"{len(english)}{where}")
    translated: dict[str, tuple[str, str]] = {}
    if document.subtitle:
        if not title.subtitle:
            raise AlignmentError("the English subtitle (s0) has no counterpart in the title "
                                 "block of the translation")
        translated["subtitle"] = (title.subtitle, f"line {title.subtitle_line}")
    for number, ((theirs, line), ours) in enumerate(zip(sections, english), start=1):
        label = f"section {number} ({_short(ours.heading)})"
        if not (number == 1 and heading_missing):
            translated[f"s{number}.h"] = (theirs.heading, f"line {line}")
        else:
            notes.append(f"the heading of section {number} is not in the translation (the page "
                         "leaves it out); it stays in English, marked")
        if len(theirs.blocks) != len(ours.blocks):
            raise AlignmentError(f"{label}: the English has {_describe(ours.blocks)}, the "
                                 f"translation {_describe(theirs.blocks)}")
        for b_no, (tb, ob) in enumerate(zip(theirs.blocks, ours.blocks), start=1):
            key = f"s{number}.p{b_no}"
            if isinstance(ob, Paragraph) != isinstance(tb, Paragraph):
                kinds = ("a paragraph", "a list")
                raise AlignmentError(
                    f"{label}, unit {key}: the English has {kinds[isinstance(ob, BulletList)]}, "
                    f"the translation {kinds[isinstance(tb, BulletList)]}")
            if isinstance(ob, Paragraph):
                translated[key] = (tb.text, f"line {line}")
                continue
            if len(ob.items) != len(tb.items) or ob.levels != tb.levels:
                raise AlignmentError(
                    f"{label}, unit {key}: the English list has {len(ob.items)} item(s) "
                    f"(levels {list(ob.levels) or 'flat'}), the translation {len(tb.items)} "
                    f"(levels {list(tb.levels) or 'flat'})")
            for i_no, item in enumerate(tb.items, start=1):
                translated[f"{key}.i{i_no}"] = (item, f"line {line}")
    pairs = [AlignedUnit(unit, *translated[unit.key]) for unit in document.units()
             if unit.key in translated]
    return pairs, notes
