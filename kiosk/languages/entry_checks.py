"""The checks of one catalog's entries: complete, up to date, numbers, safe text.

(d) every entry is translated and confirmed (not fuzzy); (e) the catalog
holds exactly the texts of the current sources; (f) every number of the
English is in the translation (a medicine's text may not gain one either);
(h) no control characters or escape sequences, no markup the English lacks.
Each returns :class:`~kiosk.languages.problems.Problem` objects.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace

from babel.messages.catalog import Catalog, Message

from kiosk.document.sanitize import has_unsafe_characters
from kiosk.languages.number_parity import compare_numbers
from kiosk.languages.problems import (
    CatalogStats,
    Problem,
    entry_label,
    forms_of,
    is_document_domain,
    is_translated,
    messages_of,
    msgid_text,
)


def catalog_stats(catalog: Catalog, language: str, domain: str) -> CatalogStats:
    stats = CatalogStats(language, domain)
    for message in messages_of(catalog):
        stats.entries += 1
        if message.fuzzy:
            stats.fuzzy += 1
        elif is_translated(message):
            stats.translated += 1
        else:
            stats.untranslated += 1
    return stats


def check_completeness(catalog: Catalog, language: str, domain: str) -> list[Problem]:
    """(d) no untranslated and no fuzzy (unconfirmed) entries, each named."""
    problems = []
    if catalog.fuzzy:
        problems.append(Problem(language, domain, "header", "fuzzy",
                                "the whole catalog is marked fuzzy (remove '#, fuzzy' "
                                "above the header when it is reviewed)"))
    for message in messages_of(catalog):
        label = entry_label(message, domain)
        if message.fuzzy:
            why = ("the English text changed; check the translation against it and "
                   "remove the fuzzy mark" if message.previous_id else
                   "not confirmed by a translator; shown in English until the fuzzy mark is removed")
            problems.append(Problem(language, domain, label, "fuzzy", why))
        elif not is_translated(message):
            forms = forms_of(message)
            what = ("not translated" if not any(forms) else
                    "plural form(s) " + ", ".join(str(i) for i, f in enumerate(forms) if not f)
                    + " not translated")
            problems.append(Problem(language, domain, label, "untranslated",
                                    what + "; shown in English"))
    return problems




def _key(message: Message) -> tuple[str, str | None]:
    return msgid_text(message), message.context


def check_up_to_date(catalog: Catalog, template: Catalog, language: str,
                     domain: str) -> list[Problem]:
    """(e) the catalog holds exactly the texts of the current source."""
    problems = []
    have = {_key(m): m for m in messages_of(catalog)}
    want = {_key(m): m for m in messages_of(template)}
    hint = "run `kiosk catalogs update`"
    for key, message in want.items():
        if key not in have:
            problems.append(Problem(
                language, domain, entry_label(message, domain), "up-to-date",
                f"missing from the catalog: new or changed English text ({hint})",
            ))
    for key, message in have.items():
        if key not in want:
            problems.append(Problem(
                language, domain, entry_label(message, domain), "up-to-date",
                f"obsolete: this English text is no longer in the source ({hint})",
            ))
        elif isinstance(message.id, str) != isinstance(want[key].id, str):
            problems.append(Problem(
                language, domain, entry_label(message, domain), "up-to-date",
                f"the English text gained or lost its plural ({hint})",
            ))
    if is_document_domain(domain):
        stale = [m for m in messages_of(catalog) if "no-python-format" not in m.flags]
        if stale:
            problems.append(Problem(
                language, domain, "", "up-to-date",
                f"{len(stale)} entries lack the template's no-python-format flag, so msgfmt and "
                f"pybabel compile may read '10% of' as a placeholder ({hint})",
            ))
    return problems




def check_numbers(catalog: Catalog, language: str, domain: str) -> list[Problem]:
    """(f) every number of the English appears in the translation; in medical
    text none is added either.

    Interface strings may gain a digit legitimately: a key is labelled
    "Pos1" on German keyboards, where English says "Home".
    """
    strict = is_document_domain(domain)
    problems = []
    for message in messages_of(catalog):
        if message.fuzzy or not isinstance(message.id, str) or not message.string:
            continue
        mismatch = compare_numbers(message.id, message.string, language)
        if mismatch and not strict:
            mismatch = replace(mismatch, extra=())
        if mismatch:
            problems.append(Problem(language, domain, entry_label(message, domain), "numbers",
                                    mismatch.describe()))
    return problems


_MARKUP = re.compile(r"\[[^\[\]\n]*\]|<[A-Za-z/!][^<>\n]*>")
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _unsafe_characters(text: str) -> list[str]:
    found = []
    for ch in text:
        if ch == "\n":
            continue
        if unicodedata.category(ch) == "Cc" or ch in _BIDI:
            name = unicodedata.name(ch, "") or f"U+{ord(ch):04X}"
            label = f"U+{ord(ch):04X}" + (f" {name}" if name and not name.startswith("U+") else "")
            if label not in found:
                found.append(label)
    return found


def check_text_safety(catalog: Catalog, language: str, domain: str,
                      *, markup: bool = True) -> list[Problem]:
    """(h) no control characters / escape sequences, no markup the English lacks."""
    problems = []
    for message in messages_of(catalog):
        label = entry_label(message, domain)
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        id_markup = Counter(t for text in ids for t in _MARKUP.findall(text))
        for index, form in enumerate(forms_of(message)):
            if not form:
                continue
            where = f" (form {index})" if len(forms_of(message)) > 1 else ""
            if has_unsafe_characters(form):
                chars = _unsafe_characters(form) or ["a control sequence"]
                problems.append(Problem(
                    language, domain, label, "unsafe-text",
                    "control character(s) " + ", ".join(chars[:4]) + " in the translation" + where,
                ))
            if markup:
                extra = Counter(_MARKUP.findall(form)) - id_markup
                if extra:
                    problems.append(Problem(
                        language, domain, label, "markup",
                        "markup the English does not have: " + ", ".join(sorted(extra)) + where,
                    ))
    return problems
