"""Catalog checks of the spoken forms: the entries speech parses must parse.

The spoken forms (:mod:`kiosk.languages.spoken_forms`) are ordinary catalog
entries, checked like every other one (complete, placeholders, safe text).
Two of them hold lists that speech takes apart, so a slip there would
silently fall back to English forms: the letter names (exactly 26,
comma-separated) and the abbreviations after a number ("r. = roku",
pairs separated by ";").  This check names such a slip.  Whether a voice
really *says* each form is ``kiosk check``'s eSpeak part
(:mod:`kiosk.commands.spoken_check`).
"""

from __future__ import annotations

from babel.messages.catalog import Catalog

from kiosk.languages.problems import Problem, entry_label, messages_of
from kiosk.languages.spoken_forms import (
    ABBREVIATIONS_CONTEXT,
    LETTERS_CONTEXT,
    parse_abbreviations,
    parse_letters,
)


def check_spoken_entries(catalog: Catalog, language: str, domain: str) -> list[Problem]:
    """Problems with the letter-name and abbreviation entries of an interface catalog."""
    problems = []
    for message in messages_of(catalog):
        text = message.string if isinstance(message.string, str) else ""
        if message.fuzzy or not text:
            continue
        label = entry_label(message, domain)
        if message.context == LETTERS_CONTEXT and parse_letters(text) is None:
            count = len([n for n in text.split(",") if n.strip()])
            problems.append(Problem(
                language, domain, label, "spoken-forms",
                f"needs the names of the 26 letters A to Z separated by commas, has {count}; "
                "codes are spelled with the bare letters until it is fixed"))
        elif message.context == ABBREVIATIONS_CONTEXT and parse_abbreviations(text) is None:
            problems.append(Problem(
                language, domain, label, "spoken-forms",
                "write each abbreviation with its words as \"abbreviation = words\", pairs "
                "separated by \";\" (or \"-\" for none); it is ignored until it is fixed"))
    return problems
