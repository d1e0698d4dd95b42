"""The EMA overview of Opzelura (the seed) imported into the kiosk's format.

The checks on the text are made against the raw seed, read here
independently of the importer, so an importer that drops, rewrites or
invents wording fails them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from doc_paths import OPZELURA_CONTENT, REPO, SEED
from kiosk.cli import main as kiosk_main
from kiosk.document.ema_import import import_ema_overview
from kiosk.document.model import BulletList, Paragraph, YearMonth
from kiosk.document.source_format import load_document

FURNITURE = (
    "Domenico Scarlattilaan",
    "Official address",
    "Send us a question",
    "Telephone",
    "An agency of the European Union",
    "SCIENCE MEDICINES HEALTH",
    "EUROPEAN MEDICINES AGENCY",
    "how-to-find-us",
    "781 6000",
    "EMA/100444/2023",
)


def _seed_sections(raw: str) -> list[tuple[str, list[str]]]:
    """(heading, sentences) of the seed, read without the importer.

    From the first '###' heading to the end; the contact block between
    '---' and the next heading is dropped; links become their text; heading
    bold markers are removed; sentences split at '. ', '? ' or '! '.
    """
    lines = raw.replace("\r\n", "\n").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("###"))
    sections: list[tuple[str, list[str]]] = []
    body: list[str] = []
    skipping = False
    for line in lines[start:]:
        if line.startswith("#"):
            if sections:
                sections[-1] = (sections[-1][0], body)
            heading = line.lstrip("#").strip().replace("**", "").strip()
            sections.append((heading, []))
            body = []
            skipping = False
            continue
        if line.strip() == "---":
            skipping = True
            continue
        if not skipping:
            body.append(line)
    sections[-1] = (sections[-1][0], body)
    out = []
    for heading, body_lines in sections:
        text = " ".join(body_lines)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        text = re.sub(r"\s+", " ", text).strip()
        sentences = [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z0-9])", text) if s]
        out.append((heading, sentences))
    return out


@pytest.fixture(scope="module")
def result():
    return import_ema_overview(SEED.read_text(encoding="utf-8"), SEED.name)


def test_seed_reader_of_this_test_is_sound() -> None:
    sections = _seed_sections(SEED.read_text(encoding="utf-8"))
    assert len(sections) == 8
    sentences = [s for _, ss in sections for s in ss]
    assert len(sentences) >= 30
    assert "Opzelura contains the active substance ruxolitinib." in sentences
    assert not any("Scarlattilaan" in s for s in sentences)
    assert any(s.startswith("Further information on Opzelura can be found on the Agency's "
                            "website: ema.europa.eu/medicines/human/EPAR/opzelura.")
               for s in sentences)


def test_headings_are_the_eight_of_the_seed_in_order(result) -> None:
    expected = [h for h, _ in _seed_sections(SEED.read_text(encoding="utf-8"))]
    assert [s.heading for s in result.document.sections] == expected
    content = load_document(OPZELURA_CONTENT)
    assert [s.heading for s in content.sections] == expected
    assert expected[0] == "What is Opzelura and what is it used for?"
    assert expected[-1] == "Other information about Opzelura"


@pytest.mark.parametrize("source", ["import", "content file"])
def test_every_sentence_of_the_seed_is_in_its_section_verbatim(result, source) -> None:
    document = result.document if source == "import" else load_document(OPZELURA_CONTENT)
    seed = _seed_sections(SEED.read_text(encoding="utf-8"))
    assert len(document.sections) == len(seed)
    missing = []
    for section, (heading, sentences) in zip(document.sections, seed):
        assert section.heading == heading
        for sentence in sentences:
            if not any(sentence in paragraph for paragraph in section.paragraphs):
                missing.append(f"{heading}: {sentence}")
    assert not missing, "\n".join(missing)


def test_no_text_is_added_to_the_sections(result) -> None:
    """Every paragraph is made of seed sentences only: nothing invented."""
    seed = _seed_sections(SEED.read_text(encoding="utf-8"))
    for section, (_, sentences) in zip(result.document.sections, seed):
        rest = " ".join(section.paragraphs)
        for sentence in sentences:
            rest = rest.replace(sentence, "", 1)
        assert rest.strip() == "", f"{section.heading}: unexpected text {rest.strip()!r}"


def test_letterhead_and_contact_block_are_in_no_section(result) -> None:
    for document in (result.document, load_document(OPZELURA_CONTENT)):
        for section in document.sections:
            for text in (section.heading, *section.paragraphs):
                for furniture in FURNITURE:
                    assert furniture not in text, f"{furniture!r} in {section.heading!r}"


def test_facts(result) -> None:
    document = result.document
    assert document.name == "Opzelura"
    assert document.active_substance == "ruxolitinib"
    assert document.title == "Opzelura (ruxolitinib)"
    assert document.subtitle == "An overview of Opzelura and why it is authorised in the EU"
    assert document.slug == "opzelura"
    facts = document.facts
    assert facts.ema_reference == "EMA/100444/2023"
    assert facts.product_number == "EMA/H/C/005843"
    assert facts.authorisation_date == dt.date(2023, 4, 19)
    assert facts.last_updated == YearMonth(2023, 4)
    assert facts.source_url == "https://ema.europa.eu/medicines/human/EPAR/opzelura"


def test_seed_imports_without_warnings(result) -> None:
    assert result.warnings == []


def test_links_and_hard_line_breaks_are_joined(result) -> None:
    last = result.document.sections[-1]
    assert last.paragraphs[1] == (
        "Further information on Opzelura can be found on the Agency's website: "
        "ema.europa.eu/medicines/human/EPAR/opzelura."
    )
    assert all(isinstance(b, Paragraph) for s in result.document.sections for b in s.blocks)
    assert not any(isinstance(b, BulletList) for s in result.document.sections for b in s.blocks)
    for section in result.document.sections:
        for text in section.paragraphs:
            assert "](" not in text and "**" not in text and "\n" not in text and "  " not in text


def test_imported_document_equals_the_hand_made_content_file(result) -> None:
    assert result.document == load_document(OPZELURA_CONTENT)


def test_crlf_bom_and_control_characters_give_the_same_document(result) -> None:
    raw = SEED.read_text(encoding="utf-8")
    mangled = "\ufeff" + raw.replace("Opzelura contains", "Opzelura\x07 con\x1b[31mtains")
    mangled = mangled.replace("\n", "\r\n")
    again = import_ema_overview(mangled, "mangled.txt")
    assert again.document == result.document
    assert again.warnings == []


# --- ``kiosk import`` ------------------------------------------------------


def test_kiosk_import_reproduces_the_content_file_byte_for_byte(tmp_path, capsys) -> None:
    code = kiosk_main(["import", str(SEED), "--output", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    written = tmp_path / "opzelura" / "overview.md"
    assert written.read_bytes() == OPZELURA_CONTENT.read_bytes()
    assert sorted(p.name for p in (tmp_path / "opzelura").iterdir()) == ["overview.md"]
    assert str(written) in out
    assert "Warnings: none" in out
    assert err == ""


def test_kiosk_import_report_lists_sections_and_facts(tmp_path, capsys) -> None:
    assert kiosk_main(["import", str(SEED), "--output", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Sections: 8" in out
    assert " 1. What is Opzelura and what is it used for?" in out
    assert " 8. Other information about Opzelura" in out
    for fact in ("EMA/100444/2023", "EMA/H/C/005843", "2023-04-19", "2023-04",
                 "https://ema.europa.eu/medicines/human/EPAR/opzelura", "ruxolitinib"):
        assert fact in out
    assert "(not found)" not in out


def test_kiosk_import_refuses_to_overwrite_without_force(tmp_path, capsys) -> None:
    target = tmp_path / "opzelura" / "overview.md"
    target.parent.mkdir()
    target.write_text("staff edits\n", encoding="utf-8")
    assert kiosk_main(["import", str(SEED), "--output", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err
    assert err.count("\n") == 1
    assert target.read_text(encoding="utf-8") == "staff edits\n"
    assert kiosk_main(["import", str(SEED), "--output", str(tmp_path), "--force"]) == 0
    assert target.read_bytes() == OPZELURA_CONTENT.read_bytes()


def test_kiosk_import_with_slug(tmp_path, capsys) -> None:
    assert kiosk_main(["import", str(SEED), "--output", str(tmp_path), "--slug", "vitiligo-cream"]) == 0
    document = load_document(tmp_path / "vitiligo-cream")
    assert document.slug == "vitiligo-cream"
    assert document.name == "Opzelura"
    assert kiosk_main(["import", str(SEED), "--output", str(tmp_path), "--slug", "Bad Slug"]) == 1
    assert "--slug" in capsys.readouterr().err


def test_python_m_kiosk_import_stdout_is_the_content_file(tmp_path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO), LC_ALL="C", PYTHONIOENCODING="")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "import", str(SEED), "--stdout",
         "--output", str(tmp_path)],
        capture_output=True, cwd=REPO, env=env, timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == OPZELURA_CONTENT.read_bytes()
    report = result.stderr.decode("utf-8")
    assert "Sections: 8" in report and "Traceback" not in report
    assert list(tmp_path.iterdir()) == []  # --stdout writes nothing


def test_python_m_kiosk_import_writes_the_file(tmp_path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "import", str(SEED), "--output", str(tmp_path)],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "opzelura" / "overview.md").read_bytes() == OPZELURA_CONTENT.read_bytes()
    assert "Wrote" in result.stdout and result.stderr == ""


def test_seed_copy_matches_the_shared_seed() -> None:
    shared = Path("/work/shared/seeds/000_51b2340b10fafcd8.txt")
    if not shared.exists():
        pytest.skip("the shared seed folder is not on this machine (only on the build host)")
    assert SEED.read_bytes() == shared.read_bytes()
