"""Keep what C libraries print (eSpeak NG's error lines) off the visitor's screen.

The problem: eSpeak NG writes its complaints ("Can't read dictionary file",
"Unknown phoneme table") with ``fprintf(stderr, ...)``, to file descriptor 2,
the terminal - over the TUI - for instance when its data folder disappears
while the kiosk runs.  Textual draws on the same descriptor (its Linux
driver writes to ``sys.__stderr__``).  Pointing descriptor 2 at the log
would therefore blank the screen, and doing it only around engine calls
would still swallow whatever Textual draws meanwhile (fds are process-wide).

The way out, for the whole run of the TUI:

1. duplicate descriptors 1 and 2 (the terminal) and make Python's
   ``sys.__stdout__``/``sys.__stderr__`` (and ``sys.stdout``/``sys.stderr``)
   write to the duplicates: Textual keeps drawing on the terminal;
2. point descriptors 1 and 2 at a pipe whose reader thread writes every
   line to the log: whatever C code (or a child process that inherits
   them) prints lands there, and no byte reaches the terminal except
   Textual's;
3. undo both on the way out, so messages after the TUI reach the terminal.

Textual captures ``sys.__stderr__`` when the app object is created, so the
app must be built inside :func:`capture_native_output`.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections import deque
from contextlib import contextmanager
from typing import IO, Iterator

__all__ = ["NativeOutput", "capture_native_output"]

_CONTROL = {c: f"\\x{c:02x}" for c in range(32) if c not in (9,)}


class NativeOutput:
    """The captured lines so far (the last 100), for checks and tests."""

    def __init__(self) -> None:
        self.lines: deque[str] = deque(maxlen=100)
        self.count = 0


def _terminal_stream(fd: int, like: IO[str] | None) -> IO[str]:
    """A text stream on ``fd`` with the encoding and buffering of ``like``."""
    encoding = getattr(like, "encoding", None) or "utf-8"
    errors = getattr(like, "errors", None) or "strict"
    line_buffering = bool(getattr(like, "line_buffering", False))
    return open(fd, "w", encoding=encoding, errors=errors, closefd=True,  # noqa: SIM115
                buffering=1 if line_buffering else -1)


def _read_lines(fd: int, logger: logging.Logger, captured: NativeOutput) -> None:
    pending = b""
    with open(fd, "rb", buffering=0, closefd=True) as pipe:
        while True:
            chunk = pipe.read(4096)
            if not chunk:
                break
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for raw in lines:
                _log_line(raw, logger, captured)
    if pending:
        _log_line(pending, logger, captured)


def _log_line(raw: bytes, logger: logging.Logger, captured: NativeOutput) -> None:
    text = raw.decode("utf-8", "replace").rstrip("\r").translate(_CONTROL)
    if not text.strip():
        return
    captured.lines.append(text)
    captured.count += 1
    logger.warning("printed by a library (kept off the screen): %s", text)


@contextmanager
def capture_native_output(logger: logging.Logger | None = None) -> Iterator[NativeOutput]:
    """While active, bytes written to descriptors 1 and 2 go to ``logger``; Python's
    standard streams (what Textual draws with) keep the terminal.

    Yields a :class:`NativeOutput` with the lines captured.  Does nothing
    (and yields an empty one) when descriptors 1 and 2 are not open.
    """
    logger = logger or logging.getLogger("kiosk.native")
    captured = NativeOutput()
    try:
        saved = (os.dup(1), os.dup(2))
    except OSError:
        yield captured
        return
    originals = (sys.__stdout__, sys.__stderr__, sys.stdout, sys.stderr)
    for stream in originals:
        if stream is not None:
            stream.flush()
    out = _terminal_stream(saved[0], sys.__stdout__)
    err = _terminal_stream(saved[1], sys.__stderr__)
    read_end, write_end = os.pipe()
    os.dup2(write_end, 1)
    os.dup2(write_end, 2)
    os.close(write_end)
    reader = threading.Thread(target=_read_lines, args=(read_end, logger, captured),
                              name="kiosk-native-output", daemon=True)
    reader.start()
    sys.__stdout__, sys.__stderr__ = out, err  # type: ignore[misc]
    if originals[2] is originals[0]:
        sys.stdout = out
    if originals[3] is originals[1]:
        sys.stderr = err
    try:
        yield captured
    finally:
        for stream in (out, err):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os.dup2(saved[0], 1)  # the pipe's last writers go: the reader sees its end
        os.dup2(saved[1], 2)
        sys.__stdout__, sys.__stderr__ = originals[0], originals[1]  # type: ignore[misc]
        if sys.stdout is out:
            sys.stdout = originals[2]
        if sys.stderr is err:
            sys.stderr = originals[3]
        for stream in (out, err):
            try:
                stream.close()  # a hung-up terminal (SIGHUP) fails its last flush with EIO
            except (OSError, ValueError):
                pass
        reader.join(5.0)
