"""A private PulseAudio server with a null sink, and a timestamped recorder of it.

Shared by the audio tests and ``benchmarks/speech_benchmark.py`` (which
imports this file by path: it is test tooling, not kiosk code, so it does
not belong in the ``kiosk`` package).

The server runs in a private runtime folder with an anonymous-auth socket,
so it never clashes with a desktop session or another test run.  The
recorder reads ``parec`` raw output through a pipe and notes *when* each
chunk arrived (``time.monotonic()``); a chunk arrives just after the sink
mixed it, so its arrival time is a slightly late, hence conservative,
timestamp for every sample in it.  That lets tests compare audio in the
recording with stamps taken around Narrator calls (read -> first sound,
stop -> last sound) without trusting the sound server's own clock.
"""

from __future__ import annotations

import array
import bisect
import math
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import wave
from pathlib import Path

RATE = 22050
SINK = "kiosk_test"


class PulseError(RuntimeError):
    """The sound server could not be started (the message says exactly why)."""


class PulseServer:
    """``pulseaudio`` with one null sink, in a private runtime folder."""

    def __init__(self, sink: str = SINK) -> None:
        self.sink = sink
        self.dir = Path(tempfile.mkdtemp(prefix="kiosk-pulse-"))
        self.socket = self.dir / "native"
        self.log = self.dir / "pulse.log"
        self.pid: int | None = None

    @property
    def client_env(self) -> dict[str, str]:
        """Environment variables a client needs to reach this server only."""
        return {"PULSE_SERVER": f"unix:{self.socket}", "PULSE_SINK": self.sink}

    def start(self, timeout: float = 10.0) -> "PulseServer":
        exe = shutil.which("pulseaudio")
        if exe is None:
            raise PulseError("pulseaudio is not installed (Debian package 'pulseaudio')")
        for tool in ("parec", "paplay"):
            if shutil.which(tool) is None:
                raise PulseError(f"{tool} is not installed (Debian package 'pulseaudio-utils')")
        env = dict(os.environ, PULSE_RUNTIME_PATH=str(self.dir), XDG_RUNTIME_DIR=str(self.dir),
                   HOME=str(self.dir), PULSE_STATE_PATH=str(self.dir / "state"))
        env.pop("PULSE_SERVER", None)
        # Shared memory off: PulseAudio 16 logs "Cannot send block reference
        # with non-registered memfd" when many short-lived, killed clients come
        # and go (pulseaudio issue 824), and a server here once died mid-run;
        # plain socket transfer is ample for one mono 22 kHz stream.
        # Realtime off: a test server must not outrank the kiosk on a busy machine.
        cmd = [
            exe, "--daemonize=yes", "--exit-idle-time=-1", "-n", "--use-pid-file=yes",
            "--disallow-exit=yes", "--disable-shm=yes", "--enable-memfd=no", "--realtime=no",
            "--high-priority=no", f"--log-target=file:{self.log}",
            f"--load=module-null-sink sink_name={self.sink} rate={RATE} channels=1",
            f"--load=module-native-protocol-unix auth-anonymous=1 socket={self.socket}",
        ]
        proc = subprocess.run(cmd, env=env, capture_output=True, timeout=timeout, check=False)
        if proc.returncode != 0:
            raise PulseError(
                f"pulseaudio exited with {proc.returncode}: "
                f"{(proc.stderr or b'').decode(errors='replace').strip()} {self._log_tail()}"
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._can_connect():
                self.pid = self._read_pid()
                return self
            time.sleep(0.02)
        raise PulseError(f"pulseaudio did not open {self.socket} within {timeout}s; {self._log_tail()}")

    def _can_connect(self) -> bool:
        if not self.socket.exists():
            return False
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            try:
                s.connect(str(self.socket))
                return True
            except OSError:
                return False

    def _read_pid(self) -> int | None:
        try:
            return int((self.dir / "pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def _log_tail(self) -> str:
        try:
            lines = self.log.read_text(errors="replace").strip().splitlines()
        except OSError:
            return "(no server log)"
        errors = [line for line in lines if line.startswith("E:")]
        return "server log: " + " | ".join((errors or lines)[-3:])

    def alive(self) -> bool:
        """Whether the server process still runs (tests report it when it died under them)."""
        if self.pid is None:
            return False
        try:
            with open(f"/proc/{self.pid}/cmdline", "rb") as f:
                return str(self.socket).encode() in f.read()
        except OSError:
            return False

    def log_tail(self, lines: int = 15) -> str:
        """The end of the server's own log, for a failure report."""
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    def stop(self) -> None:
        # Only our own daemon: pids wrap (pid_max may be 32768) and the machine is shared.
        if self.pid is not None and self.alive():
            try:
                os.kill(self.pid, signal.SIGTERM)
                for _ in range(25):
                    os.kill(self.pid, 0)
                    time.sleep(0.02)
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.pid = None
        shutil.rmtree(self.dir, ignore_errors=True)


_shared_server: "PulseServer | None" = None
_shared_recorder: "Recorder | None" = None


def shared_server() -> "PulseServer":
    """One server per test process (tests/speech and tests/integration share it).

    Raises :class:`PulseError` (or OSError/TimeoutError) when none can start;
    it is stopped when the process exits.
    """
    global _shared_server
    if _shared_server is None:
        import atexit

        server = PulseServer()
        try:
            server.start()
        except BaseException:
            server.stop()
            raise
        atexit.register(server.stop)
        _shared_server = server
    return _shared_server


def server_for_tests():
    """The shared server as a pytest session fixture body (tests/speech, tests/integration).

    Skips, with the reason, where no server can start; sets PULSE_SERVER and
    friends for the session so every client (paplay, parec, the narrator's
    player) finds it, and restores the environment afterwards.
    """
    import pytest

    try:
        server = shared_server()
    except (PulseError, OSError, TimeoutError) as exc:
        pytest.skip(f"cannot start a PulseAudio server for audio tests: {exc}")
    saved = {k: os.environ.get(k) for k in server.client_env}
    os.environ.update(server.client_env)
    try:
        yield server
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def shared_recorder() -> "Recorder":
    """One running recording of the shared server's sink (tests take snapshots)."""
    global _shared_recorder
    if _shared_recorder is None:
        import atexit

        rec = Recorder(shared_server())
        rec.wait_started()
        atexit.register(rec.stop)
        _shared_recorder = rec
    return _shared_recorder


class PlayerProcessWatch:
    """Samples /proc every millisecond and remembers the most kiosk players alive at once.

    Only this process's own children count: the machine may be shared with
    other test runs whose players carry the same client name.
    """

    def __init__(self) -> None:
        self.max_alive = 0
        self.samples = 0
        self.overlaps: list[list[tuple[int, str]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._parent = os.getpid()
        # Processes that existed before the watch are skipped, so a scan is cheap.
        # (Not "pids above the highest one": pids wrap around at pid_max.)
        self._before = {e for e in os.listdir("/proc") if e.isdigit()}

    def alive(self) -> list[tuple[int, str]]:
        pids = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or entry in self._before:
                continue
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    cmd = f.read()
                with open(f"/proc/{entry}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            state, parent = fields[0], int(fields[1])
            if b"--client-name=kiosk" in cmd and state != b"Z" and parent == self._parent:
                pids.append((int(entry), state.decode()))
        return pids

    def _run(self) -> None:
        while not self._stop.is_set():
            alive = self.alive()
            if len(alive) > 1:
                self.overlaps.append(alive)
            self.max_alive = max(self.max_alive, len(alive))
            self.samples += 1
            time.sleep(0.001)

    def __enter__(self) -> "PlayerProcessWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


class Recorder:
    """Records the sink's monitor with ``parec``, stamping when each chunk arrived.

    Tests wait on the recording itself (:meth:`wait_for_sound`,
    :meth:`wait_for_silence`, :meth:`wait_for_stream`): each check runs again
    whenever new audio has arrived, and the timeout is only a safety net.
    """

    def __init__(self, server: PulseServer, threshold: float = 150.0) -> None:
        self.threshold = threshold
        env = dict(os.environ, **server.client_env)
        self._proc = subprocess.Popen(
            ["parec", "-d", f"{server.sink}.monitor", "--raw", "--format=s16le",
             f"--rate={RATE}", "--channels=1", "--latency-msec=5"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env,
        )
        self._data = bytearray()
        self._marks: list[tuple[float, int]] = []  # (arrival time, samples received so far)
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        while True:
            chunk = os.read(fd, 4096)
            now = time.monotonic()
            if not chunk:
                return
            with self._arrived:
                self._data += chunk
                self._marks.append((now, len(self._data) // 2))
                self._arrived.notify_all()

    def wait_started(self, timeout: float = 5.0) -> None:
        """Block until the first audio (silence) has arrived, i.e. recording runs."""
        with self._arrived:
            if self._arrived.wait_for(lambda: self._marks or self._proc.poll() is not None, timeout):
                if self._marks:
                    return
        raise PulseError("parec delivered no audio from the null sink's monitor")

    def stop(self) -> "Recording":
        self._proc.terminate()
        try:
            self._proc.wait(5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._thread.join(5)
        return self.snapshot()

    def _snapshot_locked(self, start: float | None) -> "Recording":
        first = 0
        if start is not None:
            k = max(0, bisect.bisect_left(self._marks, (start, -1)) - 1)
            first = self._marks[k - 1][1] if k > 0 else 0
        data = bytes(self._data[first * 2: len(self._data) // 2 * 2])
        return Recording(array.array("h", data), list(self._marks), self.threshold, base=first)

    def snapshot(self, start: float | None = None) -> "Recording":
        """What has been recorded so far (recording continues); ``start``: only from
        about that time on (cheaper; earlier samples are left out)."""
        with self._lock:
            return self._snapshot_locked(start)

    def wait_until(self, check, start: float, timeout: float):
        """Run ``check(recording since start)`` whenever audio arrives until it is truthy;
        returns its last result (falsy after ``timeout`` seconds)."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                result = check(self._snapshot_locked(start))
                remaining = deadline - time.monotonic()
                if result or remaining <= 0:
                    return result
                self._arrived.wait(remaining)

    def wait_for_sound(self, after: float, timeout: float = 10.0) -> float | None:
        """When the first sound after ``after`` arrived (None: none within ``timeout``)."""
        return self.wait_until(lambda r: r.first_sound_after(after), after, timeout)

    def wait_for_silence(self, after: float, quiet: float = 0.3, timeout: float = 10.0) -> bool:
        """True once the recording after ``after`` ends in ``quiet`` seconds of silence
        (counted in samples of the stream, not on the clock)."""
        return bool(self.wait_until(lambda r: r.trailing_silence(after) >= quiet, after, timeout))

    def wait_for_stream(self, after: float, seconds: float, timeout: float = 10.0) -> "Recording":
        """The recording once ``seconds`` of stream have arrived after ``after``."""
        found = self.wait_until(lambda r: r if r.stream_after(after) >= seconds else None,
                                after, timeout)
        if found is None:
            raise AssertionError(f"the sink delivered less than {seconds}s of audio in {timeout}s")
        return found


class Recording:
    """Captured samples and when each of them reached us.

    The null sink mixes a block of audio when the clock reaches the block's
    start, and ``parec`` then passes it on; so the time at which the chunk
    holding a sample arrived in our reader is a slightly pessimistic (late)
    bound for when that sample reached the sink.  All times are
    ``time.monotonic()``; sample indexes count from the start of the
    recording (``samples`` may hold only those from ``base`` on).
    """

    WINDOW = RATE // 100  # 10 ms analysis windows

    def __init__(self, samples: array.array, marks: list[tuple[float, int]], threshold: float,
                 base: int = 0) -> None:
        self.samples = samples
        self.base = base
        self.threshold = threshold
        self._arrivals = [t for t, _ in marks]
        self._ends = [n for _, n in marks]

    @property
    def end(self) -> int:
        """Index after the last sample recorded."""
        return self.base + len(self.samples)

    def _sample(self, index: int) -> int:
        return self.samples[index - self.base]

    def time_of(self, index: int) -> float:
        """When the chunk holding sample ``index`` arrived."""
        k = bisect.bisect_right(self._ends, index)
        return self._arrivals[min(k, len(self._arrivals) - 1)]

    def index_of(self, t: float) -> int:
        """First sample of the first chunk that arrived at or after ``t``."""
        k = bisect.bisect_left(self._arrivals, t)
        return max(self.base, self._ends[k - 1] if k > 0 else 0)

    def stream_after(self, t: float) -> float:
        """Seconds of audio (counted in samples) that arrived at or after ``t``."""
        return (self.end - self.index_of(t)) / RATE

    def loud_windows(self, start: float | None = None, end: float | None = None) -> list[tuple[int, float]]:
        """(first sample, RMS) of each 10 ms window whose RMS exceeds the threshold."""
        lo = self.base if start is None else self.index_of(start)
        hi = self.end if end is None else min(self.end, self.index_of(end))
        out = []
        w = self.WINDOW
        for i in range(max(self.base, lo - lo % w), hi, w):
            chunk = self.samples[i - self.base: i - self.base + w]
            if not chunk:
                break
            rms = math.sqrt(sum(x * x for x in chunk) / len(chunk))
            if rms > self.threshold:
                out.append((i, rms))
        return out

    def trailing_silence(self, start: float) -> float:
        """Seconds of stream after the last loud window (after ``start``) up to the end."""
        loud = self.loud_windows(start=start)
        quiet_from = loud[-1][0] + self.WINDOW if loud else self.index_of(start)
        return max(0, self.end - quiet_from) / RATE

    def first_sound_after(self, t: float) -> float | None:
        """Arrival time of the first loud 10 ms window after ``t`` (None: silence)."""
        loud = self.loud_windows(start=t)
        if not loud:
            return None
        i = loud[0][0]
        first = next((j for j in range(i, min(i + self.WINDOW, self.end))
                      if abs(self._sample(j)) > self.threshold), i)
        return self.time_of(first)

    def last_sound(self, start: float | None = None, end: float | None = None) -> float | None:
        """Arrival time of the last loud sample in the range (None: silence)."""
        loud = self.loud_windows(start=start, end=end)
        if not loud:
            return None
        i = loud[-1][0]
        last = max((j for j in range(i, min(i + self.WINDOW, self.end))
                    if abs(self._sample(j)) > self.threshold), default=i)
        return self.time_of(last)

    def peak(self) -> int:
        return max((abs(x) for x in self.samples), default=0)

    def save_wav(self, path: str | os.PathLike[str]) -> None:
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(self.samples.tobytes())
