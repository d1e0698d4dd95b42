"""kiosk check's spoken-numbers part: eSpeak NG's phonemes say whether each voice hears every unit."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.commands.spoken_check import spoken_number_findings
from kiosk.languages.checks import run_checks
from kiosk.languages.registry import SUPPORTED_LANGUAGES
from kiosk.languages.templates import all_templates
from speech_helpers import heard_in

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def templates():
    return all_templates(REPO / "content")


@pytest.fixture
def locales_copy(tmp_path: Path) -> Path:
    """The repository's catalogs in a temporary folder, to break on purpose."""
    folder = tmp_path / "locales"
    shutil.copytree(REPO / "locales", folder, ignore=shutil.ignore_patterns("*.mo"))
    return folder


def edit_catalog(locales: Path, language: str, old: str, new: str) -> None:
    po = locales / language / "LC_MESSAGES" / "kiosk.po"
    text = po.read_text(encoding="utf-8")
    assert old in text
    po.write_text(text.replace(old, new), encoding="utf-8")


def test_every_voice_hears_every_unit_of_the_repository(templates) -> None:
    found = spoken_number_findings(REPO / "locales", REPO / "content", list(SUPPORTED_LANGUAGES),
                                   templates)
    assert found.problems == [] and found.warnings == []
    assert len(found.lines) == len(SUPPORTED_LANGUAGES)
    for line in found.lines:
        assert "every unit heard" in line and re.search(r"\d+ spoken forms: all heard", line)
        # the overview's nine percentages, its date and its codes, in every language
        assert re.search(r"percent 9\b", line) and "date 1" in line and "code " in line, line


def test_a_percent_form_that_keeps_the_sign_fails_for_the_maltese_voice(templates,
                                                                        locales_copy) -> None:
    """A translator who writes "{number}%" brings back the defect: the Maltese voice drops it."""
    edit_catalog(locales_copy, "mt", '"{number} fil-mija"', '"{number}%"')
    found = spoken_number_findings(locales_copy, REPO / "content", ["mt", "de"], templates)
    maltese = [p for p in found.problems if p.language == "mt"]
    overview = [p for p in maltese if p.domain == "doc-opzelura"]
    forms = [p for p in maltese if p.entry.startswith("spoken form for ")]
    assert len(overview) == 9 and len(forms) == 8 and len(maltese) == 17  # its 8 percent samples
    assert not [p for p in found.problems if p.language == "de"]
    assert all(p.check == "spoken" and "(percent)" in p.message and "says nothing for the sign"
               in p.message for p in maltese)
    assert any(p.entry.startswith("s2.p2 ") and "'10%'" in p.message for p in overview)
    assert "9 NOT heard" in found.lines[0] and "8 NOT heard" in found.lines[0]


def test_a_unit_said_by_another_languages_voice_fails(templates, locales_copy) -> None:
    """Icelandic eSpeak hands "%" to its English voice: a form with the sign is refused."""
    edit_catalog(locales_copy, "is", '"{number} prósent"', '"{number} %"')
    found = spoken_number_findings(locales_copy, REPO / "content", ["is"], templates)
    assert len([p for p in found.problems if p.domain == "doc-opzelura"]) == 9
    assert len(found.problems) == 17
    assert all("to its en voice" in p.message for p in found.problems)


def set_letters(locales: Path, language: str, letters: str) -> None:
    po = locales / language / "LC_MESSAGES" / "kiosk.po"
    text = po.read_text(encoding="utf-8")
    names = re.search(r'msgctxt "spoken letters"\nmsgid ""\n(?:".*"\n)+msgstr ""\n((?:".*"\n)+)',
                      text)
    assert names is not None
    po.write_text(text.replace(names.group(1), f'"{letters}"\n'), encoding="utf-8")


def test_a_letter_name_the_voice_cannot_say_fails(templates, locales_copy) -> None:
    """Bulgarian with the bare Latin letters: each letter is said by the English voice."""
    set_letters(locales_copy, "bg", ", ".join("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    found = spoken_number_findings(locales_copy, REPO / "content", ["bg"], templates)
    assert found.problems and all("with its en voice" in p.message and "(code)" in p.message
                                  for p in found.problems)


def test_the_unit_must_be_found_in_its_sentence() -> None:
    assert heard_in("filmiia", "aketarminnaarafilmiiataldzisem")
    assert heard_in("protsent", "prOtsEnd".casefold() + "dzESEnts")  # voiced in context
    assert not heard_in("filmiia", "aketarminnaarataldzisem")
    assert not heard_in("", "anything")


def test_broken_spoken_lists_are_catalog_problems(templates, locales_copy) -> None:
    edit_catalog(locales_copy, "pl", '"r. = roku"', '"r. roku"')
    set_letters(locales_copy, "cs", "A, B, C")
    report = run_checks(locales_copy, REPO / "content", ["pl", "cs"], templates=templates)
    spoken = sorted((p.language, p.message) for p in report.problems if p.check == "spoken-forms")
    assert spoken == [
        ("cs", "needs the names of the 26 letters A to Z separated by commas, has 3; codes are "
               "spelled with the bare letters until it is fixed"),
        ("pl", 'write each abbreviation with its words as "abbreviation = words", pairs '
               'separated by ";" (or "-" for none); it is ignored until it is fixed')]


def test_kiosk_check_prints_the_spoken_numbers_and_fails_on_a_dropped_unit(
        tmp_path, locales_copy, capsys) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\nkiosk_mode = false\ncontent_dir = "{REPO / "content"}"\n'
                      f'locales_dir = "{locales_copy}"\nlog_file = "{tmp_path / "kiosk.log"}"\n',
                      encoding="utf-8")
    assert main(["--config", str(config), "check", "--language", "mt"]) == 0
    out = capsys.readouterr().out
    section = out[out.index("Spoken numbers"):]
    # Codes include the speech key "F1" of the speech hint ("... press {keys}.").
    assert re.search(r"mt +sem/mt +20 numbers with a unit: every unit heard \(code 10, date 1, "
                     r"percent 9\); 23 spoken forms: all heard", section)
    assert "spoken forms written by the kiosk team (issue 9), unreviewed" in section

    edit_catalog(locales_copy, "mt", '"{number} fil-mija"', '"{number}%"')
    assert main(["--config", str(config), "check", "--language", "mt"]) == 1
    out = capsys.readouterr().out
    assert "9 NOT heard" in out
    assert re.search(r"mt doc-opzelura s2\.p2 .*: spoken: '10%' \(percent\): eSpeak NG's sem/mt "
                     r"voice says nothing for the sign in '10%'", out)
