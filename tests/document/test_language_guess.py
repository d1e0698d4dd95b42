"""Which EMA language an overview is in, told from the text alone (issue 10).

Checked on the shipped translations of the Opzelura overview: every EMA
language the kiosk has (23 EU languages plus Icelandic and Norwegian) is
recognised; Ukrainian and Turkish, which the EMA does not publish, are not
taken for one of them, and neither is too little text.
"""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from doc_paths import REPO
from kiosk.document.ema.language_guess import EMA_LANGUAGES, guess_language

LOCALES = REPO / "locales"
SHIPPED = sorted(p.name for p in LOCALES.iterdir() if p.is_dir())


def _text(language: str) -> str:
    with (LOCALES / language / "LC_MESSAGES" / "doc-opzelura.po").open("rb") as fh:
        catalog = read_po(fh, locale=language)
    return " ".join(m.string for m in catalog if m.id and m.string)


@pytest.mark.parametrize("language", [c for c in SHIPPED if c in EMA_LANGUAGES])
def test_every_ema_language_of_the_shipped_catalogs_is_recognised(language) -> None:
    assert guess_language(_text(language)).code == language


@pytest.mark.parametrize("language", ["uk", "tr"])
def test_languages_the_ema_does_not_publish_are_not_guessed(language) -> None:
    assert language in SHIPPED
    assert guess_language(_text(language)).code == ""


def test_english_and_too_little_text() -> None:
    english = (REPO / "content" / "opzelura" / "overview.md").read_text(encoding="utf-8")
    assert guess_language(english).code == "en"
    assert guess_language("Opzelura 10 mg").code == ""
