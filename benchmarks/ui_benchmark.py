"""UI benchmark: start-up, key-to-repaint and memory, against a minimal Textual app.

Run: ``PYTHONPATH=. python benchmarks/ui_benchmark.py [--runs N] [--presses N]``.

What is measured, honestly:

* start-up: wall time from just before ``subprocess.Popen`` to the moment the
  child's app has mounted its first screen and processed its first refresh
  (``run(headless=True, auto_pilot=...)``, the pilot waits for idle, then
  writes ``time.time()``).  Includes interpreter start and imports; headless,
  so no terminal output is written.  Median of ``--runs``.
* key-to-repaint: in this process, headless ``run_test``: time from posting
  a "next section" Key event to the app (the same path a terminal key takes)
  until the first refresh after the screen has changed
  (``call_after_refresh`` callback), median over ``--presses`` presses.
  The baseline updates a Static's text on each key.
* memory: peak RSS (``ru_maxrss`` from ``os.wait4`` for that child) of the
  start-up children, median.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BASELINE_CHILD = textwrap.dedent("""
    import sys, time
    from textual.app import App
    from textual.widgets import Static
    class Minimal(App):
        def compose(self):
            yield Static("Medicine information")
    async def auto(pilot):
        await pilot.pause()
        open(sys.argv[1], "w").write(repr(time.time()))
        pilot.app.exit()
    Minimal().run(headless=True, size=(80, 24), auto_pilot=auto)
""")

_KIOSK_CHILD = textwrap.dedent("""
    import sys, time
    from dataclasses import replace
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from tests.ui.helpers import make_config
    from kiosk.launcher import build_app, setup_logging
    tmp = Path(sys.argv[2])
    config = replace(make_config(tmp), **{changes})
    setup_logging(config.log_file)
    app = build_app(config)
    async def auto(pilot):
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "WelcomeScreen"
        open(sys.argv[1], "w").write(repr(time.time()))
        pilot.app.exit()
    app.run(headless=True, size=(80, 24), auto_pilot=auto)
""")


def kiosk_child(changes: str = "{}") -> str:
    """The kiosk start-up child; ``changes`` is Python source of a dict of config changes."""
    return _KIOSK_CHILD.format(root=str(ROOT), changes=changes)


KIOSK_CHILD = kiosk_child()


def run_child(code: str) -> tuple[float, float]:
    """(seconds to first paint, peak RSS in MiB) of one child process."""
    with tempfile.TemporaryDirectory() as tmp:
        stamp = Path(tmp) / "stamp"
        start = time.time()
        proc = subprocess.Popen([sys.executable, "-c", code, str(stamp), tmp],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"child failed: {proc.stderr.read().decode()[-2000:]}")
        painted = float(stamp.read_text())
        return painted - start, usage.ru_maxrss / 1024  # Linux: KiB


async def key_latency_baseline(presses: int) -> list[float]:
    from textual.app import App
    from textual.widgets import Static

    class Minimal(App):
        count = 0

        def compose(self):
            yield Static("0", id="s")

        def on_key(self, event) -> None:
            self.count += 1
            self.query_one("#s", Static).update(str(self.count))

    times = []
    app = Minimal()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(presses):
            before = app.count
            times.append(await _timed_key(app, "right", lambda: app.count != before))
            await pilot.pause()
    return times


async def _timed_key(app, key: str, changed) -> float:
    """Post ``key`` like the driver does; seconds until the refresh after ``changed()``."""
    from textual import events

    done = asyncio.Event()
    t0 = time.perf_counter()
    app.post_message(events.Key(key, None))
    while not changed():
        await asyncio.sleep(0)
    app.call_after_refresh(done.set)
    await done.wait()
    return time.perf_counter() - t0


async def key_latency_kiosk(presses: int) -> list[float]:
    sys.path.insert(0, str(ROOT))
    from kiosk.launcher import build_app
    from tests.ui.helpers import make_config, open_overview

    with tempfile.TemporaryDirectory() as tmp:
        app = build_app(make_config(Path(tmp)))
        times = []
        async with app.run_test(size=(80, 24)) as pilot:
            await open_overview(pilot)
            screen = app.screen
            for i in range(presses):
                key = "right" if (i // 7) % 2 == 0 else "left"
                before = screen.section_index
                times.append(await _timed_key(app, key, lambda: screen.section_index != before))
                await pilot.pause()
        return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--presses", type=int, default=50)
    args = parser.parse_args()

    # Interleaved, so a change in the machine's load hits both sides alike.
    base, kiosk = [], []
    for _ in range(args.runs):
        base.append(run_child(BASELINE_CHILD))
        kiosk.append(run_child(KIOSK_CHILD))
    b_start = statistics.median(t for t, _ in base)
    k_start = statistics.median(t for t, _ in kiosk)
    b_mem = statistics.median(m for _, m in base)
    k_mem = statistics.median(m for _, m in kiosk)
    b_key = statistics.median(asyncio.run(key_latency_baseline(args.presses))) * 1000
    k_key = statistics.median(asyncio.run(key_latency_kiosk(args.presses))) * 1000

    print(f"start to first painted screen (median of {args.runs}, headless):")
    print(f"  baseline {b_start * 1000:7.1f} ms   kiosk {k_start * 1000:7.1f} ms   "
          f"ratio {k_start / b_start:4.2f}  (target <= 1.5)")
    print(f"key to repaint (median of {args.presses}, headless run_test):")
    print(f"  baseline {b_key:7.1f} ms   kiosk {k_key:7.1f} ms   ratio {k_key / b_key:4.2f}  "
          f"(target kiosk < 50 ms)")
    print("peak memory (ru_maxrss of the start-up child, median):")
    print(f"  baseline {b_mem:7.1f} MiB  kiosk {k_mem:7.1f} MiB  ratio {k_mem / b_mem:4.2f}  "
          f"(target <= 1.3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
