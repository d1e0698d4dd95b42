"""The stored table of language names is exactly what Babel's CLDR data says."""

from __future__ import annotations

from kiosk.languages.language_names import LANGUAGE_NAMES
from kiosk.languages.registry import SUPPORTED_LANGUAGES, language_info, language_info_from_cldr


def test_every_supported_language_has_a_stored_name() -> None:
    assert sorted(LANGUAGE_NAMES) == sorted(SUPPORTED_LANGUAGES)


def test_stored_names_match_babel() -> None:
    fresh = {}
    for code in SUPPORTED_LANGUAGES:
        info = language_info_from_cldr(code)
        fresh[code] = (info.native_name, info.english_name, info.direction)
    table = "\n".join(f'    "{c}": {v!r},' for c, v in fresh.items())
    assert fresh == LANGUAGE_NAMES, f"Babel's names changed; new table:\n{table}"


def test_a_language_outside_the_table_is_still_named_from_cldr() -> None:
    assert "ar" not in LANGUAGE_NAMES
    arabic = language_info("ar")
    assert arabic.native_name == "العربية" and arabic.direction == "rtl"
