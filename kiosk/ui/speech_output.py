"""How the UI talks: the one module that calls the speech layer, and hears back from it.

Out: every call to the :class:`~kiosk.ui.announcer.Announcer` is in this mixin:
:meth:`announce` (a sentence, with its :class:`~kiosk.speech.priorities.SpeechPriority`),
:meth:`speech_control` (the speech keys), :meth:`read_aloud`, :meth:`stop_speech`
(``cancel``), and ``attach``/``new_visit``/``close``.  An error in speech is
logged and never stops the UI.

The speech layer loads after the first paint or with the first key
(``start_speech``, about 40 ms of imports); what is said before waits in a queue.

Also here, being what a key answers: the notice line (:meth:`notice`), the speech
hint heard although speech is off (:meth:`offer_speech_hint`, EN 301 549 5.2),
and the headphone jack turning speech on (:mod:`kiosk.speech.headphones`).

In: the speech bridge (``kiosk/ui/narration.py``) calls :meth:`reading_sentence`,
:meth:`reading_finished`, :meth:`reading_paused`, :meth:`speech_unavailable` and
:meth:`speech_no_voice` from any thread; each only posts a message
(:mod:`kiosk.ui.messages`, thread-safe), handled below on the event loop.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk.languages import _, interface_language
from kiosk.speech.priorities import SpeechPriority
from kiosk.ui.messages import (
    PAUSED, UNAVAILABLE, HeadphonesChanged, NoticeKind, ReadingFinished, ReadingPaused,
    SentenceStarted, SpeechUnavailable, VoiceMissing, no_voice,
)

if TYPE_CHECKING:
    from kiosk.speech.headphones import HeadphoneWatch
    from kiosk.ui.announcer import Announcer
    from kiosk.ui.app import KioskApp
    from kiosk.ui.screens.base import ReadingItems, VisitorActions

log = logging.getLogger("kiosk.ui")

#: Actions that turn speech on wherever they are pressed (no hint needed before them).
SPEECH_ON_ACTIONS = frozenset({"speech", "listen"})
#: Speech keys that change a setting, which they do with speech off too.
SETTING_KEYS = frozenset({"slower", "faster", "volume_down", "volume_up"})


class SpeechOutput:
    """Mixed into :class:`~kiosk.ui.app.KioskApp`."""

    #: A notice is on screen (the next key clears it).
    _notice_shown = False
    #: Visitor keys so far (the speech hint is said at most once per key).
    _key_count = 0
    #: The key the speech hint was last said for.
    _hint_key: int | None = None
    #: The visit has had its first key (which gets the speech hint).
    _first_key_seen = False
    #: Where headphones are reported from (``[speech] headphones_turn_speech_on``);
    #: None: the sound server's, made when speech starts.  Tests set a fake.
    headphones: "HeadphoneWatch | None" = None
    #: Speech is on because headphones were plugged in (pulling them out turns it off).
    _speech_by_headphones = False

    # --- out: the Announcer --------------------------------------------------
    @property
    def announcer(self: "KioskApp") -> "Announcer":
        """The kiosk's voice, made by the app's announcer factory on first use."""
        if self._announcer is None:
            self._announcer = self._announcer_factory()
        return self._announcer

    def announce(self: "KioskApp", text: str, *,
                 priority: SpeechPriority = SpeechPriority.NORMAL,
                 language: str | None = None, even_if_off: bool = False) -> None:
        """Say ``text`` (already translated) if speech is on.

        ``priority``: NORMAL queues it (a key whose action interrupts speech
        has cancelled what was said before); NOW cuts in and lets the
        interrupted speech go on (the idle warning).  ``language``: the
        text's language (default: the visit's, English when its interface
        catalog could not be loaded; English for untranslated
        document text).  ``even_if_off``: heard although speech is off (only
        :meth:`offer_speech_hint` uses it).
        """
        language = language or interface_language()  # English if its catalog could not load
        if not self._speech_started:
            self._early_announcements.append((text, priority, language, even_if_off))
            return
        try:
            self.announcer.say(text, language, priority, even_if_off=even_if_off)
        except Exception:
            log.exception("announcer failed")

    # --- what every key shows: the notice line ----------------------------------
    def notice(self: "KioskApp", text: str, *, speak: bool = True,
               language: str | None = None) -> None:
        """Show ``text`` on the notice line (and say it, unless ``speak`` is False).

        For a key whose answer would otherwise only be heard ("This is the first
        section."): a visitor with speech off sees that it was pressed.  Textual's
        own notice (``App.notify``, one line in app.tcss); the next key clears it
        (:meth:`before_visitor_key`), else it goes after the idle time.
        """
        self._clear_toasts()
        self._notice_shown = True
        self.notify(text, markup=False, timeout=self.config.idle_timeout)
        if speak:
            self.announce(text, language=language)

    def clear_notice(self: "KioskApp") -> None:
        """Take the notice away (the next key, a new visit)."""
        if self._notice_shown:
            self._notice_shown = False
            self._clear_toasts()

    def _clear_toasts(self: "KioskApp") -> None:
        """Clear the notices now and again after the queued messages: ``notify`` only
        posts one, so a key read with the key that gave it came first (and it stayed)."""
        self.clear_notifications()
        self.call_later(self.clear_notifications)

    def _say_speech_is_off(self: "KioskApp", done: str = "") -> None:
        """A speech key with speech off: show what it did (``done``) and the hint,
        and say the hint aloud."""
        hint = self.speech_hint()
        self.notice(f"{done.rstrip('.')}. {hint}" if done else hint, speak=False)
        self.offer_speech_hint()  # aloud, once for this key

    # --- EN 301 549 5.2: a visitor who cannot see learns that the kiosk talks --------
    def speech_hint(self: "KioskApp") -> str:
        """"Speech is off. To turn it on, press F4 or S." with the deployer's keys."""
        from kiosk.ui.keynames import keys_label

        return _("Speech is off. To turn it on, press {keys}.").format(
            keys=keys_label(self.config.keymap.get("speech", ())))

    def offer_speech_hint(self: "KioskApp") -> bool:
        """With speech off, say (aloud, in the language on screen) which key turns
        it on; once per key.  Returns whether it was said.

        Called before the first key of a visit acts and when Help opens (EZ
        Access: Help always talks); with speech on there is nothing to say.
        """
        if self.visit.speech_on or self._hint_key == self._key_count:
            return False
        self._hint_key = self._key_count
        self.announce(self.speech_hint(), even_if_off=True)
        return True

    def before_visitor_key(self: "KioskApp", action: str | None) -> None:
        """Called by the key hook before a visitor key acts (``action``: its name, or
        None): the last notice goes, and the first key of a visit is preceded by
        the speech hint, unless it is a key that turns speech on.

        (The first key of a visit is pressed on the welcome screen, where only
        the speech and listen keys turn speech on.)
        """
        self._key_count += 1
        self.clear_notice()
        if not self._first_key_seen:
            self._first_key_seen = True
            if action not in SPEECH_ON_ACTIONS:
                self.offer_speech_hint()

    def forget_first_key(self: "KioskApp") -> None:
        """A new visit: its first key gets the hint again."""
        self._first_key_seen = False
        self._hint_key = None

    def speech_control(self: "KioskApp", name: str) -> None:
        """A speech key that acts on what is being said: ``pause``, ``repeat``,
        ``previous_sentence``, ``next_sentence``, ``slower``, ``faster``,
        ``volume_down`` or ``volume_up`` (speed and volume are said in words).

        Each shows what it did on the notice line (the key's Help words; the
        volume in percent).  With speech off, speed and volume still change
        (for when speech comes on), the other keys have nothing to act on, and
        each shows and says which key turns speech on.
        """
        from kiosk.keys import ACTION_INFO

        if name not in ACTION_INFO or ACTION_INFO[name].interrupts_speech:
            raise ValueError(f"not a speech key: {name!r}")
        if not self.visit.speech_on and name not in SETTING_KEYS:
            self._say_speech_is_off()
            return
        self.start_speech()
        language = interface_language()  # "Faster." is said in the interface's language
        shown = _(ACTION_INFO[name].description)
        try:
            voice = self.announcer
            if name == "pause":
                voice.toggle_pause()
            elif name == "repeat":
                voice.repeat()
            elif name == "previous_sentence":
                voice.previous_sentence()
            elif name == "next_sentence":
                voice.next_sentence()
            elif name in ("slower", "faster"):
                voice.change_rate(name == "faster", language)
            elif name in ("volume_down", "volume_up"):
                volume = voice.change_volume(name == "volume_up", language)
                from kiosk.ui.narration import volume_words

                shown = volume_words(volume)
        except Exception:
            log.exception("announcer failed on %s", name)
        if not self.visit.speech_on:
            self._say_speech_is_off(shown)
        else:
            self.notice(shown, speak=False)  # the speech itself is what is heard
        if name != "pause" and self.speech_notice == PAUSED:
            self.speech_notice = None  # anything else ends the pause

    def stop_speech(self: "KioskApp") -> None:
        """Stop speaking at once (a key, a visit reset, the PIN prompt)."""
        self._early_announcements.clear()
        if self._speech_started:
            try:
                self.announcer.cancel()
            except Exception:
                log.exception("announcer failed to cancel")
        if self.speech_notice == PAUSED:
            self.speech_notice = None

    def _speech_call(self: "KioskApp", hook: str, *args: object) -> None:
        """Call the announcer's optional lifecycle hook ``hook`` if it has one."""
        method = getattr(self.announcer, hook, None)
        if method is None:
            return
        try:
            method(*args)
        except Exception:
            log.exception("announcer %s failed", hook)

    def start_speech(self: "KioskApp") -> None:
        """Attach the voice to the running app (once; after the first paint, or at
        the first speech key if that comes sooner), then say what waited."""
        if self._speech_started:
            return
        self._speech_started = True
        self._speech_call("attach", self)
        self._watch_headphones()
        waiting, self._early_announcements = self._early_announcements, []
        for text, priority, language, even_if_off in waiting:
            self.announce(text, priority=priority, language=language, even_if_off=even_if_off)

    def speech_new_visit(self: "KioskApp") -> None:
        """Defaults again for the next visitor (rate, volume), and retry if speech failed."""
        if self._speech_started:
            self._speech_call("new_visit", self.visit)

    def speech_at_defaults(self: "KioskApp") -> bool:
        """True when the visitor has not changed the speech rate or volume."""
        if self._announcer is None:
            return True
        at_defaults = getattr(self._announcer, "at_defaults", None)
        return True if at_defaults is None else bool(at_defaults())

    def close_speech(self: "KioskApp") -> None:
        if self.headphones is not None and self.config.speech.headphones_turn_speech_on:
            try:
                self.headphones.close()
            except Exception:
                log.exception("headphone watch failed to close")
        if self._announcer is not None:
            self._speech_call("close")

    # --- headphones plugged in: speech on ---------------------------------------------
    def _watch_headphones(self: "KioskApp") -> None:
        """Start following the headphone jack, if the deployer asked for it."""
        if not self.config.speech.headphones_turn_speech_on:
            return
        if self.headphones is None:
            from kiosk.speech.headphones import PulseAudioHeadphones

            self.headphones = PulseAudioHeadphones(self.config.speech.device)
        try:
            self.headphones.start(lambda plugged: self.post_message(HeadphonesChanged(plugged)))
        except Exception:
            log.exception("headphone watch failed to start")

    def on_headphones_changed(self: "KioskApp", message: HeadphonesChanged) -> None:
        """Plugged in: speech on for this visit and, while they stay in, the next
        ones; pulled out: off again if the plug turned it on.  Shown and said."""
        default = self.config.speech.enabled or message.plugged
        if self.defaults.speech_on != default:
            self.defaults = replace(self.defaults, speech_on=default)
        if message.plugged and not self.visit.speech_on:
            self._speech_by_headphones = True
            self.visit = replace(self.visit, speech_on=True)
            self._say_speech_on()
            screen = self.screen
            if hasattr(screen, "announce_screen"):
                screen.announce_screen()
        elif not message.plugged and self.visit.speech_on and self._speech_by_headphones:
            self._speech_by_headphones = False
            self.stop_speech()
            self.notice(_("Speech off."), speak=False)  # the speaker would say it aloud
            self.visit = replace(self.visit, speech_on=False)

    # --- the speech keys -------------------------------------------------------
    def toggle_speech(self: "KioskApp", screen: "VisitorActions") -> None:
        """Speech on/off; the change is said in words, and where the visitor is
        once it is on (so turning speech on orients them)."""
        self._speech_by_headphones = False  # the visitor's own choice from now on
        if self.visit.speech_on:
            self.notice(_("Speech off."))  # said before it goes quiet
            self.visit = replace(self.visit, speech_on=False)
        else:
            self.visit = replace(self.visit, speech_on=True)
            self._say_speech_on()  # shown too: a dialog may hide the status line
            screen.announce_screen()

    def _say_speech_on(self: "KioskApp") -> None:
        """"Speech on.", and that nothing will be heard when speech is not available."""
        words = _("Speech on.")
        if self.speech_notice == UNAVAILABLE:
            words += " " + _("Speech is not available.")
        self.notice(words)

    def read_aloud(self: "KioskApp", items: "ReadingItems", *, turn_speech_on: bool) -> None:
        """Read ``items``; ``turn_speech_on``: with speech off, switch it on for this
        visit first (the listen key, and Action in a text: a key that says
        "read" reads), shown on the status line and said ("Speech on.").

        Each item is (key, text, language); the key (e.g. ``s3.p1``) comes
        back with each sentence so the screen can highlight it.
        """
        from kiosk.speech.commands import ReadItem

        if turn_speech_on and not self.visit.speech_on:
            self.visit = replace(self.visit, speech_on=True)
            self._say_speech_on()
        elif self.visit.speech_on:
            self.notice(_("Reading aloud."), speak=False)  # seen, not only heard
        self.start_speech()
        reading = [ReadItem(key if key is not None else f"t{i}", text, language)
                   for i, (key, text, language) in enumerate(items)]
        try:
            self.announcer.read(reading, self.visit.language)
        except Exception:
            log.exception("announcer failed to read")
        if self.speech_notice == PAUSED:
            self.speech_notice = None

    # --- in: the speech bridge's calls (thread-safe) ----------------------------------
    def reading_sentence(self: "KioskApp", key: str, start: int, end: int) -> None:
        """A sentence of a reading started playing (highlight it)."""
        self.post_message(SentenceStarted(key, start, end))

    def reading_finished(self: "KioskApp", completed: bool) -> None:
        """A reading ended (clear the highlight)."""
        self.post_message(ReadingFinished(completed))

    def reading_paused(self: "KioskApp", paused: bool) -> None:
        """The reading was paused or resumed (the status line says so)."""
        self.post_message(ReadingPaused(paused))

    def speech_unavailable(self: "KioskApp", reason: str) -> None:
        """Speech cannot work now: shown once, logged with ``reason``."""
        self.post_message(SpeechUnavailable(reason))

    def speech_no_voice(self: "KioskApp", language: str) -> None:
        """No voice for ``language``: shown on the status line."""
        self.post_message(VoiceMissing(language))

    def on_sentence_started(self: "KioskApp", message: SentenceStarted) -> None:
        if not self.screen_stack:  # shutting down: Textual has emptied the stack (issue 9, item 8)
            return
        self.screen.post_message(SentenceStarted(message.key, message.start, message.end))

    def on_reading_finished(self: "KioskApp", message: ReadingFinished) -> None:
        for screen in self.screen_stack:
            screen.post_message(ReadingFinished(message.completed))

    def on_reading_paused(self: "KioskApp", message: ReadingPaused) -> None:
        if message.paused:
            self.speech_notice = PAUSED
        elif self.speech_notice == PAUSED:
            self.speech_notice = None

    def on_speech_unavailable(self: "KioskApp", message: SpeechUnavailable) -> None:
        log.warning("speech is not available: %s", message.reason)
        self.speech_notice = UNAVAILABLE

    def on_voice_missing(self: "KioskApp", message: VoiceMissing) -> None:
        if self.speech_notice != UNAVAILABLE:
            self.speech_notice = no_voice(message.language)

    def forget_voice_notice(self: "KioskApp") -> None:
        """After a language switch: the new language is checked when it is spoken."""
        notice = self.speech_notice
        if notice is not None and notice.kind is NoticeKind.NO_VOICE:
            self.speech_notice = None
