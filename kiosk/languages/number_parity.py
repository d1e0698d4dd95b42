"""Do the numbers of a translation match the English?

In a medicine text a changed number is the worst translation error there
is ("661 patients", "10% of the body", "12 years of age").  This module
compares the numbers of an English text with those of its translation,
allowing each language's way of writing them:

* decimal comma or point: "10.5" = "10,5";
* digit grouping with comma, point, space, no-break space or narrow
  no-break space, or apostrophe: "1,000" = "1.000" = "1 000" = "1000";
* percent and dates are only numbers around words: "10%" = "10 %" = "%10",
  "19 April 2023" = "19. April 2023" = "2023. április 19.", "04-2023" has 4
  and 2023 (a leading zero does not matter);
* numbers inside names count: "F-VASI75" has 75, "JAK1" has 1.

Every distinct English number must appear in the translation, and the
translation must not contain a number the English lacks.  Numbers written
as words ("two studies") are reported: a translator keeps the digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Separators that may appear inside one written number.
_POINTS = ".,"
_APOSTROPHES = "'\u2019"
_SPACES = " \u00a0\u202f\u2009"

# A number: digit runs joined by one separator; a space joins only when a
# group of exactly three digits follows ("1 000", not "in 2 23").
_NUMBER = re.compile(
    r"\d+(?:(?:[.,'\u2019]|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))\d+)*"
)
_RUN = re.compile(r"\d+")


@dataclass(frozen=True)
class WrittenNumber:
    """A number as written in a text, and the values it may stand for."""

    text: str
    values: frozenset[Decimal]
    value: Decimal | None  # the reading by English rules (for the source text)


def _digits(run: str) -> str:
    # \d matches every Unicode decimal digit; int() reads them all.
    return "".join(str(int(ch)) for ch in run)


def _dec(text: str) -> Decimal | None:
    try:
        return Decimal(text).normalize()
    except InvalidOperation:
        return None


def _readings(token: str) -> set[Decimal]:
    """Every value ``token`` can mean in some language's notation."""
    runs = [_digits(r) for r in _RUN.findall(token)]
    seps = [s for s in re.split(r"\d+", token)[1:-1]]
    values = {_dec(r) for r in runs}
    values.add(_dec("".join(runs)))  # every separator groups digits
    if len(runs) >= 2 and seps[-1] in _POINTS:
        values.add(_dec("".join(runs[:-1]) + "." + runs[-1]))  # the last is decimal
    values.discard(None)
    return values  # type: ignore[return-value]


def _english_value(token: str) -> Decimal | None:
    """``token`` read by English rules: "," groups thousands, "." is the decimal point."""
    runs = [_digits(r) for r in _RUN.findall(token)]
    seps = [s for s in re.split(r"\d+", token)[1:-1]]
    if not seps:
        return _dec(runs[0])
    integer, fraction = runs[0], ""
    for sep, run in zip(seps, runs[1:]):
        if sep == "," and len(run) == 3 and not fraction:
            integer += run
        elif sep == "." and not fraction:
            fraction = run
        else:
            return None  # not an English number: fall back to every reading
    return _dec(f"{integer}.{fraction}" if fraction else integer)


def find_numbers(text: str) -> list[WrittenNumber]:
    """Every number written in ``text``, in order."""
    out = []
    for match in _NUMBER.finditer(text):
        token = match.group(0)
        out.append(WrittenNumber(token, frozenset(_readings(token)), _english_value(token)))
    return out


@dataclass(frozen=True)
class NumberMismatch:
    """What differs: English numbers the translation lacks, and numbers it adds."""

    missing: tuple[str, ...]
    extra: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.missing or self.extra)

    def describe(self) -> str:
        parts = []
        if self.missing:
            word = "numbers" if len(self.missing) > 1 else "number"
            parts.append(f"{word} {', '.join(self.missing)} of the English not found")
        if self.extra:
            parts.append(f"{', '.join(self.extra)} in the translation but not in the English")
        return "; ".join(parts)


def compare_numbers(source: str, translation: str, language: str = "") -> NumberMismatch:
    """Compare the numbers of an English ``source`` and its ``translation``.

    ``language`` is accepted for the report and for future language rules;
    the readings already cover every separator convention of the kiosk's 28
    languages (Babel's CLDR data: "." or "," decimals; ",", ".", no-break
    space, narrow no-break space or apostrophe grouping).
    """
    english = find_numbers(source)
    translated = find_numbers(translation)
    available: set[Decimal] = set()
    for number in translated:
        available |= number.values
    english_values: set[Decimal] = set()
    for number in english:
        english_values |= number.values

    missing: list[str] = []
    seen: set[Decimal] = set()
    for number in english:
        wanted = {number.value} if number.value is not None else set(number.values)
        key = number.value if number.value is not None else min(number.values)
        if key in seen:
            continue
        seen.add(key)
        if not wanted & available:
            missing.append(number.text)
    extra = []
    for number in translated:
        if not number.values & english_values and number.text not in extra:
            extra.append(number.text)
    return NumberMismatch(tuple(missing), tuple(extra))
