"""C libraries' output goes to the log while Python's streams (Textual's) keep the terminal.

Run in child processes, whose descriptors 1 and 2 the test reads: what
reaches them is what would reach the visitor's terminal.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent

CHILD = """
    import ctypes, logging, os, sys
    from kiosk.speech.native_output import capture_native_output
    handler = logging.FileHandler(sys.argv[1])
    log = logging.getLogger("kiosk.native")
    log.addHandler(handler)
    log.propagate = False
    libc = ctypes.CDLL(None)
    with capture_native_output(log) as captured:
        sys.__stderr__.write("DRAWN-BY-TEXTUAL-ON-STDERR\\n"); sys.__stderr__.flush()
        sys.__stdout__.write("PYTHON-STDOUT\\n"); sys.__stdout__.flush()
        os.write(2, b"C-LEVEL-ERROR \\x1b]0;title\\x07 line\\n")
        libc.fflush(None)
        libc.dprintf(2, b"Can't read dictionary file: '/gone/en_dict'\\n")
        os.write(1, b"C-LEVEL-STDOUT\\n")
        tty = sys.__stderr__.isatty()
    os.write(2, b"AFTER-ON-STDERR\\n")
    print("TTY", tty, "CAPTURED", captured.count)
"""


def run_child(tmp_path: Path, **kwargs) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(CHILD), str(tmp_path / "log")],
                          cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60,
                          **kwargs)


def test_library_output_goes_to_the_log_and_python_streams_keep_the_terminal(tmp_path) -> None:
    proc = run_child(tmp_path, capture_output=True)
    assert proc.returncode == 0, proc.stderr
    err, out = proc.stderr.decode(), proc.stdout.decode()
    assert err == "DRAWN-BY-TEXTUAL-ON-STDERR\nAFTER-ON-STDERR\n"
    assert out.splitlines() == ["PYTHON-STDOUT", "TTY False CAPTURED 3"]
    log = (tmp_path / "log").read_text()
    assert "C-LEVEL-ERROR \\x1b]0;title\\x07 line" in log, "control bytes are escaped in the log"
    assert "Can't read dictionary file: '/gone/en_dict'" in log and "C-LEVEL-STDOUT" in log


def test_on_a_terminal_the_duplicates_are_the_terminal(tmp_path) -> None:
    main, child = pty.openpty()
    try:
        proc = run_child(tmp_path, stdin=child, stdout=child, stderr=child)
        os.close(child)
        child = -1
        seen = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # EIO: the child side is closed
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if child >= 0:
            os.close(child)
        os.close(main)
    assert proc.returncode == 0
    text = seen.decode().replace("\r\n", "\n")
    assert "DRAWN-BY-TEXTUAL-ON-STDERR" in text and "TTY True CAPTURED 3" in text
    assert "C-LEVEL" not in text and "dictionary" not in text


HUNG_UP = r'''
import logging, os, pty, sys
master, slave = pty.openpty()
os.dup2(slave, 1)
os.dup2(slave, 2)
sys.stdout = open(1, "w", closefd=False)
sys.stderr = open(2, "w", closefd=False)
from kiosk.speech.native_output import capture_native_output
with capture_native_output(logging.getLogger("test")):
    sys.__stderr__.write("drawn, not yet flushed")  # Textual draws here: its last frame, buffered
    os.close(master)  # the terminal goes away (SIGHUP, a closed tmux window)
with open(sys.argv[1], "w") as done:
    done.write("ended quietly")
os._exit(0)  # this child's own streams still point at the hung-up terminal
'''


def test_a_hung_up_terminal_ends_the_capture_without_an_error(tmp_path):
    """When the terminal hangs up, the last flush fails with EIO: the capture still
    ends and restores the descriptors (it logged a traceback at every SIGHUP)."""
    import subprocess
    import sys

    done = tmp_path / "done"
    result = subprocess.run([sys.executable, "-c", HUNG_UP, str(done)], capture_output=True,
                            timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert done.exists() and done.read_text() == "ended quietly", result
    assert result.returncode == 0, result
