"""Where the visitor can go, as the app's actions; and how a visit ends.

The screens call these (``self.app.action_open_help(...)`` from their own
actions); nothing here knows about keys.  Modal screens report back through
their result (``ModalScreen[T].dismiss(value)``) to the callbacks here.

Only the first screens (welcome, message) load with the app; each other
screen's module loads when it is first opened (about 15 ms of start-up).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk.languages import N_, _
from kiosk.ui.screens.base import VisitorActions
from kiosk.ui.screens.message import MessageScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.ui.themes import DISPLAY_LABEL, DISPLAY_ORDER

if TYPE_CHECKING:
    from kiosk.ui.app import KioskApp

log = logging.getLogger("kiosk.ui")

#: The name the language choice is installed under.
LANGUAGE_SCREEN = "language"


class Navigation:
    """Mixed into :class:`~kiosk.ui.app.KioskApp`."""

    # --- forward -------------------------------------------------------------
    def action_start_visit(self: "KioskApp") -> None:
        """From the welcome screen: the medicine list, or the one medicine."""
        if not self.medicines:
            self.push_screen(MessageScreen(N_("No medicine information is installed.")))
        elif len(self.medicines) == 1:
            self.action_open_medicine(self.medicines[0].slug)
        else:
            from kiosk.ui.screens.medicine_list import MedicineListScreen

            self.push_screen(MedicineListScreen())

    def action_open_medicine(self: "KioskApp", slug: str) -> None:
        """The overview of ``slug``, at the section this visitor last read."""
        from kiosk.ui.screens.overview import OverviewScreen

        visit = self.visit
        start = visit.section_index if visit.medicine_slug == slug else 0
        self.remember_place(slug, start)
        self.push_screen(OverviewScreen(slug, start))

    def action_open_about(self: "KioskApp", slug: str) -> None:
        from kiosk.ui.screens.about import AboutScreen

        self.push_screen(AboutScreen(slug))

    def action_open_help(self: "KioskApp", location: str,
                         beneath: VisitorActions | None = None) -> None:
        """Help over the current screen; ``location`` says where the visitor is,
        ``beneath`` (that screen) lists its keys and what they do there."""
        from kiosk.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(location, self.clock(), beneath))

    def action_open_language_choice(self: "KioskApp") -> None:
        """The language choice, over the current screen.  It is built once and kept
        (installed): closing it then costs no removal of 28 menu items, which
        keeps a language switch about as quick as turning a page."""
        if not self.is_screen_installed(LANGUAGE_SCREEN):
            from kiosk.ui.screens.language import LanguageScreen

            self.install_screen(LanguageScreen(self.languages), LANGUAGE_SCREEN)
        chooser = self.get_screen(LANGUAGE_SCREEN)
        if chooser in self.screen_stack:
            # Already open beneath (Help over it): come back to it.  Pushed a
            # second time it would be on the stack twice (issue 9, item 8).
            chooser.pop_until_active()
            return
        if chooser.is_mounted:  # opened before: it starts again on the language in use
            chooser.start_on_language_in_use()
        self.push_screen(LANGUAGE_SCREEN, callback=self._language_chosen)

    def _language_chosen(self: "KioskApp", code: str | None) -> None:
        if code is not None:
            if isinstance(self.screen, WelcomeScreen):  # Textual calls back once the list closed
                self.screen.language_chosen()  # the way on next: Start, as after a choice in its list
            self.choose_language(code)

    def open_staff_prompt(self: "KioskApp") -> None:
        from kiosk.ui.screens.staff_exit import StaffExitScreen

        self.push_screen(StaffExitScreen(self.key_hook.pin_guard), callback=self._staff_prompt_closed)

    def _staff_prompt_closed(self: "KioskApp", accepted: bool | None) -> None:
        if accepted:
            self.exit(0)

    # --- language and display ------------------------------------------------------
    def choose_language(self: "KioskApp", code: str) -> None:
        """Switch the visit's language (``watch_visit`` repaints the screens), then
        say where the visitor is, in the new language."""
        log.info("language: %s", code)
        self.visit = replace(self.visit, language=code)
        screen = self.screen
        if isinstance(screen, VisitorActions):
            screen.announce_screen()

    def action_cycle_display(self: "KioskApp") -> None:
        """Standard -> high contrast -> terminal colours, said in words."""
        order = DISPLAY_ORDER
        current = order.index(self.visit.theme) if self.visit.theme in order else 0
        mode = order[(current + 1) % len(order)]
        self.visit = replace(self.visit, theme=mode)
        self.notice(_("Display: {mode}").format(mode=_(DISPLAY_LABEL[mode])))

    def remember_place(self: "KioskApp", slug: str, section_index: int) -> None:
        """The section shown, so the visitor comes back to it (until the visit ends)."""
        if (self.visit.medicine_slug, self.visit.section_index) != (slug, section_index):
            self.visit = replace(self.visit, medicine_slug=slug, section_index=section_index)

    # --- back -------------------------------------------------------------------------
    def action_go_home(self: "KioskApp") -> None:
        """Home: start this visit over at the welcome screen.

        The place in the text is forgotten (Start then opens section 1); the
        visitor's language, display and speech stay.  Only the idle reset
        (:meth:`reset_visit`) forgets everything.
        """
        if self.visit.medicine_slug is not None or self.visit.section_index:
            self.visit = replace(self.visit, medicine_slug=None, section_index=0)
        self._back_to_welcome()

    def _back_to_welcome(self: "KioskApp") -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        welcome = self.screen
        if isinstance(welcome, WelcomeScreen):
            welcome.reset_view()

    def keep_quiet_on_resume(self: "KioskApp") -> None:
        """The next screen to come back says nothing (Help twice, or the closing
        modal's callback speaks instead)."""
        self._quiet_resume = True

    def take_quiet_resume(self: "KioskApp") -> bool:
        """True once after :meth:`keep_quiet_on_resume`."""
        quiet, self._quiet_resume = self._quiet_resume, False
        return quiet

    def at_fresh_start(self: "KioskApp") -> bool:
        """Nothing to forget: the welcome screen with every default in place.

        The speech rate and volume count too (the speech layer owns them): a
        visit that only changed the volume must still be reset.
        """
        return (len(self.screen_stack) == 1 and self.visit == self.defaults
                and self.speech_at_defaults())

    def reset_visit(self: "KioskApp") -> None:
        """Forget the visitor: welcome screen, default language, display and speech."""
        log.info("idle: visit reset")
        self.stop_speech()
        self.clear_notice()
        self.forget_first_key()
        self.speech_notice = None
        self._quiet_resume = False
        self.visit = replace(self.defaults)
        self.speech_new_visit()
        self._back_to_welcome()
