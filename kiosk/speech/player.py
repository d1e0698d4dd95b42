"""Play WAV bytes through a sound-server client process that can be killed at once.

Why a child process per sentence rather than an audio library: the kiosk
must stop speaking the instant a visitor acts (EN 301 549 5.1.3.5).  Killing
a ``pw-play``/``paplay``/``aplay`` process drops its buffered audio in the
sound server immediately, needs no Python audio binding, and cannot wedge
the kiosk process.  One :class:`Player` runs at most one process: starting
a new sentence first kills *and reaps* the previous one, so two utterances
can never overlap.

The WAV is written to a private temporary file (readable by any player, and
seekable, which some players need) and removed when the process ends.
Player output never reaches the terminal: stdout goes to ``/dev/null``,
stderr is collected and logged.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Callable

from kiosk.speech.errors import PlayerUnavailable
from kiosk.speech.settings import SpeechSettings

__all__ = ["PLAYER_PREFERENCE", "Playback", "Player", "PlayerUnavailable", "find_player"]

log = logging.getLogger("kiosk.speech")

#: Tried in this order when the player is "auto".
PLAYER_PREFERENCE = ("pw-play", "paplay", "aplay")


def find_player(command: str = "auto") -> str:
    """Absolute path of the player to use, or raise :class:`PlayerUnavailable`.

    Looked up on ``PATH`` at call time, so a kiosk image with a different
    sound stack (PipeWire, PulseAudio, bare ALSA) works unchanged.
    """
    names = PLAYER_PREFERENCE if command == "auto" else (command,)
    for name in names:
        found = shutil.which(name)
        if found:
            return os.path.abspath(found)
    raise PlayerUnavailable(
        f"no audio player found (looked for {', '.join(names)} on PATH="
        f"{os.environ.get('PATH', '')!r})"
    )


def _command_line(player: str, wav_path: str, device: str | None, latency_ms: int) -> list[str]:
    """Arguments for each known player; unknown commands just get the file name."""
    name = os.path.basename(player)
    if name == "pw-play":
        return [player, *(["--target", device] if device else []),
                f"--latency={latency_ms}ms", wav_path]
    if name == "paplay":
        return [player, *(["--device", device] if device else []),
                f"--latency-msec={latency_ms}", "--client-name=kiosk", wav_path]
    if name == "aplay":
        return [player, "-q", *(["-D", device] if device else []), wav_path]
    return [player, wav_path]


class Playback:
    """One running (or finished) player process (a :class:`~kiosk.speech.protocols.Playback`)."""

    def __init__(self, proc: subprocess.Popen[bytes], wav_path: str) -> None:
        self.proc = proc
        self._wav_path = wav_path
        self._stopped = False
        self._stderr = b""
        self.done = threading.Event()

    @property
    def stopped(self) -> bool:
        """True when we killed it (as opposed to it finishing or failing)."""
        return self._stopped

    @property
    def returncode(self) -> int | None:
        """The player's exit status (None while it runs; negative when killed)."""
        return self.proc.returncode

    @property
    def failed(self) -> bool:
        """Ended on its own with an error (e.g. no sound server)."""
        return self.done.is_set() and not self._stopped and self.proc.returncode != 0

    @property
    def error_text(self) -> str:
        """What the player wrote on its standard error (for the log)."""
        return self._stderr.decode("utf-8", "replace").strip()

    @property
    def failure(self) -> str | None:
        """Why playback failed on its own, for the log and staff (None: it did not fail)."""
        if not self.failed:
            return None
        name = os.path.basename(str(self.proc.args[0])) if isinstance(self.proc.args, list) else "player"
        return (f"audio player {name} failed (exit status {self.proc.returncode}): "
                f"{self.error_text or 'no message'}")

    def stop(self) -> None:
        """Kill at once (SIGKILL: no draining of buffered audio) and reap."""
        self._stopped = True
        if self.proc.returncode is None:
            try:
                self.proc.send_signal(signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the process to end and its bookkeeping to finish."""
        return self.done.wait(timeout)

    def _watch(self, on_done: Callable[["Playback"], None] | None, logger: logging.Logger) -> None:
        try:
            assert self.proc.stderr is not None
            self._stderr = self.proc.stderr.read()
            self.proc.stderr.close()
        except (OSError, ValueError):
            pass
        self.proc.wait()
        try:
            os.unlink(self._wav_path)
        except OSError:
            pass
        if self._stderr and not self._stopped:
            logger.debug("player %s said: %s", self.proc.args[0], self.error_text)
        self.done.set()
        if on_done is not None:
            try:
                on_done(self)
            except Exception:  # a callback bug must not kill the watcher silently
                logger.exception("playback completion callback failed")


class Player:
    """Plays one WAV at a time through an external player process (the real
    :class:`~kiosk.speech.protocols.AudioOut`).

    Raises :class:`PlayerUnavailable` when no player program is found.
    ``latency_ms`` is the buffer asked of the sound server, in milliseconds.
    """

    def __init__(self, command: str = "auto", device: str | None = None,
                 logger: logging.Logger | None = None, latency_ms: int = 40) -> None:
        self.path = find_player(command)
        self.name = os.path.basename(self.path)
        self.device = device
        self.latency_ms = latency_ms
        self._log = logger or log
        self._lock = threading.Lock()
        self._current: Playback | None = None
        self._tmpdir = Path(tempfile.mkdtemp(prefix="kiosk-speech-"))

    @classmethod
    def from_settings(cls, settings: SpeechSettings, logger: logging.Logger) -> "Player":
        """The player the ``[speech]`` settings ask for (``player``, ``device``)."""
        return cls(settings.player, settings.device, logger)

    @property
    def current(self) -> Playback | None:
        """The playback started last (it may have ended)."""
        return self._current

    def play(self, wav: bytes, on_done: Callable[[Playback], None] | None = None) -> Playback:
        """Start playing ``wav`` (after killing and reaping anything still playing).

        ``on_done(playback)`` is called from a watcher thread when the process
        has ended, whether it finished, failed or was stopped.
        Raises :class:`PlayerUnavailable` when the player cannot be started.
        """
        with self._lock:
            self._stop_locked()
            fd, wav_path = tempfile.mkstemp(suffix=".wav", dir=self._tmpdir)
            with os.fdopen(fd, "wb") as f:
                f.write(wav)
            args = _command_line(self.path, wav_path, self.device, self.latency_ms)
            try:
                proc = subprocess.Popen(
                    args,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    close_fds=True,
                    start_new_session=True,  # terminal signals are not the player's business
                )
            except OSError as exc:
                os.unlink(wav_path)
                raise PlayerUnavailable(f"cannot run {self.path}: {exc}") from exc
            playback = Playback(proc, wav_path)
            self._current = playback
            threading.Thread(
                target=playback._watch, args=(on_done, self._log),
                name=f"kiosk-speech-player-{proc.pid}", daemon=True,
            ).start()
            return playback

    def _stop_locked(self) -> None:
        if self._current is not None:
            self._current.stop()
            self._current = None

    def stop(self) -> None:
        """Stop at once; returns when the process is gone."""
        with self._lock:
            self._stop_locked()

    def close(self) -> None:
        """Stop, and remove the temporary folder of WAV files."""
        self.stop()
        shutil.rmtree(self._tmpdir, ignore_errors=True)
