"""Terminal benchmark: the kiosk in a real terminal (tmux, 80x24) against a minimal Textual app.

Run: ``PYTHONPATH=. python benchmarks/terminal_benchmark.py [--runs N] [--presses N]``
(needs tmux, the Debian package; after ``kiosk catalogs compile``).

Each app runs in its own tmux session on a private server (``tmux -L``, one per run),
80x24, ``escape-time 0``; what the terminal shows is read with
``capture-pane`` in a tight loop (each read costs a few milliseconds, the
same for both apps, so figures are upper bounds):

* spawn to first paint: from just before ``new-session`` to the first
  capture that shows the whole first screen (the minimal app's text; the
  kiosk's welcome title and its status line), started with the ``kiosk``
  command and a kiosk.toml with all 28 languages.  Median of ``--runs``,
  interleaved; the kiosk's modules byte-compiled as in ``ui_benchmark.py``.
* key to repaint: from ``send-keys`` to the first capture that shows the
  result: the minimal app's counter, the kiosk's next section ("Section 4
  of 8" in place of "Section 3 of 8").  Median of ``--presses``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from ui_benchmark import MINIMAL_APP, compile_kiosk, write_config  # noqa: E402

SOCKET = f"kiosk-terminal-benchmark-{os.getpid()}"  # a private tmux server per run
TIMEOUT = 30.0


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True,
                          check=False).stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", "bench")


def wait_for(predicate, started: float) -> float:
    """Seconds from ``started`` until ``predicate(screen text)`` holds."""
    while time.perf_counter() - started < TIMEOUT:
        if predicate(screen()):
            return time.perf_counter() - started
    raise SystemExit(f"timed out; sessions: {tmux('list-sessions')!r}; the terminal shows:\n"
                     f"{screen()}")


def start(command: str, painted) -> float:
    """Start ``command`` in a fresh 80x24 session; seconds until ``painted`` holds."""
    tmux("kill-session", "-t", "bench")
    t0 = time.perf_counter()
    tmux("new-session", "-d", "-s", "bench", "-x", "80", "-y", "24", command)
    return wait_for(painted, t0)


def key(name: str, shown) -> float:
    t0 = time.perf_counter()
    tmux("send-keys", "-t", "bench", name)
    return wait_for(shown, t0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--presses", type=int, default=50)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is not installed (Debian package tmux)")
    compile_kiosk()  # as after a kiosk's first start (see ui_benchmark.py)
    # An idle session keeps the private server up between the measured ones
    # (else each start would include starting tmux, and race its exit).
    tmux("new-session", "-d", "-s", "keeper", "sleep 3600")
    tmux("set-option", "-g", "escape-time", "0")
    try:
        return measure(args)
    finally:
        tmux("kill-server")


def measure(args: argparse.Namespace) -> int:
    """Run both apps in tmux and print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        minimal = folder / "minimal.py"
        minimal.write_text(MINIMAL_APP + "\nMinimal().run()\n", encoding="utf-8")
        config = write_config(folder)
        python, kiosk = sys.executable, Path(sys.executable).with_name("kiosk")
        minimal_cmd = f"{python} {minimal}"
        # PYTHONPATH: this tree's kiosk, whichever one the venv installed
        kiosk_cmd = f"cd {ROOT} && PYTHONPATH={ROOT} {kiosk} --config {config}"

        def minimal_painted(text: str) -> bool:
            return "Medicine information" in text

        def kiosk_painted(text: str) -> bool:
            return "Medicine information" in text and "Help: F1" in text

        base, kiosk_start = [], []
        for _ in range(args.runs):
            base.append(start(minimal_cmd, minimal_painted))
            kiosk_start.append(start(kiosk_cmd, kiosk_painted))

        start(minimal_cmd, minimal_painted)
        base_keys = []
        for n in range(1, args.presses + 1):
            base_keys.append(key("x", lambda text, n=n: f"Medicine information {n}" in text))

        start(kiosk_cmd, kiosk_painted)
        for _ in range(40):  # to Start (below every language), then into the overview
            tmux("send-keys", "-t", "bench", "Down")
        wait_for(lambda text: "▶ » Start «" in text, time.perf_counter())
        key("Enter", lambda text: "Contents" in text)
        key("3", lambda text: "Section 3 of 8" in text)
        kiosk_keys, section = [], 3
        for i in range(args.presses):
            forward = (i // 4) % 2 == 0  # sections 3..7 and back
            section += 1 if forward else -1
            wanted, old = f"Section {section} of 8", f"Section {section - 1 if forward else section + 1} of 8"
            kiosk_keys.append(key("Right" if forward else "Left",
                                  lambda text, w=wanted, o=old: w in text and o not in text))

    ms = lambda values: statistics.median(values) * 1000  # noqa: E731
    print("in tmux at 80x24 (capture-pane polling):")
    print(f"  spawn to first paint (median of {args.runs}): minimal app {ms(base):7.1f} ms   "
          f"kiosk {ms(kiosk_start):7.1f} ms   ratio {ms(kiosk_start) / ms(base):4.2f}  (target <= 1.2)")
    print(f"  key to repaint (median of {args.presses}): minimal app {ms(base_keys):7.1f} ms   "
          f"kiosk next section {ms(kiosk_keys):7.1f} ms   ratio {ms(kiosk_keys) / ms(base_keys):4.2f}"
          "  (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
