"""Helpers for the languages tests: small catalogs in temporary folders.

Nothing here writes into the repository's ``locales/``: every catalog is
built with Babel (``Catalog`` + ``write_po``) under pytest's ``tmp_path``.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from kiosk.document.source_format import parse_document
from kiosk.languages.document_catalog import document_template

REPO = Path(__file__).resolve().parents[2]

SMALL_DOCUMENT = """\
+++
name = "Testium"
subtitle = "An overview of Testium"
+++

## What is Testium?

Testium is a cream for 12 years and older.

It should not be applied to more than 10% of the body.

## What benefits have been shown?

The 2 studies involved a total of 661 patients; around 31% improved.
"""


@pytest.fixture
def small_document():
    return parse_document(SMALL_DOCUMENT, slug="testium")


def make_catalog(language: str | None, entries, *, domain: str = "kiosk") -> Catalog:
    """A catalog from (msgid, msgstr, options) tuples; options: fuzzy, comments, previous."""
    catalog = Catalog(locale=language, domain=domain, project="test", version="1", fuzzy=False)
    for entry in entries:
        msgid, msgstr, *rest = entry
        options = rest[0] if rest else {}
        message = catalog.add(
            msgid, msgstr,
            flags=("fuzzy",) if options.get("fuzzy") else (),
            auto_comments=options.get("comments", ()),
            previous_id=options.get("previous", ()),
        )
        if domain.startswith("doc-"):
            message.flags.discard("python-format")
            message.flags.add("no-python-format")
    return catalog


def write_catalog(locales: Path, language: str, domain: str, catalog: Catalog,
                  *, raw_header_plural: str | None = None) -> Path:
    path = locales / language / "LC_MESSAGES" / f"{domain}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    # No wrapping when the header is rewritten below: a wrapped Plural-Forms
    # line would leave its continuation behind.
    write_po(buffer, catalog, width=76 if raw_header_plural is None else 0)
    data = buffer.getvalue()
    if raw_header_plural is not None:
        lines = [l for l in data.split(b"\n") if not l.startswith(b'"Plural-Forms:')]
        if raw_header_plural:
            at = next(i for i, l in enumerate(lines) if l.startswith(b'"MIME-Version'))
            lines.insert(at, f'"Plural-Forms: {raw_header_plural}\\n"'.encode())
        data = b"\n".join(lines)
    path.write_bytes(data)
    return path


def document_catalog_for(document, language: str, translations: dict[str, str],
                         fuzzy: set[str] = frozenset()) -> Catalog:
    """A document catalog for ``language``: unit text -> translation; keys in ``fuzzy``."""
    template = document_template(document, "content/testium/overview.md")
    catalog = Catalog(locale=language, domain=f"doc-{document.slug}", fuzzy=False)
    for message in template:
        if not message.id:
            continue
        catalog.add(
            message.id, translations.get(message.id, ""),
            auto_comments=message.auto_comments,
            flags={"no-python-format"} | ({"fuzzy"} if message.id in fuzzy else set()),
        )
    return catalog


@pytest.fixture
def clean_translator(restore_translator):
    """The translator in English, its module state (active language, folder, cache)
    put back afterwards by ``restore_translator`` (tests/conftest.py)."""
    restore_translator.set_language("en")
    yield restore_translator
    restore_translator.set_language("en")
