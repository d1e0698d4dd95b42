"""Start the kiosk: logging, languages, medicines, then the Textual app.

Everything that could fail before the first paint (a bad content file, a
missing catalog) is dealt with here so the visitor sees a calm message
screen instead of a traceback, and staff find the reason in the log file.
While the TUI runs nothing is written to stdout or stderr.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import KioskConfig
from kiosk.config_names import check_names, content_dir_problem, known_languages
from kiosk.document.model import Document
from kiosk.document.library import load_library
from kiosk.languages import (
    SOURCE_LANGUAGE,
    available_ui_languages,
    configure_locales,
    negotiate_language,
)
from kiosk.languages.domains import DOMAIN_PREFIX
from kiosk.logs import setup_logging
from kiosk.speech.native_output import capture_native_output

if TYPE_CHECKING:  # the console font modules load only on a Linux console (see launch)
    from kiosk.console_font.font import ConsoleFont

log = logging.getLogger("kiosk")


def offered_languages(config: KioskConfig, console_font: "ConsoleFont | None" = None) -> list[str]:
    """The languages visitors may choose: the config's list, or every installed one.

    On a Linux console (``console_font`` given) only those whose text the
    loaded font can draw; the others are logged with what they lack.
    """
    installed = set(available_ui_languages()) | {SOURCE_LANGUAGE}
    locales = Path(config.locales_dir)
    if locales.is_dir():
        for po in locales.glob(f"*/LC_MESSAGES/{DOMAIN_PREFIX}*.po"):
            installed.add(po.parent.parent.name)
    if config.languages:
        # An exact catalog name needs no negotiation (which loads CLDR data).
        # A tag naming no language the kiosk has is left out (never shown raw to
        # a visitor); kiosk.config_names.check_names has logged it at start.
        known = sorted(set(known_languages(locales)) | installed)
        chosen = [tag if tag in installed else negotiate_language(tag, known)
                  for tag in config.languages]
        offered = list(dict.fromkeys(tag for tag in chosen if tag)) or sorted(installed)
    else:
        offered = sorted(installed)
    if config.medical_translations != "any":  # issue 10: only official/reviewed medical text
        from kiosk.languages.medical_text import languages_meeting

        offered = languages_meeting(offered, locales, config.content_dir,
                                    config.medical_translations)
    if console_font is None:  # a terminal emulator draws every language
        return offered
    from kiosk.console_font.findings import languages_for_console

    return languages_for_console(console_font, offered, locales, log)


def speech_announcer(config: KioskConfig):
    """The kiosk's voice: a Narrator with the config's speech settings.

    Nothing is started here (the app starts the narrator when it runs), and
    nothing is printed: the speech layer logs to the "kiosk.speech" logger.
    """
    from kiosk.speech import Narrator
    from kiosk.ui.narration import NarratorAnnouncer

    return NarratorAnnouncer(Narrator(config.speech, logging.getLogger("kiosk.speech")))


def build_app(config: KioskConfig, *, language: str | None = None, speech: bool | None = None,
              announcer=None, handle_signals: bool = False, clock=None,
              console_font: "ConsoleFont | None" = None):
    """Everything ``launch`` does except running: used by tests and the benchmark.

    ``announcer``: the kiosk's voice (default: the narrator); ``clock``: a
    function returning seconds for the idle and staff timers (default
    ``time.monotonic``; tests pass one they move); ``console_font``: the
    Linux console's loaded font, whose languages alone are offered (``None``
    in a terminal emulator).
    """
    from kiosk.ui.app import KioskApp
    from kiosk.ui.console_glyphs import use_console_font

    configure_locales(config.locales_dir)
    offered = offered_languages(config, console_font)
    wanted = language or config.default_language
    default = wanted if wanted in offered else negotiate_language(wanted, offered) or SOURCE_LANGUAGE
    if default != wanted:
        log.info("default language %s served as %s", wanted, default)
    # One broken medicine file costs that medicine, not the kiosk: the others
    # are shown and each problem is logged for staff (load_library logs it).
    library = load_library(config.content_dir)
    medicines: list[Document] = library.medicines
    error: str | None = None
    if not medicines:
        error = content_dir_problem(config) or (str(library.problems[0]) if library.problems else (
            f"{config.content_dir}: no medicine found (each needs a folder with overview.md)"))
        log.error("cannot show any medicine: %s", error)
    # The narrator (and the speech layer's imports) is made after the first paint.
    voice = {"announcer": announcer} if announcer is not None else {
        "announcer_factory": lambda: speech_announcer(config)}
    timing = {} if clock is None else {"clock": clock}
    app = KioskApp(config, medicines, languages=offered, default_language=default,
                   speech_on=speech, load_error=error, handle_signals=handle_signals,
                   **voice, **timing)
    use_console_font(app, console_font)  # the kiosk's glyphs the console font lacks
    return app


def launch(config: KioskConfig, kiosk_mode: bool | None = None, language: str | None = None,
           speech: bool | None = None) -> int:
    """Run the kiosk until staff leave it; returns the process exit code."""
    if kiosk_mode is not None:
        config = replace(config, kiosk_mode=kiosk_mode)
    logging_handler = setup_logging(config.log_file)
    log.info("starting (config %s, kiosk mode %s)", config.source, config.kiosk_mode)
    if logging_handler.problem:
        log.warning("%s", logging_handler.problem)
    # Values naming what does not exist are left out, one sentence each (issue 9, item 12).
    config, dropped = check_names(config)
    for sentence in dropped:
        log.warning("%s", sentence)
    # Textual lets ctrl+c/ctrl+z raise signals when this is set; a kiosk must not.
    os.environ.pop("TEXTUAL_ALLOW_SIGNALS", None)
    from kiosk.console_font.terminal import kiosk_terminal_font

    try:
        console_font, console_note = kiosk_terminal_font()  # None in a terminal emulator
        log.info("%s", console_note)
        # What C libraries print (eSpeak NG's errors) goes to the log, not over
        # the screen; the app is built inside, as Textual keeps sys.__stderr__.
        with capture_native_output(logging.getLogger("kiosk.native")):
            app = build_app(config, language=language, speech=speech, handle_signals=True,
                            console_font=console_font)
            result = app.run(mouse=False)
    except Exception:
        log.exception("the kiosk stopped with an error")
        return 1
    code = app.return_code if app.return_code is not None else (result or 0)
    log.info("stopped with exit code %s", code)
    return int(code or 0)
