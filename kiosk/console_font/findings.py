"""What ``kiosk check`` and the kiosk's start say about the console font.

On the Linux console the kiosk offers only the languages the loaded font
can show (:func:`languages_for_console`, called by the launcher, which logs
the ones left out and why).  ``kiosk check`` reports the same, as problems
when it runs on the console; elsewhere it reads the font
``/etc/default/console-setup`` names and warns what that font would cost,
since staff often run the check over ssh while the kiosk owns tty1.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.console_font.console_setup import ADVICE, ConsoleSetup, configured_font_file
from kiosk.console_font.coverage import split_languages
from kiosk.console_font.font import ConsoleFont
from kiosk.console_font.psf import PsfError, read_psf
from kiosk.console_font.ui_glyphs import console_substitutes, missing_ui_glyphs
from kiosk.languages.problems import Problem


def languages_for_console(font: ConsoleFont | None, languages: list[str], locales_dir: Path,
                          log: logging.Logger) -> list[str]:
    """The languages to offer on a console with ``font`` loaded (all of them when ``font`` is None).

    Logs, as warnings, each language left out with the characters it lacks,
    and what to set instead; when the font can show none, keeps them all and
    says so.
    """
    if font is None:
        return list(languages)
    kept, left_out = split_languages(font, languages, locales_dir)
    if not left_out:
        log.info("the console font %s can show every offered language", font.describe())
        return kept
    if len(left_out) == len(languages):
        log.warning("the console font %s cannot show any offered language; offering them all "
                    "anyway. To fix: %s", font.describe(), ADVICE)
        return kept
    log.warning("the console font %s cannot show %d of the %d offered languages; left out: %s. "
                "To offer them: %s", font.describe(), len(left_out), len(languages),
                " ".join(c.language for c in left_out), ADVICE)
    for coverage in left_out:
        log.warning("left out on this console: %s", coverage.describe())
    return kept


def _ui_glyph_lines(font: ConsoleFont) -> list[str]:
    substitutes = console_substitutes(font)
    return [f"the console font lacks the kiosk's {glyphs} ({purpose}): the kiosk draws "
            f"{''.join(dict.fromkeys(substitutes.get(g, '?') for g in glyphs))!r} instead"
            for glyphs, purpose in missing_ui_glyphs(font).items()]


def console_font_findings(languages: list[str], locales_dir: Path,
                          terminal: tuple[ConsoleFont | None, str],
                          setup: ConsoleSetup | None,
                          font_dirs: tuple[Path, ...] | None = None,
                          ) -> tuple[list[str], list[Problem], list[str]]:
    """The console-font part of ``kiosk check``.

    Args:
        languages: the languages the kiosk would offer.
        locales_dir: where their catalogs are.
        terminal: ``(font, note)`` for the terminal the check runs in
            (:func:`kiosk.console_font.terminal.kiosk_terminal_font`).
        setup: ``/etc/default/console-setup``'s settings, or None when absent.
        font_dirs: where console fonts are (default: console-setup's folders).

    Returns:
        ``(lines, problems, warnings)``: lines to print under "Console font"
        (where the font was read, and what to set when it lacks a language),
        problems (on the console: each language it cannot show, with the
        characters it lacks), and warnings (the kiosk's own glyphs it lacks;
        on another terminal, what the configured console font would cost).
    """
    font, note = terminal
    lines, problems, warnings = [note], [], []
    if font is not None:
        left_out = split_languages(font, languages, locales_dir)[1]
        for coverage in left_out:
            problems.append(Problem(coverage.language, "*", "", "deployment",
                                    f"the console font {font.source} cannot show this language, "
                                    f"so the kiosk leaves it out on this console "
                                    f"({coverage.describe_missing()})"))
        lines.append(f"it can show {len(languages) - len(left_out)} of {len(languages)} languages")
        if left_out:
            lines.append(f"to show them all, {ADVICE}")
        warnings += _ui_glyph_lines(font)
        return lines, problems, warnings
    if setup is None:
        return lines, problems, warnings
    kwargs = {} if font_dirs is None else {"font_dirs": font_dirs}
    path = configured_font_file(setup, **kwargs)
    if path is None:
        lines.append(f"{setup.path}: {setup.describe()} names no console font file found here; "
                     f"if the kiosk runs on the Linux console, {ADVICE}")
        return lines, problems, warnings
    try:
        configured = read_psf(path)
    except PsfError as exc:
        lines.append(f"{setup.path}: {setup.describe()}: {exc}")
        return lines, problems, warnings
    left_out = split_languages(configured, languages, locales_dir)[1]
    lines.append(f"{setup.path}: {setup.describe()} loads {configured.describe()}: on the Linux "
                 f"console it shows {len(languages) - len(left_out)} of {len(languages)} languages")
    if left_out:
        lines.append(f"to show them all, {ADVICE}")
    for coverage in left_out:
        warnings.append(f"on the Linux console the configured font {path.name} cannot show "
                        f"{coverage.describe()}")
    warnings += [f"on the Linux console with {path.name}, {w}" for w in _ui_glyph_lines(configured)]
    return lines, problems, warnings
