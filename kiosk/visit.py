"""One visitor's session: what they changed, and how to forget it.

A walk-up kiosk serves strangers one after another, so everything a visitor
changes (language, display, place in the text, speech) lives here and is
reset in one call when the visit ends (idle timeout, or Home from staff).
Plain Python, no Textual, so the speech layer can add volume/rate fields
and the tests can check a reset without running the UI.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from kiosk.speech.settings import SpeechSettings


@dataclass
class Visit:
    """The mutable state of the current visit."""

    language: str = "en"
    theme: str = "standard"
    medicine_slug: str | None = None
    section_index: int = 0  # 0-based index into the document's sections
    speech_on: bool = False
    # The visitor's speech rate (words per minute) and volume (0..1); the
    # narrator applies its own copy, and both go back to the defaults at reset.
    speech_rate: int = SpeechSettings.rate
    speech_volume: float = SpeechSettings.volume

    def reset(self, defaults: "Visit") -> None:
        """Forget this visitor: copy every field from ``defaults``.

        Copying field by field (rather than replacing the object) keeps the
        one ``Visit`` the screens and the narrator hold a reference to.
        """
        for f in fields(self):
            setattr(self, f.name, getattr(defaults, f.name))

    def copy(self) -> "Visit":
        """An independent copy (the app keeps one as the per-visit defaults)."""
        return Visit(**{f.name: getattr(self, f.name) for f in fields(self)})
