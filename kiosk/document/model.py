"""Plain data classes for a medicine overview.

The model is deliberately dumb and immutable: a document is loaded once,
shared by every screen and by the narrator, and translated copies are
made by the languages layer without touching the source.  Text is kept
exactly as the source says; nothing here rewrites medical wording.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Iterator, NamedTuple, Union


class YearMonth(NamedTuple):
    """A month of a year, as EMA writes "last updated 04-2023".

    A full date would invent a day the agency never stated.
    """

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def parse(cls, value: str) -> "YearMonth":
        """Read ``YYYY-MM`` (the content format) or ``MM-YYYY`` (EMA's style)."""
        parts = value.strip().split("-")
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise ValueError(f"expected a month like 2023-04, got {value!r}")
        a, b = (int(p) for p in parts)
        year, month = (a, b) if len(parts[0]) == 4 else (b, a)
        if not 1 <= month <= 12 or year < 1900:
            raise ValueError(f"expected a month like 2023-04, got {value!r}")
        return cls(year, month)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of running text, exactly as in the source."""

    text: str


@dataclass(frozen=True)
class BulletList:
    """A bulleted list; each item is translated and spoken on its own.

    EMA overviews nest lists ("used to treat:" / "• adults with ..." /
    "  – whose disease ..."): a sub-item qualifies the item above it and
    loses its meaning when flattened.  ``levels`` gives each item's depth
    (0 = top level, a sub-item one more than the item it belongs to); an
    empty tuple means every item is at the top level, so flat lists compare
    equal however they were built.

    Raises ``ValueError`` when ``levels`` does not fit ``items`` or a
    sub-item has no item above it.
    """

    items: tuple[str, ...]
    levels: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        levels = tuple(self.levels)
        if levels and len(levels) != len(self.items):
            raise ValueError(f"{len(self.items)} list items but {len(levels)} levels")
        previous = -1
        for level in levels:
            if level < 0 or level > previous + 1:
                raise ValueError(f"list levels {levels} skip a level")
            previous = level
        if not any(levels):
            levels = ()
        object.__setattr__(self, "levels", levels)

    def level(self, index: int) -> int:
        """The depth of item ``index`` (0-based): 0 for a top-level item."""
        return self.levels[index] if self.levels else 0


Block = Union[Paragraph, BulletList]


@dataclass(frozen=True)
class Section:
    """A heading and its blocks, e.g. "How is Opzelura used?"."""

    heading: str
    blocks: tuple[Block, ...]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Every paragraph and list item in reading order (for search and tests)."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                out.append(block.text)
            else:
                out.extend(block.items)
        return tuple(out)


@dataclass(frozen=True)
class DocumentFacts:
    """What identifies the document, shown on the "About this information" screen."""

    ema_reference: str = ""
    product_number: str = ""
    authorisation_date: _dt.date | None = None
    last_updated: YearMonth | None = None
    source_url: str = ""
    publisher: str = "European Medicines Agency"


@dataclass(frozen=True)
class TextUnit:
    """One translatable piece of a document.

    ``key`` is a stable, human-readable location ("s3.p2" = section 3,
    paragraph 2) used in catalog comments and checks; the catalog itself is
    keyed on the English text, as Sphinx and po4a do, so that a changed
    paragraph becomes fuzzy instead of silently keeping an old translation.
    """

    key: str
    text: str
    kind: str  # "subtitle", "heading", "paragraph" or "item"
    section: int  # 1-based; 0 for the subtitle
    level: int = 0  # list items only: 0 top level, 1 a sub-item, ...


@dataclass(frozen=True)
class Document:
    """A medicine overview: the name, the subtitle, the sections and the facts."""

    slug: str
    name: str
    active_substance: str
    subtitle: str
    sections: tuple[Section, ...]
    facts: DocumentFacts = field(default_factory=DocumentFacts)

    @property
    def title(self) -> str:
        """The title as EMA sets it: "Opzelura (ruxolitinib)"."""
        if self.active_substance:
            return f"{self.name} ({self.active_substance})"
        return self.name

    def units(self) -> Iterator[TextUnit]:
        """Every translatable text in reading order."""
        if self.subtitle:
            yield TextUnit("subtitle", self.subtitle, "subtitle", 0)
        for s_no, section in enumerate(self.sections, start=1):
            yield TextUnit(f"s{s_no}.h", section.heading, "heading", s_no)
            for b_no, block in enumerate(section.blocks, start=1):
                if isinstance(block, Paragraph):
                    yield TextUnit(f"s{s_no}.p{b_no}", block.text, "paragraph", s_no)
                else:
                    for i_no, item in enumerate(block.items, start=1):
                        yield TextUnit(
                            f"s{s_no}.p{b_no}.i{i_no}", item, "item", s_no,
                            block.level(i_no - 1),
                        )
