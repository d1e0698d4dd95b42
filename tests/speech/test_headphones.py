"""Headphones plugged in, as the sound server reports it (``kiosk.speech.headphones``).

A null sink has no ports, so no test can plug headphones into it: the decision is
tested on ``pactl --format=json list sinks`` output in the shape PulseAudio 16 gives
for a laptop's analog card (ports with their availability), and the event path
(``pactl subscribe`` -> a query of the sinks) against the real test server, where a
volume change is a real ``change`` event on the sink.  The UI's reaction is tested
with a fake source in tests/ui/test_walkup_headphones.py.
"""

from __future__ import annotations

import os
import subprocess
import threading

import pytest

from kiosk.speech.headphones import (
    PulseAudioHeadphones, headphones_in, is_headphone_port, is_port_event,
)


def analog_sink(headphones: str, name: str = "alsa_output.pci-0000_00_1f.3.analog-stereo"):
    """A sink as ``pactl --format=json list sinks`` writes it (the fields used here)."""
    return {
        "index": 0,
        "name": name,
        "active_port": "analog-output-headphones" if headphones == "available"
        else "analog-output-speaker",
        "ports": [
            {"name": "analog-output-speaker", "description": "Speakers", "type": "Speaker",
             "priority": 10000, "availability": "availability unknown"},
            {"name": "analog-output-headphones", "description": "Headphones",
             "type": "Headphones", "priority": 9900, "availability": headphones},
        ],
    }


def test_headphone_port_availability_decides():
    assert headphones_in([analog_sink("available")], None) is True
    assert headphones_in([analog_sink("not available")], None) is False
    # No jack detection: the server cannot tell, so nothing changes.
    assert headphones_in([analog_sink("availability unknown")], None) is None
    # A null sink has no ports.
    assert headphones_in([{"name": "kiosk_test", "ports": []}], None) is None
    assert headphones_in([], None) is None


def test_the_sink_speech_plays_to_is_the_one_asked():
    sinks = [analog_sink("not available", "card_a"), analog_sink("available", "card_b")]
    assert headphones_in(sinks, "card_a") is False
    assert headphones_in(sinks, "card_b") is True
    assert headphones_in(sinks, "gone") is True  # not found: any sink


def test_ucm_port_names_count_by_type():
    assert is_headphone_port({"name": "[Out] Headphones", "type": "Headphones"})
    assert is_headphone_port({"name": "analog-output-headphones-2"})
    assert not is_headphone_port({"name": "[Out] Speaker", "type": "Speaker"})


def test_port_events_are_sink_and_card_changes():
    assert is_port_event("Event 'change' on sink #0")
    assert is_port_event("Event 'change' on card #1")
    assert not is_port_event("Event 'new' on sink-input #42")
    assert not is_port_event("Event 'change' on source #1")
    assert not is_port_event("Event 'change' on sink-input #3")


class CountingWatch(PulseAudioHeadphones):
    """The real watch, counting its queries of the sinks."""

    def __init__(self, sink=None):
        super().__init__(sink)
        self.results: list[bool | None] = []
        self.queried = threading.Condition()

    def state(self):
        result = super().state()
        with self.queried:
            self.results.append(result)
            self.queried.notify_all()
        return result


def test_the_real_server_reports_changes_and_a_null_sink_has_no_headphones(pulse):
    if subprocess.run(["pactl", "--format=json", "info"], capture_output=True).returncode:
        pytest.skip("pactl is older than 16 (no --format=json)")
    watch = CountingWatch(pulse.sink)
    heard: list[bool] = []
    watch.start(heard.append)
    try:
        with watch.queried:
            assert watch.queried.wait_for(lambda: len(watch.results) >= 1, timeout=10)
        # A real 'change' event on the null sink makes the watch look again.  pactl
        # subscribe may not have subscribed yet when it starts, so the volume is
        # changed (to a new value each time) until a query follows one.
        for step in range(20):
            subprocess.run(["pactl", "set-sink-volume", pulse.sink, f"{80 + step}%"],
                           check=True, env=dict(os.environ))
            with watch.queried:
                if watch.queried.wait_for(lambda: len(watch.results) >= 2, timeout=1.0):
                    break
        assert len(watch.results) >= 2, "no query after 20 sink changes"
        assert set(watch.results) == {None}  # a null sink: nothing is known
        assert heard == []  # so nothing was reported
        process = watch._process
        assert process is not None and process.poll() is None
    finally:
        subprocess.run(["pactl", "set-sink-volume", pulse.sink, "100%"], env=dict(os.environ))
        watch.close()
    assert process.poll() is not None, "pactl subscribe outlived close()"


def test_without_pactl_the_watch_stays_quiet():
    watch = PulseAudioHeadphones(pactl="no-such-pactl-here")
    watch.start(lambda plugged: pytest.fail("reported without a server"))
    assert watch._process is None and watch._thread is None
    watch.close()
