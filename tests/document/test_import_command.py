"""``kiosk import`` errors: one line on stderr, exit 1, nothing written; exit codes."""

from __future__ import annotations

import pytest

from kiosk.cli import main as kiosk_main
from kiosk.document.source_format import load_document
from test_ema_import_variants import MINIMAL



def _run(tmp_path, capsys, *args: str) -> tuple[int, str, str]:
    code = kiosk_main(["import", *args, "--output", str(tmp_path / "content")])
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_line_error(code: int, err: str, *needles: str) -> None:
    assert code == 1
    assert err.startswith("kiosk import: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err, err


def test_import_of_a_missing_file(tmp_path, capsys) -> None:
    code, out, err = _run(tmp_path, capsys, str(tmp_path / "nope.txt"))
    _assert_one_line_error(code, err, "nope.txt", "does not exist")
    assert not (tmp_path / "content").exists()


def test_import_of_a_folder(tmp_path, capsys) -> None:
    code, out, err = _run(tmp_path, capsys, str(tmp_path))
    _assert_one_line_error(code, err, "folder")


def test_import_of_a_file_that_is_not_utf8(tmp_path, capsys) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(MINIMAL.replace("is a medicine", "is a médicament").encode("latin-1"))
    code, out, err = _run(tmp_path, capsys, str(bad))
    _assert_one_line_error(code, err, "latin1.txt, line 10", "not UTF-8")
    assert not (tmp_path / "content").exists()


def test_import_without_sections(tmp_path, capsys) -> None:
    source = tmp_path / "words.txt"
    source.write_text("Just words.\n", encoding="utf-8")
    code, out, err = _run(tmp_path, capsys, str(source))
    _assert_one_line_error(code, err, "no sections found")
    assert out == ""


def test_import_with_warnings_succeeds_and_lists_them(tmp_path, capsys) -> None:
    source = tmp_path / "testorin.txt"
    source.write_text(MINIMAL.replace("EMA/111111/2022\n", "\n"), encoding="utf-8")
    code, out, err = _run(tmp_path, capsys, str(source))
    assert code == 0, err
    assert "Warnings: 1" in out
    assert "  line 4: no EMA reference found (expected EMA/123456/2023)" in out
    assert "EMA reference:     (not found)" in out
    assert load_document(tmp_path / "content" / "testorin").facts.ema_reference == ""


def test_paragraphs_that_begin_like_markup_are_escaped_and_kept(tmp_path, capsys) -> None:
    source = tmp_path / "hash.txt"
    source.write_text(MINIMAL.replace("Testorin is a medicine.", "#1 choice for patients."),
                      encoding="utf-8")
    code, out, err = _run(tmp_path, capsys, str(source))
    assert code == 0, err
    written = tmp_path / "content" / "testorin" / "overview.md"
    assert "\\#1 choice for patients." in written.read_text(encoding="utf-8")
    paragraphs = [p for s in load_document(written).sections for p in s.paragraphs]
    assert "#1 choice for patients." in paragraphs




def test_exit_code_2_for_a_wrong_command_line(capsys) -> None:
    """The documented exit codes: 0 imported, 1 refused (one sentence), 2 usage."""
    with pytest.raises(SystemExit) as caught:
        kiosk_main(["import"])
    assert caught.value.code == 2
    assert "the following arguments are required: file" in capsys.readouterr().err
