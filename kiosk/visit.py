"""One visitor's session: what they changed, in one value.

A walk-up kiosk serves strangers one after another, so everything a visitor
changes (language, display, place in the text, speech on or off) is one
``Visit``, and forgetting the visit (idle timeout) is going back to the
defaults.  Plain Python, no Textual, so the speech layer and tests use it
without the UI.

The UI holds the current visit in a Textual reactive (``KioskApp.visit``)
and replaces it with ``dataclasses.replace`` on every change instead of
changing it in place, so that everything that shows it (the status line,
the theme, the language) follows.  The visitor's speech rate and volume are
not here: the speech layer owns them (:class:`kiosk.speech.prosody.Prosody`)
and resets them when the app calls the announcer's ``new_visit``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Visit:
    """The state of the current visit."""

    language: str = "en"
    #: The display mode: "standard", "high-contrast" or "terminal".
    theme: str = "standard"
    medicine_slug: str | None = None
    section_index: int = 0  # 0-based index into the document's sections
    speech_on: bool = False
