"""The catalog templates (``.pot``), computed from the sources.

Two kinds of gettext domain exist:

* ``kiosk``: the interface strings, extracted from ``kiosk/**.py`` with the
  keywords ``_``, ``N_``, ``ngettext``, ``pgettext`` and ``npgettext``, with
  the comments tagged "Translators:" (the mapping is ``babel.cfg``); the
  entries with a "spoken..." msgctxt are the spoken forms
  (:mod:`kiosk.languages.spoken_forms`);
* ``doc-<slug>``: one per medicine, one entry per heading, paragraph and
  list item of ``content/<slug>/overview.md``
  (:func:`kiosk.languages.document_catalog.document_template`).

Both ``kiosk catalogs`` (which writes the templates) and ``kiosk check``
(which compares the ``.po`` files with templates computed in memory) use
this module, so "up to date" means the same thing for both.  The templates
carry a fixed POT-Creation-Date and no line numbers, so they only change
when a translatable text changes.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from kiosk.paths import PROJECT_ROOT
from kiosk.document.source_format import FILE_NAME, DocumentFormatError, load_document
from kiosk.languages.document_catalog import document_template
from kiosk.languages.domains import UI_DOMAIN, document_domain, is_document_domain

#: The keywords of the interface strings (``kiosk.languages``' ``_``, ``N_`` and
#: ``ngettext``; ``pgettext`` and ``npgettext`` for the spoken forms, whose msgctxt
#: "spoken..." keeps them apart from the screen's texts).  Babel's defaults are not used, so a call such as
#: ``translations.gettext(text)`` in the languages layer is never extracted.
UI_KEYWORDS: dict[str, object] = {"_": None, "N_": None, "ngettext": (1, 2),
                                   "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3)}
#: Comments above a marked string that start with this tag reach the catalog as
#: notes for the translator (``#.``).
UI_COMMENT_TAGS = ("Translators:",)
UI_PACKAGE = "kiosk"
MAPPING_FILE = "babel.cfg"
UI_PROJECT = "Medicine kiosk"
UI_VERSION = "1"
UI_COPYRIGHT = "the medicine kiosk project"
UI_HEADER_COMMENT = "# Interface strings of the medicine kiosk."
FIXED_CREATION_DATE = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
WIDTH = 76
FORMAT_FLAGS = ("python-format", "python-brace-format")


@dataclass
class Templates:
    """Every template, by domain, and the sources that could not be read."""

    catalogs: dict[str, Catalog] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def ui_template(project_root: Path = PROJECT_ROOT) -> Catalog:
    """The ``kiosk`` template: what ``pybabel extract -F babel.cfg ... kiosk`` gives."""
    from babel.messages.frontend import parse_mapping_cfg

    mapping = project_root / MAPPING_FILE
    with mapping.open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh, filename=str(mapping))
    catalog = Catalog(
        project=UI_PROJECT,
        version=UI_VERSION,
        copyright_holder=UI_COPYRIGHT,
        msgid_bugs_address="",
        creation_date=FIXED_CREATION_DATE,
        header_comment=UI_HEADER_COMMENT,
        fuzzy=False,
    )
    extracted = extract_from_dir(
        str(project_root / UI_PACKAGE), method_map, options_map,
        keywords=UI_KEYWORDS, comment_tags=UI_COMMENT_TAGS, strip_comment_tags=False,
    )
    for filename, lineno, message, comments, context in extracted:
        location = os.path.normpath(os.path.join(UI_PACKAGE, filename)).replace(os.sep, "/")
        catalog.add(message, None, [(location, lineno)], auto_comments=comments,
                    context=context)
    return catalog


def _source_name(path: Path, project_root: Path) -> str:
    try:
        return path.resolve().relative_to(project_root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def document_templates(content_dir: Path, project_root: Path = PROJECT_ROOT) -> Templates:
    """One ``doc-<slug>`` template per medicine folder in ``content_dir``."""
    found = Templates()
    if not content_dir.is_dir():
        found.errors.append(f"the content folder {content_dir} does not exist")
        return found
    for folder in sorted(p for p in content_dir.iterdir() if p.is_dir()):
        source = folder / FILE_NAME
        if not source.is_file():
            continue
        try:
            document = load_document(folder)
        except DocumentFormatError as exc:
            found.errors.append(str(exc))
            continue
        found.catalogs[document_domain(document.slug)] = document_template(
            document, _source_name(source, project_root)
        )
    return found


def all_templates(content_dir: Path, project_root: Path = PROJECT_ROOT) -> Templates:
    """The interface template and every document template."""
    found = Templates()
    try:
        found.catalogs[UI_DOMAIN] = ui_template(project_root)
    except Exception as exc:  # a syntax error in a module stops extraction
        found.errors.append(f"cannot extract the interface strings: {exc}")
    docs = document_templates(content_dir, project_root)
    found.catalogs.update(docs.catalogs)
    found.errors.extend(docs.errors)
    return found


def normalise_format_flags(catalog: Catalog, domain: str) -> None:
    """Give every entry the format flags it should have in a written file.

    Babel flags any text matching ``%`` + letter as ``python-format``, and
    re-adds the flag on every read.  A medicine's text is never formatted, so
    "10% of the body" must not be checked as the directive ``% o`` (msgfmt
    and ``pybabel compile`` would then reject "10 Prozent"): document entries
    get ``no-python-format`` instead (as
    the document template does).  In
    other domains a ``no-…`` flag that a translator or tool wrote wins over
    the guess Babel re-added on reading.  msgfmt obeys the *last* of two
    contradicting flags, and Babel writes them sorted, so the guess must go.
    """
    for message in catalog:
        if not message.id:
            continue
        if is_document_domain(domain):
            message.flags.discard("python-format")
            message.flags.add("no-python-format")
            if "python-brace-format" in message.flags:
                message.flags.discard("python-brace-format")
                message.flags.add("no-python-brace-format")
        else:
            for flag in FORMAT_FLAGS:
                if f"no-{flag}" in message.flags:
                    message.flags.discard(flag)


def explicit_flags_win(catalog: Catalog) -> None:
    """Undo Babel's re-guessed format flags where the file itself says ``no-…``."""
    for message in catalog:
        for flag in FORMAT_FLAGS:
            if f"no-{flag}" in message.flags:
                message.flags.discard(flag)


def catalog_bytes(catalog: Catalog, domain: str, *, template: bool = False,
                  normalise: bool = True) -> bytes:
    """The ``.po`` / ``.pot`` text the kiosk writes for ``catalog``."""
    if normalise:
        normalise_format_flags(catalog, domain)
    else:
        explicit_flags_win(catalog)
    buffer = io.BytesIO()
    write_po(
        buffer, catalog, width=WIDTH, include_lineno=False,
        include_previous=not template, omit_header=False,
    )
    return buffer.getvalue()


def template_path(locales_dir: Path, domain: str) -> Path:
    return locales_dir / f"{domain}.pot"


def previous_msgids(data: bytes) -> dict[int, list[str]]:
    """msgid line number -> the previous English (``#| msgid``) written above it.

    Babel writes these lines (``include_previous``) but does not read them
    back, so without this a second ``update`` would forget what changed.
    """
    from babel.messages.pofile import unescape

    found: dict[int, list[str]] = {}
    parts: list[list[str]] = []
    for number, raw in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#| msgid_plural "):
            parts.append([line[len("#| msgid_plural "):]])
        elif line.startswith("#| msgid "):
            parts = [[line[len("#| msgid "):]]]
        elif line.startswith('#| "') and parts:
            parts[-1].append(line[3:])
        elif line.startswith("msgid "):
            if parts:
                found[number] = ["".join(unescape(p) for p in chunk) for chunk in parts]
            parts = []
        elif line and not line.startswith("#"):
            parts = []
    return found


def read_catalog_bytes(data: bytes, language: str | None, domain: str, *,
                       abort_invalid: bool = False) -> Catalog:
    """Read a ``.po``, keeping the previous msgids (``#|``) Babel would drop."""
    catalog = read_po(io.BytesIO(data), locale=language, domain=domain,
                      abort_invalid=abort_invalid)
    previous = previous_msgids(data)
    if previous:
        for message in catalog:
            if message.lineno in previous and not message.previous_id:
                message.previous_id = previous[message.lineno]
    return catalog
