"""``kiosk check``: the catalogs, the speech voices and the deployment, in one report.

Prints a table per language (entries, translated, fuzzy, untranslated,
problems), then one line per problem and per warning, and exits 1 when
anything blocks a release (warnings do not).  Besides the catalogs it
checks that eSpeak NG has a voice for each language and that each voice says
every number's unit the screens show (:mod:`kiosk.commands.spoken_check`:
eSpeak NG's phonemes, per voice), lists who translated each medicine's text
(official EMA translation, reviewed, unreviewed) and who wrote and reviewed
the spoken forms, and
what a deployment needs: that the configured log file can be written (``[kiosk] log_file``),
and, on the Linux console, which languages the loaded console font cannot show
(elsewhere: what the font ``/etc/default/console-setup`` names would cost).
"""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.commands.spoken_check import spoken_number_findings
from kiosk.config_names import check_names, content_dir_problem
from kiosk.commands.voice_check import check_voice
from kiosk.console_font.console_setup import read_console_setup
from kiosk.console_font.findings import console_font_findings
from kiosk.console_font.terminal import kiosk_terminal_font
from kiosk.languages.checks import run_checks
from kiosk.languages.medical_text import content_slugs, provenance_report
from kiosk.languages.problems import CheckReport, Problem
from kiosk.languages.templates import all_templates
from kiosk.languages.registry import (
    SOURCE_LANGUAGE,
    SUPPORTED_LANGUAGES,
    language_info,
    negotiate_language,
)
from kiosk.logs import log_file_problem


def format_report(report: CheckReport) -> str:
    """The per-language table, then one line per problem, then warnings."""
    header = ("language", "domain(s)", "entries", "translated", "fuzzy", "untranslated", "problems")
    rows = []
    for language in report.languages:
        info = language_info(language)
        name = f"{language} {info.english_name}"
        problems = len([p for p in report.problems if p.language == language])
        if language == SOURCE_LANGUAGE:
            rows.append((name, "(source)", "-", "-", "-", "-", str(problems)))
            continue
        stats = [s for (lang, _d), s in report.stats.items() if lang == language]
        domains = ", ".join(
            s.domain + (" (missing)" if s.missing else "") for s in stats
        ) or "-"
        rows.append((
            name, domains,
            str(sum(s.entries for s in stats)), str(sum(s.translated for s in stats)),
            str(sum(s.fuzzy for s in stats)), str(sum(s.untranslated for s in stats)),
            str(problems),
        ))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    numeric = {2, 3, 4, 5, 6}

    def line(cells):
        return " | ".join(
            c.rjust(widths[i]) if i in numeric else c.ljust(widths[i]) for i, c in enumerate(cells)
        ).rstrip()

    out = [line(header), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append("")
    if report.problems:
        out.append(f"{len(report.problems)} problem(s):")
        out += [f"  {p}" for p in report.problems]
    else:
        out.append("No problems: every checked catalog is complete, up to date and safe.")
    for warning in report.warnings:
        out.append(f"WARNING: {warning}")
    return "\n".join(out)


def resolve_languages(tags: list[str] | None) -> tuple[list[str] | None, list[str]]:
    """``--language`` values to catalog codes; returns (codes or None, unknown tags)."""
    if not tags:
        return None, []
    codes, unknown = [], []
    for tag in tags:
        code = negotiate_language(tag, SUPPORTED_LANGUAGES)
        if code is None:
            unknown.append(tag)
        elif code not in codes:
            codes.append(code)
    return codes, unknown


def run_check_command(config, languages: list[str] | None = None, *, terminal=None,
                      console_setup=None) -> int:
    """``kiosk check``: print the table and every problem.

    Args:
        config: the loaded :class:`kiosk.config.KioskConfig`.
        languages: ``--language`` values (any tag; default: every language).
        terminal: ``(font, note)`` of the console font (default: read from the
            terminal the check runs in, :func:`kiosk_terminal_font`).
        console_setup: Debian's console font settings (default: read
            ``/etc/default/console-setup``).

    Returns:
        The exit code: 0 no problem, 1 a problem, 2 an unknown language.
    """
    codes, unknown = resolve_languages(languages)
    if unknown:
        print("kiosk check: not a kiosk language: " + ", ".join(unknown)
              + " (the languages are " + " ".join(SUPPORTED_LANGUAGES) + ")", file=sys.stderr)
        return 2
    locales_dir, content_dir = Path(config.locales_dir), Path(config.content_dir)
    templates = all_templates(content_dir)
    report = run_checks(locales_dir, content_dir, codes, templates=templates)
    for language in report.languages:
        problems, warnings = check_voice(language, config.speech.library_path,
                                         config.speech.data_path)
        report.problems += problems
        report.warnings += warnings
    spoken = spoken_number_findings(locales_dir, content_dir, report.languages, templates,
                                    config.speech.library_path, config.speech.data_path)
    report.problems += spoken.problems
    report.warnings += spoken.warnings
    if content_dir_problem(config):  # said once, naming [kiosk] content_dir, below
        report.problems = [p for p in report.problems
                           if not (p.check == "source" and str(content_dir) in p.message)]
    report.problems += deployment_problems(config)
    if warning := shipped_pin_warning(config):
        report.warnings.append(warning)
    console_lines, console_problems, console_warnings = console_font_findings(
        offered_by_config(config, report.languages), Path(config.locales_dir),
        terminal if terminal is not None else kiosk_terminal_font(),
        console_setup if console_setup is not None else read_console_setup())
    report.problems += console_problems
    report.warnings += console_warnings
    print(format_report(report))
    if spoken.lines:
        print("\n".join(["", "Spoken numbers (per voice, from eSpeak NG's phonemes: is each "
                              "number's unit heard?):", *(f"  {line}" for line in spoken.lines)]))
    print("\n".join(["", "Console font:", *(f"  {line}" for line in console_lines)]))
    slugs = content_slugs(Path(config.content_dir))
    print("\n".join(["", *provenance_report(Path(config.locales_dir),
                                             codes or list(SUPPORTED_LANGUAGES), slugs)]))
    return 0 if report.ok else 1


def offered_by_config(config, checked: list[str]) -> list[str]:
    """Of the checked languages, those ``[kiosk] languages`` offers (all when it is empty)."""
    if not config.languages:
        return list(checked)
    wanted = {negotiate_language(tag, SUPPORTED_LANGUAGES) for tag in config.languages}
    return [language for language in checked if language in wanted]


#: The PIN the repository's kiosk.toml and README give (public: never keep it).
SHIPPED_PIN = "2468"


def shipped_pin_warning(config) -> str | None:
    """A warning when ``[staff]`` still holds the PIN everyone can read in the README."""
    if config.kiosk_mode and config.staff_exit.pin_matches(SHIPPED_PIN):
        return (f"{config.source}: [staff] exit_pin is still the PIN shipped in the README: "
                "anyone who reads it can leave kiosk mode; set your own "
                "(exit_pin, or exit_pin_sha256)")
    return None


def deployment_problems(config) -> list[Problem]:
    """What the configuration names that the kiosk cannot use (each with its key):
    the sentences the kiosk logs at start (:func:`kiosk.config_names.check_names`),
    then the log file."""
    problems = [Problem("*", "*", "", "deployment", sentence)
                for sentence in check_names(config)[1]]
    log_problem = log_file_problem(config.log_file)
    if log_problem:
        problems.append(Problem("*", "*", "[kiosk] log_file", "deployment", log_problem))
    return problems
