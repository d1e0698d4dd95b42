"""Config values that name something, checked against what exists.

``kiosk.toml`` names languages, folders, a display, a key profile, an audio
player and eSpeak NG's files.  A value of the wrong *kind* (a number where a
folder belongs) stops the start (:mod:`kiosk.config`); a well-formed value
that names something that does not exist ("ua" instead of "uk", a content
folder that is not there) must not take a waiting room's kiosk down, nor
reach the visitor as a raw code.  So the kiosk starts without it (the
default in its place), says so in the log in one sentence naming the key
and the file, and ``kiosk check`` fails with the same sentence
(:func:`kiosk.commands.check.deployment_problems`).

:func:`check_names` adds the checks that need the disk (languages against
the catalogs, folders, programs) to those :mod:`kiosk.config` made while
reading (display, key profile: ``KioskConfig.dropped``).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

from kiosk.config import KioskConfig
from kiosk.languages.domains import DOMAIN_PREFIX
from kiosk.languages.registry import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, negotiate_language


def known_languages(locales_dir: Path) -> list[str]:
    """The languages the kiosk can offer: the ones it has a name and voice for
    (``SUPPORTED_LANGUAGES``, shown in English, marked, until translated) and
    every language with a catalog in ``locales_dir``."""
    found = set(SUPPORTED_LANGUAGES) | {SOURCE_LANGUAGE}
    if locales_dir.is_dir():
        for catalog in locales_dir.glob(f"*/LC_MESSAGES/{DOMAIN_PREFIX}*.po"):
            found.add(catalog.parent.parent.name)
    return sorted(found)


def content_dir_problem(config: KioskConfig) -> str | None:
    """The sentence for staff when ``[kiosk] content_dir`` is not a folder, else ``None``."""
    folder = Path(config.content_dir)
    if folder.is_dir():
        return None
    return (f"{config.source}: [kiosk] content_dir names {folder}, which is not a folder, "
            "so no medicine can be shown.")


def check_names(config: KioskConfig) -> tuple[KioskConfig, list[str]]:
    """``config`` without the values that name nothing that exists, and one
    sentence per value left out (with :attr:`KioskConfig.dropped`'s first).

    Nothing is raised: every problem is a sentence, and the returned config
    is one the kiosk can start with.
    """
    sentences = list(config.dropped)
    origin = config.source
    languages = known_languages(Path(config.locales_dir))
    listed = " ".join(languages)

    kept: list[str] = []
    for tag in config.languages:
        if negotiate_language(tag, languages) is None:
            sentences.append(f"{origin}: [kiosk] languages names \"{tag}\", which is not a "
                             f"language the kiosk has, so it is not offered (the languages "
                             f"are {listed}).")
        else:
            kept.append(tag)
    if config.languages and not kept:
        sentences.append(f"{origin}: [kiosk] languages names no language the kiosk has, so "
                         "every installed language is offered.")
    default = config.default_language
    if negotiate_language(default, languages) is None:
        sentences.append(f"{origin}: [kiosk] default_language \"{default}\" is not a language "
                         f"the kiosk has, so visits start in English (the languages are "
                         f"{listed}).")
        default = SOURCE_LANGUAGE

    if problem := content_dir_problem(config):
        sentences.append(problem)
    if not Path(config.locales_dir).is_dir():
        sentences.append(f"{origin}: [kiosk] locales_dir names {config.locales_dir}, which is "
                         "not a folder, so every text is shown in English.")

    speech = config.speech
    if speech.player != "auto" and not _is_program(speech.player):
        sentences.append(f"{origin}: [speech] player \"{speech.player}\" is not a program on "
                         "this computer, so the kiosk picks one itself (\"auto\": pw-play, "
                         "paplay or aplay).")
        speech = replace(speech, player="auto")
    if speech.library_path is not None:
        missing = [f"{key} names {value}" for key, value in (
            ("library_path", speech.library_path), ("data_path", speech.data_path))
            if not Path(str(value)).exists()]
        if missing:
            verb = "does" if len(missing) == 1 else "do"
            sentences.append(f"{origin}: [speech] " + " and ".join(missing)
                             + f", which {verb} not exist, so the bundled eSpeak NG speaks.")
            speech = replace(speech, library_path=None, data_path=None)

    checked = replace(config, languages=tuple(kept), default_language=default, speech=speech,
                      dropped=())
    return checked, sentences


def _is_program(name: str) -> bool:
    """A player named as a command on PATH or as the path of an executable file."""
    if os.sep in name:
        return os.path.isfile(name) and os.access(name, os.X_OK)
    return shutil.which(name) is not None
