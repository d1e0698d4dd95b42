"""A ``.po`` file checked line by line before Babel reads it, so a broken entry is dropped whole.

Why: Babel's reader is lenient where GNU gettext is strict.  A string with
no closing quote (``msgstr "Wählen Sie Ihre Sprach``) is read as if its last
letter were the quote, so the kiosk would show a truncated translation; a
line it cannot place is reported with ``print()`` (on the kiosk's terminal)
and skipped.  This scan follows the PO grammar of GNU gettext's manual
("The Format of PO Files"): an entry is optional comments, an optional
``msgctxt``, ``msgid``, an optional ``msgid_plural``, then ``msgstr`` (or
``msgstr[N]`` for a plural), each followed by quoted strings whose escapes
are the C escapes Babel decodes.  Entries that break it are cut out, each
named with its line and why; the rest is handed to Babel intact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_STRING = re.compile(r'"(?:[^"\\]|\\[\\"abfnrtv])*"')
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?:\s+(.*))?$")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")


@dataclass(frozen=True)
class BrokenEntry:
    """An entry left out: the line (1-based) where it goes wrong, its msgid as far as it
    can be read, and why (one clause, for the log sentence)."""

    line: int
    msgid: str
    reason: str


@dataclass(frozen=True)
class ScannedPo:
    """The file's text without its broken entries (and without obsolete ``#~`` entries,
    which are never compiled), the entries left out, and whether the header survived."""

    text: str
    broken: tuple[BrokenEntry, ...]
    has_header: bool
    entries: int  # entries kept, the header included


def _charset(data: bytes) -> str:
    found = _CHARSET.search(data[:4096])
    name = found.group(1).decode("ascii") if found else "utf-8"
    return "utf-8" if name.upper() == "CHARSET" else name  # xgettext's placeholder


def _entries(lines: list[str | None]) -> list[list[tuple[int, str | None]]]:
    """Group lines into entries: a blank line, or a comment or ``msgctxt``/``msgid``
    after a ``msgstr``, starts the next one (as Babel's reader does)."""
    groups: list[list[tuple[int, str | None]]] = []
    current: list[tuple[int, str | None]] = []
    seen_msgstr = False
    for number, line in enumerate(lines, start=1):
        stripped = None if line is None else line.strip()
        if stripped == "":
            if current:
                groups.append(current)
            current, seen_msgstr = [], False
            continue
        starts = stripped is not None and (
            stripped.startswith("#") or stripped.startswith(("msgctxt", "msgid ")))
        if starts and seen_msgstr and current:
            groups.append(current)
            current, seen_msgstr = [], False
        if stripped is not None and stripped.startswith("msgstr"):
            seen_msgstr = True
        current.append((number, line))
    if current:
        groups.append(current)
    return groups


def _unquoted(strings: list[str]) -> str:
    from babel.messages.pofile import unescape

    return "".join(unescape(s) if _STRING.fullmatch(s) else s.strip('"') for s in strings)


def _check(entry: list[tuple[int, str | None]]) -> tuple[BrokenEntry | None, str | None, bool]:
    """(what is wrong, or None; the msgid; whether the entry is obsolete)."""
    keyword = None
    order: list[str] = []
    msgid_parts: list[str] = []
    problem: tuple[int, str] | None = None
    obsolete = False
    for number, line in entry:
        if line is None:
            problem = problem or (number, "the line is not valid text in the catalog's charset")
            continue
        text = line.strip()
        if text.startswith("#~"):
            obsolete, text = True, text[2:].strip()
            if not text:
                continue
        elif text.startswith("#"):
            if order and problem is None:
                problem = (number, "a comment inside the entry, before its msgstr")
            continue
        match = _KEYWORD.match(text)
        if match:
            keyword, text = match.group(1), (match.group(2) or "").strip()
            order.append(keyword)
        elif not text.startswith('"'):
            problem = problem or (number, "a line that is neither a keyword nor a quoted string")
            continue
        elif keyword is None:
            problem = problem or (number, "a quoted string before any msgid")
            continue
        if keyword == "msgid":
            msgid_parts.append(text)
        if not _STRING.fullmatch(text):
            problem = problem or (number, "a string without its closing quote, or with an "
                                          "unknown escape")
    msgid = _unquoted(msgid_parts) if "msgid" in order else None
    if not order:
        return None, None, obsolete
    if problem is None:
        problem = _order_problem(order, entry[-1][0])
    if problem is None:
        return None, msgid, obsolete
    return BrokenEntry(problem[0], msgid or "", problem[1]), msgid, obsolete


def _order_problem(order: list[str], last_line: int) -> tuple[int, str] | None:
    body = order[1:] if order[0] == "msgctxt" else order
    if not body or body[0] != "msgid" or "msgctxt" in body or body.count("msgid") != 1:
        return last_line, "the keywords are not msgctxt, msgid, msgstr in that order"
    rest = body[1:]
    if rest[:1] == ["msgid_plural"]:
        forms = rest[1:]
        wanted = [f"msgstr[{i}]" for i in range(len(forms))]
        if not forms or forms != wanted:
            return last_line, "a plural entry without msgstr[0], msgstr[1] … in order"
    elif rest != ["msgstr"]:
        return last_line, "an entry without exactly one msgstr"
    return None


def scan_po(data: bytes) -> ScannedPo:
    """Check ``data`` (a ``.po`` file's bytes) entry by entry.

    Returns:
        The text to give Babel (broken and obsolete entries removed, line
        numbers of the rest unchanged: removed lines become blank), and
        each broken entry with its line.

    Raises:
        LookupError: the header names a charset Python does not know.
    """
    if data.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte order mark, as some editors write
        data = data[3:]
    charset = _charset(data)
    "".encode(charset)  # LookupError for an unknown charset
    lines: list[str | None] = []
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.rstrip(b"\r").decode(charset))
        except UnicodeDecodeError:
            lines.append(None)
    keep: list[str] = [""] * len(lines)
    broken: list[BrokenEntry] = []
    has_header = False
    entries = 0
    for entry in _entries(lines):
        problem, msgid, obsolete = _check(entry)
        if problem is not None:
            if not obsolete:
                broken.append(problem)
            continue
        if obsolete:
            continue
        if msgid is not None:
            entries += 1
            has_header = has_header or msgid == ""
        for number, line in entry:
            keep[number - 1] = line or ""
    return ScannedPo("\n".join(keep), tuple(broken), has_header, entries)
