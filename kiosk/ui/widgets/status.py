"""The status line: display mode, speech, language and the help key, in words.

Toggle states must be readable without colour (EN 301 549 5.6), so the line
says "Display: high contrast" rather than showing a coloured icon.  It
watches the app's ``visit`` and ``speech_notice`` reactives, so nobody has
to remember to refresh it.

With large text (issue 11: 68x19 or 43x13 cells) the whole line does not
fit: it keeps one line and shrinks to what matters, in this order: the help
key, speech, a speech notice, the language, the display (Help speaks and
shows all of them).  A phrase is never broken inside ("Help:" and "F1"
stay together).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.widgets import Static

from kiosk.languages import _, interface_translated, language_info
from kiosk.ui.keynames import keys_label
from kiosk.ui.messages import SpeechNotice
from kiosk.ui.themes import DISPLAY_LABEL
from kiosk.ui.widgets.phrases import FittedLines, pack_phrases
from kiosk.visit import Visit

if TYPE_CHECKING:
    from kiosk.ui.app import KioskApp


class StatusLine(Static):
    """One line at the bottom of every full screen."""

    DEFAULT_CSS = """
    StatusLine { dock: bottom; height: auto; width: 1fr; padding: 0 1; }
    """
    #: Separators tried in turn: generous, then tight.
    SEPARATORS = ("  ·  ", " · ")

    app: "KioskApp"

    def __init__(self) -> None:
        super().__init__("", markup=False)
        self._shown: tuple[object, ...] = ()

    def on_mount(self) -> None:
        self.watch(self.app, "visit", self._visit_changed, init=False)
        self.watch(self.app, "speech_notice", self._notice_changed, init=False)
        self.show_status()

    def _visit_changed(self, old: Visit, new: Visit) -> None:
        if (old.language, old.theme, old.speech_on) != (new.language, new.theme, new.speech_on):
            self._show_if_seen()

    def _notice_changed(self) -> None:
        self._show_if_seen()

    def _show_if_seen(self) -> None:
        # A screen further down the stack is written when it comes back
        # (VisitorActions.on_screen_resume): repainting hidden screens costs
        # a layout of each at every change.
        if self.app.can_be_seen(self.screen):
            self.show_status()

    def show_status(self) -> None:
        """Write the line from the app's state (skipped when nothing it shows changed)."""
        app = self.app
        visit = app.visit
        shown = (visit.language, visit.theme, visit.speech_on, app.speech_notice,
                 tuple(app.config.keymap.get("help", ())))
        if shown != self._shown:
            self._shown = shown
            parts = status_parts(visit, app.speech_notice, app.config.keymap)
            # Fitted at the width it is drawn at, after every resize.
            self.update(FittedLines(
                lambda width: fit_status(parts, width, self.SEPARATORS).split("\n")))


#: Which status phrases stay longest as the line shrinks (index into
#: :func:`status_parts` without a notice: display, speech, language, help).
_KEEP_ORDER_NO_NOTICE = (3, 1, 2, 0)
#: With a notice (display, speech, notice, language, help) the notice outranks
#: "Speech: on": at 43 columns "Speech: on" alone told a visitor who hears
#: nothing that speech works ("Speech is not available." was dropped).
_KEEP_ORDER_NOTICE = (4, 2, 1, 3, 0)


def fit_status(parts: list[str], width: int, separators: tuple[str, ...] = ("  ·  ", " · ")) -> str:
    """The status phrases that fit ``width`` cells on one line, in their order.

    Drops phrases by :data:`_KEEP_ORDER_NO_NOTICE` or, with a speech notice,
    :data:`_KEEP_ORDER_NOTICE` (the help key last, then the notice), first
    trying the generous separator.  ``width`` <= 0 (not laid out yet): all.
    When even the help key alone does not fit, the phrases are packed on
    lines, broken only between phrases.
    """
    if width <= 0:
        return separators[0].join(parts)
    order = _KEEP_ORDER_NOTICE if len(parts) == 5 else _KEEP_ORDER_NO_NOTICE
    for count in range(len(parts), 0, -1):
        kept = sorted(order[:count])
        for separator in separators:
            line = separator.join(parts[i] for i in kept)
            if cell_len(line) <= width:
                return line
    return "\n".join(pack_phrases(parts, width, separators[-1]))


def language_name_marked(code: str) -> str:
    """The language in its own name, marked when its interface catalog could not be loaded."""
    name = language_info(code).native_name
    if interface_translated(code):
        return name
    return f"{name} ({_('English – not yet translated')})"


def status_parts(visit: Visit, notice: SpeechNotice | None,
                 keymap: dict[str, tuple[str, ...]]) -> list[str]:
    """The status line as separate phrases in the active language (Help speaks them)."""
    parts = [
        _("Display: {mode}").format(mode=_(DISPLAY_LABEL.get(visit.theme, visit.theme))),
        _("Speech: on") if visit.speech_on else _("Speech: off"),
        _("Language: {name}").format(name=language_name_marked(visit.language)),
        _("Help: {keys}").format(keys=keys_label(keymap.get("help", ()), limit=1)),
    ]
    if notice is not None:
        parts.insert(2, notice.words())
    return parts
