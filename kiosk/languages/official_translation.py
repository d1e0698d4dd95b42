"""The EMA's own translation of an overview, into that language's document catalog.

``kiosk import FILE --translation-of SLUG [--language xx]`` (see
:mod:`kiosk.commands.import_medicine`) reads the agency's overview in another
language, aligns it unit by unit with the English content file
(:mod:`kiosk.document.ema.alignment`), checks that every unit has the same
numbers as the English (:mod:`kiosk.languages.number_parity`; a changed
number in medical text is the worst error there is), and writes each unit
into ``<lang>/LC_MESSAGES/doc-<slug>.po`` as a confirmed (not fuzzy)
translation.  The catalog's provenance record
(:mod:`kiosk.languages.provenance`) then says it is the EMA's own.  Any
unit that does not align, or whose numbers differ, stops the import with a
sentence naming it: nothing is written.
"""

from __future__ import annotations

import copy
import datetime as _dt
from pathlib import Path

from kiosk.document.ema.alignment import AlignmentError, align_translation
from kiosk.document.ema.language_guess import EMA_LANGUAGES, guess_language
from kiosk.document.ema.overview import parse_lines
from kiosk.document.ema.results import OverviewImportError
from kiosk.document.source_format import DocumentFormatError, load_document
from kiosk.languages.document_catalog import document_domain, document_template
from kiosk.languages.number_parity import compare_numbers
from kiosk.languages.provenance import EMA, OFFICIAL, Provenance, entry_digest, \
    load_provenance, provenance_path, write_provenance
from kiosk.languages.registry import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, negotiate_language

__all__ = ["TranslationRefused", "import_official_translation"]

HEADER_NOTE = "Medical text: the official EMA translation, imported from {source} on {date}"


class TranslationRefused(Exception):
    """The translation cannot be imported; the message says which unit and why."""


def _language(given: str | None, text: str) -> str:
    guessed = guess_language(text)
    if given:
        code = negotiate_language(given, [c for c in SUPPORTED_LANGUAGES if c != SOURCE_LANGUAGE])
        if code is None:
            raise TranslationRefused(
                f"--language {given}: not one of the kiosk's languages ("
                + " ".join(c for c in SUPPORTED_LANGUAGES if c != SOURCE_LANGUAGE) + ")")
        close = {guessed.code, code.split("_")[0]} <= {"nb", "da"}  # too close to tell
        if guessed.code and guessed.code != code.split("_")[0] and not close:
            raise TranslationRefused(
                f"the text reads as {guessed.name}, not as the language given with "
                f"--language {given}; check the file or the option")
        return code
    if not guessed.code:
        raise TranslationRefused(f"its language cannot be told with confidence "
                                 f"({guessed.detail}); give it with --language, e.g. --language fi")
    if guessed.code == SOURCE_LANGUAGE:
        raise TranslationRefused("it is in English, the kiosk's source language; import it "
                                 "without --translation-of")
    code = negotiate_language(guessed.code, list(SUPPORTED_LANGUAGES))
    if code is None:
        raise TranslationRefused(f"it is in {EMA_LANGUAGES[guessed.code]}, which the kiosk does "
                                 "not offer")
    return code


def import_official_translation(source_name: str, lines: list, content_dir: Path,
                                locales_dir: Path, slug: str, *, language: str | None = None,
                                write: bool = True) -> tuple[bytes, str]:
    """Import the agency's translation of medicine ``slug``; returns (catalog bytes, report).

    ``lines`` are the classified lines of the input (text or PDF).  With
    ``write`` false nothing is written (``--stdout``).  Raises
    :class:`TranslationRefused` with one sentence naming what does not fit.
    """
    from kiosk.files import write_atomically
    from kiosk.languages.templates import catalog_bytes, read_catalog_bytes

    try:
        document = load_document(Path(content_dir) / slug)
    except DocumentFormatError as exc:
        raise TranslationRefused(
            f"--translation-of {slug}: no medicine {slug!r} in {content_dir} ({exc.problem}); "
            "import the English overview first") from None
    try:
        parsed = parse_lines(lines, source_name, name=document.name,
                             substance=document.active_substance, english=False)
    except OverviewImportError as exc:
        raise TranslationRefused(f"{exc.place + ': ' if exc.place else ''}{exc.message}") from None
    body = " ".join(d.heading for d in parsed.structure.sections) + " " + " ".join(
        part for d in parsed.structure.sections for b in d.blocks
        for part in (b.parts or [p for item in b.items for p in item]))
    code = _language(language, body)
    try:
        pairs, notes = align_translation(document, parsed)
    except AlignmentError as exc:
        raise TranslationRefused(f"it does not align with the English overview of "
                                 f"{document.name}: {exc}") from None
    for pair in pairs:
        mismatch = compare_numbers(pair.unit.text, pair.translation, code)
        if mismatch:
            raise TranslationRefused(
                f"unit {pair.unit.key} ({pair.place} of the translation): {mismatch.describe()} "
                f"(English: {pair.unit.text[:60]!r}); nothing was written")
    domain = document_domain(slug)
    po = Path(locales_dir) / code / "LC_MESSAGES" / f"{domain}.po"
    template = document_template(document, f"content/{slug}/overview.md")
    if po.is_file():
        catalog = read_catalog_bytes(po.read_bytes(), code, domain)
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True,
                       update_header_comment=False)
    else:
        catalog = read_catalog_bytes(catalog_bytes(copy.deepcopy(template), domain,
                                                   template=True), code, domain)
        catalog.locale = code
        catalog.fuzzy = False
    today = _dt.datetime.now(_dt.timezone.utc)
    for pair in pairs:
        message = catalog[pair.unit.text]
        message.string = pair.translation
        message.flags.discard("fuzzy")
        message.previous_id = []
    catalog.revision_date = today
    catalog.last_translator = f"{EMA} (official translation)"
    note = HEADER_NOTE.format(source=source_name, date=today.date().isoformat())
    kept = [line for line in (catalog.header_comment or "").splitlines()
            if not line.startswith("# Medical text:")]
    catalog.header_comment = "\n".join(kept + [f"# {note}"])
    data = catalog_bytes(catalog, domain)
    official = frozenset(entry_digest(p.unit.text, p.translation) for p in pairs)
    previous = load_provenance(Path(locales_dir), code, domain)
    record = Provenance(OFFICIAL, EMA, previous.reviewer, source_name, today.date(), official)
    if write:
        write_atomically(po, data)
        write_provenance(Path(locales_dir), code, domain, record)
    total = len(list(document.units()))
    report = [
        f"Imported {source_name}: the EMA's {EMA_LANGUAGES.get(code[:2], code)} translation of "
        f"{document.name} ({code})",
        (f"Wrote {po} and {provenance_path(Path(locales_dir), code, domain).name}"
         if write else "Printed the catalog (nothing written)"),
        f"Aligned: {len(pairs)} of {total} units, numbers checked in every one",
    ]
    report += [f"Note: {n}." for n in notes]
    report.append("Run `kiosk catalogs compile` (the set-up does it) so the kiosk shows it.")
    return data, "\n".join(report) + "\n"
