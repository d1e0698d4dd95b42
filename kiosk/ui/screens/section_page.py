"""One section of an overview laid out as the reading pane's parts.

Split from the overview screen so the screen keeps to navigation and
speech; this module knows only how a section looks: its heading (with the
"shown in English" marker when the translation is missing), its position,
and its blocks, list items indented by level (nested lists of the EMA
template keep what a sub-item qualifies).
"""

from __future__ import annotations

from typing import Callable

from rich.text import Text

from kiosk.languages.document_catalog import LocalizedSection, LocalizedText
from kiosk.languages.formatting import section_position
from kiosk.ui.widgets.reading import (
    INDENT, Part, bullet, bullet_item, bullet_marker, fallback_label, item_indent, marker_line,
)

#: How a document text is shown: the text and a style (the screen adds the highlight).
ShowText = Callable[[LocalizedText, str], Text]


def section_page(section: LocalizedSection, total: int, show: ShowText) -> tuple[list[Part], str]:
    """The pane's parts for ``section`` (each with its text's key, or None) and the
    same page as plain text (what tests and the screen reader see).

    Args:
        section: the section in the visit's language (fallbacks marked).
        total: how many sections the overview has ("Section 3 of 8").
        show: renders one text with a style (the screen's highlight included).
    """
    parts: list[Part] = []
    plain: list[str] = []
    if section.heading.is_fallback:
        parts.append((marker_line(), None))
    parts.append((show(section.heading, "bold underline"), section.heading.key))
    position = section_position(section.number, total)
    parts.append((Text(position, style="italic"), None))
    plain += [section.heading.text, position]
    for block in section.blocks:
        parts.append((Text(""), None))
        for number, text in enumerate(block.texts):
            level = block.level(number)  # a sub-item is indented under its item
            if text.is_fallback:
                parts.append((bullet_marker(level) if block.is_list else marker_line(), None))
                if not block.is_list:
                    plain.append("[" + fallback_label() + "]")
            if block.is_list:
                parts.append((bullet_item(show(text, ""), level), text.key))
                plain.append(" " * INDENT * level
                             + ("[" + fallback_label() + "] " if text.is_fallback else "")
                             + bullet(level) + " " + text.text)
            else:
                parts.append((show(text, ""), text.key))
                plain.append(text.text)
    return parts, "\n".join(plain)


def indent_of(section: LocalizedSection, key: str) -> int:
    """Columns before the text of list item ``key`` ("s2.p3.i4") in ``section``."""
    for block in section.blocks:
        for number, text in enumerate(block.texts):
            if text.key == key:
                return item_indent(block.level(number))
    return item_indent(0)
