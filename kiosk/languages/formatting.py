"""Dates, months, numbers, percentages and lists written the visitor's way.

The screen and the narrator call these with the active language code (one
of :data:`kiosk.languages.registry.SUPPORTED_LANGUAGES`, or any tag such as
``pt-BR``); CLDR's data does the writing, so "19 April 2023" becomes
"19. April 2023" in German and "2023. április 19." in Hungarian without a
hand-written table.

Two deliberate choices for an EU medicine kiosk: English is written the
British way (``en_GB``: "19 April 2023", as the EMA writes it), and
Portuguese the European way (``pt_PT``).  Any tag Babel does not know is
written as British English rather than failing on screen.

Why a stored table: loading a locale's CLDR data through Babel costs about
1 MiB and a few milliseconds per language, and that memory is never given
back, so a kiosk that has shown all 28 languages grew by ~28 MiB.  The few
CLDR patterns the kiosk writes with (long date, month and year, whole
numbers, lists) are kept for the supported languages in
:mod:`kiosk.languages.cldr_tables`, which ``tests/languages/
test_cldr_tables.py`` recomputes from Babel (it fails, printing the new
table, when a Babel upgrade changes a pattern).  Everything else (another
tag, a fraction, a percentage) is written by Babel itself, loaded on first use.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from kiosk.document.model import YearMonth
from kiosk.languages.translator import active_language, ngettext, shown_language

if TYPE_CHECKING:  # Babel's locale data is loaded only when a table row is missing
    from babel import Locale

    from kiosk.languages.cldr_tables import CldrRow

#: Catalog code -> the CLDR locale used for writing numbers and dates.
FORMAT_LOCALES = {"en": "en_GB", "pt": "pt_PT", "no": "nb", "nn": "nb"}
FALLBACK_LOCALE = "en_GB"

Number = int | float | Decimal


def locale_id(language: str | None = None) -> str:
    """The CLDR locale that writes for ``language`` (default: the active one),
    e.g. ``"en"`` -> ``"en_GB"``, ``"de-AT"`` -> ``"de_AT"``."""
    tag = (language or active_language() or "en").strip().replace("-", "_")
    return FORMAT_LOCALES.get(tag, tag)


def _row(language: str | None) -> "CldrRow | None":
    from kiosk.languages.cldr_tables import CLDR  # loaded with the first date or number

    return CLDR.get(locale_id(language))


def babel_locale(language: str | None = None) -> "Locale":
    """The Babel :class:`~babel.Locale` that writes for ``language`` (loads its CLDR data)."""
    return _cached_locale(locale_id(language))


@lru_cache(maxsize=None)
def _cached_locale(tag: str) -> "Locale":
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag)
    except (UnknownLocaleError, ValueError):
        base = tag.split("_")[0]
        try:
            return Locale.parse(FORMAT_LOCALES.get(base, base))
        except (UnknownLocaleError, ValueError):
            return Locale.parse(FALLBACK_LOCALE)


# --- dates ---------------------------------------------------------------------
def _ldml_tokens(pattern: str) -> Iterable[tuple[str, str]]:
    """Split a CLDR (LDML) date pattern into ("field", "MMMM") and ("text", "de ")."""
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "'":
            end = pattern.find("'", i + 1)
            end = n if end < 0 else end
            yield ("text", pattern[i + 1:end] if end > i + 1 else "'")
            i = end + 1
        elif char.isascii() and char.isalpha():
            j = i
            while j < n and pattern[j] == char:
                j += 1
            yield ("field", pattern[i:j])
            i = j
        else:
            yield ("text", char)
            i += 1


def _write_date(pattern: str, value: _dt.date, row: CldrRow) -> str:
    """``value`` written with ``pattern`` (days, months and years only: what the rows hold)."""
    out = []
    for kind, token in _ldml_tokens(pattern):
        if kind == "text":
            out.append(token)
        elif token[0] == "d":
            out.append(f"{value.day:0{len(token)}d}")
        elif token[0] == "y":
            out.append(f"{value.year % 100:02d}" if len(token) == 2 else f"{value.year:0{len(token)}d}")
        elif token in ("MMMM", "LLLL"):
            names = row.months_format if token == "MMMM" else row.months_standalone
            out.append(names[value.month - 1])
        elif token[0] in "ML":
            out.append(f"{value.month:0{len(token)}d}")
        else:
            raise ValueError(f"date field {token!r} is not in the stored CLDR rows")
    return "".join(out)


def format_long_date(value: _dt.date, language: str | None = None) -> str:
    """A full date: "19 April 2023" (en), "19. April 2023" (de), "19 avril 2023" (fr)."""
    row = _row(language)
    if row is not None:
        return _write_date(row.long_date, value, row)
    from babel.dates import format_date

    return format_date(value, format="long", locale=babel_locale(language))


def format_year_month(value: YearMonth | _dt.date, language: str | None = None) -> str:
    """A month of a year: "April 2023" (en, de), "avril 2023" (fr), "huhtikuu 2023" (fi).

    Uses the CLDR skeleton ``yMMMM`` (the stand-alone month name), never an
    invented day.
    """
    if isinstance(value, YearMonth):
        value = _dt.date(value.year, value.month, 1)
    row = _row(language)
    if row is not None:
        return _write_date(row.year_month, value, row)
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", value, locale=babel_locale(language))


# --- numbers -----------------------------------------------------------------------
def format_number(value: Number, language: str | None = None) -> str:
    """A number: 1234.5 -> "1,234.5" (en), "1.234,5" (de), "1 234,5" (fr, narrow no-break space).

    Whole numbers (what the kiosk shows: "Section 3 of 8") come from the
    stored rows, grouped in threes as CLDR's ``#,##0.###`` says; other
    numbers are written by Babel.
    """
    row = _row(language)
    if (row is not None and row.number_pattern == "#,##0.###" and isinstance(value, int)
            and not isinstance(value, bool) and value >= 0):
        digits = str(value)
        groups = []
        while len(digits) > 3:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        return row.group.join([digits, *groups])
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale(language))


def format_percent(value: Number, language: str | None = None) -> str:
    """A fraction as a percentage: 0.1 -> "10%" (en), "10 %" (de, fr: no-break space),
    "%10" (tr).  Pass the fraction (0.8 for 80 %), as Babel does.  (Written by Babel:
    the kiosk's screens show no percentages of their own.)"""
    from babel.numbers import format_percent as babel_format_percent

    return babel_format_percent(value, locale=babel_locale(language))


# --- lists ----------------------------------------------------------------------------
def format_list(items: Iterable[str], language: str | None = None,
                style: str = "standard") -> str:
    """ "a, b and c" (en), "a, b und c" (de), "a, b et c" (fr).

    ``style`` is Babel's: "standard" (and), "or", "unit", ...; the stored rows
    hold "standard", the others are written by Babel.
    """
    values: Sequence[str] = list(items)
    if len(values) < 2 and style == "standard":
        return values[0] if values else ""  # nothing to join, in any language
    row = _row(language)
    if row is not None and style == "standard":
        if len(values) == 2:
            return row.list_two.format(*values)
        result = row.list_start.format(values[0], values[1])
        for item in values[2:-1]:
            result = row.list_middle.format(result, item)
        return row.list_end.format(result, values[-1])
    from babel.lists import format_list as babel_format_list

    return babel_format_list(values, style=style, locale=babel_locale(language))


def section_position(number: int, total: int, language: str | None = None) -> str:
    """ "Section 3 of 8" in the active language (the plural form follows ``total``).

    The text comes from the ``kiosk`` catalog (``ngettext`` with the named
    placeholders ``{number}`` and ``{total}``); the numbers are written the
    way of ``language`` (default: the language the text is shown in, English
    when its translation is missing, so text and numbers never mix languages).
    """
    template = ngettext("Section {number} of {total}", "Section {number} of {total}", total)
    language = language or shown_language("Section {number} of {total}")
    return template.format(number=format_number(number, language),
                           total=format_number(total, language))


def month_names(language: str) -> tuple[str, ...]:
    """Every name CLDR gives the months of ``language`` (a catalog code such as ``de``):
    wide and abbreviated, in the format and stand-alone contexts, sorted.

    The speech layer protects dotted month abbreviations ("Jan.") and dates
    with ordinal days from being split into sentences.  From the stored
    table (:data:`kiosk.languages.cldr_months.MONTH_NAMES`); a language it
    does not hold is read from Babel (which loads that locale's CLDR data,
    about 1 MiB that is never given back).  Empty for a tag CLDR does not know.
    """
    from kiosk.languages.cldr_months import MONTH_NAMES

    found = MONTH_NAMES.get(language)
    return found if found is not None else month_names_from_babel(language)


@lru_cache(maxsize=64)
def month_names_from_babel(language: str) -> tuple[str, ...]:
    """:func:`month_names` read from Babel's CLDR data (for the test that checks the
    table, to regenerate it, and for a language the table does not hold)."""
    from babel import Locale
    from babel.core import UnknownLocaleError

    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return ()
    names: set[str] = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            names.update(locale.months.get(context, {}).get(width, {}).values())
    return tuple(sorted(names))


def cldr_row_from_babel(locale_id_: str) -> "CldrRow":
    """What the stored row for ``locale_id_`` must hold, read from Babel's CLDR data
    (for the test that checks the table, and to regenerate it)."""
    from babel import Locale

    from kiosk.languages.cldr_tables import CldrRow

    locale = Locale.parse(locale_id_)
    lists = locale.list_patterns["standard"]
    return CldrRow(
        long_date=locale.date_formats["long"].pattern,
        year_month=locale.datetime_skeletons["yMMMM"].pattern,
        months_format=tuple(locale.months["format"]["wide"][m] for m in range(1, 13)),
        months_standalone=tuple(locale.months["stand-alone"]["wide"][m] for m in range(1, 13)),
        number_pattern=locale.decimal_formats[None].pattern,
        group=locale.number_symbols["latn"]["group"],
        list_two=lists["2"], list_start=lists["start"],
        list_middle=lists["middle"], list_end=lists["end"],
    )
