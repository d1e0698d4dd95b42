"""The facts an overview states about itself: dates and its web address.

The 2018 template ends with "X received a marketing authorisation valid
throughout the EU on 19 April 2023" and "This overview was last updated
in 04-2023"; the summary era writes "... on 15 July 2009" and "This
summary was last updated in 07-2009".  A date that cannot be read is a
warning, never a guess: the About screen then says nothing rather than
something wrong.
"""

from __future__ import annotations

import datetime as _dt
import re

from kiosk.document.model import YearMonth

__all__ = ["AUTHORISATION", "LAST_UPDATED", "parse_day", "parse_month", "source_url"]

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

AUTHORISATION = re.compile(
    r"marketing\s+authori[sz]ation\s+valid\s+throughout\s+the\s+(?:EU|European\s+Union)"
    r"\s+(?:(?:to|for)\s+\S+(?:\s+\S+){0,6}?\s+)?on\s+(?P<when>\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}"
    r"|\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{4}|\S+(?:\s+\S+){0,2})"
)
LAST_UPDATED = re.compile(
    r"last\s+updated\s+(?:in|on)\s+(?P<when>\d{1,2}\s*[-/.]\s*\d{4}|\d{4}\s*-\s*\d{1,2}"
    r"|[A-Za-z]+\s+\d{4}|\S+)",
    re.IGNORECASE,
)
_SOURCE_URL = re.compile(
    r"(?:https?://)?(?:www\.)?ema\.europa\.eu/[^\s()\[\]<>\"']*?EPAR/[^\s()\[\]<>\"']+",
    re.IGNORECASE,
)


def parse_day(text: str) -> _dt.date | None:
    """"19 April 2023" or "19/04/2023" (day first, as the EMA writes), else None."""
    text = text.strip().rstrip(".,;")
    m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", text)
    try:
        if m:
            month = MONTHS.get(m.group(2).lower())
            if month is None:
                return None
            return _dt.date(int(m.group(3)), month, int(m.group(1)))
        m = re.fullmatch(r"(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})", text)
        if m:
            return _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
    return None


def parse_month(text: str) -> YearMonth | None:
    """"04-2023", "2023-04" or "April 2023", else None."""
    text = text.strip().rstrip(".,;")
    m = re.fullmatch(r"(\d{1,2})\s*[-/.]\s*(\d{4})", text)
    if m:
        month, year = int(m.group(1)), int(m.group(2))
    else:
        m = re.fullmatch(r"(\d{4})\s*-\s*(\d{1,2})", text)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
        else:
            m = re.fullmatch(r"([A-Za-z]+)\s+(\d{4})", text)
            if not m or m.group(1).lower() not in MONTHS:
                return None
            month, year = MONTHS[m.group(1).lower()], int(m.group(2))
    if not 1 <= month <= 12 or year < 1995:
        return None
    return YearMonth(year, month)


def source_url(raw_lines: list[tuple[int, str]]) -> tuple[str, int] | None:
    """The medicine's EMA page named in the text: (https URL, line), else None."""
    for number, raw in raw_lines:
        m = _SOURCE_URL.search(raw)
        if m:
            url = m.group(0).rstrip(".,;:")
            url = re.sub(r"^(?:https?://)?", "https://", url, flags=re.IGNORECASE)
            return url, number
    return None
