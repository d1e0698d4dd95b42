"""Shared checks of the importer tests (imported by the test modules)."""

from __future__ import annotations

import re

from doc_paths import DATA
from kiosk.document.ema.inline import inline_text
from kiosk.document.ema.results import ImportResult

INPUTS = DATA / "inputs"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def document_texts(result: ImportResult) -> list[str]:
    """Every text the visitor can see: facts, subtitle, headings, paragraphs, items."""
    doc = result.document
    out = [doc.name, doc.active_substance, doc.subtitle, doc.facts.ema_reference,
           doc.facts.product_number]
    for section in doc.sections:
        out.append(section.heading)
        out.extend(section.paragraphs)
    return [t for t in out if t]


def unaccounted_lines(raw: str, result: ImportResult) -> list[str]:
    """Input lines that are neither in the document nor reported as left out.

    Issue 10: "Every sentence of the input ends up in the output or in the
    report as dropped, with the reason."  A wrapped line must be a piece of
    one output text; the footnote digit of a name is allowed to go.
    """
    shown = " \u0000 ".join(squash(t) for t in document_texts(result))
    dropped = {squash(d.text) for d in result.dropped}
    missing = []
    for line in raw.splitlines():
        text = squash(inline_text(re.sub(r"^\s*(?:#+|[•\-*o–]|\d+\.)\s+", "", line)))
        text = text.strip("*_ ")
        if not text or text in dropped or text in shown:
            continue
        if re.sub(r"\d+$", "", text) in shown:  # "Clopidogrel Teva Pharma1"
            continue
        missing.append(line)
    return missing
