"""The staff PIN: digits that never show up anywhere, and a growing delay after wrong tries.

Two jobs, both about a curious visitor at the staff prompt:

* :class:`PinDigits` holds the digits typed so far.  It is not a ``str``, so
  the PIN never sits in a variable that a log line, a speech text or a
  traceback with local variables (Textual prints those, with
  ``show_locals=True``) could show: its ``repr`` gives only the count.
* :class:`PinGuard` counts wrong PINs in a row and, after the first
  :data:`FREE_TRIES`, makes the next try wait, twice as long each time up to
  :data:`MAX_DELAY`.  The count and the time of the next allowed try are kept
  in a small JSON file in the kiosk's log folder, written atomically
  (:func:`kiosk.files.write_atomically`), so restarting the kiosk (or
  reopening the prompt) gives no fresh tries.  The practice follows NIST SP
  800-63B 5.2.2 (rate limiting of failed authentication attempts).

No Textual here: the guard is plain logic, tested without a terminal.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Callable

from kiosk.files import write_atomically

log = logging.getLogger("kiosk.staff")

#: Wrong PINs in a row that cost no waiting.
FREE_TRIES = 3
#: Seconds to wait after the FREE_TRIES-th wrong PIN; doubled for each more.
FIRST_DELAY = 30.0
#: The longest wait, in seconds (15 minutes).
MAX_DELAY = 900.0
#: The guard's file, in the folder of ``[kiosk] log_file``.
STATE_FILE_NAME = "staff-pin-tries.json"


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong PINs in a row: 0 for the first
    two, then 30, 60, 120 ... up to :data:`MAX_DELAY`."""
    if failures < FREE_TRIES:
        return 0.0
    return min(FIRST_DELAY * 2 ** (failures - FREE_TRIES), MAX_DELAY)


def state_path(log_file: Path | str) -> Path:
    """Where the guard keeps its count: beside the kiosk's log file."""
    return Path(log_file).parent / STATE_FILE_NAME


class PinDigits:
    """The digits typed at the staff prompt, shown to nobody.

    ``repr`` and ``str`` give only how many digits there are;
    :meth:`encode` hands the digits to a hash (``StaffExit.pin_matches``)
    without ever making them a variable.
    """

    __slots__ = ("_digits",)

    def __init__(self) -> None:
        self._digits: list[str] = []

    def __len__(self) -> int:
        return len(self._digits)

    def __repr__(self) -> str:
        return f"<PinDigits: {len(self._digits)} digits>"

    __str__ = __repr__

    def add(self, digit: str, limit: int) -> bool:
        """Type one digit ("0"-"9"); ``False`` when ``limit`` digits are there already."""
        if len(digit) != 1 or digit not in "0123456789":
            raise ValueError("a PIN digit is one of 0-9")
        if len(self._digits) >= limit:
            return False
        self._digits.append(digit)
        return True

    def delete_last(self) -> bool:
        """Delete the last digit; ``False`` when there was none."""
        if not self._digits:
            return False
        self._digits.pop()
        return True

    def clear(self) -> None:
        self._digits.clear()

    def encode(self, encoding: str = "utf-8") -> bytes:
        """The digits as bytes, for a hash (the same as ``str.encode``)."""
        return "".join(self._digits).encode(encoding)


class PinGuard:
    """Wrong PINs in a row, and when the next try is allowed (kept in a file).

    Args:
        path: the JSON file (see :func:`state_path`); ``None`` keeps the
            count in memory only.
        clock: wall-clock seconds since the epoch (``time.time``: the wait
            must survive a restart, which a monotonic clock does not).
    """

    def __init__(self, path: Path | None, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.clock = clock
        self.failures = 0
        self.locked_until = 0.0
        self._read()

    def wait_seconds(self) -> float:
        """Seconds until a PIN may be tried again (0: now).  Never more than the
        delay the count allows, so a clock set back cannot lock staff out."""
        left = self.locked_until - self.clock()
        return max(0.0, min(left, delay_after(self.failures)))

    def failed(self) -> float:
        """Count a wrong PIN; returns the seconds the next try must wait."""
        self.failures += 1
        delay = delay_after(self.failures)
        self.locked_until = self.clock() + delay
        self._write()
        return delay

    def succeeded(self) -> None:
        """The right PIN: the count starts again."""
        if self.failures or self.locked_until:
            self.failures, self.locked_until = 0, 0.0
            self._write()

    def tries_before_waiting(self) -> int:
        """Wrong PINs still possible before a wait (0 once waits have begun)."""
        return max(0, FREE_TRIES - self.failures)

    # --- the file ---------------------------------------------------------------
    def _read(self) -> None:
        if self.path is None or not self.path.exists():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.failures = max(0, int(data["failures"]))
            self.locked_until = float(data["locked_until"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("%s cannot be read (%s); the staff PIN's wrong-try count starts "
                        "at 0.", self.path, type(exc).__name__)

    def _write(self) -> None:
        if self.path is None:
            return
        data = json.dumps({"failures": self.failures, "locked_until": self.locked_until})
        try:
            write_atomically(self.path, data.encode("utf-8"))
        except OSError as exc:
            log.warning("%s cannot be written (%s): the wait after wrong staff PINs holds "
                        "only until the kiosk restarts.", self.path, exc.strerror or exc)
