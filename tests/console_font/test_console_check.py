"""What ``kiosk check`` and the start log say about the console font, and console-setup's settings."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from console_helpers import CONSOLE_FONTS, LAT15_LEFT_OUT, LOCALES, REPO, console_font, needs_console_fonts

from kiosk.commands.check import run_check_command
from kiosk.config import load_config
from kiosk.console_font.console_setup import (
    ADVICE,
    ConsoleSetup,
    configured_font_file,
    read_console_setup,
)
from kiosk.console_font.findings import languages_for_console
from kiosk.launcher import offered_languages
from kiosk.languages.registry import SUPPORTED_LANGUAGES

ALL = sorted(SUPPORTED_LANGUAGES)
CHECKED = ["de", "bg", "el", "ro"]  # a Latin, a Cyrillic, a Greek language; ș ț


@pytest.fixture
def config(tmp_path):
    return replace(load_config(REPO / "kiosk.toml"), log_file=tmp_path / "kiosk.log")


def _on_console(name: str):
    return console_font(name), f"Linux console font: {name} loaded"


@needs_console_fonts
def test_on_a_lat15_console_the_check_fails_naming_each_language_and_the_setting(config, capsys):
    code = run_check_command(config, CHECKED, terminal=_on_console("Lat15-Fixed16"),
                             console_setup=None)
    out = capsys.readouterr().out
    assert code == 1
    for language in ("bg", "el", "ro"):
        assert (f"{language} *: deployment: the console font {CONSOLE_FONTS}/Lat15-Fixed16.psf.gz "
                "cannot show this language, so the kiosk leaves it out on this console (") in out
    assert "de *: deployment" not in out
    assert "ro *: deployment" in out and "ș U+0219" in out
    console_part = out.split("\nConsole font:\n", 1)[1]
    assert "  Linux console font: Lat15-Fixed16 loaded" in console_part
    assert "  it can show 1 of 4 languages" in console_part  # de only
    assert f"  to show them all, {ADVICE}" in console_part
    assert 'CODESET="Uni2"' in ADVICE and 'FONTFACE="Terminus"' in ADVICE


@needs_console_fonts
def test_on_a_uni2_console_every_language_passes_and_the_kiosks_own_glyphs_are_warned(config, capsys):
    code = run_check_command(config, CHECKED, terminal=_on_console("Uni2-Terminus32x16"),
                             console_setup=None)
    out = capsys.readouterr().out
    assert code == 0
    assert "deployment" not in out
    assert "it can show 4 of 4 languages" in out
    assert "WARNING: the console font lacks the kiosk's ▷ (the current item's mark" in out
    assert "WARNING: the console font lacks the kiosk's ⚑" in out
    assert "WARNING: the console font lacks the kiosk's ▁▂▃▄▅▆▇ (Textual's vertical scrollbar" in out
    assert "lacks the kiosk's ▶" not in out  # Uni2 maps ▶ (to its arrow glyph)


@needs_console_fonts
def test_off_the_console_the_check_reads_console_setups_font_and_only_warns(config, capsys, tmp_path):
    settings = tmp_path / "console-setup"
    settings.write_text('# CONFIGURATION FILE FOR SETUPCON\nACTIVE_CONSOLES="/dev/tty[1-6]"\n'
                        'CHARMAP="UTF-8"\nCODESET="Lat15"\nFONTFACE="Fixed"\nFONTSIZE="8x16"\n',
                        encoding="utf-8")
    terminal = (None, "not on a Linux console (TERM=xterm-256color): the terminal's own fonts draw the text")
    code = run_check_command(config, CHECKED, terminal=terminal,
                             console_setup=read_console_setup(settings))
    out = capsys.readouterr().out
    assert code == 0
    assert ("WARNING: on the Linux console the configured font Lat15-Fixed16.psf.gz cannot show "
            "bg Bulgarian: ") in out
    assert (f'  {settings}: CODESET="Lat15" FONTFACE="Fixed" FONTSIZE="8x16" loads '
            f"{CONSOLE_FONTS}/Lat15-Fixed16.psf.gz (256 glyphs, 528 characters mapped): on the "
            "Linux console it shows 1 of 4 languages") in out


def test_off_the_console_without_console_setup_the_check_says_only_where_it_runs(config, capsys):
    terminal = (None, "not on a Linux console (TERM=foot): the terminal's own fonts draw the text")
    code = run_check_command(config, ["de"], terminal=terminal, console_setup=None)
    out = capsys.readouterr().out
    assert code == 0
    assert out.split("\nConsole font:\n", 1)[1].startswith(f"  {terminal[1]}\n")


@needs_console_fonts
def test_the_languages_the_config_does_not_offer_are_not_checked(config, capsys):
    config = replace(config, languages=("de", "fr"))
    code = run_check_command(config, CHECKED, terminal=_on_console("Lat15-Fixed16"),
                             console_setup=None)
    out = capsys.readouterr().out
    assert code == 0, out  # bg, el and ro are not offered, so losing them on the console is no problem
    assert "it can show 1 of 1 languages" in out


@pytest.mark.parametrize("settings, expected", [
    ('CODESET="Lat15"\nFONTFACE="Fixed"\nFONTSIZE="8x16"\n', "Lat15-Fixed16.psf.gz"),
    ("CODESET=Uni2\nFONTFACE=Terminus\nFONTSIZE=16x32  # big\n", "Uni2-Terminus32x16.psf.gz"),
    ('CODESET="Uni2"\nFONTFACE="TerminusBold"\nFONTSIZE="12x24"\n', "Uni2-TerminusBold24x12.psf.gz"),
    ('CODESET="Uni2"\nFONTFACE="VGA"\nFONTSIZE="16"\n', "Uni2-VGA16.psf.gz"),
    ('CODESET="Uni2"\nFONTFACE="Fixed"\nFONTSIZE="8x18"\n', "Uni2-Fixed18.psf.gz"),
    ('FONT="Uni3-Terminus16.psf.gz"\nCODESET="Lat15"\n', "Uni3-Terminus16.psf.gz"),
])
@needs_console_fonts
def test_console_setup_settings_name_the_font_setupcon_loads(tmp_path, settings, expected):
    path = tmp_path / "console-setup"
    path.write_text(settings, encoding="utf-8")
    found = configured_font_file(read_console_setup(path))
    assert found == CONSOLE_FONTS / expected


@pytest.mark.parametrize("settings", ['CODESET="guess"\nFONTFACE="Fixed"\n',
                                      'CODESET="Uni2"\nFONTFACE="Nosuch"\nFONTSIZE="8x16"\n', ""])
def test_settings_that_name_no_font_file_name_none(tmp_path, settings):
    path = tmp_path / "console-setup"
    path.write_text(settings, encoding="utf-8")
    assert configured_font_file(read_console_setup(path)) is None


def test_an_absent_settings_file_reads_as_none_and_an_absolute_font_path_is_taken(tmp_path):
    assert read_console_setup(tmp_path / "nothing") is None
    font = tmp_path / "my.psf"
    font.write_bytes(b"x")
    assert configured_font_file(ConsoleSetup(tmp_path, font=str(font))) == font
    assert configured_font_file(ConsoleSetup(tmp_path, font=str(tmp_path / "gone.psf"))) is None


@needs_console_fonts
def test_the_start_log_names_each_language_left_out_and_the_setting(caplog, tmp_path):
    log = logging.getLogger("kiosk")
    with caplog.at_level(logging.INFO, logger="kiosk"):
        kept = languages_for_console(console_font("Lat15-Fixed16"), ALL, LOCALES, log)
    assert len(kept) == 15
    messages = [r.getMessage() for r in caplog.records]
    assert any("cannot show 13 of the 28 offered languages; left out: bg cs el hr hu lt lv mt "
               "pl ro sk sl uk. To offer them: set CODESET=\"Uni2\"" in m for m in messages)
    left_out = {m.split(": ")[1].split()[0] for m in messages if m.startswith("left out on this console")}
    assert left_out == LAT15_LEFT_OUT
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="kiosk"):
        assert languages_for_console(console_font("Uni2-Fixed16"), ALL, LOCALES, log) == ALL
        assert languages_for_console(None, ALL, LOCALES, log) == ALL
    assert [r.getMessage() for r in caplog.records] == [
        f"the console font {CONSOLE_FONTS}/Uni2-Fixed16.psf.gz (512 glyphs, 791 characters mapped) "
        "can show every offered language"]


@needs_console_fonts
def test_the_launcher_offers_only_what_the_console_font_draws(config):
    config = replace(config, languages=())
    assert offered_languages(config) == ALL
    assert offered_languages(config, console_font("Uni2-Fixed16")) == ALL
    lat15 = offered_languages(config, console_font("Lat15-Fixed16"))
    assert set(ALL) - set(lat15) == LAT15_LEFT_OUT
    config = replace(config, languages=("uk", "de", "el"))
    assert offered_languages(config, console_font("Lat15-Fixed16")) == ["de"]
    assert offered_languages(config, console_font("Uni3-Fixed16")) == ["uk", "de"]
