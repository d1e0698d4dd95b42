"""The list of the kiosk's own glyphs (kiosk/console_font/ui_glyphs.py) stays complete.

``kiosk check`` reports which of them a console font lacks, so a symbol a
screen starts drawing must be listed: this test reads every string in
``kiosk/ui`` (not docstrings) and Textual's borders and scrollbars the
styles use, and fails naming any symbol that is missing from the list.
(Strings given to ``_()`` are language text: the catalogs are checked instead.)
"""

from __future__ import annotations

import ast
import re
import unicodedata

from console_helpers import REPO, console_font, needs_console_fonts

from kiosk.console_font.ui_glyphs import SCROLLBAR_GLYPHS, UI_GLYPHS, missing_ui_glyphs

UI = REPO / "kiosk" / "ui"
LISTED = set("".join(UI_GLYPHS))
#: Symbols in kiosk/ui strings that are never drawn: sentence ends it looks for in text.
NOT_DRAWN = set("。？！")


def _docstring_nodes(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _translatable_nodes(tree: ast.AST) -> set[int]:
    """Strings given to _(), N_() or ngettext(): language text, checked with the catalogs."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("_", "N_", "ngettext"):
            found.update(id(arg) for arg in node.args if isinstance(arg, ast.Constant))
    return found


def _symbols_in_ui_strings() -> dict[str, str]:
    """Non-ASCII symbols (not letters, digits or marks) in kiosk/ui's own string constants."""
    found: dict[str, str] = {}
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _docstring_nodes(tree) | _translatable_nodes(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in skipped:
                for char in node.value:
                    if ord(char) > 127 and unicodedata.category(char)[0] not in "LNMZ":
                        found.setdefault(char, f"{path.relative_to(REPO)}:{node.lineno}")
    return found


def test_every_symbol_a_screen_draws_is_listed():
    found = _symbols_in_ui_strings()
    assert "▶" in found, "the scan found none of today's symbols: is the path right?"
    unlisted = {c: where for c, where in found.items() if c not in LISTED | NOT_DRAWN}
    assert unlisted == {}, ("add these to UI_GLYPHS in kiosk/console_font/ui_glyphs.py: "
                            f"{unlisted}")


def test_textuals_scrollbars_and_the_borders_the_styles_use_are_listed():
    from textual._border import BORDER_CHARS
    from textual.scrollbar import ScrollBarRender

    bars = set(ScrollBarRender.VERTICAL_BARS + ScrollBarRender.HORIZONTAL_BARS) - {" "}
    assert bars == set(SCROLLBAR_GLYPHS) and bars <= LISTED
    styles = "\n".join(p.read_text(encoding="utf-8") for p in UI.rglob("*.tcss"))
    kinds = set(re.findall(r"\bborder(?:-[a-z]+)?\s*:\s*([a-z]+)", styles)) - {"none", "hidden"}
    assert kinds, "the scan found no border in the styles: is the path right?"
    for kind in kinds:
        glyphs = set("".join("".join(row) for row in BORDER_CHARS[kind])) - {" "}
        assert glyphs <= LISTED, f"border {kind!r}: add {glyphs - LISTED} to UI_GLYPHS"


@needs_console_fonts
def test_what_uni2_lacks_of_the_kiosks_own_glyphs():
    """The fact the README and kiosk check's advice state: ▷, ⚑ and the partial blocks."""
    assert missing_ui_glyphs(console_font("Uni2-Terminus32x16")) == {
        "▷": UI_GLYPHS["▷"], "⚑": UI_GLYPHS["⚑"],
        "▁▂▃▄▅▆▇": UI_GLYPHS["▁▂▃▄▅▆▇"], "▉▊▋▌▍▎▏": UI_GLYPHS["▉▊▋▌▍▎▏"]}
