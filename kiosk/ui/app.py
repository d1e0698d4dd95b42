"""The kiosk's Textual application: key routing, the visit, language and display.

Why every key goes through :meth:`KioskApp.on_event` rather than Textual
bindings: the deployer's keymap decides what each key does, and in kiosk
mode nothing else may happen (no ctrl+q, no command palette, no tab focus
cycling, no mouse).  So the app never forwards a key to a widget: it maps
the key to an action through the keymap and calls the current screen's
``handle_action``.  Keys that map to nothing are ignored.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from dataclasses import replace
from typing import Sequence

from textual import events
from textual.screen import ModalScreen
from textual.app import App

from kiosk.config import KioskConfig
from kiosk.document.model import Document
from kiosk.languages import _, set_language
from kiosk.languages.document_catalog import LocalizedDocument, localize_document
from kiosk.ui.announcer import Announcer, LoggingAnnouncer
from kiosk.ui.screens.base import KioskScreenMixin
from kiosk.ui.themes import DISPLAY_LABEL, DISPLAY_ORDER, TEXTUAL_THEME, register_themes
from kiosk.ui.widgets.status import StatusLine
from kiosk.visit import Visit

log = logging.getLogger("kiosk.ui")

#: How long a staff exit sequence may take from first to last key.
SEQUENCE_WINDOW = 5.0
#: Help pressed twice within this time (outside help) closes help and stays silent.
HELP_TWICE_WINDOW = 1.5
#: Keys that act on the current reading instead of stopping it.
SPEECH_CONTROL_ACTIONS = frozenset({
    "pause", "repeat", "previous_sentence", "next_sentence",
    "slower", "faster", "volume_down", "volume_up",
})


def key_table(keymap: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """key -> action, built once from the live keymap (so remapping just works)."""
    table: dict[str, str] = {}
    for action, keys in keymap.items():
        for key in keys:
            table.setdefault(key, action)
    return table


class KioskApp(App[int], inherit_bindings=False):
    """The walk-up kiosk."""

    # Textual 8 loads a screen's CSS_PATH when the screen is pushed, but not
    # for the app's default screen (get_default_screen), so the screens that
    # can be the first one have their styles listed here as well.
    CSS_PATH = ["app.tcss", "screens/welcome.tcss", "screens/message.tcss"]
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = []
    TITLE = "Medicine information"

    def __init__(
        self,
        config: KioskConfig,
        medicines: Sequence[Document],
        *,
        languages: Sequence[str] = ("en",),
        default_language: str = "en",
        speech_on: bool | None = None,
        announcer: Announcer | None = None,
        load_error: str | None = None,
        handle_signals: bool = False,
    ) -> None:
        super().__init__()
        self.config = config
        self.medicines = list(medicines)
        self.languages = list(dict.fromkeys([default_language, *languages]))
        self.announcer: Announcer = announcer or LoggingAnnouncer()
        self.load_error = load_error
        self._handle_signals = handle_signals
        self.defaults = Visit(
            language=default_language,
            theme=config.theme,
            speech_on=config.speech.enabled if speech_on is None else speech_on,
        )
        self.visit = self.defaults.copy()
        self.keys_to_actions = key_table(config.keymap)
        self._localized: dict[tuple[str, str], LocalizedDocument] = {}
        self._sequence_pos = 0
        self._sequence_started = 0.0
        self.last_input = time.monotonic()
        self._idle_warning_open = False
        # What the status line says about speech besides on/off: None,
        # "unavailable", "paused" or "no-voice:<language>".
        self.speech_notice: str | None = None
        self.speech_problem: str | None = None  # why speech is unavailable (for the log)
        self._help_opened_at = 0.0
        self._quiet_resume = False
        register_themes(self)
        set_language(self.visit.language)

    # --- start-up --------------------------------------------------------
    def get_default_screen(self):
        from kiosk.ui.screens.message import MessageScreen
        from kiosk.ui.screens.welcome import WelcomeScreen

        if self.load_error:
            return MessageScreen(self.load_error)
        return WelcomeScreen()

    def on_mount(self) -> None:
        attach = getattr(self.announcer, "attach", None)
        if attach is not None:
            try:
                attach(self)
            except Exception:
                log.exception("announcer attach failed")
        self.theme = TEXTUAL_THEME.get(self.visit.theme, "kiosk-standard")
        period = max(0.05, min(1.0, self.config.idle_timeout / 5))
        self.set_interval(period, self._check_idle)
        if self._handle_signals:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(sig, self._on_signal, sig)

    def on_unmount(self) -> None:
        close = getattr(self.announcer, "close", None)
        if close is not None:
            try:
                close()
            except Exception:
                log.exception("announcer close failed")

    def _on_signal(self, sig: int) -> None:
        log.info("received signal %s: exiting cleanly", signal.Signals(sig).name)
        self.exit(0)

    # --- input -------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.MouseEvent, events.Paste)):
            return  # no mouse, no paste: a keypad kiosk
        if isinstance(event, events.Key) and not event.is_forwarded:
            event.stop()
            event.prevent_default()
            self.handle_key(event.key, event.character)
            return
        await super().on_event(event)

    def handle_key(self, key: str, character: str | None = None) -> None:
        """Route one key press: idle, staff sequence, quit (non-kiosk), keymap."""
        from kiosk.ui.screens.staff_exit import StaffExitScreen

        self.last_input = time.monotonic()
        action = self.keys_to_actions.get(key)
        if action is None and len(key) == 1:
            action = self.keys_to_actions.get(key.lower())
        if action not in SPEECH_CONTROL_ACTIONS or self._idle_warning_open:
            self.stop_speech()  # nothing talks over what this key does
        if self._idle_warning_open:
            self.keep_visit()
            return  # the key that keeps the session does nothing else
        screen = self.screen
        if not isinstance(screen, StaffExitScreen) and self._staff_sequence(key):
            return
        if not self.config.kiosk_mode and key == "ctrl+q":
            self.exit(0)
            return
        if isinstance(screen, KioskScreenMixin) and screen.handle_raw_key(key, character):
            return
        if action is None:
            log.debug("ignored key %r", key)
            return
        if isinstance(screen, KioskScreenMixin):
            screen.handle_action(action, key)

    def _staff_sequence(self, key: str) -> bool:
        """Track the staff exit sequence; ``True`` when this key was taken by it."""
        from kiosk.ui.screens.staff_exit import StaffExitScreen

        sequence = self.config.staff_exit.sequence
        now = time.monotonic()
        if self._sequence_pos and now - self._sequence_started > SEQUENCE_WINDOW:
            self._sequence_pos = 0
        if key == sequence[self._sequence_pos]:
            if self._sequence_pos == 0:
                self._sequence_started = now
            self._sequence_pos += 1
        elif key == sequence[0]:
            self._sequence_pos, self._sequence_started = 1, now
        else:
            self._sequence_pos = 0
            return False
        if self._sequence_pos == len(sequence):
            self._sequence_pos = 0
            self.push_screen(StaffExitScreen())
            return True
        return key not in self.keys_to_actions

    # --- idle ----------------------------------------------------------------
    def _check_idle(self) -> None:
        if self._idle_warning_open:
            return
        if time.monotonic() - self.last_input < self.config.idle_timeout:
            return
        if self._at_fresh_start():
            self.last_input = time.monotonic()
            return
        from kiosk.ui.screens.idle_warning import IdleWarningScreen

        self._idle_warning_open = True
        log.info("idle: warning shown")
        self.push_screen(IdleWarningScreen(self.config.idle_warning))

    def _at_fresh_start(self) -> bool:
        return (len(self.screen_stack) == 1 and self.visit == self.defaults
                and self.announcer.at_defaults())

    def keep_visit(self) -> None:
        """A key during the idle warning: close it, keep everything."""
        from kiosk.ui.screens.idle_warning import IdleWarningScreen

        self._idle_warning_open = False
        self.last_input = time.monotonic()
        if isinstance(self.screen, IdleWarningScreen):
            self.pop_screen()
        log.info("idle: visitor continued")

    def reset_visit(self) -> None:
        """Forget the visitor: welcome screen, default language, theme and speech."""
        from kiosk.ui.screens.welcome import WelcomeScreen

        log.info("idle: visit reset")
        self.stop_speech()
        self.visit.reset(self.defaults)
        self.speech_notice = None
        self._quiet_resume = False
        new_visit = getattr(self.announcer, "new_visit", None)
        if new_visit is not None:
            try:
                new_visit(self.visit)
            except Exception:
                log.exception("announcer new_visit failed")
        self._idle_warning_open = False
        self.last_input = time.monotonic()
        set_language(self.visit.language)
        self.theme = TEXTUAL_THEME.get(self.visit.theme, "kiosk-standard")
        while len(self.screen_stack) > 1:
            self.pop_screen()
        for screen in self.screen_stack:
            if isinstance(screen, KioskScreenMixin):
                screen.apply_language()
            if isinstance(screen, WelcomeScreen):
                screen.reset_view()

    # --- navigation ----------------------------------------------------------
    def start_visit(self) -> None:
        """From the welcome screen: the medicine list, or the one medicine."""
        from kiosk.ui.screens.medicine_list import MedicineListScreen
        from kiosk.ui.screens.message import MessageScreen

        if not self.medicines:
            self.push_screen(MessageScreen(_("No medicine information is installed.")))
        elif len(self.medicines) == 1:
            self.open_medicine(self.medicines[0].slug)
        else:
            self.push_screen(MedicineListScreen())

    def open_medicine(self, slug: str) -> None:
        from kiosk.ui.screens.overview import OverviewScreen

        start = self.visit.section_index if self.visit.medicine_slug == slug else 0
        self.visit.medicine_slug = slug
        self.push_screen(OverviewScreen(slug, start))

    def open_about(self, slug: str) -> None:
        from kiosk.ui.screens.about import AboutScreen

        self.push_screen(AboutScreen(slug))

    def open_help(self) -> None:
        from kiosk.ui.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            # EZ Access: Help pressed twice quickly closes help without a word
            # (the key already stopped the speech).
            self._quiet_resume = time.monotonic() - self._help_opened_at < HELP_TWICE_WINDOW
            screen.dismiss()
            return
        where = screen.describe_location() if isinstance(screen, KioskScreenMixin) else ""
        self._help_opened_at = time.monotonic()
        self.push_screen(HelpScreen(where))

    def take_quiet_resume(self) -> bool:
        """True once after a double Help press: the screen below stays silent."""
        quiet, self._quiet_resume = self._quiet_resume, False
        return quiet

    def open_language_choice(self) -> None:
        from kiosk.ui.screens.language import LanguageScreen

        if not isinstance(self.screen, LanguageScreen):
            self.push_screen(LanguageScreen())

    def go_home(self) -> None:
        """Back to the welcome screen, keeping this visitor's choices."""
        from kiosk.ui.screens.welcome import WelcomeScreen

        while len(self.screen_stack) > 1:
            self.pop_screen()
        if isinstance(self.screen, WelcomeScreen):
            self.screen.reset_view()

    # --- language, display, speech ---------------------------------------------
    def localized(self, slug: str) -> LocalizedDocument:
        """The medicine in the visit's language (cached per language)."""
        key = (slug, self.visit.language)
        found = self._localized.get(key)
        if found is None:
            doc = next(d for d in self.medicines if d.slug == slug)
            found = localize_document(doc, self.visit.language)
            self._localized[key] = found
        return found

    def set_visit_language(self, code: str) -> None:
        """Switch language and repaint every screen on the stack at once."""
        set_language(code)
        self.visit.language = code
        log.info("language: %s", code)
        if self.speech_notice and self.speech_notice.startswith("no-voice:"):
            self.speech_notice = None  # the new language is checked when it is spoken
        # Repaint what can be seen now: the top screen and, under modal
        # screens, the screen they float over.  Screens further down repaint
        # when they come back (on_screen_resume), which keeps a switch fast.
        visible = True
        for screen in reversed(self.screen_stack):
            if not isinstance(screen, KioskScreenMixin) or not screen.is_mounted:
                continue
            if visible:
                screen.apply_language()
            else:
                screen.language_stale = True
            visible = visible and isinstance(screen, ModalScreen)
        screen = self.screen
        if isinstance(screen, KioskScreenMixin):
            screen.announce_screen()

    def set_display(self, mode: str) -> None:
        """Apply a display mode ("standard", "high-contrast", "terminal")."""
        self.visit.theme = mode
        self.theme = TEXTUAL_THEME[mode]
        self.refresh_status()
        self.announce(_("Display: {mode}").format(mode=_(DISPLAY_LABEL[mode])), kind="state")

    def cycle_display(self) -> None:
        order = DISPLAY_ORDER
        current = order.index(self.visit.theme) if self.visit.theme in order else 0
        self.set_display(order[(current + 1) % len(order)])

    def speech_action(self, name: str, *, read_on: bool = True) -> None:
        """A speech key: update the visit's state, then hand over to the announcer.

        ``listen`` reads the screen's texts; with ``read_on`` (the listen key,
        "read all") an overview reads on into the following sections, and the
        listen key turns speech on if it was off.  Action in the text reads
        the current section only (``read_on=False``).
        """
        screen = self.screen
        mixin = isinstance(screen, KioskScreenMixin)
        if name == "speech":
            if self.visit.speech_on:
                self.announce(_("Speech off."), kind="state")  # said before it goes quiet
                self.visit.speech_on = False
            else:
                self.visit.speech_on = True
                self.announce(_("Speech on."), kind="state")
                if mixin:
                    screen.announce_screen()  # and where the visitor is
            self.refresh_status()
        elif name == "listen" and read_on and not self.visit.speech_on:
            self.visit.speech_on = True
            self.refresh_status()
        keys = None
        if name == "listen" and mixin:
            items = screen.reading_items(read_on)
            texts = [(text, language) for _key, text, language in items]
            if all(key is not None for key, _t, _l in items):
                keys = [key for key, _t, _l in items]
        else:
            texts = screen.speakable_texts() if mixin else []
        try:
            self.announcer.speech_command(name, self.visit, texts, keys=keys)
        except Exception:
            log.exception("announcer failed on %s", name)
        if self.speech_notice == "paused" and name != "pause":
            self.reading_paused(False)

    def stop_speech(self) -> None:
        try:
            self.announcer.stop()
        except Exception:
            log.exception("announcer failed to stop")
        if self.speech_notice == "paused":
            self.reading_paused(False)

    # --- speech events (on the UI thread, from the narrator) ------------------
    def reading_sentence(self, key: str, start: int, end: int) -> None:
        """A sentence of a reading started playing: highlight it on screen."""
        screen = self.screen
        if hasattr(screen, "highlight_sentence"):
            screen.highlight_sentence(key, start, end)

    def reading_finished(self, completed: bool) -> None:
        for screen in self.screen_stack:
            if hasattr(screen, "clear_highlight"):
                screen.clear_highlight()

    def reading_paused(self, paused: bool) -> None:
        if paused:
            self.speech_notice = "paused"
        elif self.speech_notice == "paused":
            self.speech_notice = None
        self.refresh_status()

    def speech_unavailable(self, reason: str) -> None:
        """Speech cannot work now: say so on screen (once), keep working, log why."""
        log.warning("speech is not available: %s", reason)
        self.speech_problem = reason
        if self.speech_notice != "unavailable":
            self.speech_notice = "unavailable"
            self.refresh_status()

    def speech_no_voice(self, language: str) -> None:
        notice = f"no-voice:{language}"
        if self.speech_notice not in (notice, "unavailable"):
            self.speech_notice = notice
            self.refresh_status()

    def announce(self, text: str, *, kind: str = "focus", language: str | None = None) -> None:
        """Pass a sentence to the announcer (never let a speech error stop the UI)."""
        try:
            self.announcer.announce(text, kind=kind, language=language or self.visit.language)
        except Exception:
            log.exception("announcer failed")

    def refresh_status(self) -> None:
        for screen in self.screen_stack:
            for status in screen.query(StatusLine):
                status.refresh_status()

    # --- failures ----------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        # Log every uncaught error; in kiosk mode, never print a traceback on the
        # visitor's screen (the supervisor restarts us).
        log.error("uncaught exception in the UI", exc_info=error)
        if not self.config.kiosk_mode:
            super()._handle_exception(error)
            return
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._close_messages_no_wait()


def with_config(config: KioskConfig, **changes) -> KioskConfig:
    """``dataclasses.replace`` for callers that do not import dataclasses."""
    return replace(config, **changes)
