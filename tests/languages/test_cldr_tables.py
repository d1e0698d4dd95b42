"""The stored CLDR rows are exactly Babel's, and writing with them equals writing with Babel."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.document.model import YearMonth
from kiosk.languages import formatting
from kiosk.languages.cldr_months import MONTH_NAMES
from kiosk.languages.cldr_tables import CLDR
from kiosk.languages.registry import SUPPORTED_LANGUAGES

LOCALE_IDS = [formatting.FORMAT_LOCALES.get(code, code) for code in SUPPORTED_LANGUAGES]
DATES = [dt.date(2023, month, day) for month, day in
         [(1, 1), (2, 28), (3, 9), (4, 19), (5, 31), (6, 2), (7, 14), (8, 8), (9, 30),
          (10, 10), (11, 11), (12, 25)]] + [dt.date(1999, 4, 5), dt.date(2031, 11, 22)]


def test_every_supported_language_has_a_row() -> None:
    assert sorted(CLDR) == sorted(LOCALE_IDS)


def test_month_names_match_babel() -> None:
    assert sorted(MONTH_NAMES) == sorted(SUPPORTED_LANGUAGES)
    changed = sorted(code for code in SUPPORTED_LANGUAGES
                     if MONTH_NAMES[code] != formatting.month_names_from_babel(code))
    assert not changed, (
        f"Babel's month names changed for {', '.join(changed)}; regenerate "
        "kiosk/languages/cldr_tables.py and cldr_months.py: "
        "python tests/languages/test_cldr_tables.py")


def test_rows_match_babel() -> None:
    fresh = {locale_id: formatting.cldr_row_from_babel(locale_id) for locale_id in LOCALE_IDS}
    changed = sorted(loc for loc in fresh if fresh[loc] != CLDR.get(loc))
    assert not changed, (
        f"Babel's CLDR data changed for {', '.join(changed)}; regenerate "
        "kiosk/languages/cldr_tables.py and cldr_months.py: "
        "python tests/languages/test_cldr_tables.py")


@pytest.mark.parametrize("code", SUPPORTED_LANGUAGES)
def test_writing_with_the_table_equals_babel(code: str) -> None:
    from babel.dates import format_date, format_skeleton
    from babel.lists import format_list
    from babel.numbers import format_decimal

    locale = formatting.babel_locale(code)
    for day in DATES:
        assert formatting.format_long_date(day, code) == format_date(day, "long", locale=locale)
        assert formatting.format_year_month(YearMonth(day.year, day.month), code) == \
            format_skeleton("yMMMM", day, locale=locale)
    for number in (0, 1, 8, 12, 999, 1000, 1234, 99999, 1234567):
        assert formatting.format_number(number, code) == format_decimal(number, locale=locale)
    for items in (["a"], ["a", "b"], ["a", "b", "c"], ["a", "b", "c", "d", "e"]):
        assert formatting.format_list(items, code) == format_list(items, locale=locale)


def test_the_kiosk_writes_without_loading_babel_locale_data() -> None:
    """Writing, and splitting text into sentences for speech, in all 28 languages loads
    no Babel locale (the memory the table saves: some 28 MiB once all were used)."""
    code = (
        "import datetime as dt, sys\n"
        "from kiosk.languages import formatting as f\n"
        "from kiosk.languages.registry import SUPPORTED_LANGUAGES\n"
        "from kiosk.speech.sentences import split_sentences\n"
        "for c in SUPPORTED_LANGUAGES:\n"
        "    f.format_long_date(dt.date(2023, 4, 19), c); f.format_year_month(dt.date(2023, 4, 1), c)\n"
        "    f.format_list(['a', 'b', 'c'], c); f.section_position(3, 8, c)\n"
        "    split_sentences('Am 19. Jan. 2023 kam es. Dr. A. sah es am 3. März.', c)\n"
        "from babel import localedata\n"
        "print(len(localedata._cache))\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=root, check=True)
    assert out.stdout.strip() == "0"


# --- regenerating kiosk/languages/cldr_tables.py ------------------------------------
HEADER = '''"""CLDR's writing patterns for the kiosk's languages, as Babel gives them (generated).

Used by :mod:`kiosk.languages.formatting` instead of loading each locale's
CLDR data (about 1 MiB per language, never given back).  Not typed by hand:
``tests/languages/test_cldr_tables.py`` recomputes every row from Babel and
fails, printing the new table, when a Babel upgrade changes one.  Keys are
CLDR locale ids (``en_GB``: the kiosk writes English the British way).
"""

from __future__ import annotations

from typing import NamedTuple


class CldrRow(NamedTuple):
    """The patterns of one locale the kiosk writes with."""

    long_date: str  # date_formats["long"], e.g. "d MMMM y"
    year_month: str  # the skeleton yMMMM resolved, e.g. "MMMM y"
    months_format: tuple[str, ...]  # MMMM, January..December (genitive where CLDR has it)
    months_standalone: tuple[str, ...]  # LLLL
    number_pattern: str  # decimal_formats, e.g. "#,##0.###"
    group: str  # the thousands separator
    list_two: str  # list_patterns["standard"]: "{0} and {1}"
    list_start: str
    list_middle: str
    list_end: str


CLDR: dict[str, CldrRow] = {
'''
MONTHS_HEADER = '''"""Every month name of each language, as Babel gives them (generated).

Wide and abbreviated, format and stand-alone (Babel's
``Locale.parse(code).months``), sorted, keyed by catalog code: the speech
layer's sentence splitter keeps "Jan." and "19. April" whole
(:func:`kiosk.languages.formatting.month_names`).  Reading them from Babel
loaded each language's whole CLDR data, about 1 MiB a language, never
given back.  Not typed by hand: ``tests/languages/test_cldr_tables.py``
recomputes them from Babel and fails when a Babel upgrade changes one.
"""

from __future__ import annotations

MONTH_NAMES: dict[str, tuple[str, ...]] = {
'''


def render(rows) -> str:
    """The module's source for ``rows`` (locale id -> CldrRow)."""
    out = [HEADER]
    for loc, row in rows.items():
        months = lambda names: "\n         ".join(" ".join(f"{v!r}," for v in names[i:i + 4]) for i in (0, 4, 8))
        f, sa = months(row.months_format), months(row.months_standalone)
        out.append(f"    {loc!r}: CldrRow(\n")
        out.append(f"        {row.long_date!r}, {row.year_month!r},\n")
        out.append(f"        ({f}),\n")
        out.append(f"        ({sa}),\n")
        out.append(f"        {row.number_pattern!r}, {row.group!r},\n")
        out.append(f"        {row.list_two!r}, {row.list_start!r}, {row.list_middle!r}, {row.list_end!r}),\n")
    out.append("}\n")
    return "".join(out)


def render_months(month_names) -> str:
    """``cldr_months.py``'s source for ``month_names`` (catalog code -> names)."""
    out = [MONTHS_HEADER]
    for code, names in month_names.items():
        listed = "\n        ".join(" ".join(f"{v!r}," for v in names[i:i + 6])
                                   for i in range(0, len(names), 6))
        out.append(f"    {code!r}: (\n        {listed}\n    ),\n")
    out.append("}\n")
    return "".join(out)


def test_the_stored_modules_are_what_the_generator_writes() -> None:
    folder = Path(formatting.__file__).parent
    assert (folder / "cldr_tables.py").read_text(encoding="utf-8") == render(CLDR)
    assert (folder / "cldr_months.py").read_text(encoding="utf-8") == render_months(MONTH_NAMES)


if __name__ == "__main__":  # python tests/languages/test_cldr_tables.py: rewrites both modules
    folder = Path(formatting.__file__).parent
    (folder / "cldr_tables.py").write_text(
        render({loc: formatting.cldr_row_from_babel(loc) for loc in LOCALE_IDS}), encoding="utf-8")
    (folder / "cldr_months.py").write_text(
        render_months({code: formatting.month_names_from_babel(code)
                       for code in SUPPORTED_LANGUAGES}), encoding="utf-8")
