"""What an import gives back: the document, what was left out and why, warnings.

The importer never decides silently: every line of the input is either in
the document, used as a fact (the name, a reference, a date), or listed as
:class:`Dropped` with the reason, and anything staff should look at is an
:class:`ImportWarning`.  A fact that cannot be found with confidence stops
the import with an :class:`OverviewImportError` that says what to pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.document.model import Document

__all__ = ["Dropped", "ImportResult", "ImportWarning", "OverviewImportError", "Recognised", "quote"]


def quote(text: str, limit: int = 70) -> str:
    """``text`` in quotes for a message, shortened to ``limit`` characters."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


@dataclass(frozen=True)
class ImportWarning:
    """Something staff should check, at ``line`` (1-based) of the input.

    ``place`` is how a person finds it ("line 12", or "page 2" in a PDF).
    """

    line: int
    message: str
    place: str = ""

    def __str__(self) -> str:
        return f"{self.place or f'line {self.line}'}: {self.message}"


@dataclass(frozen=True)
class Dropped:
    """A line of the input that is not in the document, and why."""

    line: int
    text: str
    reason: str
    place: str = ""


@dataclass(frozen=True)
class Recognised:
    """What the importer found that is not a section (for the report)."""

    template: str = ""  # "overview (2018 onward)", "EPAR summary for the public (2009-2018)"
    language: str = "en"
    name_from: str = ""  # where the name was found, in words
    substance_from: str = ""
    missing_sections: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. a first section given the template's heading


@dataclass
class ImportResult:
    """The imported document and everything the importer could not place."""

    document: Document
    warnings: list[ImportWarning] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    recognised: Recognised = field(default_factory=Recognised)


class OverviewImportError(Exception):
    """The input cannot be turned into a document: one sentence says why and what to do.

    ``line`` is the 1-based line of the input it is about (``None``: the
    whole input); ``place`` how a person finds it ("page 2").
    """

    def __init__(self, message: str, line: int | None = None, place: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.place = place or (f"line {line}" if line else "")

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message
