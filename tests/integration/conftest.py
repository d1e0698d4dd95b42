"""Fixtures for the kiosk end to end: the real app, the real narrator, a real (null) sound sink.

The PulseAudio server and its recorder are the ones tests/speech uses
(``tests/speech/pulse_server.py``, one server per test process).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "speech"))

from pulse_server import (  # noqa: E402
    PlayerProcessWatch, PulseServer, Recorder, server_for_tests, shared_recorder,
)

from kiosk.languages import configure_locales, set_language  # noqa: E402
from kiosk.launcher import build_app, setup_logging  # noqa: E402
from kiosk.speech import SpeechSettings  # noqa: E402
from tests.ui.helpers import make_config  # noqa: E402


@pytest.fixture(autouse=True)
def _english_after_each_test():
    yield
    set_language("en")


@pytest.fixture(scope="session")
def pulse() -> Iterator[PulseServer]:
    yield from server_for_tests()


@pytest.fixture(scope="session")
def recorder(pulse: PulseServer) -> Recorder:
    return shared_recorder()


@pytest.fixture
def process_watch() -> type[PlayerProcessWatch]:
    return PlayerProcessWatch


@pytest.fixture
def kiosk(tmp_path, pulse):
    """``kiosk(**speech_changes, config_changes=..., clock=...)``: the real app speaking
    into the null sink (``clock``: a ``FakeClock`` for the idle timers).

    The end of the kiosk's log is printed at teardown, so a failure report
    shows what the speech layer said (e.g. why speech became unavailable).
    """
    logs: list[Path] = []

    def factory(*, config_changes: dict | None = None, clock=None, **speech):
        settings = SpeechSettings(**{"enabled": True, "player": "paplay", "device": pulse.sink,
                                     **speech})
        config = make_config(tmp_path, speech=settings, **(config_changes or {}))
        setup_logging(config.log_file)
        configure_locales(config.locales_dir)
        logs.append(config.log_file)
        return build_app(config, clock=clock)

    yield factory
    if not pulse.alive():
        print(f"--- the test sound server died; its log ends:\n{pulse.log_tail()}")
    for log in logs:
        if log.exists():
            print(f"--- last lines of {log}:")
            print("\n".join(log.read_text(errors="replace").splitlines()[-25:]))
