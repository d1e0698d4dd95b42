"""A plain message screen for problems the visitor cannot fix (bad content files).

It stays calm and asks for staff; the technical detail (file and line) is
shown small underneath for the staff member who comes over.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.document.sanitize import clean_text
from kiosk.languages import _
from kiosk.ui.screens.base import KioskScreen, only_answers
from kiosk.ui.widgets.status import StatusLine


class MessageScreen(KioskScreen):
    """Shows ``detail`` (a sentence for staff) under a visitor message.

    ``detail`` is translated when shown (a message id marked with ``N_``, or a
    problem naming a file, which has no translation and shows as it is), so
    a language chosen on this screen changes it too.
    """

    CSS_PATH = "message.tcss"

    def __init__(self, detail: str) -> None:
        super().__init__()
        self.detail = detail

    def compose(self):
        with Vertical(id="message-body"):
            yield Static("", id="message-title", markup=False)
            yield Static("", id="message-text", markup=False)
            yield Static("", id="message-detail", markup=False)
        yield StatusLine()

    def on_mount(self) -> None:
        self.refresh_texts()

    def refresh_texts(self) -> None:
        self.query_one("#message-title", Static).update(
            Text(_("Sorry, this information cannot be shown right now."), style="bold"))
        self.query_one("#message-text", Static).update(Text(_("Please ask a member of staff for help.")))
        self.query_one("#message-detail", Static).update(
            Text(_("For staff: {detail}").format(detail=clean_text(_(self.detail)))))

    def describe_location(self) -> str:
        return " ".join([_("Sorry, this information cannot be shown right now."),
                         _("Please ask a member of staff for help.")])

    @only_answers
    def action_back(self) -> None:
        """Nowhere to go: show and say again what to do (every key is answered)."""
        self.app.notice(_("Please ask a member of staff for help."), speak=False)
        self.announce_screen()

    action_action = action_home = action_back
