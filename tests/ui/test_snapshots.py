"""Pixel-exact (character-exact) snapshots of the main screens at 80x24."""

from __future__ import annotations


from kiosk.languages import configure_locales
from kiosk.launcher import build_app
from kiosk.ui.announcer import RecordingAnnouncer
from tests.ui.helpers import make_config


def _app(tmp_path, **changes):
    config = make_config(tmp_path, **changes)
    configure_locales(config.locales_dir)
    # A recording voice: the speech hint of a visit's first key would start the real
    # engine, and whether "Speech is not available." (no sound server here) reaches
    # the status line before the picture is taken would depend on timing.
    return build_app(config, announcer=RecordingAnnouncer())


def test_snapshot_welcome(snap_compare, tmp_path):
    assert snap_compare(_app(tmp_path), terminal_size=(80, 24))


def test_snapshot_overview_section_3(snap_compare, tmp_path):
    assert snap_compare(_app(tmp_path), press=["down", "enter", "3"], terminal_size=(80, 24))


def test_snapshot_help(snap_compare, tmp_path):
    assert snap_compare(_app(tmp_path), press=["down", "enter", "3", "f1"], terminal_size=(80, 24))


def test_snapshot_high_contrast(snap_compare, tmp_path):
    assert snap_compare(_app(tmp_path, theme="high-contrast"),
                        press=["down", "enter", "3", "enter"], terminal_size=(80, 24))
