"""About this information: where the text comes from and how current it is.

Dates are written the visitor's way (kiosk.languages.formatting: Babel's
long date and the month-year skeleton ``yMMMM``), never as ISO numbers.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from kiosk.document.sanitize import clean_text
from kiosk.languages import N_, _, interface_language, shown_language
from kiosk.languages.formatting import format_long_date, format_year_month
from kiosk.ui.keynames import keys_label
from kiosk.ui.screens.base import KioskScreen, ScrollingText
from kiosk.ui.widgets.reading import ReadingPane
from kiosk.ui.widgets.status import StatusLine


class AboutScreen(ScrollingText, KioskScreen):
    """The document facts; Back (or Action) returns to the overview."""

    CSS_PATH = "about.tcss"

    def __init__(self, slug: str) -> None:
        super().__init__()
        self.slug = slug

    def compose(self):
        yield Static("", id="about-title", markup=False)
        yield ReadingPane(id="about-pane")
        yield StatusLine()

    @property
    def pane(self) -> ReadingPane:
        return self.query_one("#about-pane", ReadingPane)

    def on_mount(self) -> None:
        self.refresh_texts()
        self.pane.focus()

    def lines(self) -> list[str]:
        """The facts as sentences, in reading order."""
        doc = self.app.localized(self.slug)
        facts = doc.document.facts
        out = [_("The text comes from the European Medicines Agency (EMA).")]
        if facts.ema_reference:
            out.append(_("EMA reference: {reference}").format(reference=facts.ema_reference))
        if facts.product_number:
            out.append(_("Product number: {number}").format(number=facts.product_number))
        # a date is written in the language of the sentence it is in (English when
        # that sentence's translation is missing), never half one, half the other
        if facts.authorisation_date:
            said = N_("Authorised in the EU on: {date}")
            out.append(_(said).format(date=format_long_date(
                facts.authorisation_date, shown_language(said))))
        if facts.last_updated:
            said = N_("Last updated: {month}")
            out.append(_(said).format(month=format_year_month(
                facts.last_updated, shown_language(said))))
        if facts.source_url:
            out.append(_("Source: {address}").format(address=facts.source_url))
        if doc.translation_note():  # the EMA's own translation, or the kiosk's
            out.append(doc.translation_note())
        out.append(_("Press {back} to go back.").format(
            back=keys_label(self.app.config.keymap.get("back", ()))))
        return [clean_text(line) for line in out]

    def refresh_texts(self) -> None:
        doc = self.app.localized(self.slug)
        self.query_one("#about-title", Static).update(Text(
            _("About this information: {medicine}").format(medicine=clean_text(doc.document.title)),
            style="bold"))
        lines = self.lines()
        renderables = []
        for line in lines:
            renderables += [Text(line), Text("")]
        self.pane.show(renderables, "\n".join(lines))

    def key_description(self, name: str) -> str:
        """Action and the about key close this page, as Back does."""
        if name in ("action", "about"):
            return super().key_description("back")
        return super().key_description(name)

    def describe_location(self) -> str:
        return _("About this information.") + " " + " ".join(self.lines()[:1])

    def speakable_texts(self) -> list[tuple[str, str]]:
        return [(line, interface_language()) for line in self.lines()]

    def action_back(self) -> None:
        self.dismiss()

    def action_action(self) -> None:
        self.dismiss()

    def action_about(self) -> None:
        self.dismiss()
