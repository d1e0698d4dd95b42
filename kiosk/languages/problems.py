"""What the catalog checks report: problems, counts, and how an entry is named.

Every check returns :class:`Problem` objects that name the language, the
catalog (gettext domain), the entry (for a medicine's text the unit key from
the catalog comment, e.g. ``s4.p3``, and the start of the English text) and
what is wrong, so a translator can find and fix it without reading code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kiosk.languages.domains import is_document_domain

if TYPE_CHECKING:  # type hints only: the kiosk's start (console findings) needs no Babel
    from babel.messages.catalog import Catalog, Message

#: Every kind of problem, in the order ``kiosk check`` explains them.
PROBLEM_KINDS = (
    "source", "parse", "msgfmt", "header", "placeholders", "plural-forms", "untranslated",
    "fuzzy", "up-to-date", "numbers", "spoken-forms", "voice", "spoken", "unsafe-text",
    "markup", "deployment",
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong, phrased for the translator or the deployer who fixes it.

    Args:
        language: the catalog's language code, or ``"*"`` for every language.
        domain: ``"kiosk"``, ``"doc-opzelura"``, or ``"*"`` for every catalog.
        entry: where in the catalog: ``'s4.p3 "The 2 studies…"'``, ``'"Go back one
            step"'``, ``"header"``, ``"line 12"``, or ``""``.
        check: one of :data:`PROBLEM_KINDS`.
        message: what is wrong, in one sentence.
    """

    language: str
    domain: str
    entry: str
    check: str
    message: str

    def __str__(self) -> str:
        where = f" {self.entry}" if self.entry else ""
        return f"{self.language} {self.domain}{where}: {self.check}: {self.message}"


@dataclass
class CatalogStats:
    """Counts of one catalog (or, when it is missing, of its template)."""

    language: str
    domain: str
    entries: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    missing: bool = False


@dataclass
class CheckReport:
    """Everything ``kiosk check`` found: problems fail the check, warnings do not."""

    languages: list[str]
    domains: list[str]
    stats: dict[tuple[str, str], CatalogStats] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing blocks a release (warnings allowed)."""
        return not self.problems


_UNIT_KEY = re.compile(r"^(\S+): ")


def msgid_text(message: Message) -> str:
    """The (singular) English text of an entry."""
    return message.id if isinstance(message.id, str) else message.id[0]


def excerpt(text: str, width: int = 48) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def unit_keys(message: Message) -> list[str]:
    """The document places ("s4.p3") from the entry's extracted comments."""
    return [m.group(1) for c in message.auto_comments if (m := _UNIT_KEY.match(c))]


def entry_label(message: Message, domain: str) -> str:
    """How a problem names an entry: unit key(s) and the start of the English."""
    if not message.id:
        return "header"
    keys = unit_keys(message) if is_document_domain(domain) else []
    text = f'"{excerpt(msgid_text(message))}"'
    return f"{','.join(keys)} {text}" if keys else text


def messages_of(catalog: Catalog) -> list[Message]:
    """The catalog's entries without the header entry."""
    return [m for m in catalog if m.id]


def forms_of(message: Message) -> tuple[str, ...]:
    """The translation as a tuple: one form, or every plural form (empty ones as "")."""
    if isinstance(message.string, (list, tuple)):
        return tuple(s or "" for s in message.string)
    return (message.string or "",)


def is_translated(message: Message) -> bool:
    """True when every form of the entry has a translation."""
    forms = forms_of(message)
    return bool(forms) and all(forms)
