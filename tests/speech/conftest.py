"""Fixtures for the speech tests: the real document, WAV analysis, a real sound server."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from pulse_server import (PlayerProcessWatch, PulseServer, Recorder, server_for_tests,
                          shared_recorder)

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
    yield from server_for_tests()  # shared with tests/integration in the same run


@pytest.fixture(scope="session")
def recorder(pulse: PulseServer) -> Iterator[Recorder]:
    """One recording of the null sink for the whole session; tests take snapshots.

    (An idle null sink hands its monitor audio out in ~2 s blocks, so starting
    a recorder per test would cost 2 s each.)
    """
    yield shared_recorder()


@pytest.fixture
def process_watch() -> type[PlayerProcessWatch]:
    return PlayerProcessWatch


@pytest.fixture
def repository_catalogs(restore_translator):
    """The repository's compiled catalogs as the kiosk loads them; the translator's
    state back after (``restore_translator``, tests/conftest.py)."""
    restore_translator.configure_locales(REPO / "locales")
    return restore_translator
