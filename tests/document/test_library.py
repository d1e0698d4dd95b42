"""The library: every medicine that loads, and a report of every one that doesn't."""

from __future__ import annotations

import ast
import logging
import subprocess
import sys
from pathlib import Path

from doc_paths import OPZELURA_CONTENT, REPO
from kiosk.document.library import Library, load_library
from kiosk.document.source_format import DocumentFormatError

GOOD = """\
+++
name = "{name}"
+++

## What is {name}?

{name} is a medicine.
"""


def _medicine(root: Path, slug: str, text: str) -> Path:
    folder = root / slug
    folder.mkdir(parents=True)
    path = folder / "overview.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_one_good_and_one_broken_medicine(tmp_path, caplog) -> None:
    _medicine(tmp_path, "goodol", GOOD.format(name="Goodol"))
    broken = _medicine(tmp_path, "brokenol", GOOD.format(name="Brokenol").replace(
        "## What is", "Stray line\n\n## What is"))
    with caplog.at_level(logging.WARNING, logger="kiosk.document"):
        library = load_library(tmp_path)
    assert [m.slug for m in library.medicines] == ["goodol"]
    assert library.medicines[0].name == "Goodol"
    assert len(library.problems) == 1
    problem = library.problems[0]
    assert isinstance(problem, DocumentFormatError)
    assert problem.path == str(broken)
    assert problem.line == 5
    assert str(problem).startswith(f"{broken}, line 5: ")
    assert str(broken) in caplog.text  # logged for staff


def test_medicines_are_sorted_by_name_not_folder(tmp_path) -> None:
    _medicine(tmp_path, "a-folder", GOOD.format(name="Zebrax"))
    _medicine(tmp_path, "b-folder", GOOD.format(name="élidel"))
    _medicine(tmp_path, "c-folder", GOOD.format(name="Actrapid"))
    _medicine(tmp_path, "d-folder", GOOD.format(name="Fampyra"))
    library = load_library(tmp_path)
    assert [m.name for m in library.medicines] == ["Actrapid", "élidel", "Fampyra", "Zebrax"]
    assert library.problems == []
    assert library.get("d-folder").name == "Fampyra"
    assert library.get("nothing") is None
    assert len(library) == 4


def test_folders_without_overview_and_hidden_folders_are_ignored(tmp_path) -> None:
    _medicine(tmp_path, "goodol", GOOD.format(name="Goodol"))
    (tmp_path / "images").mkdir()
    _medicine(tmp_path, ".trash", "not a document")
    _medicine(tmp_path, "_draft", "not a document")
    (tmp_path / "README.txt").write_text("notes", encoding="utf-8")
    library = load_library(tmp_path)
    assert library.slugs == ["goodol"]
    assert library.problems == []


def test_every_kind_of_broken_file_is_a_problem_not_a_crash(tmp_path) -> None:
    _medicine(tmp_path, "empty", "")
    _medicine(tmp_path, "unclosed", '+++\nname = "X"\n\n## A\n\nText.\n')
    (tmp_path / "latin1").mkdir()
    (tmp_path / "latin1" / "overview.md").write_bytes(
        GOOD.format(name="Cr\xe8me").encode("latin-1"))
    (tmp_path / "folder-not-file" / "overview.md").mkdir(parents=True)
    _medicine(tmp_path, "goodol", GOOD.format(name="Goodol"))
    library = load_library(tmp_path)
    assert library.slugs == ["goodol"]
    by_folder = {Path(p.path).parent.name: p for p in library.problems}
    assert sorted(by_folder) == ["empty", "folder-not-file", "latin1", "unclosed"]
    assert "empty" in by_folder["empty"].problem
    assert by_folder["unclosed"].line == 1
    assert "not UTF-8" in by_folder["latin1"].problem
    assert "is a folder" in by_folder["folder-not-file"].problem


def test_missing_content_folder_is_a_problem(tmp_path) -> None:
    library = load_library(tmp_path / "nope")
    assert isinstance(library, Library)
    assert library.medicines == []
    assert [str(p) for p in library.problems] == [
        f"{tmp_path / 'nope'}: the content folder does not exist"]


def test_the_project_content_loads_without_problems() -> None:
    library = load_library(OPZELURA_CONTENT.parent.parent)
    assert library.problems == []
    assert "opzelura" in library.slugs
    assert library.get("opzelura").title == "Opzelura (ruxolitinib)"


# --- the document layer stays free of the terminal UI -------------------------


def test_document_modules_do_not_import_textual_or_rich() -> None:
    package = REPO / "kiosk" / "document"
    modules = sorted(package.glob("*.py"))
    assert {p.name for p in modules} >= {"ema_import.py", "library.py", "source_format.py"}
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert name.split(".")[0] not in ("textual", "rich"), f"{path.name}: {name}"
    code = (
        "import sys\n"
        "import kiosk.document.ema_import, kiosk.document.library\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, check=True)
    assert result.stdout.strip() == ""
