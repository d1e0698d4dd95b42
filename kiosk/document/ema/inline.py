"""Markdown inline markup to plain text, and folder names for medicines.

Staff paste overviews converted to Markdown (links, ``**bold**``,
``*italic*``, entities) or copied from a web page.  The kiosk shows the
agency's words and nothing else, so markup is replaced by its text; a
backslash escape gives the literal character, exactly as CommonMark reads
it.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["heading_text", "inline_text", "slug_for"]

_ESCAPABLE = "\\`*_{}[]()#+-.!|<>~"
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(
    r"\[(?P<text>[^\]]*)\]\(\s*<?(?P<url>(?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_REF_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:mailto:)?(?P<url>(?:https?://|www\.)[^<>\s]+|[^<>\s@]+@[^<>\s]+)>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_ITALIC_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_CODE = re.compile(r"`([^`]+)`")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|nbsp|#\d{1,6}|#x[0-9a-fA-F]{1,6});")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": "\u00a0"}
_PROTECT_BASE = 0xE000  # private-use code points stand in for escaped characters


def _entity(match: re.Match) -> str:
    name = match.group(1)
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _ENTITIES[name]


def inline_text(text: str) -> str:
    """Markdown inline markup to plain text: links to their text, no emphasis.

    Backslash escapes (``\\*``) give the literal character.  Runs of spaces
    become one space; nothing else is changed.
    """
    text = _ESCAPE.sub(lambda m: chr(_PROTECT_BASE + _ESCAPABLE.index(m.group(1))), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group("text").strip() or m.group("url"), text)
    text = _REF_LINK.sub(lambda m: m.group("text"), text)
    text = _AUTOLINK.sub(lambda m: m.group("url"), text)
    text = _BR.sub(" ", text)
    text = _CODE.sub(lambda m: m.group(1), text)
    for _ in range(2):  # nested ***bold italic***
        text = _BOLD.sub(lambda m: m.group(2), text)
        text = _ITALIC_STAR.sub(lambda m: m.group(1), text)
        text = _ITALIC_UNDERSCORE.sub(lambda m: m.group(1), text)
    text = _ENTITY.sub(_entity, text)
    text = "".join(
        _ESCAPABLE[ord(ch) - _PROTECT_BASE]
        if _PROTECT_BASE <= ord(ch) < _PROTECT_BASE + len(_ESCAPABLE)
        else ch
        for ch in text
    )
    return plain_spaces(text)


def plain_spaces(text: str) -> str:
    """Runs of spaces and tabs as one space, without leading or trailing space."""
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def heading_text(text: str) -> str:
    """A heading's text: inline markup removed, stray emphasis marks around it too."""
    # Left-overs of unbalanced emphasis around a whole heading ("**What is X?").
    return inline_text(text).strip("*_ ").strip()


def slug_for(name: str) -> str:
    """A folder name for ``name``: lowercase ASCII letters, digits and hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
