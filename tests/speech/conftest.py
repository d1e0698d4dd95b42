"""Fixtures for the speech tests: the real document, WAV analysis, a real sound server."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from pulse_server import PulseError, PulseServer, Recorder

REPO = Path(__file__).resolve().parent.parent.parent
OPZELURA = REPO / "content" / "opzelura"


@pytest.fixture(scope="session")
def overview():
    from kiosk.document.source_format import load_document

    return load_document(OPZELURA)


@pytest.fixture(scope="session")
def pulse() -> Iterator[PulseServer]:
    """A private PulseAudio server with the null sink "kiosk_test" for the session.

    Clients (paplay, parec, the narrator's players) find it through
    PULSE_SERVER, set here for the whole session and restored afterwards.
    """
    server = PulseServer()
    try:
        server.start()
    except (PulseError, OSError, TimeoutError) as exc:
        server.stop()
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
        server.stop()


@pytest.fixture(scope="session")
def recorder(pulse: PulseServer) -> Iterator[Recorder]:
    """One recording of the null sink for the whole session; tests take snapshots.

    (An idle null sink hands its monitor audio out in ~2 s blocks, so starting
    a recorder per test would cost 2 s each.)
    """
    rec = Recorder(pulse)
    rec.wait_started()
    yield rec
    rec.stop()


class PlayerProcessWatch:
    """Samples /proc every millisecond and remembers the most kiosk players alive at once."""

    def __init__(self) -> None:
        self.max_alive = 0
        self.samples = 0
        self.overlaps: list[list[tuple[int, str]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        # Only processes newer than this are read (pids grow), so a scan is cheap.
        self._baseline = max(int(e) for e in os.listdir("/proc") if e.isdigit()) - 1000

    def alive(self) -> list[tuple[int, str]]:
        pids = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) < self._baseline:
                continue
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    cmd = f.read()
                with open(f"/proc/{entry}/stat", "rb") as f:
                    state = f.read().rsplit(b")", 1)[1].split()[0]
            except OSError:
                continue
            if b"--client-name=kiosk" in cmd and state != b"Z":
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


@pytest.fixture
def process_watch() -> type[PlayerProcessWatch]:
    return PlayerProcessWatch
