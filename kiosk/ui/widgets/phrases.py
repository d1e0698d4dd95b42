"""Lines of short phrases that break only between phrases, never inside one.

A key hint such as "Help: F1" or "Enter: read" is one unit for the reader:
wrapped inside, it leaves a key name alone on a line ("F1"), which a
visitor with large text reads as a stray word (issue 9 item 5, issue 11).
:func:`pack_phrases` lays phrases out greedily, line by line, at a given
width; :class:`PhraseLine` is a ``Static`` that does so again whenever its
width changes (Textual's ``Resize``).
"""

from __future__ import annotations

import re

from typing import Callable

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual, VisualType
from textual.widgets import Static

#: How the kiosk's own strings separate phrases (the catalogs keep it).
SEPARATOR = " · "


#: Where one sentence ends and the next begins (a space after . ! ? ; or 。).
_SENTENCE_END = re.compile(r"(?<=[.!?;。])\s+")


def show_text(widget: Static, text: Text) -> None:
    """Show ``text`` unless ``widget`` shows it already: an unchanged line (the
    medicine's name in every language) is then neither measured nor drawn again."""
    if widget.content != text:
        widget.update(text)


def split_phrases(text: str, separator: str = SEPARATOR) -> list[str]:
    """The phrases of ``text``; one phrase when it holds no separator."""
    return [part.strip() for part in text.split(separator.strip()) if part.strip()]


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (each sentence is kept whole on a line when it fits)."""
    return [part for part in _SENTENCE_END.split(text.strip()) if part]


def balanced_lines(phrase: str, width: int) -> list[str]:
    """``phrase`` wrapped at word boundaries into as few lines as at ``width``, but
    with lines as even as possible (CSS ``text-wrap: balance``), so the last
    line is never a lone word such as a key name."""
    lines = [line.plain for line in Content(phrase).wrap(width)]
    if len(lines) <= 1:
        return lines
    low, high = max(1, width // len(lines)), width
    while low < high:  # the narrowest width that needs no extra line
        middle = (low + high) // 2
        if len(Content(phrase).wrap(middle)) <= len(lines):
            high = middle
        else:
            low = middle + 1
    return [line.plain.rstrip() for line in Content(phrase).wrap(high)]


def pack_phrases(phrases: list[str], width: int, separator: str = SEPARATOR) -> list[str]:
    """Phrases joined by ``separator`` into lines of at most ``width`` cells.

    Lines break only between phrases; a phrase longer than ``width`` gets
    lines of its own, balanced (:func:`balanced_lines`).  ``width`` <= 0
    (not laid out yet) gives one line.
    """
    if width <= 0:
        return [separator.join(phrases)] if phrases else []
    lines: list[str] = []
    for phrase in phrases:
        if lines and cell_len(lines[-1] + separator + phrase) <= width:
            lines[-1] += separator + phrase
        elif cell_len(phrase) > width:
            lines += balanced_lines(phrase, width)
        else:
            lines.append(phrase)
    return lines


class FittedLines(Visual):
    """A Textual ``Visual`` whose lines are laid out for the width it is drawn at.

    ``layout(width)`` gives the lines for a content width in cells; Textual
    asks for the height and the strips at the same width, so the widget's
    height always matches what it draws, whatever the order of resize events
    (a text laid out in ``on_resize`` could keep the height of the old text).
    """

    def __init__(self, layout: Callable[[int], list[str]], style: str = "") -> None:
        self.layout = layout
        self.style = style
        self.laid_out: tuple[int, Content] = (-1, Content(""))

    def content_at(self, width: int) -> Content:
        """The lines for ``width`` cells, as one Textual ``Content``."""
        if self.laid_out[0] != width:
            text = "\n".join(self.layout(width))
            self.laid_out = (width, Content.styled(text, self.style) if self.style else Content(text))
        return self.laid_out[1]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content_at(container_width).get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.content_at(width).get_height(rules, width)

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        return self.content_at(width).render_strips(width, height, style, options)


class PhraseLine(Static):
    """A ``Static`` whose text is phrases separated by " · ", wrapped between them.

    ``update`` takes the whole text as the rest of the kiosk writes it (a
    string or a Rich ``Text``; its base style is kept); the widget splits it
    and packs it at the width it is drawn at (:class:`FittedLines`).  With
    ``sentences=True`` the phrases are sentences joined by a space, and each
    line of the text (``\\n``) stays a paragraph of its own.
    """

    def __init__(self, *, sentences: bool = False, id: str | None = None) -> None:
        super().__init__("", markup=False, id=id)
        self.sentences = sentences
        self._shown: tuple[str, str] | None = None

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        plain = content.plain if isinstance(content, Text) else str(content)
        style = str(content.style) if isinstance(content, Text) else ""
        if (plain, style) == self._shown:
            return  # shown already: not measured or drawn again (a language switch)
        self._shown = (plain, style)
        if self.sentences:
            paragraphs = [split_sentences(line) for line in plain.split("\n")]
            separator = " "
        else:
            paragraphs = [split_phrases(plain)]
            separator = SEPARATOR

        def lines(width: int) -> list[str]:
            return [line for paragraph in paragraphs
                    for line in pack_phrases(paragraph, width, separator)]

        super().update(FittedLines(lines, style), layout=layout)
