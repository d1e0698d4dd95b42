"""Make untrusted text safe to put on a terminal.

Content files and translations come from people, not from the program, so
they may carry terminal escape sequences or control characters (pasted
from a PDF, or on purpose).  Those must never reach the terminal as
commands: we strip them here, once, when text enters the program.  Rich
markup characters (``[bold]``) are *not* touched here: the UI shows all
text through ``rich.text.Text`` objects, which never interpret markup.
"""

from __future__ import annotations

import re

# CSI / OSC / other ESC-introduced sequences, then any remaining C0/C1 control.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]          # CSI ... final byte
  | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)? # OSC ... BEL or ST
  | \x1b[PX^_][^\x1b]*(?:\x1b\\)?     # DCS, SOS, PM, APC ... ST
  | \x1b[@-Z\\-_]                    # other two-byte escapes
  | \x9b[0-?]*[ -/]*[@-~]            # 8-bit CSI
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
