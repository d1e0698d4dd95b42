"""The kiosk's Textual application: one visit's state, and the parts that do the work.

:class:`KioskApp` holds what every screen shares: the config, the medicines,
the clock, and two reactives the screens and the status line watch:

* ``visit`` (a :class:`~kiosk.visit.Visit`, replaced on every change, never
  changed in place): language, display, speech on/off and the place in the
  text.  Its watcher switches the gettext language and Textual's theme, so
  each is set in one place.
* ``speech_notice`` (a typed :class:`~kiosk.ui.messages.SpeechNotice`).

The jobs live in their own modules: :mod:`kiosk.ui.keymap` (the deployer's
keys as Textual bindings with ids and ``set_keymap``), :mod:`kiosk.ui.key_hook`
(what precedes every key), :mod:`kiosk.ui.idle`, :mod:`kiosk.ui.navigation`
(the app's actions) and :mod:`kiosk.ui.speech_output` (the only caller of
the speech layer).

Kiosk mode is strict: the app, its screens and its widgets have no bindings
but the visitor's (no ctrl+q, ctrl+c, tab, command palette), mouse and paste
events are dropped, and an uncaught error is logged, never shown.
"""

from __future__ import annotations

import asyncio
import io
import logging
import signal
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Sequence

from rich.console import Console
from textual import events
from textual.app import App
from textual.binding import Binding
from textual.reactive import var
from textual.screen import ModalScreen, Screen

from kiosk.config import KioskConfig
from kiosk.document.model import Document
from kiosk.languages import active_language, preparing, set_language
from kiosk.speech.priorities import SpeechPriority
from kiosk.ui.announcer import Announcer, LoggingAnnouncer
from kiosk.ui.begin_key import teach_begin_key
from kiosk.ui.idle import IdleWatch
from kiosk.ui.key_hook import KeyHook
from kiosk.ui.keymap import clash_sentence, clashes, textual_keymap, unbound_ids
from kiosk.ui.messages import SpeechNotice
from kiosk.ui.navigation import Navigation
from kiosk.ui.screens.base import VisitorActions
from kiosk.ui.screens.message import MessageScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.ui import sizes
from kiosk.ui.sizes import size_note
from kiosk.ui.speech_output import SpeechOutput
from kiosk.ui.themes import TEXTUAL_THEME, register_themes
from kiosk.visit import Visit

if TYPE_CHECKING:
    from kiosk.languages.document_catalog import LocalizedDocument

log = logging.getLogger("kiosk.ui")


class _LogStream(io.StringIO):
    """A file for Textual's error console: what it would print goes to the log."""

    def flush(self) -> None:
        text = self.getvalue()
        if text.strip():
            log.error("uncaught error in the UI (not shown in kiosk mode):\n%s", text.rstrip())
        self.seek(0)
        self.truncate()


class KioskApp(SpeechOutput, Navigation, App[int], inherit_bindings=False):
    """The walk-up kiosk."""

    # Textual loads a screen's CSS_PATH when the screen is pushed, but not for
    # the app's default screen (get_default_screen), so the screens that can
    # be the first one have their styles listed here as well.
    CSS_PATH = ["app.tcss", "screens/welcome.tcss", "screens/message.tcss"]
    ENABLE_COMMAND_PALETTE = False
    ALLOW_SELECT = False
    # Outside kiosk mode only (check_action): ctrl+q quits, as in any Textual app.
    BINDINGS = [Binding("ctrl+q", "quit", show=False, priority=True, id="quit")]
    TITLE = "Medicine information"
    # Textual's breakpoints: every screen gets one class per axis, so the
    # .tcss files lay out large text (issue 11: EN 301 549 5.1.4 gives about
    # 68x19 cells on a 15.6" screen, 43x13 on a 10" one) as first-class
    # layouts; 80x24 and larger (-wide -tall) keep the full layout.
    HORIZONTAL_BREAKPOINTS = sizes.HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = sizes.VERTICAL_BREAKPOINTS

    # ``var``: a reactive that does not repaint the whole screen when it changes;
    # what shows it (status line, theme, screens) follows through watchers.
    visit: var[Visit] = var(Visit, init=False)
    speech_notice: var[SpeechNotice | None] = var(None, init=False)

    def __init__(
        self,
        config: KioskConfig,
        medicines: Sequence[Document],
        *,
        languages: Sequence[str] = ("en",),
        default_language: str = "en",
        speech_on: bool | None = None,
        announcer: Announcer | None = None,
        announcer_factory: Callable[[], Announcer] | None = None,
        load_error: str | None = None,
        handle_signals: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``announcer``: the kiosk's voice, or ``announcer_factory`` to make it after
        the first paint (default: one that only logs); ``clock`` returns seconds
        (``time.monotonic``), tests pass one they move."""
        super().__init__()
        self.config = config
        self.medicines = list(medicines)
        self.languages = list(dict.fromkeys([default_language, *languages]))
        self._announcer: Announcer | None = announcer
        self._announcer_factory: Callable[[], Announcer] = announcer_factory or LoggingAnnouncer
        self._speech_started = False
        self._early_announcements: list[tuple[str, SpeechPriority, str, bool]] = []
        self.load_error = load_error
        self.clock = clock
        self._handle_signals = handle_signals
        self.defaults = Visit(
            language=default_language,
            theme=config.theme,
            speech_on=config.speech.enabled if speech_on is None else speech_on,
        )
        self.set_reactive(KioskApp.visit, replace(self.defaults))
        self._localized: dict[tuple[str, str], "LocalizedDocument"] = {}
        self._quiet_resume = False
        self._clashes_logged: set[str] = set()
        #: Binding ids the deployer gave no key (the screens' check_action disables them).
        self.unbound_binding_ids = unbound_ids(config.keymap)
        self.idle = IdleWatch(self, clock, config.idle_timeout, config.idle_warning)
        self.key_hook = KeyHook(self)
        register_themes(self)
        # Before the app runs, so its first stylesheet uses it; watch_visit
        # applies later changes.
        self.theme = TEXTUAL_THEME.get(self.visit.theme, "kiosk-standard")
        set_language(self.visit.language)
        self.set_keymap(textual_keymap(config.keymap))
        teach_begin_key()  # the keypad's 5 with NumLock off (kiosk/ui/begin_key.py)
        if clashing := clashes(config.keymap):  # kiosk.toml's validation stops these
            self._clashes_logged |= clashing
            log.error(clash_sentence(clashing))
        if config.kiosk_mode:
            # Textual prints an uncaught error's traceback when it exits; in kiosk
            # mode that goes to the log file, never to the visitor's terminal.
            self.error_console = Console(file=_LogStream(), width=100, color_system=None,
                                         markup=False, highlight=False)

    # --- start and end ---------------------------------------------------------
    def get_default_screen(self) -> Screen:
        if self.load_error:
            return MessageScreen(self.load_error)
        return WelcomeScreen()

    def on_mount(self) -> None:
        period = max(0.05, min(1.0, self.config.idle_timeout / 5))
        self.set_interval(period, self.idle.check)
        if self._handle_signals:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(sig, self._on_signal, sig)

    def on_ready(self) -> None:
        """The first screen is painted (Textual's Ready): now load the speech layer."""
        log.info("%s", size_note(*self.size))
        self.start_speech()

    def on_unmount(self) -> None:
        self.close_speech()

    def _on_signal(self, sig: int) -> None:
        log.info("received signal %s: exiting cleanly", signal.Signals(sig).name)
        self.exit(0)

    # --- input ---------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        """No mouse, no paste (a keypad kiosk); every key passes the key hook first."""
        if isinstance(event, (events.MouseEvent, events.Paste)):
            return
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self.key_hook.before_key(event.key):
                event.stop()
                return
        await super().on_event(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+q quits only outside kiosk mode."""
        if action == "quit":
            return not self.config.kiosk_mode
        return True

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node) -> None:
        """A key given to two actions (config validation should have stopped it): log it once."""
        keys = {binding.key for binding in clashed_bindings} - self._clashes_logged
        if keys:
            self._clashes_logged |= keys
            log.error(clash_sentence(keys))

    # --- the visit -----------------------------------------------------------------
    def watch_visit(self, old: Visit, new: Visit) -> None:
        """Show a changed visit: display theme, and language on every screen."""
        if old.theme != new.theme:
            self.theme = TEXTUAL_THEME.get(new.theme, "kiosk-standard")
        if old.language != new.language:
            set_language(new.language)
            self.forget_voice_notice()
            self._repaint_in_language()

    def can_be_seen(self, screen: Screen) -> bool:
        """The top screen, and the screens modal screens float over, can be seen."""
        for shown in reversed(self.screen_stack):
            if shown is screen:
                return True
            if not isinstance(shown, ModalScreen):
                return False
        return False

    def _repaint_in_language(self) -> None:
        """Repaint what can be seen now.  Screens further down repaint when they
        come back (``on_screen_resume``), which keeps a switch fast."""
        for screen in self.screen_stack:
            if isinstance(screen, VisitorActions) and screen.is_mounted:
                if self.can_be_seen(screen):
                    screen.apply_language()
                    # New words change sizes: lay the screen out in the very next
                    # frame, with its repaint, rather than in a frame after it.
                    screen.refresh(layout=True)
                else:
                    screen.language_stale = True

    def prepare_language(self, code: str) -> None:
        """Lay out, ahead, what a switch to ``code`` would repaint: the screens that
        can be seen beneath the language list (``VisitorActions.prepare_language``).

        Called once the visitor's highlight rests on ``code`` (after its frame is
        painted), so a chosen language shows at once: its catalogs are loaded,
        its medicine text localized and its page laid out already.  Nothing is
        shown or said, and the visit's language is unchanged.
        """
        if code == self.visit.language:
            return
        for screen in self.screen_stack:
            if isinstance(screen, VisitorActions) and screen.is_mounted and self.can_be_seen(screen):
                try:
                    with preparing(code):
                        screen.prepare_language(code)
                except Exception:  # a head start only: the switch itself does it all again
                    log.exception("preparing %s for %s failed", code, type(screen).__name__)

    def localized(self, slug: str) -> "LocalizedDocument":
        """The medicine in the active language: the visit's, or the one a screen is
        preparing (:func:`kiosk.languages.preparing`); cached per language."""
        language = active_language()
        key = (slug, language)
        found = self._localized.get(key)
        if found is None:
            from kiosk.languages.document_catalog import localize_document  # first medicine opened

            doc = next(d for d in self.medicines if d.slug == slug)
            found = localize_document(doc, language)
            self._localized[key] = found
        return found
