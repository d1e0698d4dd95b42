"""The languages the kiosk offers, named in themselves.

The list is the EMA's 24 official EU languages plus Icelandic and
Norwegian (Bokmål), plus Ukrainian and Turkish, which clinics see often.
Names and text direction come from Babel's CLDR data rather than from a
hand-written table, so a language added later is named correctly without
anyone typing its name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kiosk.languages.language_names import LANGUAGE_NAMES

SOURCE_LANGUAGE = "en"

SUPPORTED_LANGUAGES: tuple[str, ...] = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
    "nb", "is", "uk", "tr",
)


@dataclass(frozen=True)
class Language:
    """A language as the kiosk presents it."""

    code: str  # the catalog folder name, e.g. "de", "nb", "pt"
    native_name: str  # "Deutsch", "Norsk bokmål", "Українська"
    english_name: str  # for staff: logs, kiosk check
    direction: str  # "ltr" or "rtl"


@lru_cache(maxsize=None)
def language_info(code: str) -> Language:
    """Describe ``code``: from the table of Babel's names, else from CLDR directly."""
    known = LANGUAGE_NAMES.get(code)
    if known is not None:
        return Language(code, *known)
    return language_info_from_cldr(code)


def language_info_from_cldr(code: str) -> Language:
    """Describe ``code`` from CLDR; the native name is capitalised as a menu item."""
    from babel import Locale, UnknownLocaleError  # CLDR data: only for a code not in the table

    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return Language(code, code, code, "ltr")
    native = locale.get_display_name(locale) or code
    native = native[:1].upper() + native[1:]
    english = locale.get_display_name("en") or code
    return Language(code, native, english, locale.text_direction)


def _to_underscore(tag: str) -> str:
    """``pt-BR`` -> ``pt_BR``; gettext and Babel's negotiation expect underscores."""
    from babel import Locale, UnknownLocaleError

    tag = tag.strip().replace("-", "_")
    try:
        return str(Locale.parse(tag))
    except (UnknownLocaleError, ValueError):
        return tag


def negotiate_language(tag: str, available: tuple[str, ...] | list[str]) -> str | None:
    """Pick the catalog that best serves ``tag`` (``de_AT`` -> ``de``, ``no`` -> ``nb``).

    Returns ``None`` when nothing fits, so the caller can say so instead of
    silently showing another language.
    """
    if not tag:
        return None
    from babel.core import negotiate_locale  # Babel loads only when a tag needs negotiating

    wanted = _to_underscore(tag)
    # Norwegian: "no" and "nn" readers are best served by Bokmål.
    aliases = {"no": "nb", "nn": "nb"}
    base = wanted.split("_")[0].lower()
    candidates = [wanted, aliases.get(base, base)]
    found = negotiate_locale(candidates, list(available), sep="_")
    if found:
        return found
    lowered = {a.lower(): a for a in available}
    for cand in candidates:
        if cand.lower() in lowered:
            return lowered[cand.lower()]
    return None
