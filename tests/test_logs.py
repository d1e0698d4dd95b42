"""A log that cannot be written never stops the kiosk and never prints over the screen.

Real failures, not mocks: a full disk is ``/dev/full`` (every write fails
with ENOSPC), an unwritable folder is a path under a regular file, and the
system journal is a real Unix datagram socket standing where journald's
``/dev/log`` would be.
"""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

import pytest

from kiosk.commands.check import deployment_problems
from kiosk.logs import RETRY_SECONDS, log_file_problem, setup_logging
from tests.ui.helpers import make_config


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def journal(tmp_path):
    """A datagram socket where journald's /dev/log would be; ``read()`` drains it."""
    path = tmp_path / "journal.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.setblocking(False)

    def read() -> list[str]:
        lines = []
        while True:
            try:
                lines.append(sock.recv(65536).decode("utf-8", "replace"))
            except BlockingIOError:
                return lines

    yield path, read
    sock.close()


@pytest.fixture(autouse=True)
def _restore_logging():
    kiosk, root = logging.getLogger("kiosk"), logging.getLogger()
    saved = (list(kiosk.handlers), kiosk.propagate, list(root.handlers), root.level)
    yield
    for logger in (kiosk, root):
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
    kiosk.handlers[:] = saved[0]
    kiosk.propagate = saved[1]
    root.handlers[:] = saved[2]
    root.setLevel(saved[3])


def test_a_full_disk_switches_to_the_journal_without_printing(tmp_path, journal, capfd):
    address, read = journal
    full = tmp_path / "kiosk.log"
    full.symlink_to("/dev/full")  # every write fails with "No space left on device"
    handler = setup_logging(full, environ={"INVOCATION_ID": "1"}, journal_address=str(address))
    log = logging.getLogger("kiosk.test")
    log.info("first line")
    log.warning("second line")
    logging.getLogger("somelibrary").error("a library's error")
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    assert handler.problem and "No space left on device" in handler.problem
    received = read()
    assert any("cannot write the log file" in line and "system journal" in line for line in received)
    assert any("second line" in line for line in received)
    assert any("a library's error" in line for line in received)


def test_the_file_is_tried_again_and_the_outage_is_reported_once(tmp_path, journal, capfd):
    address, read = journal
    target = tmp_path / "kiosk.log"
    target.symlink_to("/dev/full")
    clock = FakeClock()
    handler = setup_logging(target, environ={"INVOCATION_ID": "1"}, journal_address=str(address))
    handler.clock = clock
    log = logging.getLogger("kiosk.test")
    log.info("while full 1")
    log.info("while full 2")
    assert sum("cannot write" in line for line in read()) == 1
    target.unlink()  # the disk has room again
    clock.now += RETRY_SECONDS / 2
    log.info("too early")
    assert not target.exists()
    clock.now += RETRY_SECONDS
    log.info("back in the file")
    assert "back in the file" in target.read_text(encoding="utf-8")
    assert handler.problem is None
    assert any("works again" in line for line in read())
    assert capfd.readouterr() == ("", "")


def test_an_unwritable_log_folder_does_not_stop_the_start(tmp_path, capfd):
    blocker = tmp_path / "logs"
    blocker.write_text("not a folder", encoding="utf-8")
    handler = setup_logging(blocker / "kiosk.log", environ={})
    logging.getLogger("kiosk").error("nowhere to go")
    assert handler.problem and str(blocker / "kiosk.log") in handler.problem
    assert capfd.readouterr() == ("", "")


def test_kiosk_check_names_the_path_and_the_key(tmp_path):
    blocker = tmp_path / "logs"
    blocker.write_text("", encoding="utf-8")
    config = make_config(tmp_path, log_file=blocker / "kiosk.log")
    [problem] = deployment_problems(config)
    assert problem.entry == "[kiosk] log_file" and problem.check == "deployment"
    assert str(blocker / "kiosk.log") in problem.message
    assert "[kiosk] log_file" in problem.message
    assert log_file_problem(tmp_path / "fine" / "kiosk.log") is None


def test_kiosk_log_goes_to_the_file_when_it_can(tmp_path, capfd):
    handler = setup_logging(tmp_path / "logs" / "kiosk.log", environ={})
    logging.getLogger("kiosk.x").info("hello %s", "file")
    logging.getLogger("other").warning("library warning")
    logging.getLogger("other").info("library chatter")  # below WARNING: not kept
    text = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "INFO kiosk.x: hello file" in text and "library warning" in text
    assert "library chatter" not in text
    assert handler.problem is None
    assert capfd.readouterr() == ("", "")
    assert os.stat(tmp_path / "logs" / "kiosk.log").st_mode & 0o044  # readable by staff
