"""Which languages a console font shows: every character of their catalogs and their name.

Real data: the kiosk's own catalogs (``locales/``) against Debian's console
fonts.  Issue 9 found that with Lat15, the font Debian picks for Western
European locales, 13 of the 28 languages cannot be shown, and that Uni2
shows the text of all 28.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from console_helpers import CONSOLE_FONTS, LAT15_LEFT_OUT, LOCALES, console_font, needs_console_fonts

from kiosk.console_font.coverage import language_coverage, language_text, split_languages
from kiosk.console_font.font import ConsoleFont
from kiosk.console_font.psf import read_psf
from kiosk.languages.registry import SUPPORTED_LANGUAGES, language_info

ALL = sorted(SUPPORTED_LANGUAGES)


@needs_console_fonts
@pytest.mark.parametrize("name", ["Lat15-Fixed16", "Lat15-Terminus32x16", "Lat15-VGA16"])
def test_lat15_leaves_out_the_thirteen_languages_of_the_issue(name):
    kept, left_out = split_languages(console_font(name), ALL, LOCALES)
    assert {c.language for c in left_out} == LAT15_LEFT_OUT
    assert kept == [language for language in ALL if language not in LAT15_LEFT_OUT]
    assert len(kept) == 15
    bulgarian = next(c for c in left_out if c.language == "bg")
    assert "Б" in bulgarian.missing and "б" in bulgarian.missing
    assert bulgarian.describe().startswith("bg Bulgarian: ")
    assert "Б U+0411" in bulgarian.describe()


@needs_console_fonts
def test_every_uni2_terminus_and_fixed_font_shows_all_28_languages():
    fonts = sorted(p for pattern in ("Uni2-Terminus*", "Uni2-Fixed*")
                   for p in CONSOLE_FONTS.glob(f"{pattern}.psf.gz"))
    assert len(fonts) >= 20, "console-setup-linux ships 26 of them"
    texts = {language: language_text(LOCALES, language)[0] for language in ALL}
    assert all(len(text) > 40 for text in texts.values())
    for path in fonts:
        font = read_psf(path)
        lacking = {language: font.missing(text) for language, text in texts.items()}
        assert {k: v for k, v in lacking.items() if v} == {}, path.name
    kept, left_out = split_languages(console_font("Uni2-Terminus32x16"), ALL, LOCALES)
    assert kept == ALL and left_out == []


@needs_console_fonts
def test_the_fonts_the_advice_warns_about():
    """Why the advice names Terminus and Fixed: some Uni2 VGA sizes lack ș ț, Uni3 lacks Greek."""
    for name in ("Uni2-VGA8", "Uni2-VGA14", "Uni2-VGA28x16"):
        left_out = split_languages(console_font(name), ALL, LOCALES)[1]
        assert [(c.language, set(c.missing) >= {"ș", "ț"}) for c in left_out] == [("ro", True)]
    left_out = split_languages(console_font("Uni3-Fixed16"), ALL, LOCALES)[1]
    assert [c.language for c in left_out] == ["el"]


def test_a_languages_text_is_its_translations_and_its_own_name(tmp_path):
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "kiosk.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Start"\nmsgstr "Ѕтарт"\n\n'
        '#, fuzzy\nmsgid "Back"\nmsgstr "Ωmega"\n\n'
        'msgid "Help"\nmsgstr ""\n', encoding="utf-8")
    (folder / "doc-x.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "ĳ"\nmsgstr[1] "ŉ"\n', encoding="utf-8")
    text, unread = language_text(tmp_path, "xx")
    assert unread == ()
    assert {"Ѕ", "т", "ĳ", "ŉ"} <= set(text)
    assert "Ω" not in text  # a fuzzy entry is not shown (the English is), so not checked
    assert "H" not in text and "B" not in text  # msgids are English's text, not this language's


def test_english_is_the_templates_msgids(tmp_path):
    (tmp_path / "kiosk.pot").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "Start – now"\nmsgstr ""\n', encoding="utf-8")
    text, _ = language_text(tmp_path, "en")
    assert "–" in text and set("English") <= set(text)


def test_the_languages_own_name_counts(tmp_path):
    ascii_only = ConsoleFont(frozenset(range(32, 127)), "ascii")
    result = language_coverage(ascii_only, "uk", tmp_path)  # no catalogs at all
    assert set(result.missing) == set(language_info("uk").native_name) - set("abc")
    assert not result.shown


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs msgfmt: apt-get install gettext")
def test_an_unreadable_po_is_read_from_its_mo_and_a_lost_catalog_is_named(tmp_path):
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    source = tmp_path / "source.po"
    source.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                      'msgid "Start"\nmsgstr "Ξεκίνα"\n', encoding="utf-8")
    subprocess.run(["msgfmt", "-o", str(folder / "kiosk.mo"), str(source)], check=True)
    po = folder / "kiosk.po"
    po.mkdir()  # where the .po should be, something no account can read as a file
    text, unread = language_text(tmp_path, "xx")
    assert "Ξ" in text and unread == ()
    (folder / "kiosk.mo").unlink()
    text, unread = language_text(tmp_path, "xx")
    assert unread == (str(po),)
    assert "Ξ" not in text


def test_when_the_font_shows_no_language_all_are_kept_and_all_reported(tmp_path):
    nothing = ConsoleFont(frozenset(), "empty")
    kept, left_out = split_languages(nothing, ["de", "el"], tmp_path)
    assert kept == ["de", "el"]
    assert [c.language for c in left_out] == ["de", "el"]
