"""The status line: display mode, speech, language and the help key, in words.

Toggle states must be readable without colour (EN 301 549 5.6), so the line
says "Display: high contrast" rather than showing a coloured icon.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from kiosk.languages import _, interface_translated, language_info
from kiosk.ui.keynames import keys_label
from kiosk.ui.themes import DISPLAY_LABEL


class StatusLine(Static):
    """One line at the bottom of every screen."""

    DEFAULT_CSS = """
    StatusLine { dock: bottom; height: auto; width: 1fr; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__("", markup=False)

    def on_mount(self) -> None:
        self.refresh_status()

    def refresh_status(self) -> None:
        """Recompute the words from the visit's state (called on every change)."""
        self.update(Text("  ·  ".join(status_parts(self.app))))


def speech_notice_words(notice: str | None) -> str:
    """The status line's words for ``KioskApp.speech_notice`` ("" for none)."""
    if not notice:
        return ""
    if notice == "unavailable":
        return _("Speech is not available.")
    if notice == "paused":
        return _("Reading paused.")
    if notice.startswith("no-voice:"):
        return _("Speech is not available in {language}.").format(
            language=language_info(notice[len("no-voice:"):]).native_name)
    return ""


def language_name_marked(code: str) -> str:
    """The language in its own name, marked when its interface catalog could not be loaded."""
    name = language_info(code).native_name
    if interface_translated(code):
        return name
    return f"{name} ({_('English – not yet translated')})"


def status_parts(app) -> list[str]:
    """The status line as separate phrases (Help also speaks them)."""
    visit = app.visit
    keymap = app.config.keymap
    parts = [
        _("Display: {mode}").format(mode=_(DISPLAY_LABEL.get(visit.theme, visit.theme))),
        _("Speech: on") if visit.speech_on else _("Speech: off"),
        _("Language: {name}").format(name=language_name_marked(visit.language)),
        _("Help: {keys}").format(keys=keys_label(keymap.get("help", ()), limit=1)),
    ]
    notice = speech_notice_words(getattr(app, "speech_notice", None))
    if notice:
        parts.insert(2, notice)
    return parts
