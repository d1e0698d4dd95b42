"""The player: real paplay into a private PulseAudio null sink."""

from __future__ import annotations

import time

import pytest

from kiosk.speech.engine import SpeechEngine
from kiosk.speech.player import Player, PlayerUnavailable, find_player

pytestmark = pytest.mark.audio


@pytest.fixture(scope="module")
def wav() -> bytes:
    engine = SpeechEngine()
    engine.open()
    return engine.synthesise("Opzelura is a cream for vitiligo, applied twice a day.", "en", rate=165)


def test_no_player_on_path(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PlayerUnavailable, match="no audio player found"):
        find_player()
    with pytest.raises(PlayerUnavailable):
        Player("auto")
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    with pytest.raises(PlayerUnavailable, match="no-such-player"):
        find_player("no-such-player")


def test_auto_prefers_pw_play_then_paplay(monkeypatch, tmp_path) -> None:
    for name in ("aplay", "paplay"):
        exe = tmp_path / name
        exe.write_text("#!/bin/sh\n")
        exe.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_player().endswith("/paplay")
    (tmp_path / "pw-play").write_text("#!/bin/sh\n")
    (tmp_path / "pw-play").chmod(0o755)
    assert find_player().endswith("/pw-play")


def test_plays_into_the_sink_and_stops_at_once(pulse, recorder, wav) -> None:
    player = Player("paplay", device=pulse.sink)
    try:
        t_play = time.monotonic()
        done = []
        playback = player.play(wav, done.append)
        heard = recorder.wait_for_sound(t_play, 30)
        assert heard is not None, "no audio reached the null sink"
        player.stop()
        assert playback.stopped and playback.returncode is not None  # killed and reaped
        assert playback.failure is None and not playback.failed
        assert recorder.wait_for_silence(heard, 0.3, 30), "the sink did not fall silent"
        t_quiet = time.monotonic()
        assert recorder.wait_for_stream(t_quiet, 0.5).first_sound_after(t_quiet) is None
        assert playback.wait(30) and done == [playback]
    finally:
        player.close()


def test_a_new_play_kills_and_reaps_the_previous(pulse, wav) -> None:
    player = Player("paplay", device=pulse.sink)
    try:
        first = player.play(wav)
        second = player.play(wav)
        assert first.returncode is not None and first.stopped
        assert second.returncode is None
        assert player.current is second
        second.stop()
    finally:
        player.close()


def test_playback_to_a_missing_server_is_reported_as_failed(monkeypatch, wav, tmp_path) -> None:
    if find_player("paplay") is None:  # pragma: no cover - find_player raises instead
        pytest.skip("paplay is not installed")
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/no-server")
    player = Player("paplay")
    try:
        playback = player.play(wav)
        assert playback.wait(10)
        assert playback.failed and playback.returncode != 0
        assert playback.error_text  # paplay's own message, for the log
        assert playback.failure.startswith("audio player paplay failed (exit status")
        assert playback.error_text in playback.failure
    finally:
        player.close()
