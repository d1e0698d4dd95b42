"""Per language and medicine: is the medical text the EMA's, reviewed, or unreviewed?

Reads a document catalog and its provenance record
(:mod:`kiosk.languages.provenance`) for ``kiosk check`` (the table of who
translated what) and for the launcher (``[kiosk] medical_translations``:
offer only official or reviewed languages).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiosk.languages.catalog_files import catalog_paths, load_translations
from kiosk.languages.provenance import OFFICIAL, REVIEWED, UNREVIEWED, Provenance, \
    load_provenance
from kiosk.languages.registry import SOURCE_LANGUAGE

__all__ = ["MedicalTextStatus", "content_slugs", "languages_meeting", "medical_text_status",
           "meets_level", "provenance_report"]


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
        if language == SOURCE_LANGUAGE:
            continue
        for slug in slugs:
            out.append(f"  {language:<3} {slug}: "
                       f"{medical_text_status(locales_dir, language, slug).describe()}")
    return out


def content_slugs(content_dir: Path) -> list[str]:
    """The medicines of a content folder (folders holding ``overview.md``), sorted."""
    folder = Path(content_dir)
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir()
                  if p.is_dir() and not p.name.startswith((".", "_"))
                  and (p / "overview.md").is_file())


def languages_meeting(languages: list[str], locales_dir: Path, content_dir: Path,
                      level: str) -> list[str]:
    """``languages`` whose text of every medicine in ``content_dir`` is at least ``level``.

    English, the source, always stays.  Each language left out is logged
    with the medicine that keeps it out, for the deployer.
    """
    import logging

    log = logging.getLogger("kiosk.languages")
    slugs = content_slugs(content_dir)
    kept = []
    for language in languages:
        if language == SOURCE_LANGUAGE or level == "any":
            kept.append(language)
            continue
        short = [s for s in (medical_text_status(locales_dir, language, slug) for slug in slugs)
                 if not meets_level(s, level)]
        if short:
            log.info("language %s not offered: %s is %s (medical_translations = %s)",
                     language, short[0].slug, short[0].describe(), level)
        else:
            kept.append(language)
    return kept
