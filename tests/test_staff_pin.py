"""The staff PIN's guard: a growing wait after wrong PINs, kept in a file; digits never shown."""

from __future__ import annotations

import json
import logging
import os

import pytest

from kiosk.config import config_from_dict
from kiosk.staff_pin import (
    FIRST_DELAY, FREE_TRIES, MAX_DELAY, PinDigits, PinGuard, delay_after, state_path,
)


class Said(logging.Handler):
    """The guard's log lines, whatever other tests did to the "kiosk" logger."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())

    def __enter__(self) -> "Said":
        logging.getLogger("kiosk.staff").addHandler(self)
        return self

    def __exit__(self, *_exc) -> None:
        logging.getLogger("kiosk.staff").removeHandler(self)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_wait_grows_after_the_free_tries() -> None:
    assert [delay_after(n) for n in range(1, 8)] == [0, 0, 30, 60, 120, 240, 480]
    assert delay_after(40) == MAX_DELAY and FREE_TRIES == 3 and FIRST_DELAY == 30


def test_the_count_and_the_wait_survive_a_restart(tmp_path) -> None:
    clock = Clock()
    path = state_path(tmp_path / "logs" / "kiosk.log")
    guard = PinGuard(path, clock)
    assert [guard.failed() for _ in range(3)] == [0, 0, 30]
    assert json.loads(path.read_text()) == {"failures": 3, "locked_until": clock.now + 30}
    restarted = PinGuard(path, clock)  # a new kiosk process reads the same file
    assert restarted.failures == 3 and restarted.wait_seconds() == 30
    clock.now += 29
    assert restarted.wait_seconds() == pytest.approx(1)
    clock.now += 1
    assert restarted.wait_seconds() == 0
    assert restarted.failed() == 60  # the next wrong PIN waits longer
    restarted.succeeded()
    assert PinGuard(path, clock).failures == 0 and PinGuard(path, clock).wait_seconds() == 0


STATE = "staff-pin-tries.json"


def test_the_state_file_is_written_atomically_and_readable(tmp_path) -> None:
    path = tmp_path / STATE
    guard = PinGuard(path, Clock())
    guard.failed()
    assert oct(path.stat().st_mode & 0o777) == oct(0o666 & ~current_umask())
    assert [p.name for p in tmp_path.iterdir()] == [STATE]  # no temporary file left


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_clock_set_back_never_locks_staff_out_for_longer(tmp_path) -> None:
    clock = Clock()
    guard = PinGuard(tmp_path / "tries.json", clock)
    for _ in range(3):
        guard.failed()
    clock.now -= 10 * 365 * 86400  # the clock jumped ten years back
    assert guard.wait_seconds() == 30


def test_a_damaged_file_starts_the_count_again_and_says_so(tmp_path) -> None:
    path = tmp_path / "tries.json"
    path.write_text("{not json", encoding="utf-8")
    with Said() as said:
        guard = PinGuard(path, Clock())
    assert guard.failures == 0
    assert f"{path} cannot be read" in said.text


def test_an_unwritable_folder_keeps_the_count_in_memory(tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")  # a file where the folder should be (root too)
    guard = PinGuard(blocker / "tries.json", Clock())
    with Said() as said:
        delays = [guard.failed() for _ in range(3)]
    assert delays == [0, 0, 30] and guard.wait_seconds() == 30
    assert "cannot be written" in said.text


def test_pin_digits_never_show_the_digits() -> None:
    digits = PinDigits()
    for digit in "97531":
        assert digits.add(digit, limit=12)
    assert "97531" not in repr(digits) + str(digits) + f"{digits}"
    assert repr(digits) == "<PinDigits: 5 digits>"
    assert digits.delete_last() and len(digits) == 4
    assert not PinDigits().delete_last()
    with pytest.raises(ValueError):
        digits.add("x", limit=12)
    config = config_from_dict({"staff": {"exit_pin": "9753"}})
    assert config.staff_exit.pin_matches(digits)
    assert "sha" not in repr(config.staff_exit)  # a short PIN's hash is the PIN
