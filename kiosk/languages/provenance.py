"""Who translated a medicine's text, and whether it is the EMA's own translation.

The agency publishes every overview in every EU language; its translation
is the authoritative text in that language.  The kiosk's own translations
(for Ukrainian and Turkish, which the EMA does not publish, or where the
EMA text has not been imported) are the kiosk's, reviewed or not.  A
visitor is told which it is, ``kiosk check`` shows it per language and
medicine, and a deployer can offer only official or reviewed languages
(``[kiosk] medical_translations``); :mod:`kiosk.languages.medical_text`
works out each catalog's status from this record.

Where it is recorded: in a small TOML file beside the catalog,
``<lang>/LC_MESSAGES/doc-<slug>.provenance.toml`` (not in custom PO header
fields, which Babel drops when ``kiosk catalogs update`` rewrites the
catalog).  It names the translator and the reviewer and, for an official
translation, a digest of every entry as the EMA wrote it, so an entry that
anyone edits afterwards is no longer counted as the EMA's.  Staff may
write the file by hand for the kiosk's translations, e.g.::

    status = "reviewed"
    translator = "A. Translator"
    reviewer = "Dr B. Reviewer, pharmacist"
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.document.sanitize import clean_data
from kiosk.languages.translator import N_

__all__ = [
    "KIOSK_NOTE",
    "LEVELS",
    "OFFICIAL",
    "OFFICIAL_NOTE",
    "Provenance",
    "REVIEWED",
    "UNREVIEWED",
    "entry_digest",
    "load_provenance",
    "provenance_path",
    "write_provenance",
]

OFFICIAL, REVIEWED, UNREVIEWED = "official", "reviewed", "unreviewed"
STATUSES = (OFFICIAL, REVIEWED, UNREVIEWED)
#: The deployer's choices for ``[kiosk] medical_translations``: which languages to offer.
LEVELS = ("any", REVIEWED, OFFICIAL)
SUFFIX = ".provenance.toml"
EMA = "European Medicines Agency"

#: What a screen says about a translated medicine text (translated when shown).
OFFICIAL_NOTE = N_("This is the official EMA translation of the overview.")
KIOSK_NOTE = N_("The official text is the EMA's English overview. "
                "This translation was made for this kiosk.")


@dataclass(frozen=True)
class Provenance:
    """The record beside one catalog; a missing file is an unreviewed kiosk translation."""

    status: str = UNREVIEWED
    translator: str = ""
    reviewer: str = ""
    source: str = ""
    imported: _dt.date | None = None
    official_entries: frozenset[str] = field(default_factory=frozenset)

    def is_official(self, msgid: str, msgstr: str) -> bool:
        """True when this entry is, unchanged, the EMA's own translation."""
        return self.status == OFFICIAL and entry_digest(msgid, msgstr) in self.official_entries


def entry_digest(msgid: str, msgstr: str) -> str:
    """The digest of one entry (English and translation): 16 hex digits of SHA-256."""
    return hashlib.sha256(f"{msgid}\0{msgstr}".encode("utf-8")).hexdigest()[:16]


def provenance_path(locales_dir: Path, language: str, domain: str) -> Path:
    """``<locales>/<lang>/LC_MESSAGES/<domain>.provenance.toml``."""
    return Path(locales_dir) / language / "LC_MESSAGES" / f"{domain}{SUFFIX}"


def load_provenance(locales_dir: Path, language: str, domain: str) -> Provenance:
    """The record of one catalog; missing or unreadable gives an unreviewed kiosk translation.

    An unreadable file never makes a translation look official.
    """
    path = provenance_path(locales_dir, language, domain)
    try:
        data = clean_data(tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return Provenance()
    status = data.get("status", UNREVIEWED)
    if status not in STATUSES:
        status = UNREVIEWED
    reviewer = data.get("reviewer", "") if isinstance(data.get("reviewer"), str) else ""
    if status == REVIEWED and not reviewer.strip():
        status = UNREVIEWED  # "reviewed" needs a reviewer's name
    entries = data.get("official_entries", [])
    imported = data.get("imported")
    return Provenance(
        status=status,
        translator=str(data.get("translator", "")),
        reviewer=reviewer,
        source=str(data.get("source", "")),
        imported=imported if isinstance(imported, _dt.date) else None,
        official_entries=frozenset(e for e in entries if isinstance(e, str)),
    )


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def write_provenance(locales_dir: Path, language: str, domain: str,
                     provenance: Provenance) -> Path:
    """Write the record beside the catalog (atomically); returns its path."""
    path = provenance_path(locales_dir, language, domain)
    lines = [
        f"# Who translated and reviewed the medical text of {domain}.po "
        "(kiosk.languages.provenance).",
        "# status: \"official\" (the EMA's own translation), \"reviewed\" or \"unreviewed\" "
        "(the kiosk's).",
        f"status = {_toml(provenance.status)}",
        f"translator = {_toml(provenance.translator)}",
        f"reviewer = {_toml(provenance.reviewer)}",
    ]
    if provenance.source:
        lines.append(f"source = {_toml(provenance.source)}")
    if provenance.imported:
        lines.append(f"imported = {provenance.imported.isoformat()}")
    if provenance.official_entries:
        lines.append("# One digest per entry as the EMA wrote it; an edited entry no longer "
                     "counts as official.")
        lines.append("official_entries = [")
        lines += [f'  "{digest}",' for digest in sorted(provenance.official_entries)]
        lines.append("]")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.writing")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    return path
