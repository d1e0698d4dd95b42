"""The kiosk's log: a rotating file, and a log that can never stop the kiosk.

Why so careful: the terminal belongs to the visitor's screen, and the kiosk
runs unattended for months.  A log folder that cannot be written (a
read-only mount, a wrong path) must not stop the start, and a disk that
fills up must not print Python's "--- Logging error ---" tracebacks over
the screen.  So:

* the file handler never raises and never prints: when a write fails it
  stops using the file, says so once through the fallback, and tries the
  file again after :data:`RETRY_SECONDS`;
* the fallback is the system journal when the kiosk runs under systemd
  (``INVOCATION_ID`` is set; journald reads ``/dev/log``), else nothing;
* the same handler serves the root logger (warnings and errors of the
  libraries), so Python's last-resort handler never writes to stderr.

``kiosk check`` names an unwritable log path with :func:`log_file_problem`.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import socket
import time
from pathlib import Path
from typing import Mapping

#: After a failed write the file is tried again this many seconds later.
RETRY_SECONDS = 60.0
#: The rotating file: at most this many bytes, and this many old files.
MAX_BYTES = 1_000_000
BACKUPS = 5
#: Where journald listens for syslog datagrams on a systemd machine.
JOURNAL_ADDRESS = "/dev/log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def running_under_systemd(environ: Mapping[str, str] = os.environ) -> bool:
    """True when systemd started this process as a service (it sets ``INVOCATION_ID``)."""
    return bool(environ.get("INVOCATION_ID") or environ.get("JOURNAL_STREAM"))


def journal_handler(address: str = JOURNAL_ADDRESS) -> logging.Handler | None:
    """A handler that sends records to the system journal, or ``None`` when it is unreachable."""
    if not os.path.exists(address):
        return None
    try:
        handler = logging.handlers.SysLogHandler(address=address, socktype=socket.SOCK_DGRAM)
    except OSError:
        return None
    handler.ident = "kiosk: "
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    _never_print(handler)
    return handler


def _never_print(handler: logging.Handler) -> None:
    """Make ``handler`` drop a record it cannot write instead of printing a traceback."""
    handler.handleError = lambda record: None  # type: ignore[method-assign]


class KioskLogHandler(logging.Handler):
    """The rotating log file, with a fallback that takes over while the file fails.

    Args:
        log_file: the file (its folder is created when missing).
        fallback: where records go while the file cannot be written (the
            journal under systemd), or ``None`` to drop them.
        clock: seconds, for the retry delay (``time.monotonic``; tests pass their own).
    """

    def __init__(self, log_file: Path, fallback: logging.Handler | None = None,
                 clock=time.monotonic) -> None:
        super().__init__()
        self.log_file = Path(log_file)
        self.fallback = fallback
        self.clock = clock
        self.problem: str | None = None
        self._file: logging.Handler | None = None
        self._retry_at = 0.0
        self._open_file()

    def _open_file(self) -> None:
        try:
            self.log_file.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                self.log_file, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
        except OSError as exc:
            self._file_failed(f"cannot open the log file {self.log_file}: "
                              f"{exc.strerror or exc}")
            return
        handler.setFormatter(self.formatter or logging.Formatter(FORMAT))
        handler.handleError = self._write_failed  # type: ignore[method-assign]
        self._file = handler

    def setFormatter(self, fmt: logging.Formatter | None) -> None:  # noqa: N802 (logging's name)
        super().setFormatter(fmt)
        if self._file is not None:
            self._file.setFormatter(fmt)

    def _write_failed(self, record: logging.LogRecord) -> None:
        import sys

        exc = sys.exc_info()[1]
        reason = getattr(exc, "strerror", None) or repr(exc)
        self._file_failed(f"cannot write the log file {self.log_file}: {reason}")
        self._emit_fallback(record)

    def _file_failed(self, reason: str) -> None:
        file, self._file = self._file, None
        if file is not None:
            try:
                file.close()
            except Exception:  # closing a file on a full disk may fail too
                pass
        self._retry_at = self.clock() + RETRY_SECONDS
        if self.problem is None:
            self.problem = reason
            where = "the system journal" if self.fallback is not None else "nowhere"
            self._to_fallback(logging.ERROR, f"{reason}; logging to {where} until it works")

    def _to_fallback(self, level: int, message: str) -> None:
        record = logging.LogRecord("kiosk.logs", level, __file__, 0, message, None, None)
        self._emit_fallback(record)

    def _emit_fallback(self, record: logging.LogRecord) -> None:
        if self.fallback is not None:
            try:
                self.fallback.handle(record)
            except Exception:
                pass

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None and self.clock() >= self._retry_at:
            self._open_file()
        if self._file is None:
            self._emit_fallback(record)
            return
        self._file.handle(record)
        if self._file is not None and self.problem is not None:  # written: the outage is over
            was, self.problem = self.problem, None
            self._to_fallback(logging.INFO, f"the log file works again (it had failed: {was})")

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        """Never print: a record that cannot be written anywhere is dropped."""

    def close(self) -> None:
        for handler in (self._file, self.fallback):
            if handler is not None:
                try:
                    handler.close()
                except Exception:
                    pass
        super().close()


def setup_logging(log_file: Path, *, environ: Mapping[str, str] = os.environ,
                  journal_address: str = JOURNAL_ADDRESS) -> KioskLogHandler:
    """Send the kiosk's log (INFO and up) and every library's warnings to ``log_file``.

    Never raises and never prints: see the module's docstring.  Replaces the
    handlers an earlier call installed.

    Returns:
        The handler; its ``problem`` says why the file is not being written (or ``None``).
    """
    fallback = journal_handler(journal_address) if running_under_systemd(environ) else None
    handler = KioskLogHandler(Path(log_file), fallback)
    handler.setFormatter(logging.Formatter(FORMAT))
    kiosk = logging.getLogger("kiosk")
    root = logging.getLogger()
    for logger in (kiosk, root):
        for old in list(logger.handlers):
            if isinstance(old, KioskLogHandler):
                logger.removeHandler(old)
                old.close()
    kiosk.handlers.clear()
    kiosk.addHandler(handler)
    kiosk.setLevel(logging.INFO)
    kiosk.propagate = False
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    return handler


def log_file_problem(log_file: Path) -> str | None:
    """Why the kiosk could not write ``log_file`` now, in one sentence; ``None`` when it can.

    Opens the file for appending (creating it and its folder when missing),
    so a read-only mount, a missing permission or a path that is a folder
    are all found.
    """
    path = Path(log_file)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8"):
            pass
    except OSError as exc:
        return (f"the log file {path} cannot be written ({exc.strerror or exc}): set "
                "[kiosk] log_file in the configuration to a writable path; until then the "
                "kiosk runs without its file log (under systemd it logs to the journal)")
    return None
