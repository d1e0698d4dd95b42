"""Fixtures for the UI tests: a fresh config, app factory and catalogs per test."""

from __future__ import annotations

import pytest

from kiosk.languages import configure_locales, set_language
from kiosk.launcher import build_app
from kiosk.ui.announcer import RecordingAnnouncer
from tests.ui.helpers import FakeClock, make_config


@pytest.fixture(autouse=True)
def _english_after_each_test():
    yield
    set_language("en")


@pytest.fixture
def config(tmp_path):
    return make_config(tmp_path)


@pytest.fixture
def announcer():
    return RecordingAnnouncer()


@pytest.fixture
def clock():
    """The app's clock in UI tests: it moves only when the test advances it."""
    return FakeClock()


@pytest.fixture
def make_app(tmp_path, announcer, clock):
    """Build a KioskApp the way the launcher does, with test changes to the config."""

    def factory(config=None, **changes):
        cfg = config or make_config(tmp_path)
        if changes:
            from dataclasses import replace

            cfg = replace(cfg, **changes)
        configure_locales(cfg.locales_dir)
        return build_app(cfg, announcer=announcer, clock=clock)

    return factory
