"""The title block: the medicine's name and active substance, the subtitle, and
whatever else stands before the first section heading.

The agency sets the name and the active substance in three ways: one line
``Name (substance)`` (2018 onward), or the name on one line and the
substance on the next (older summaries, and the web page's title block),
where a generic's name may carry a footnote digit (``Clopidogrel Teva
Pharma1``) or a salt in brackets (``Clopidogrel Teva (hydrogen sulphate)``
over ``clopidogrel``).  A name counts only when the overview itself uses
it (in a heading, the subtitle or the introduction) and a substance only
when the text mentions it or the title sets it in brackets: a fact that
cannot be found with confidence is never guessed, and the import stops
asking for ``--name`` or ``--substance``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kiosk.document.ema.headings import is_question
from kiosk.document.ema.lines import SourceLine, where
from kiosk.document.ema.results import OverviewImportError, quote
from kiosk.document.ema.template import (
    SUMMARY_TITLE,
    is_subtitle,
    is_summary_introduction,
    subtitle_name,
    withdrawn_statement,
)

__all__ = ["TitleBlock", "read_title_block"]

_NAME_SUBSTANCE = re.compile(r"^(?P<name>[^()]*?\S)\s*\((?P<substance>[^()]+)\)$")
_FOOTNOTE_DIGITS = re.compile(r"^(?P<name>.*[^\W\d_])(?P<mark>[1-9]\d?|[¹²³⁴⁵⁶⁷⁸⁹]|\*)$")
_INTRO_NAME = re.compile(r"\(EPAR\) for (?P<name>.+?)\.(?:\s|$)")
_CONTAINS = re.compile(
    r"\bcontains? the active substances? (?P<substance>[^.;:]{2,80}?)(?: \([^)]*\))?\.$")


@dataclass
class TitleBlock:
    """What the preamble holds, each with the line it came from."""

    name: str = ""
    substance: str = ""
    name_from: str = ""
    substance_from: str = ""
    titles: tuple[str, ...] = ()  # title lines as written (they repeat as running titles)
    footnotes: tuple[str, ...] = ()  # footnote marks written after the name ("1")
    subtitle: str = ""
    subtitle_line: int = 0
    document_title: str = ""  # "EPAR summary for the public"
    introduction: list[SourceLine] = field(default_factory=list)  # summary-era introduction
    lead: list[SourceLine] = field(default_factory=list)  # a first section without heading
    leftovers: list[SourceLine] = field(default_factory=list)
    used: list[tuple[SourceLine, str]] = field(default_factory=list)  # (line, what for)
    notes: list[str] = field(default_factory=list)


def _from(preamble: list[SourceLine], first: SourceLine) -> list[SourceLine]:
    """The preamble from ``first`` on, blank lines included (they end paragraphs)."""
    start = next(i for i, line in enumerate(preamble) if line is first)
    return preamble[start:]


def _candidates(preamble: list[SourceLine]) -> list[SourceLine]:
    return [line for line in preamble if line.kind in ("text", "heading", "item") and line.text]


def _is_prose(text: str) -> bool:
    return len(text.split()) >= 6 and text.rstrip()[-1:] in ".:;!"


def _title_like(text: str) -> bool:
    return len(text) <= 90 and text[-1:] not in ".:;!?" and not is_question(text)


def _mentioned(name: str, texts: list[str]) -> bool:
    folded = name.casefold()
    return any(folded in t.casefold() for t in texts)


def read_title_block(preamble: list[SourceLine], headings: list[str], body: list[str],
                     *, name: str | None = None, substance: str | None = None,
                     english: bool = True) -> TitleBlock:
    """Read the preamble; ``name``/``substance`` are the staff's ``--name``/``--substance``.

    ``headings`` and ``body`` (the sections' headings and paragraphs) are
    where a name or substance must be confirmed.  In a translation
    (``english`` false) the name is the English one and only the lines
    that carry it are recognised.  Raises :class:`OverviewImportError` for
    a withdrawn medicine's statement, or for a name or substance that
    cannot be found with confidence.
    """
    block = TitleBlock()
    lines = _candidates(preamble)
    for line in lines[:12]:
        if withdrawn_statement(line.text):
            raise OverviewImportError(
                f"this is the agency's statement on a withdrawn or refused medicine "
                f"({quote(line.text)}), not an overview of an authorised medicine; the kiosk "
                "shows only authorised medicines", line.number, where(line))
    rest: list[SourceLine] = []
    for line in lines:
        if not block.subtitle and (is_subtitle(line.text) if english else False):
            block.subtitle, block.subtitle_line = line.text, line.number
            block.used.append((line, "subtitle"))
        elif SUMMARY_TITLE.match(line.text) and not block.document_title:
            block.document_title = line.text
            block.used.append((line, "document title"))
        else:
            rest.append(line)
    # The introduction or a first section without heading: prose after the title block.
    for index, line in enumerate(rest):
        if is_summary_introduction(line.text):
            block.introduction = _from(preamble, line)
            rest = rest[:index]
            break
    confirm = headings + ([block.subtitle] if block.subtitle else []) + \
        [line.text for line in block.introduction]
    _read_name(block, rest, confirm, body, name, substance, english)
    after_title = [line for line in rest if all(line is not used for used, _ in block.used)]
    if not block.introduction:
        title_end = max((used.number for used, what in block.used
                         if what in ("name", "active substance", "subtitle")), default=0)
        for index, line in enumerate(after_title):
            if line.number > title_end and _is_prose(line.text) and (
                    not english or _mentioned(block.name, [line.text])):
                block.lead = _from(preamble, line)
                after_title = after_title[:index]
                break
    if not english:
        _translation_subtitle(block, after_title)
    block.leftovers = [line for line in after_title
                       if all(line is not used for used, _ in block.used)]
    return block


def _read_name(block: TitleBlock, lines: list[SourceLine], confirm: list[str], body: list[str],
               name: str | None, substance: str | None, english: bool) -> None:
    found_name = found_substance = ""
    name_line = substance_line = None
    titles: list[str] = []
    for index, line in enumerate(lines):
        text = line.text
        if not _title_like(text) or is_subtitle(text):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        pair = _NAME_SUBSTANCE.match(text)
        candidate = pair["name"] if pair else text
        if name and english is False:
            if not _mentioned(name, [text]):
                continue
        confirmed = _confirm_name(candidate, confirm if english else [name or ""])
        if confirmed is None and pair:
            # "Clopidogrel Teva (hydrogen sulphate)": the brackets may be the name's own
            confirmed = _confirm_name(text, confirm if english else [name or ""])
            pair = None if confirmed else pair
        if confirmed is None:
            continue
        found_name, name_line = confirmed, line
        titles.append(text)
        if confirmed != candidate and confirmed != text:
            block.notes.append(f"the footnote mark after the name {quote(text)} was left out")
            block.footnotes = (candidate[len(confirmed):].strip(),)
        next_text = following.text if following else ""
        if following and _title_like(next_text) and not _NAME_SUBSTANCE.match(next_text) \
                and len(next_text.split()) <= 8 and _mentioned(next_text, body + confirm):
            found_substance, substance_line = next_text, following
            if pair:
                found_name = _confirm_name(text, confirm if english else [name or ""]) or text
            titles.append(next_text)
        elif pair:
            found_substance = pair["substance"].strip()
            substance_line = line
        break
    block.titles = tuple(titles) + ((found_name, f"{found_name} ({found_substance})")
                                    if found_name and found_substance else ())
    if name_line is not None:
        block.used.append((name_line, "name"))
    if substance_line is not None and substance_line is not name_line:
        block.used.append((substance_line, "active substance"))
    if name:
        block.name, block.name_from = name, "given with --name"
    elif found_name:
        block.name, block.name_from = found_name, f"the title, {where(name_line)}"
    elif english and block.subtitle and subtitle_name(block.subtitle):
        block.name = subtitle_name(block.subtitle) or ""
        block.name_from = f"the subtitle, line {block.subtitle_line}"
    elif english and block.introduction and _INTRO_NAME.search(block.introduction[0].text):
        block.name = _INTRO_NAME.search(block.introduction[0].text)["name"]
        block.name_from = f"the introduction, {where(block.introduction[0])}"
    if substance:
        block.substance, block.substance_from = substance, "given with --substance"
    elif found_substance:
        block.substance = found_substance
        block.substance_from = f"the title, {where(substance_line)}"
    elif english and block.name:
        for text in body:
            match = _CONTAINS.search(text)
            if match and len(match["substance"].split()) <= 8:
                block.substance = match["substance"].strip()
                block.substance_from = f"the sentence {quote(text, 60)}"
                break
    if english and not block.name:
        first = next((line for line in lines if _title_like(line.text)), None)
        seen = f" (the title block reads {quote(first.text)})" if first else ""
        raise OverviewImportError(
            "the medicine's name cannot be found with confidence: no title line is used by "
            f"the overview's headings or subtitle{seen}; give it with --name \"Name\"",
            first.number if first else None, where(first) if first else "")
    if english and not block.substance:
        raise OverviewImportError(
            f"the active substance of {block.name} cannot be found with confidence: the title "
            "block names none and no sentence says which it contains; give it with "
            "--substance \"substance\"", name_line.number if name_line else None,
            where(name_line) if name_line else "")


def _confirm_name(candidate: str, confirm: list[str]) -> str | None:
    """``candidate`` as the overview uses it, or without a footnote mark; else None."""
    candidate = candidate.strip()
    if len(candidate) < 2:
        return None
    if _mentioned(candidate, confirm):
        return candidate
    marked = _FOOTNOTE_DIGITS.match(candidate)
    if marked and _mentioned(marked["name"].strip(), confirm):
        return marked["name"].strip()
    return None


def _translation_subtitle(block: TitleBlock, lines: list[SourceLine]) -> None:
    """In a translation the subtitle is the first short line after the title."""
    title_end = max((used.number for used, what in block.used if what in ("name",
                                                                          "active substance")),
                    default=0)
    for line in lines:
        if line.number > title_end and not _is_prose(line.text) and not block.subtitle:
            block.subtitle, block.subtitle_line = line.text, line.number
            block.used.append((line, "subtitle"))
            return
