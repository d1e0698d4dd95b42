"""The import report, written for the clinic staff who run ``kiosk import``.

It says what was written, what the importer recognised (the template, where
the name and substance came from, the sections and facts), what it left
out and why (grouped: page furniture is summed up, the agency's own
sentences that were left out are quoted one by one), which of the
template's sections the input lacks, and what to check.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from kiosk.document.ema.furniture import CONTACT, COPYRIGHT, LETTERHEAD, PAGE, REFERENCE, \
    SMALL_PRINT, WEB
from kiosk.document.ema.results import Dropped, ImportResult

__all__ = ["import_report"]

_FURNITURE_REASONS = (LETTERHEAD, REFERENCE, CONTACT, COPYRIGHT, PAGE, WEB, SMALL_PRINT,
                      "the running title at the top of a page")


def _places(items: list[Dropped], limit: int = 8) -> str:
    places = list(dict.fromkeys(d.place or f"line {d.line}" for d in items))
    shown = ", ".join(places[:limit])
    return shown + (f" and {len(places) - limit} more" if len(places) > limit else "")


def import_report(source: Path, target: Path | None, result: ImportResult) -> str:
    """The report of one import, as lines of plain text."""
    document, recognised = result.document, result.recognised
    facts = document.facts
    out = [f"Imported {source}: {document.title}"]
    out.append(f"Wrote {target} (read back and checked)" if target
               else "Printed the content file (read back and checked)")
    if recognised.template:
        out.append(f"Recognised: an EMA {recognised.template}")
    out.append(f"Sections: {len(document.sections)}")
    out.extend(f"  {n:>2}. {s.heading}" for n, s in enumerate(document.sections, start=1))
    missing = "(not found)"
    out.append("Facts:")
    for label, value in (
        ("Medicine", document.name + (f"  (from {recognised.name_from})"
                                      if recognised.name_from else "")),
        ("Active substance", (document.active_substance or missing)
         + (f"  (from {recognised.substance_from})" if recognised.substance_from else "")),
        ("Subtitle", document.subtitle or missing),
        ("EMA reference", facts.ema_reference or missing),
        ("Product number", facts.product_number or missing),
        ("Authorised", facts.authorisation_date.isoformat() if facts.authorisation_date
         else missing),
        ("Last updated", str(facts.last_updated) if facts.last_updated else missing),
        ("Source", facts.source_url or missing),
    ):
        out.append(f"  {label + ':':<18} {value}")
    for note in recognised.notes:
        out.append(f"Note: {note}.")
    if recognised.missing_sections:
        out.append(f"Missing from the template: {len(recognised.missing_sections)} section(s) "
                   "the input does not have (was the page copied only in part?)")
        out.extend(f"  - {heading}" for heading in recognised.missing_sections)
    out.extend(_dropped_lines(result.dropped))
    if result.warnings:
        out.append(f"Warnings: {len(result.warnings)} (places are in {source.name})")
        out.extend(f"  {w}" for w in result.warnings)
    else:
        out.append("Warnings: none")
    return "\n".join(out) + "\n"


def _dropped_lines(dropped: list[Dropped]) -> list[str]:
    if not dropped:
        return ["Left out: nothing"]
    furniture: dict[str, list[Dropped]] = defaultdict(list)
    other: list[Dropped] = []
    for item in dropped:
        if item.reason in _FURNITURE_REASONS:
            furniture[item.reason].append(item)
        else:
            other.append(item)
    out = [f"Left out: {len(dropped)} line(s) that are not the overview's text"]
    for reason, items in furniture.items():
        out.append(f"  {len(items)} x {reason} ({_places(items)})")
    for item in other:
        text = item.text if len(item.text) <= 90 else item.text[:89] + "…"
        out.append(f"  {item.place or f'line {item.line}'}: \"{text}\" — {item.reason}")
    return out
