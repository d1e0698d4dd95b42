"""The kiosk's voice: the bridge between the UI and the :class:`~kiosk.speech.Narrator`.

It implements the typed :class:`~kiosk.ui.announcer.Announcer` the UI
calls (from :mod:`kiosk.ui.speech_output` only): :meth:`NarratorAnnouncer.say`
with a :class:`~kiosk.speech.SpeechPriority`, :meth:`~NarratorAnnouncer.cancel`
for actions that interrupt speech, :meth:`~NarratorAnnouncer.read`, and the
reading and setting controls.

How speech is ordered (NVDA's model, no timing guesses): a key whose action
interrupts speech (a property of the action, ``kiosk.keys.ActionInfo``)
cancels first; what the screen then says is queued at NORMAL, so location
and focus follow one another; the idle warning and the answer to a volume
or speed key are spoken NOW, cutting into a reading, which then resumes from
the interrupted sentence.

Speech is spoken only while the visit's speech mode is on, except the one
sentence that says how to turn it on (``say(..., even_if_off=True)``).  A text in a
language without a voice is never read with another voice: the visitor is
told on the status line.  Narrator events arrive on the narrator's thread
and reach the app's five entry points (``reading_sentence``,
``reading_finished``, ``reading_paused``, ``speech_unavailable``,
``speech_no_voice``) on the app's event loop.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, Callable, Sequence

from kiosk.languages import _, ngettext
from kiosk.speech import (MarkReached, Narrator, ReadItem, SequenceDone, SpeechEvent,
                          SpeechFailed, SpeechPriority)
from kiosk.visit import Visit

if TYPE_CHECKING:
    from kiosk.ui.app import KioskApp

log = logging.getLogger("kiosk.speech.ui")

#: Spoken feedback on rate and volume: a newer one replaces one not yet heard.
SETTING_TAG = "speech-setting"


def volume_words(volume: float) -> str:
    """"Volume 70 percent." for a volume of 0.7 (0-1)."""
    percent = int(round(volume * 100))
    return ngettext("Volume {percent} percent.", "Volume {percent} percent.", percent).format(
        percent=percent)


class NarratorAnnouncer:
    """Speaks what the screens say and carries out the speech keys."""

    def __init__(self, narrator: Narrator) -> None:
        self.narrator = narrator
        narrator.on_event = self._on_event
        self.app: KioskApp | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
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
        """Between visitors: silence, nothing to repeat, default rate and volume; retry speech."""
        self.narrator.reset()
        if not self.narrator.is_available:
            log.info("speech was unavailable (%s): trying again for the new visit",
                     self.narrator.unavailable_reason)
            self.narrator.retry()

    def close(self) -> None:
        """The app ends: stop speaking and end the narrator's thread."""
        self._loop = None
        self.narrator.close()

    def at_defaults(self) -> bool:
        """True when the visitor has changed neither rate nor volume (nothing to reset)."""
        return self.narrator.prosody.at_defaults

    # --- typed API ------------------------------------------------------------
    def say(self, text: str, language: str,
            priority: SpeechPriority = SpeechPriority.NORMAL, *, tag: str | None = None,
            even_if_off: bool = False) -> None:
        """Say ``text`` (in ``language``) at ``priority``, if speech is on and has a voice.

        ``even_if_off``: also when the visit's speech is off; the app uses it
        only for the one sentence that says which key turns speech on, so a
        visitor who cannot see learns that the kiosk talks (EN 301 549 5.2).
        """
        if not text.strip() or not (even_if_off or self._speech_on()):
            return
        if not self._voice_ok(language):
            return
        self.narrator.say(text, language, priority=priority, tag=tag)

    def cancel(self) -> None:
        """Silence now and drop what was queued (an action that interrupts speech)."""
        self.narrator.cancel()

    def read(self, items: Sequence[ReadItem], language: str) -> None:
        """Read ``items`` aloud, highlighting each sentence (``app.reading_sentence``)."""
        if not self._speech_on() or not items:
            return
        languages = dict.fromkeys([language, *(i.language or language for i in items)])
        if all(self._voice_ok(lang) for lang in languages):
            self.narrator.read(list(items), language)

    def toggle_pause(self) -> bool:
        """Pause a reading, or resume a paused one; returns whether speech is now paused."""
        narrator = self.narrator
        if narrator.is_paused:
            narrator.resume()
        elif narrator.is_speaking:
            narrator.pause()
        if self.app is not None:
            self.app.reading_paused(narrator.is_paused)
        return narrator.is_paused

    def repeat(self) -> None:
        """Say the current (or last) sentence again."""
        self.narrator.repeat()

    def previous_sentence(self) -> None:
        """Back one sentence."""
        self.narrator.previous_sentence()

    def next_sentence(self) -> None:
        """On one sentence."""
        self.narrator.next_sentence()

    def change_rate(self, faster: bool, language: str) -> int:
        """One step faster or slower, said in ``language``; returns the rate (words per minute)."""
        prosody = self.narrator.prosody
        before = prosody.rate
        rate = prosody.faster() if faster else prosody.slower()
        if rate == before:
            words = _("Slowest speed.") if not faster else _("Fastest speed.")
        else:
            words = _("Slower.") if not faster else _("Faster.")
        self.say(words, language, SpeechPriority.NOW, tag=SETTING_TAG)
        return rate

    def change_volume(self, louder: bool, language: str) -> float:
        """One step louder or quieter, said in ``language``; returns the volume (0-1)."""
        prosody = self.narrator.prosody
        before = prosody.volume
        volume = prosody.louder() if louder else prosody.quieter()
        words = volume_words(volume)
        if volume == before:
            words += " " + (_("Lowest volume.") if not louder else _("Highest volume."))
        self.say(words, language, SpeechPriority.NOW, tag=SETTING_TAG)
        return volume

    # --- narrator events (on the narrator's thread) --------------------------------
    def _on_event(self, event: SpeechEvent) -> None:
        app = self.app
        if isinstance(event, MarkReached):
            if app is not None:
                mark = event.mark
                self._to_ui(app.reading_sentence, mark.name, mark.start, mark.end)
        elif isinstance(event, SequenceDone):
            if app is not None and event.has_marks:
                self._to_ui(app.reading_finished, event.completed)
        elif isinstance(event, SpeechFailed):
            if app is None:
                self._early_unavailable = event.reason
            else:
                self._to_ui(app.speech_unavailable, event.reason)

    def _to_ui(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run ``fn`` on the app's event loop (never wait for it: the UI may be closing)."""
        loop = self._loop
        if loop is None:
            return
        try:
            loop.call_soon_threadsafe(fn, *args)
        except RuntimeError:  # the loop has closed: the app is gone
            pass

    # --- helpers -----------------------------------------------------------------------
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
