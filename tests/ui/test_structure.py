"""The UI package's shape: no import circle, small modules, no private Textual API.

Textual's private names (``_forward_event``, ``_bindings``, ``_handle_exception``,
...) change between releases without notice; the kiosk uses only its public
API, so a Textual upgrade cannot break it silently.  Tests may read private
Textual API in one documented helper only (``tests/ui/helpers.py:screen_text``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import textual

UI = Path(__file__).resolve().parents[2] / "kiosk" / "ui"
MAX_LINES = 400
#: Private names kiosk/ui may use although Textual has the same name somewhere,
#: because they are not on a Textual object; each with the reason.
NOT_TEXTUAL = {
    "_loop": "narration.py: the NarratorAnnouncer's own event-loop handle",
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(UI.rglob("*.py")):
        parts = path.relative_to(UI.parent.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _runtime_imports(path: Path) -> set[str]:
    """Modules imported anywhere in the file (in functions too), except under TYPE_CHECKING."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(child) for child in ast.walk(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_no_import_circle_in_the_ui() -> None:
    modules = _modules()
    graph = {name: sorted(m for m in _runtime_imports(path) if m in modules and m != name)
             for name, path in modules.items()}
    assert graph["kiosk.ui.app"], "the scan found no imports; is the path right?"
    circles = []

    def visit(node: str, trail: list[str]) -> None:
        if node in trail:
            circles.append(" -> ".join(trail[trail.index(node):] + [node]))
            return
        for nxt in graph[node]:
            visit(nxt, trail + [node])

    for name in graph:
        visit(name, [])
    assert not circles, "\n".join(sorted(set(circles)))


def test_no_ui_module_over_400_lines() -> None:
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines())
             for path in _modules().values()}
    assert len(sizes) >= 20
    assert not {name: n for name, n in sizes.items() if n > MAX_LINES}


def test_no_private_textual_api_in_the_ui() -> None:
    source = Path(textual.__file__).parent
    textual_private: set[str] = set()
    for path in source.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        textual_private |= set(re.findall(r"\bself\.(_[a-z]\w*)", text))
        textual_private |= set(re.findall(r"\bdef (_[a-z]\w*)", text))
    assert {"_forward_event", "_handle_exception", "_bindings"} <= textual_private
    problems = []
    for path in _modules().values():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            name = None
            if isinstance(node, ast.Attribute) and re.match(r"_[a-z]", node.attr):
                owner = node.value
                if not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")):
                    problems.append(f"{path.name}:{node.lineno}: reads {ast.unparse(node)}")
                    continue
                name = node.attr
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = node.name if re.match(r"_[a-z]", node.name) else None
            if name in textual_private and name not in NOT_TEXTUAL:
                problems.append(f"{path.name}:{node.lineno}: {name} is a private Textual name")
    assert not problems, "\n".join(problems)
