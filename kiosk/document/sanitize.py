"""Make untrusted text safe to put on a terminal: the one sanitiser.

Content files and translations come from people, not from the program, so
they may carry terminal escape sequences or control characters (pasted
from a PDF, or on purpose).  Those must never reach the terminal as
commands: we strip them here, once, when text enters the program.  Rich
markup characters (``[bold]``) are *not* touched here: the UI shows all
text through ``rich.text.Text`` objects, which never interpret markup.

Where text enters (issue 9, item 9), and what passes here:

* a medicine file: its body as raw text (:func:`clean_text`, before
  parsing) and its TOML header *after* TOML has decoded it
  (:func:`clean_data`): TOML turns ``"\u001b"`` into a real ESC, so
  cleaning the raw file is not enough;
* ``kiosk.toml`` and the translation records (``*.provenance.toml``):
  :func:`clean_data` on what TOML decoded;
* gettext catalogs, however compiled (the kiosk's compiler, a ``.po``
  compiled in memory, GNU ``msgfmt``): an entry for which
  :func:`has_unsafe_characters` is true is dropped, so its English shows,
  marked (``kiosk.languages.catalog_files.drop_unsafe_entries``);
* EMA PDFs and text imports: :func:`clean_text` on every line.
"""

from __future__ import annotations

import re
from typing import TypeVar

_Data = TypeVar("_Data")

# CSI / OSC / other ESC-introduced sequences, then any remaining C0/C1 control.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]          # CSI ... final byte
  | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)? # OSC ... BEL or ST
  | \x1b[PX^_][^\x1b]*(?:\x1b\\)?     # DCS, SOS, PM, APC ... ST
  | \x1b[@-Z\\-_]                    # other two-byte escapes
  | \x9b[0-?]*[ -/]*[@-~]            # 8-bit CSI
  | \x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)  # 8-bit OSC ... BEL or ST (closed only:
  | [\x90\x98\x9e\x9f][^\x1b\x9c]*(?:\x1b\\|\x9c)  # a stray C1 from a mis-decoded file
                                     # must not take the text after it; _CONTROL drops it)
    """,
    re.VERBOSE,
)


def clean_text(text: str) -> str:
    """Remove escape sequences and control characters, keep all printable text.

    Tabs become spaces; line breaks are kept for the caller to interpret.
    Unicode format characters that change reading direction (bidi overrides)
    are removed too, since they can make text display differently from what
    it says.  (One regular expression rather than a loop over characters:
    every content file passes here at start-up.)
    """
    text = _ESCAPE_SEQUENCE.sub("", text).replace("\t", " ")
    return _CONTROL.sub("", text)


# Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F; "\n" (U+000A) stays.
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_CONTROL = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}]")


def has_unsafe_characters(text: str) -> bool:
    """True when :func:`clean_text` would change ``text`` (for checks and warnings)."""
    return clean_text(text.replace("\r\n", "\n")) != text.replace("\r\n", "\n")


def clean_data(value: _Data) -> _Data:
    """``value`` with :func:`clean_text` applied to every string in it, table keys included.

    For what ``tomllib`` (or ``json``) returns: tables (``dict``) and arrays
    (``list``) are rebuilt, other values (numbers, dates, booleans) kept.
    A key that cleaning makes equal to another key is merged into it (the
    later one wins), as a repeated key in a file would be read.
    """
    if isinstance(value, str):
        return clean_text(value)  # type: ignore[return-value]
    if isinstance(value, dict):
        cleaned = {clean_text(k) if isinstance(k, str) else k: clean_data(v)
                   for k, v in value.items()}
        return cleaned  # type: ignore[return-value]
    if isinstance(value, list):
        return [clean_data(item) for item in value]  # type: ignore[return-value]
    return value
