"""Dates, months, numbers, percentages and lists written the visitor's way.

The screen and the narrator call these with the active language code (one
of :data:`kiosk.languages.registry.SUPPORTED_LANGUAGES`, or any tag such as
``pt-BR``); Babel's CLDR data does the writing, so "19 April 2023" becomes
"19. April 2023" in German and "2023. április 19." in Hungarian without a
hand-written table.

Two deliberate choices for an EU medicine kiosk: English is written the
British way (``en_GB``: "19 April 2023", as the EMA writes it), and
Portuguese the European way (``pt_PT``).  Any tag Babel does not know is
written as British English rather than failing on screen.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Sequence

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.lists import format_list as _babel_format_list
from babel.numbers import format_decimal, format_percent as _babel_format_percent

from kiosk.document.model import YearMonth
from kiosk.languages.translator import active_language, ngettext

#: Catalog code -> the Babel locale used for writing numbers and dates.
FORMAT_LOCALES = {"en": "en_GB", "pt": "pt_PT", "no": "nb", "nn": "nb"}
FALLBACK_LOCALE = "en_GB"

Number = int | float | Decimal


def babel_locale(language: str | None = None) -> Locale:
    """The Babel :class:`Locale` that writes for ``language`` (default: the active one)."""
    return _cached_locale((language or active_language() or "en").strip())


@lru_cache(maxsize=None)
def _cached_locale(language: str) -> Locale:
    tag = language.replace("-", "_")
    tag = FORMAT_LOCALES.get(tag, tag)
    try:
        return Locale.parse(tag)
    except (UnknownLocaleError, ValueError):
        base = tag.split("_")[0]
        try:
            return Locale.parse(FORMAT_LOCALES.get(base, base))
        except (UnknownLocaleError, ValueError):
            return Locale.parse(FALLBACK_LOCALE)


def _locale(language: str | None) -> Locale:
    return babel_locale(language or active_language())


def format_long_date(value: _dt.date, language: str | None = None) -> str:
    """A full date: "19 April 2023" (en), "19. April 2023" (de), "19 avril 2023" (fr)."""
    return format_date(value, format="long", locale=_locale(language))


def format_year_month(value: YearMonth | _dt.date, language: str | None = None) -> str:
    """A month of a year: "April 2023" (en, de), "avril 2023" (fr), "huhtikuu 2023" (fi).

    Uses the CLDR skeleton ``yMMMM`` (the stand-alone month name), never an
    invented day.
    """
    if isinstance(value, YearMonth):
        value = _dt.date(value.year, value.month, 1)
    return format_skeleton("yMMMM", value, locale=_locale(language))


def format_percent(value: Number, language: str | None = None) -> str:
    """A fraction as a percentage: 0.1 -> "10%" (en), "10 %" (de, fr: no-break space),
    "%10" (tr).  Pass the fraction (0.8 for 80 %), as Babel does."""
    return _babel_format_percent(value, locale=_locale(language))


def format_number(value: Number, language: str | None = None) -> str:
    """A number: 1234.5 -> "1,234.5" (en), "1.234,5" (de), "1 234,5" (fr, narrow no-break space)."""
    return format_decimal(value, locale=_locale(language))


def format_list(items: Iterable[str], language: str | None = None,
                style: str = "standard") -> str:
    """ "a, b and c" (en), "a, b und c" (de), "a, b et c" (fr).

    ``style`` is Babel's: "standard" (and), "or", "unit", ...
    """
    values: Sequence[str] = list(items)
    return _babel_format_list(values, style=style, locale=_locale(language))


def section_position(number: int, total: int, language: str | None = None) -> str:
    """ "Section 3 of 8" in the active language (the plural form follows ``total``).

    The text comes from the ``kiosk`` catalog (``ngettext`` with the named
    placeholders ``{number}`` and ``{total}``); the numbers are written the
    way of ``language`` (default: the active language).
    """
    template = ngettext("Section {number} of {total}", "Section {number} of {total}", total)
    return template.format(number=format_number(number, language),
                           total=format_number(total, language))
