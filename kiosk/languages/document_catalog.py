"""Documents as gettext catalogs: one entry per heading, paragraph and list item.

This is how Sphinx and po4a translate long documents, and it is what makes
translations safe for medical text: the catalog is keyed on the exact
English paragraph, so when the agency changes a paragraph the old
translation no longer matches.  ``pybabel update`` marks it fuzzy, fuzzy
entries are never compiled, and the kiosk shows the English paragraph,
marked as English, until a translator has confirmed the new text.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.document.model import BulletList, Document, Paragraph
from kiosk.languages.catalog_files import has_message
from kiosk.languages.domains import DOMAIN_PREFIX, document_domain
from kiosk.languages.provenance import KIOSK_NOTE, OFFICIAL_NOTE, Provenance, load_provenance
from kiosk.languages.registry import SOURCE_LANGUAGE
from kiosk.languages.translator import _, locales_dir, translations_for

if TYPE_CHECKING:  # Babel's catalog module is slow to import; only tools need it
    from babel.messages.catalog import Catalog

def document_template(document: Document, source: str | None = None) -> Catalog:
    """The ``.pot`` catalog of a document: every text unit, in reading order.

    Each entry carries its place ("s3.p2" = section 3, paragraph 2) as an
    extracted comment, so a translator sees where the text stands.
    """
    from babel.messages.catalog import Catalog

    catalog = Catalog(
        project=f"Medicine kiosk: {document.name}",
        version="1",
        copyright_holder="European Medicines Agency (source text)",
        msgid_bugs_address="",
        creation_date=_dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc),
        fuzzy=False,
    )
    kinds = {"subtitle": "subtitle", "heading": "section heading",
             "paragraph": "paragraph", "item": "list item"}
    for unit in document.units():
        location = [(source, 0)] if source else []
        existing = catalog.get(unit.text)
        comment = f"{unit.key}: {kinds[unit.kind]}"
        if existing is not None:
            existing.auto_comments.append(comment)
            continue
        # Document text is never a format string: "10% of" must not be read
        # as a %-placeholder by msgfmt --check.  Babel guesses python-format
        # for any "%", and msgfmt obeys the last of two contradicting flags,
        # so the guess is removed, not just contradicted.
        message = catalog.add(unit.text, locations=location, auto_comments=[comment],
                              flags={"no-python-format"})
        message.flags.discard("python-format")
    return catalog


@dataclass(frozen=True)
class LocalizedText:
    """A piece of the document in the visitor's language, or the English fallback.

    ``is_fallback`` is True when the visitor chose another language but no
    confirmed translation exists: the screen marks it and the narrator
    reads it with an English voice, never guessing a translation.
    """

    key: str
    text: str
    source: str
    language: str  # the language the text is actually in
    is_fallback: bool
    is_official: bool = False  # the EMA's own translation, unchanged


@dataclass(frozen=True)
class LocalizedBlock:
    """A paragraph (one text) or a bullet list (several texts).

    ``levels`` gives each list item's depth (0 top level, 1 a sub-item ...;
    empty when every item is at the top level), as
    :class:`kiosk.document.model.BulletList` does: a screen indents a
    sub-item under the item it qualifies.
    """

    key: str
    texts: tuple[LocalizedText, ...]
    is_list: bool
    levels: tuple[int, ...] = ()

    def level(self, index: int) -> int:
        """The depth of text ``index`` (0-based); 0 for paragraphs and flat lists."""
        return self.levels[index] if self.levels else 0


@dataclass(frozen=True)
class LocalizedSection:
    """A section's heading and blocks, numbered from 1 as the visitor counts."""

    number: int
    heading: LocalizedText
    blocks: tuple[LocalizedBlock, ...]

    def texts(self) -> tuple[LocalizedText, ...]:
        """Heading, then every paragraph and item: what "read this section" reads."""
        return (self.heading,) + tuple(t for b in self.blocks for t in b.texts)


@dataclass(frozen=True)
class LocalizedDocument:
    """A document as one visitor sees it."""

    document: Document
    language: str
    subtitle: LocalizedText
    sections: tuple[LocalizedSection, ...]

    @property
    def fallback_count(self) -> int:
        """How many units are shown in English although another language was chosen."""
        units = [self.subtitle] + [t for s in self.sections for t in s.texts()]
        return sum(1 for t in units if t.is_fallback)

    @property
    def is_translated(self) -> bool:
        """True when at least part of the text is shown in a language other than English."""
        if self.language == SOURCE_LANGUAGE:
            return False
        units = [self.subtitle] + [t for s in self.sections for t in s.texts()]
        return any(not t.is_fallback for t in units)

    @property
    def is_official_translation(self) -> bool:
        """True when every translated text shown is the EMA's own translation, unchanged.

        English fallbacks (marked as such) do not count against it: they are
        the agency's English text.
        """
        units = [self.subtitle] + [t for s in self.sections for t in s.texts()]
        shown = [t for t in units if not t.is_fallback and t.language != SOURCE_LANGUAGE]
        return bool(shown) and all(t.is_official for t in shown)

    def translation_note(self) -> str:
        """What a screen says about who translated the medical text, in the visitor's
        language; empty for the English text.

        "This is the official EMA translation of the overview." when
        :attr:`is_official_translation`, else the kiosk's own note ("The
        official text is the EMA's English overview. This translation was
        made for this kiosk.").  The strings are marked in
        :mod:`kiosk.languages.provenance`; call this when painting.
        """
        if not self.is_translated:
            return ""
        return _(OFFICIAL_NOTE) if self.is_official_translation else _(KIOSK_NOTE)


def localize_document(document: Document, language: str) -> LocalizedDocument:
    """Translate ``document`` unit by unit, falling back to English per unit."""
    translations = (
        None if language == SOURCE_LANGUAGE
        else translations_for(language, document_domain(document.slug))
    )

    folder = locales_dir()
    provenance = (Provenance() if translations is None or folder is None
                  else load_provenance(folder, language, document_domain(document.slug)))

    def local(key: str, text: str) -> LocalizedText:
        if translations is None:
            return LocalizedText(key, text, text, SOURCE_LANGUAGE, False)
        if has_message(translations, text):
            shown = translations.gettext(text)
            return LocalizedText(key, shown, text, language, False,
                                 provenance.is_official(text, shown))
        return LocalizedText(key, text, text, SOURCE_LANGUAGE, True)

    sections = []
    for s_no, section in enumerate(document.sections, start=1):
        blocks = []
        for b_no, block in enumerate(section.blocks, start=1):
            key = f"s{s_no}.p{b_no}"
            if isinstance(block, Paragraph):
                blocks.append(LocalizedBlock(key, (local(key, block.text),), False))
            elif isinstance(block, BulletList):
                items = tuple(
                    local(f"{key}.i{i}", item) for i, item in enumerate(block.items, start=1)
                )
                blocks.append(LocalizedBlock(key, items, True, block.levels))
        sections.append(
            LocalizedSection(s_no, local(f"s{s_no}.h", section.heading), tuple(blocks))
        )
    return LocalizedDocument(
        document=document,
        language=language,
        subtitle=local("subtitle", document.subtitle),
        sections=tuple(sections),
    )


def strip_format_guess(catalog: Catalog) -> Catalog:
    """Drop Babel's python-format guess from every entry of a document catalog.

    Babel re-guesses the flag each time it reads a file, so every writer of
    document catalogs calls this just before writing.
    """
    for message in catalog:
        if message.id:
            message.flags.discard("python-format")
            message.flags.add("no-python-format")
    return catalog


def write_template(document: Document, locales_dir: Path, source: str | None = None) -> Path:
    """Write ``locales/doc-<slug>.pot`` for ``pybabel update``; returns its path."""
    from babel.messages.pofile import write_po

    path = locales_dir / f"{document_domain(document.slug)}.pot"
    locales_dir.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, document_template(document, source), omit_header=False)
    return path
