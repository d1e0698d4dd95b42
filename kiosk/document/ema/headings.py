"""Section headings recognised by their form, in any of the EMA's languages.

The overview templates (2009-2018 "EPAR summary for the public", 2018
onward "An overview of X and why it is authorised in the EU") ask every
section as a question, and the agency translates them into the 24 EU
languages plus Icelandic and Norwegian.  So a plain line is a heading when
it stands alone and reads as a question: it ends in "?" (Greek ends a
question with ";", the Greek question mark U+037E, and Spanish also opens
it with "¿").  The one heading that is not a question, "Other
information about X", is a short line without closing punctuation that
names the medicine (in any language the name is written as the agency
writes it, sometimes with a case ending: Finnish "Ocalivasta").
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["is_named_heading", "is_question", "starts_like_heading"]

_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_OTHER_INFORMATION = re.compile(r"^Other information about\b.{1,120}$", re.IGNORECASE)
_CLOSING = ".,:;!?…"


def starts_like_heading(text: str) -> bool:
    """A heading starts with a capital letter (or "¿"), never mid-sentence."""
    first = text.lstrip("¿¡\"'“„«(")[:1]
    return bool(first) and (first.isupper() or unicodedata.category(first) == "Lo")


def is_question(text: str) -> bool:
    """True for a line that reads as a question heading in any EU language."""
    text = text.strip()
    if not 6 <= len(text) <= 250 or not starts_like_heading(text):
        return False
    if text.startswith("¿") and "?" in text:
        return True
    if text.endswith(("?", "？", "\u037e")):
        return True
    return text.endswith(";") and bool(_GREEK.search(text))


def is_named_heading(text: str, names: tuple[str, ...]) -> bool:
    """True for an "Other information about X"-like line: short, no closing
    punctuation, and naming the medicine (``names``: the name as known)."""
    text = text.strip()
    if _OTHER_INFORMATION.match(text):
        return True
    if not names or len(text) > 120 or text[-1:] in _CLOSING or len(text.split()) < 2:
        return False
    if not starts_like_heading(text):
        return False
    folded = text.casefold()
    return any(name and name.casefold() in folded for name in names)
