"""Many medicines as a few alphabetical groups, so five keys reach any of them quickly.

With 50 medicines a flat list costs a visitor up to 49 presses of Down.
Split into about √n groups of about √n medicines (phone-book style: "A – C",
"D – F", ...), any medicine is at most about 2·√n presses away (for 50:
7 groups of about 7, at most 14 presses), and with Up, Down, Action and Back
only.  Groups follow the first letter of the name wherever they can, so a
visitor who knows the name's first letter knows the group; a letter with
more medicines than two groups' worth (50 brands of one company, "Medicine
01" ... "Medicine 50") is split in order, and its pieces are named by their
first and last names ("Medicine 01 – Medicine 07").

Plain Python, no Textual: the medicine list screen shows what this returns.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import Generic, Sequence, TypeVar

#: Up to this many medicines the list is flat: it fits an 80×24 screen, one a line.
FLAT_UP_TO = 12

#: The group of names that start with a digit or a symbol ("3TC"), filed before A.
OTHER_INITIAL = "0-9"

T = TypeVar("T")


def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order a visitor expects: accents and case ignored, then the exact name."""
    return (fold(name), name)


def fold(name: str) -> str:
    """``name`` without accents, case-folded: "Émselex" and "emselex" sort together."""
    decomposed = unicodedata.normalize("NFKD", name.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def initial(name: str) -> str:
    """The letter a name is filed under: its first letter without accent, upper case;
    :data:`OTHER_INITIAL` for a name starting with a digit or a symbol."""
    first = fold(name)[:1]
    return first.upper() if first.isalpha() else OTHER_INITIAL


@dataclass(frozen=True)
class Group(Generic[T]):
    """One group: its members in order, and what it runs from and to: initials
    ("A" and "C") or, for a piece of one letter's run, names ("Medicine 01"
    and "Medicine 07")."""

    first: str
    last: str
    members: tuple[T, ...]

    @property
    def single(self) -> bool:
        """True when the group is named by one letter or name ("D"), not a range."""
        return self.first == self.last


def _letter_runs(names: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) index ranges of names that share an initial, in order."""
    runs: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(names) + 1):
        if index == len(names) or initial(names[index]) != initial(names[start]):
            runs.append((start, index))
            start = index
    return runs


def group_sizes(names: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) ranges of the sorted ``names``, one per group.

    Whole first-letter runs are joined while a group stays within the target
    size (⌈√n⌉); a run longer than twice the target is cut into pieces of
    about the target size, which are never joined with a neighbour.
    """
    target = max(2, math.ceil(math.sqrt(len(names))))
    ranges: list[tuple[int, int, bool]] = []  # (start, end, may be joined)
    for start, end in _letter_runs(names):
        if end - start > 2 * target:
            size = end - start
            pieces = math.ceil(size / target)
            cuts = [start + round(i * size / pieces) for i in range(pieces + 1)]
            ranges.extend((a, b, False) for a, b in zip(cuts, cuts[1:]))
        elif ranges and ranges[-1][2] and end - ranges[-1][0] <= target:
            ranges[-1] = (ranges[-1][0], end, True)
        else:
            ranges.append((start, end, True))
    return [(start, end) for start, end, _joinable in ranges]


def group_medicines(items: Sequence[T], name_of) -> list[Group[T]]:
    """``items`` sorted by name and grouped (see the module's docstring).

    Args:
        items: the medicines (any objects).
        name_of: gives an item's name, as the visitor reads it.

    Returns:
        the groups in alphabetical order; one group holding everything when
        there are no more than :data:`FLAT_UP_TO` items.
    """
    ordered = sorted(items, key=lambda item: sort_key(name_of(item)))
    names = [name_of(item) for item in ordered]
    if len(ordered) <= FLAT_UP_TO:
        spans = [(0, len(ordered))] if ordered else []
    else:
        spans = group_sizes(names)
    groups: list[Group[T]] = []
    for start, end in spans:
        whole_letters = (start == 0 or initial(names[start - 1]) != initial(names[start])) and \
            (end == len(names) or initial(names[end]) != initial(names[end - 1]))
        if whole_letters:
            first, last = initial(names[start]), initial(names[end - 1])
        else:  # a piece of one letter's run: named by its first and last names
            first, last = names[start], names[end - 1]
        groups.append(Group(first, last, tuple(ordered[start:end])))
    return groups
