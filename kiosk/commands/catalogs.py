"""``kiosk catalogs extract | update | compile | migrate-plurals``: catalog upkeep for staff.

The work is done by :mod:`kiosk.languages.maintenance` and
:mod:`kiosk.languages.plural_migration`; this module prints what happened
and turns it into an exit code.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.languages import maintenance
from kiosk.languages.registry import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES

STEPS = ("extract", "update", "compile", "migrate-plurals")


def run_catalogs_command(config, step: str, languages: list[str] | None = None) -> int:
    """Run one step; returns the exit code (0 done, 1 something failed, 2 bad arguments).

    Args:
        config: the loaded :class:`kiosk.config.KioskConfig` (its catalog and content folders).
        step: one of :data:`STEPS`.
        languages: for ``migrate-plurals``, the language codes to migrate
            (default: every catalog whose header differs from the installed CLDR rule).
    """
    locales_dir, content_dir = Path(config.locales_dir), Path(config.content_dir)
    out = sys.stdout
    if step == "extract":
        templates = maintenance.extract(locales_dir, content_dir, out=out)
        return 1 if templates.errors else 0
    if step == "update":
        problems = maintenance.update(locales_dir, content_dir, out=out)
        return 1 if problems else 0
    if step == "compile":
        problems = maintenance.compile_all(locales_dir, out=out)
        if problems:
            files = len({(p.language, p.domain) for p in problems})
            print(f"{len(problems)} error(s) in {files} catalog(s); those have no new .mo "
                  "(the kiosk compiles them in memory without the broken entries, or shows "
                  "English, marked)", file=out)
            return 1
        return 0
    if step == "migrate-plurals":
        return migrate_plurals(locales_dir, languages, out)
    print(f"kiosk catalogs: unknown step {step!r} (use {', '.join(STEPS)})", file=sys.stderr)
    return 2


def migrate_plurals(locales_dir: Path, languages: list[str] | None, out) -> int:
    """Bring catalogs to the installed CLDR plural rules, mapping forms by category."""
    from kiosk.languages.plural_migration import migrate_file

    unknown = [code for code in languages or () if code not in SUPPORTED_LANGUAGES]
    if unknown:
        print(f"kiosk catalogs migrate-plurals: not a kiosk language: {', '.join(unknown)}",
              file=sys.stderr)
        return 2
    wanted = set(languages or SUPPORTED_LANGUAGES) - {SOURCE_LANGUAGE}
    failed = 0
    changed = 0
    for po in sorted(locales_dir.glob("*/LC_MESSAGES/*.po")):
        language, domain = po.parent.parent.name, po.stem
        if language not in wanted:
            continue
        try:
            migration = migrate_file(po, language, domain)
        except (ValueError, OSError) as exc:
            print(f"error: {po}: {exc} (not migrated)", file=out)
            failed += 1
            continue
        if migration.mapping or migration.old is None:
            changed += 1
            for line in migration.describe():
                print(line, file=out)
    print(f"{changed} catalog(s) migrated" + (f", {failed} could not be read" if failed else "")
          + ("; run `kiosk catalogs compile` and have a translator check the forms named above"
             if changed else ""), file=out)
    return 1 if failed else 0
