"""``kiosk check``: every check on every catalog, gathered into one report.

A medicine kiosk must never show a wrong number, a half-translated sentence
or a string that crashes the screen.  The checks themselves live in small
modules; this one runs them over the catalogs of the chosen languages:

(a) ``parse``/``msgfmt``: Babel reads the catalog and GNU ``msgfmt --check``
    accepts it (:mod:`kiosk.languages.catalog_reading`);
(b) ``placeholders`` (:mod:`kiosk.languages.placeholders`);
(c) ``plural-forms``: every plural entry has the forms its own header asks
    for; a header that differs from the installed CLDR rule is a warning
    (:mod:`kiosk.languages.plural_forms`);
(d)-(f), (h): complete, up to date, numbers, safe text
    (:mod:`kiosk.languages.entry_checks`);
(i) ``spoken-forms``: the spoken forms' lists parse
    (:mod:`kiosk.languages.spoken_checks`).

Whether each language has a speech voice, and whether that voice says every
number's unit, is checked by ``kiosk check`` itself
(:mod:`kiosk.commands.check`): the languages layer does not depend on the
speech layer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from babel.messages.catalog import Catalog

from kiosk.languages.catalog_files import catalog_paths
from kiosk.languages.catalog_reading import (
    MSGFMT_MISSING,
    check_msgfmt,
    load_catalog,
    msgfmt_command,
)
from kiosk.languages.domains import UI_DOMAIN
from kiosk.languages.entry_checks import (
    catalog_stats,
    check_completeness,
    check_numbers,
    check_text_safety,
    check_up_to_date,
)
from kiosk.languages.placeholders import check_placeholders
from kiosk.languages.plural_forms import check_plural_forms, drift_warning, plural_rule_drift
from kiosk.languages.problems import CatalogStats, CheckReport, Problem, messages_of
from kiosk.languages.registry import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES
from kiosk.languages.spoken_checks import check_spoken_entries
from kiosk.languages.templates import Templates, all_templates
from kiosk.paths import PROJECT_ROOT


def catalog_domains(locales_dir: Path, templates: Templates) -> list[str]:
    """The interface domain first, then every document domain (from sources or files)."""
    domains = set(templates.catalogs)
    if locales_dir.is_dir():
        domains |= {p.stem for p in locales_dir.glob("*/LC_MESSAGES/*.po")}
    rest = sorted(d for d in domains if d != UI_DOMAIN)
    return ([UI_DOMAIN] if UI_DOMAIN in domains or not rest else []) + rest


def check_catalog(path: Path, language: str, domain: str, template: Catalog | None,
                  *, use_msgfmt: bool = True,
                  sources_known: bool = True) -> tuple[Catalog | None, list[Problem]]:
    """Every catalog check on one ``.po`` file.

    Args:
        template: the catalog's source (``None``: no interface or medicine has it).
        use_msgfmt: also compile with GNU msgfmt, as Poedit would.
        sources_known: false when the content folder is missing, so a medicine
            catalog without its source is not reported as an orphan to remove.

    Returns:
        ``(catalog, problems)``; the catalog is ``None`` when Babel cannot read it.

    Raises:
        MsgfmtMissing: ``use_msgfmt`` is true but msgfmt is not installed.
    """
    catalog, problems = load_catalog(path, language, domain)
    if use_msgfmt:
        problems += check_msgfmt(path, language, domain, catalog)
    if catalog is None:
        return None, problems
    problems += check_placeholders(catalog, language, domain)
    problems += check_plural_forms(catalog, language, domain, path)
    problems += check_completeness(catalog, language, domain)
    if template is not None:
        problems += check_up_to_date(catalog, template, language, domain)
    elif sources_known:
        problems.append(Problem(language, domain, "", "up-to-date",
                                f"no source for {domain}: neither the interface nor a medicine "
                                "in the content folder; remove the catalog or restore its source"))
    problems += check_numbers(catalog, language, domain)
    problems += check_text_safety(catalog, language, domain)
    if domain == UI_DOMAIN:
        problems += check_spoken_entries(catalog, language, domain)
    return catalog, problems


def run_checks(
    locales_dir: Path,
    content_dir: Path,
    languages: Iterable[str] | None = None,
    *,
    templates: Templates | None = None,
    project_root: Path = PROJECT_ROOT,
    use_msgfmt: bool | None = None,
) -> CheckReport:
    """Run every check on ``locales_dir`` for ``languages`` (default: all 28).

    Args:
        templates: the sources' templates (default: computed from the code and
            ``content_dir``, as ``kiosk catalogs extract`` would write them).
        use_msgfmt: run ``msgfmt --check`` (default: when it is installed; a
            warning says so when it is not).

    Returns:
        The report: problems fail ``kiosk check``, warnings do not.
    """
    locales_dir, content_dir = Path(locales_dir), Path(content_dir)
    langs = list(languages) if languages else list(SUPPORTED_LANGUAGES)
    if templates is None:
        templates = all_templates(content_dir, project_root)
    domains = catalog_domains(locales_dir, templates)
    report = CheckReport(langs, domains)
    for error in templates.errors:
        report.problems.append(Problem("*", "*", "", "source", error))
    if use_msgfmt is None:
        use_msgfmt = msgfmt_command() is not None
        if not use_msgfmt:
            report.warnings.append(MSGFMT_MISSING)
    if locales_dir.is_dir():
        for folder in sorted(p for p in locales_dir.iterdir() if p.is_dir()):
            if folder.name not in SUPPORTED_LANGUAGES:
                report.warnings.append(
                    f"{folder} is not one of the kiosk's languages and was not checked")
    drifted: list[str] = []
    for language in langs:
        if language == SOURCE_LANGUAGE:
            continue
        for domain in domains:
            template = templates.catalogs.get(domain)
            po, _mo = catalog_paths(locales_dir, language, domain)
            if not po.is_file():
                count = len(messages_of(template)) if template is not None else 0
                report.stats[(language, domain)] = CatalogStats(
                    language, domain, count, 0, 0, count, missing=True)
                report.problems.append(Problem(
                    language, domain, "", "up-to-date",
                    f"the catalog {language}/LC_MESSAGES/{domain}.po is missing "
                    f"({count} texts to translate; `kiosk catalogs update` creates it)",
                ))
                continue
            # Without the content folder no medicine's source is known: its missing
            # folder is the one problem, not every language's medicine catalogs.
            catalog, problems = check_catalog(po, language, domain, template,
                                              use_msgfmt=use_msgfmt,
                                              sources_known=content_dir.is_dir())
            report.problems += problems
            if catalog is not None:
                report.stats[(language, domain)] = catalog_stats(catalog, language, domain)
                if plural_rule_drift(catalog, language) is not None and language not in drifted:
                    drifted.append(language)
            else:
                report.stats[(language, domain)] = CatalogStats(language, domain)
    if drifted:
        report.warnings.append(drift_warning(drifted))
    return report
