"""Headphones plugged in or not, as the sound server reports it (``[speech] headphones_turn_speech_on``).

A deployer can ask for speech to come on by itself when a visitor plugs
headphones into the kiosk's jack: the plug is the visitor's way of saying
"I want to listen", without needing to find a key first (EN 301 549 5.2;
5.1.3.2 audio through a personal headset).

The sound server knows: a sound card with jack detection has an output port
for headphones (PulseAudio's ``analog-output-headphones``, port type
``Headphones``) whose *availability* turns ``available`` when a plug is in
and ``not available`` when it is out; the server announces every such
change as a ``change`` event on the sink or card (``pactl subscribe``).
PipeWire's pulse server reports the same.  A card without jack detection
says ``availability unknown`` and a null sink has no ports at all: then
nothing is known and nothing changes.

:class:`HeadphoneWatch` is the small protocol the UI uses;
:class:`PulseAudioHeadphones` is the real one (``pactl``, no library), and
tests drive the UI with a fake source of the same shape, since a null sink
cannot be plugged into.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import threading
from typing import Any, Callable, Protocol

log = logging.getLogger("kiosk.speech.headphones")

#: How long one ``pactl`` query may take (seconds) before it counts as no answer.
QUERY_TIMEOUT = 5.0


class HeadphoneWatch(Protocol):
    """Reports headphones being plugged in (True) or out (False)."""

    def start(self, on_change: Callable[[bool], None]) -> None:
        """Start watching; ``on_change`` is called (from any thread) with the state
        now, if known, and with every change after."""

    def close(self) -> None:
        """Stop watching (no call of ``on_change`` after this returns)."""


def is_headphone_port(port: dict[str, Any]) -> bool:
    """A sink port for headphones: PulseAudio's ``analog-output-headphones`` (and its
    numbered twins), or any port whose type is ``Headphones`` (ALSA UCM names)."""
    name = str(port.get("name", "")).lower()
    return "headphone" in name or str(port.get("type", "")).lower() == "headphones"


def headphones_in(sinks: list[dict[str, Any]], sink_name: str | None) -> bool | None:
    """Whether headphones are plugged into ``sink_name`` (or any sink when it is
    None or not found), from ``pactl --format=json list sinks``.

    Returns True when a headphone port is ``available``, False when every
    headphone port is ``not available``, None when the server cannot tell (no
    headphone port, as on a null sink, or ``availability unknown``).
    """
    chosen = [s for s in sinks if s.get("name") == sink_name] or sinks
    states = [str(port.get("availability", "")) for sink in chosen
              for port in sink.get("ports") or [] if is_headphone_port(port)]
    if "available" in states:
        return True
    if states and all(state == "not available" for state in states):
        return False
    return None


def is_port_event(line: str) -> bool:
    """A ``pactl subscribe`` line after which ports may have changed, e.g.
    ``Event 'change' on sink #0`` or ``Event 'change' on card #1``."""
    return line.startswith("Event 'change' on ") and (" sink " in line or " card " in line)


class PulseAudioHeadphones:
    """Watches a PulseAudio (or PipeWire pulse) server with ``pactl subscribe``.

    One ``pactl subscribe`` child reads the server's events on a thread; after
    each sink or card change the sinks are queried (``pactl --format=json list
    sinks``, pulseaudio-utils 16 or newer) and a changed state is reported.
    ``sink``: the sink speech plays to (``[speech] device``), None for the
    server's default.  Any failure (no pactl, no server) is logged once and
    the watch stays quiet: speech then only comes on with its key.
    """

    def __init__(self, sink: str | None = None, pactl: str = "pactl") -> None:
        self.sink = sink
        self.pactl = pactl
        self._process: subprocess.Popen[str] | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._closed = False
        self._last: bool | None = None
        self._on_change: Callable[[bool], None] | None = None

    def start(self, on_change: Callable[[bool], None]) -> None:
        program = shutil.which(self.pactl)
        if program is None:
            log.warning("headphones: %s not found (Debian: pulseaudio-utils); not watching",
                        self.pactl)
            return
        self._on_change = on_change
        try:
            self._process = subprocess.Popen(
                [program, "subscribe"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, text=True, bufsize=1)
        except OSError as exc:
            log.warning("headphones: cannot run %s subscribe: %s", self.pactl, exc)
            return
        self._thread = threading.Thread(target=self._run, name="kiosk-headphones", daemon=True)
        self._thread.start()

    def state(self) -> bool | None:
        """Headphones plugged in now (None: the server cannot tell, or no answer)."""
        try:
            done = subprocess.run(
                [self.pactl, "--format=json", "list", "sinks"], stdin=subprocess.DEVNULL,
                capture_output=True, text=True, timeout=QUERY_TIMEOUT, check=True)
            sinks = json.loads(done.stdout or "[]")
        except (OSError, subprocess.SubprocessError, ValueError) as exc:
            log.warning("headphones: cannot list the sinks: %s", exc)
            return None
        return headphones_in(sinks if isinstance(sinks, list) else [], self.sink)

    def _report(self) -> None:
        state = self.state()
        with self._lock:
            if self._closed or state is None or state == self._last:
                return
            self._last = state
            on_change = self._on_change
        log.info("headphones %s", "plugged in" if state else "unplugged")
        if on_change is not None:
            on_change(state)

    def _run(self) -> None:
        process = self._process
        assert process is not None and process.stdout is not None
        self._report()  # the state at start
        for line in process.stdout:
            if self._closed:
                break
            if is_port_event(line.strip()):
                self._report()
        if not self._closed:
            log.warning("headphones: pactl subscribe ended (exit %s)", process.poll())

    def close(self) -> None:
        with self._lock:
            self._closed = True
            process, self._process = self._process, None
        if process is not None:
            process.terminate()
            try:
                process.wait(QUERY_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(QUERY_TIMEOUT)  # it reads to the end of pactl's output
        if process is not None and process.stdout is not None:
            process.stdout.close()
