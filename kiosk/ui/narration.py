"""The kiosk's voice: the :class:`~kiosk.ui.announcer.Announcer` on top of the Narrator.

How the UI and the speech layer meet:

* The app calls :meth:`NarratorAnnouncer.stop` at the start of every key
  (except the speech-control keys, which act on the current reading), then
  the screen's own announcements arrive through :meth:`announce`.  The first
  announcement after a key interrupts; the ones that follow within a moment
  (location, then the focused item) are queued behind it, so nothing talks
  over anything else and nothing is cut off by its own follow-up.
* Announcements are spoken only while the visit's speech mode is on; the
  narrator itself stays enabled so that "Speech off." can still be said.
* ``listen`` reads the texts the screen gives, each with its own language
  (an English fallback paragraph is read by the English voice).  A text in
  a language without a voice is never read with another voice: the visitor
  is told on the status line instead.
* Narrator callbacks run on its thread; they are handed to the UI's event
  loop with ``call_soon_threadsafe`` (not ``call_from_thread``, which would
  make the narrator wait for the UI, delaying the next sentence and risking
  a dead-lock while the app shuts down).
* Changes of volume and speed are said in words, cutting into a reading
  ("interject") which then repeats the interrupted sentence at the new
  setting.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Any, Callable, Sequence

from kiosk.languages import _, ngettext
from kiosk.speech import Narrator, ReadItem, Sentence
from kiosk.visit import Visit

if TYPE_CHECKING:
    from kiosk.ui.app import KioskApp

log = logging.getLogger("kiosk.speech.ui")

#: Announcements closer together than this (and with no key in between) queue.
BATCH_WINDOW = 0.3


def volume_words(volume: float) -> str:
    percent = int(round(volume * 100))
    return ngettext("Volume {percent} percent.", "Volume {percent} percent.", percent).format(
        percent=percent)


class NarratorAnnouncer:
    """Speaks what the screens announce and carries out the speech keys."""

    def __init__(self, narrator: Narrator) -> None:
        self.narrator = narrator
        narrator.on_sentence = self._sentence_started
        narrator.on_finished = self._reading_finished
        narrator.on_unavailable = self._unavailable
        # The visit's speech mode decides what is spoken; the narrator stays on.
        narrator.enabled = True
        self.app: KioskApp | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._last_announce = 0.0
        self._reading = False
        self._early_unavailable: str | None = None

    # --- lifecycle ------------------------------------------------------
    def attach(self, app: "KioskApp") -> None:
        """Called by the app once it runs on its event loop."""
        self.app = app
        self._loop = asyncio.get_running_loop()
        # Most visits never use speech: the engine (eSpeak NG, pyttsx3, a
        # check in a child process; ~100 ms and ~8 MiB) starts with the first
        # utterance unless speech is on by default.  It then stays loaded.
        if app.visit.speech_on:
            self.narrator.start()
        if self._early_unavailable is not None:
            app.speech_unavailable(self._early_unavailable)
            self._early_unavailable = None

    def new_visit(self, visit: Visit) -> None:
        """Privacy and defaults between visitors; try speech again if it failed."""
        self.narrator.stop()
        self.narrator.reset_to_defaults()
        self._reading = False
        visit.speech_rate = self.narrator.rate
        visit.speech_volume = self.narrator.volume
        if not self.narrator.is_available:
            log.info("speech was unavailable (%s): trying again for the new visit",
                     self.narrator.unavailable_reason)
            self.narrator.retry()

    def close(self) -> None:
        self._loop = None
        self.narrator.close()

    # --- thread hand-over -------------------------------------------------
    def _to_ui(self, fn: Callable[..., Any], *args: Any) -> None:
        loop = self._loop
        if loop is None:
            return
        try:
            loop.call_soon_threadsafe(fn, *args)
        except RuntimeError:  # the loop has closed: the app is gone
            pass

    def _sentence_started(self, key: str, sentence: Sentence) -> None:
        if self.app is not None:
            self._to_ui(self.app.reading_sentence, key, sentence.start, sentence.end)

    def _reading_finished(self, completed: bool) -> None:
        if self.app is not None:
            self._to_ui(self._finished_on_ui, completed)

    def _finished_on_ui(self, completed: bool) -> None:
        if not self.narrator.is_speaking and not self.narrator.is_paused:
            self._reading = False
        if self.app is not None:
            self.app.reading_finished(completed)

    def _unavailable(self, reason: str) -> None:
        if self.app is None:
            self._early_unavailable = reason
        else:
            self._to_ui(self.app.speech_unavailable, reason)

    # --- speaking -----------------------------------------------------------
    def _speech_on(self) -> bool:
        return self.app is not None and self.app.visit.speech_on

    def _voice_ok(self, language: str) -> bool:
        """False (and the visitor told on screen) when ``language`` has no voice."""
        narrator = self.narrator
        if not narrator.is_ready or not narrator.is_available:
            return True  # not known yet, or unavailable (the narrator stays silent)
        if narrator.voice_for(language) is not None:
            return True
        log.warning("no voice for %s: not speaking it", language)
        if self.app is not None:
            self.app.speech_no_voice(language)
        return False

    def announce(self, text: str, *, kind: str = "focus", language: str = "en") -> None:
        if not text.strip() or not self._speech_on():
            return
        self._say(text, language)

    def _say(self, text: str, language: str, *, interject: bool = False) -> None:
        if not self._voice_ok(language):
            return
        now = time.monotonic()
        if interject and self._reading:
            priority = "interject"
        elif now - self._last_announce < BATCH_WINDOW:
            priority = "polite"
        else:
            priority = "announcement"
            self._reading = False
        self._last_announce = now
        self.narrator.say(text, language, priority=priority)

    def stop(self) -> None:
        self._last_announce = 0.0
        self._reading = False
        self.narrator.stop()

    def speech_command(self, action: str, visit: Visit, texts: Sequence[tuple[str, str]],
                       *, keys: Sequence[str] | None = None) -> None:
        narrator = self.narrator
        if action == "speech":
            return  # the app said "Speech on." / "Speech off." while speech was on
        if action == "listen":
            self._read(visit, texts, keys)
        elif action == "pause":
            if narrator.is_paused:
                narrator.resume()
            elif narrator.is_speaking:
                narrator.pause()
            if self.app is not None:
                self.app.reading_paused(narrator.is_paused)
        elif action == "repeat":
            narrator.repeat()
        elif action == "previous_sentence":
            narrator.previous_sentence()
        elif action == "next_sentence":
            narrator.next_sentence()
        elif action in ("slower", "faster"):
            before = narrator.rate
            rate = narrator.slower() if action == "slower" else narrator.faster()
            visit.speech_rate = rate
            if rate == before:
                words = _("Slowest speed.") if action == "slower" else _("Fastest speed.")
            else:
                words = _("Slower.") if action == "slower" else _("Faster.")
            if visit.speech_on:
                self._say(words, visit.language, interject=True)
        elif action in ("volume_down", "volume_up"):
            before = narrator.volume
            volume = narrator.quieter() if action == "volume_down" else narrator.louder()
            visit.speech_volume = volume
            words = volume_words(volume)
            if volume == before:
                words += " " + (_("Lowest volume.") if action == "volume_down"
                                else _("Highest volume."))
            if visit.speech_on:
                self._say(words, visit.language, interject=True)

    def _read(self, visit: Visit, texts: Sequence[tuple[str, str]],
              keys: Sequence[str] | None) -> None:
        if not visit.speech_on or not texts:
            return
        languages = dict.fromkeys([visit.language, *(lang for _t, lang in texts)])
        if not all(self._voice_ok(lang) for lang in languages):
            return
        items = [ReadItem(keys[i] if keys else f"t{i}", text, language)
                 for i, (text, language) in enumerate(texts)]
        self._reading = True
        self._last_announce = 0.0
        self.narrator.read(items, visit.language)

