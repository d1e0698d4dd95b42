"""One visitor's session: what they changed, and how to forget it.

A walk-up kiosk serves strangers one after another, so everything a visitor
changes (language, display, place in the text, speech) lives here and is
reset in one call when the visit ends (idle timeout, or Home from staff).
Plain Python, no Textual, so the tests can check a reset without running
the UI.  The visitor's speech rate and volume are not here: the speech
layer owns them (:class:`kiosk.speech.prosody.Prosody`) and resets them
when the app calls the announcer's ``new_visit``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass
class Visit:
    """The mutable state of the current visit."""

    language: str = "en"
    theme: str = "standard"
    medicine_slug: str | None = None
    section_index: int = 0  # 0-based index into the document's sections
    speech_on: bool = False

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
