"""Language negotiation, native names and locale-aware writing."""

from __future__ import annotations

import datetime as dt

import pytest
from babel import Locale

from kiosk.document.model import YearMonth
from kiosk.languages import formatting
from kiosk.languages.registry import SUPPORTED_LANGUAGES, language_info, negotiate_language


@pytest.mark.parametrize("tag, expected", [
    ("pt-BR", "pt"), ("de_AT", "de"), ("de-AT", "de"), ("nb-NO", "nb"), ("no", "nb"),
    ("fr", "fr"), ("uk-UA", "uk"), ("xx", None), ("klingon", None), ("", None),
])
def test_negotiate_language(tag, expected):
    assert negotiate_language(tag, SUPPORTED_LANGUAGES) == expected


@pytest.mark.parametrize("code, native", [
    ("de", "Deutsch"), ("fi", "Suomi"), ("uk", "Українська"), ("el", "Ελληνικά"),
    ("nb", "Norsk bokmål"), ("ga", "Gaeilge"), ("mt", "Malti"), ("is", "Íslenska"),
])
def test_language_info_native_names(code, native):
    assert language_info(code).native_name == native
    assert language_info(code).direction == "ltr"


def test_every_language_has_a_babel_locale():
    assert len(SUPPORTED_LANGUAGES) == 28
    for code in SUPPORTED_LANGUAGES:
        locale = Locale.parse(code)
        assert str(locale) == code
        assert formatting.babel_locale(code).language == code


AUTHORISED = dt.date(2023, 4, 19)
UPDATED = YearMonth(2023, 4)


@pytest.mark.parametrize("lang, long_date, month, percent", [
    ("en", "19 April 2023", "April 2023", "31%"),
    ("de", "19. April 2023", "April 2023", "31\u00a0%"),
    ("fr", "19 avril 2023", "avril 2023", "31\u00a0%"),
    ("fi", "19. huhtikuuta 2023", "huhtikuu 2023", "31\u00a0%"),
    ("el", "19 Απριλίου 2023", "Απρίλιος 2023", "31%"),
    ("uk", "19 квітня 2023\u202fр.", "квітень 2023\u202fр.", "31%"),  # narrow no-break space
])
def test_document_dates_and_percentages(lang, long_date, month, percent):
    assert formatting.format_long_date(AUTHORISED, lang) == long_date
    assert formatting.format_year_month(UPDATED, lang) == month
    assert formatting.format_percent(0.31, lang) == percent


def test_numbers_lists_and_unknown_tags():
    assert formatting.format_number(1234.5, "en") == "1,234.5"
    assert formatting.format_number(1234.5, "de") == "1.234,5"
    assert formatting.format_number(661, "fr") == "661"
    assert formatting.format_percent(0.1, "tr") == "%10"
    assert formatting.format_list(["a", "b", "c"], "en") == "a, b and c"
    assert formatting.format_list(["a", "b", "c"], "de") == "a, b und c"
    assert formatting.format_long_date(AUTHORISED, "de-AT") == "19. April 2023"
    assert formatting.format_long_date(AUTHORISED, "xx") == "19 April 2023"


def test_section_position_uses_the_active_language(clean_translator):
    assert formatting.section_position(3, 8) == "Section 3 of 8"
    assert formatting.section_position(1234, 2000, "de") == "Section 1.234 of 2.000"
