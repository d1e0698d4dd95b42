"""The layer boundary: only kiosk/ui may import Textual (or Rich); the import-linter contracts.

The document model, languages, speech and the command line are used by
scripts and staff tools that must not need a terminal UI; keeping Textual
out of them also keeps ``kiosk check`` and ``kiosk import`` fast.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kiosk"
UI_ONLY = ("textual", "rich")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_only_the_ui_package_imports_textual() -> None:
    offenders = []
    checked = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "ui":
            continue
        checked += 1
        for module in _imported_modules(path):
            if module.split(".")[0] in UI_ONLY:
                offenders.append(f"kiosk/{relative}: imports {module}")
    assert checked >= 10, "the scan found too few modules; is the package path right?"
    assert not offenders, "\n".join(offenders)


def test_core_layers_load_without_textual() -> None:
    code = (
        "import sys\n"
        "import kiosk.cli, kiosk.config, kiosk.keys, kiosk.document, kiosk.languages\n"
        "import kiosk.speech\n"
        "import kiosk.document.source_format, kiosk.languages.document_catalog\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True,
        cwd=PACKAGE.parent, check=True,
    )
    assert result.stdout.strip() == "", f"core layers pulled in: {result.stdout.strip()}"


def test_the_ui_does_use_textual() -> None:
    """Guard against the scan passing because the UI moved somewhere unscanned."""
    ui_imports = set()
    for path in (PACKAGE / "ui").rglob("*.py"):
        ui_imports |= {m.split(".")[0] for m in _imported_modules(path)}
    assert "textual" in ui_imports


def test_import_linter_contracts_are_kept() -> None:
    """The layers, the Textual rule and "no import circles", as contracts in pyproject.toml."""
    exe = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(exe), "--no-cache"], capture_output=True, text=True,
                            cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "3 kept, 0 broken" in result.stdout
