"""Who translated a medicine's text, and whether it is the EMA's own translation.

The agency publishes every overview in every EU language; its translation
is the authoritative text in that language.  The kiosk's own translations
(for Ukrainian and Turkish, which the EMA does not publish, or where the
EMA text has not been imported) are the kiosk's, reviewed or not.  A
visitor is told which it is, ``kiosk check`` shows it per language and
medicine, and a deployer can offer only official or reviewed languages
(``[kiosk] medical_translations``).

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
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.languages.translator import N_

__all__ = [
    "LEVELS",
    "OFFICIAL",
    "Provenance",
    "REVIEWED",
    "UNREVIEWED",
    "entry_digest",
    "load_provenance",
    "medical_text_status",
    "meets_level",
    "provenance_path",
    "provenance_report",
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
        data = tomllib.loads(path.read_text(encoding="utf-8"))
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
    from kiosk.languages.templates import write_atomically

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
    write_atomically(path, ("\n".join(lines) + "\n").encode("utf-8"))
    return path


@dataclass(frozen=True)
class MedicalTextStatus:
    """The medical text of one medicine in one language, as ``kiosk check`` shows it."""

    language: str
    slug: str
    status: str  # official, reviewed, unreviewed, or "missing" (no catalog)
    official: int = 0  # entries that are the EMA's, unchanged
    translated: int = 0
    provenance: Provenance = field(default_factory=Provenance)

    def describe(self) -> str:
        """One line for staff, e.g. "official EMA translation (27 of 27 entries)"."""
        if self.status == "missing":
            return "no catalog: shown in English"
        if self.status == OFFICIAL:
            return f"official EMA translation ({self.official} of {self.translated} entries)"
        who = f", translated by {self.provenance.translator}" if self.provenance.translator \
            else ""
        if self.status == REVIEWED:
            return f"the kiosk's translation, reviewed by {self.provenance.reviewer}{who}"
        mixed = ""
        if self.official:
            mixed = f"; {self.official} of {self.translated} entries are the EMA's"
        return f"the kiosk's translation, unreviewed{who}{mixed}"


def medical_text_status(locales_dir: Path, language: str, slug: str) -> MedicalTextStatus:
    """Whether ``slug``'s text in ``language`` is official, reviewed or unreviewed.

    Official means: the record says so and every confirmed entry of the
    catalog is the EMA's, unchanged.  An official translation whose entries
    were edited is counted as reviewed when the record names a reviewer,
    else as unreviewed.
    """
    from kiosk.languages.catalog_files import catalog_paths, load_translations

    domain = f"doc-{slug}"
    po, mo = catalog_paths(Path(locales_dir), language, domain)
    if not po.is_file() and not mo.is_file():
        return MedicalTextStatus(language, slug, "missing")
    provenance = load_provenance(locales_dir, language, domain)
    catalog = getattr(load_translations(Path(locales_dir), language, domain), "_catalog", {})
    entries = {k: v for k, v in catalog.items() if isinstance(k, str) and k and v}
    official = sum(1 for k, v in entries.items() if provenance.is_official(k, v))
    status = provenance.status
    if status == OFFICIAL and (not entries or official < len(entries)):
        status = REVIEWED if provenance.reviewer.strip() else UNREVIEWED
    return MedicalTextStatus(language, slug, status, official, len(entries), provenance)


_RANK = {"missing": -1, UNREVIEWED: 0, REVIEWED: 1, OFFICIAL: 2}


def meets_level(status: MedicalTextStatus, level: str) -> bool:
    """True when ``status`` is at least ``level`` ("any", "reviewed" or "official")."""
    if level == "any":
        return True
    return _RANK[status.status] >= _RANK[level]


def provenance_report(locales_dir: Path, languages: list[str], slugs: list[str]) -> list[str]:
    """``kiosk check``'s table of who translated each medicine's text, one line per pair."""
    if not slugs:
        return []
    out = ["Medical text (per language and medicine: official EMA translation, reviewed or "
           "unreviewed):"]
    for language in languages:
        for slug in slugs:
            out.append(f"  {language:<3} {slug}: "
                       f"{medical_text_status(locales_dir, language, slug).describe()}")
    return out
