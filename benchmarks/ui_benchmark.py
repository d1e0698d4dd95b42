"""UI benchmark (headless): start-up, key to repaint and memory, against a minimal Textual app.

Run: ``PYTHONPATH=. python benchmarks/ui_benchmark.py [--runs N] [--presses N]``
(after ``kiosk catalogs compile``; ``benchmarks/terminal_benchmark.py`` measures
the same in a real terminal, ``benchmarks/language_benchmark.py`` the language
switch and the memory of a visit in every language).

What is measured, honestly:

* start-up: wall time from just before ``subprocess.Popen`` to the child's
  first painted screen: Textual sends the app its ``Ready`` event right after
  the first screen's first layout and paint, and the child's ``on_ready``
  writes ``time.time()`` and exits (headless).  The kiosk's modules are
  byte-compiled first (``compileall``), as after its first start on a kiosk:
  this environment sets ``PYTHONDONTWRITEBYTECODE``, which would otherwise
  make every start compile them again, while Textual's come compiled by pip.  The kiosk child starts the way ``kiosk`` does
  (``load_config`` of a kiosk.toml, ``build_app``) with the shipped content and
  all 28 languages' catalogs.  Includes interpreter start and imports;
  headless, so no terminal output is written.  Median of ``--runs``,
  interleaved with the minimal app so a change in the machine's load hits
  both sides alike.
* key to repaint: in this process, headless ``run_test``: time from posting
  a Key event to the app (the same path a terminal key takes) until the
  screen shows the result, median over ``--presses`` presses.  Two figures:
  Beside them, the same key in a minimal Textual app shaped like the
  overview (``minimal_overview.py``: a page of text beside an
  ``OptionList``, both changed by the key), which repaints what the kiosk
  repaints: Textual's own cost for this change.
  "first frame", the first frame painted after the change (a non-empty
  compositor update handed to the app's display: what a visitor sees; see
  ``timed_key``), and
  "settled", when the screen has no refresh left to do
  (``call_after_refresh``; follow-up repaints included).  Kiosk: "next
  section" on the overview; minimal app: a key that updates a Static's text.
  The CPU time of each child (user + system, from ``wait4``, until it
  exits) is printed as well: on a machine others load, it moves far less
  than the wall time.
* memory: peak RSS (``ru_maxrss`` from ``os.wait4``) of the start-up children.
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
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent

MINIMAL_APP = textwrap.dedent("""
    from textual.app import App
    from textual.widgets import Static
    class Minimal(App):
        count = 0
        def compose(self):
            yield Static("Medicine information", id="s")
        def on_key(self, event):
            self.count += 1
            self.query_one("#s", Static).update(f"Medicine information {self.count}")
""")

MINIMAL_CHILD = MINIMAL_APP + textwrap.dedent("""
    import sys, time
    def on_ready(self):
        open(sys.argv[1], "w").write(repr(time.time()))
        self.exit()
    Minimal.on_ready = on_ready
    Minimal().run(headless=True, size=(80, 24))
""")

KIOSK_CHILD = textwrap.dedent("""
    import sys, time
    from kiosk.config import load_config
    from kiosk.launcher import build_app, setup_logging
    from kiosk.ui.app import KioskApp
    def on_ready(self):
        assert type(self.screen).__name__ == "WelcomeScreen"
        open(sys.argv[1], "w").write(repr(time.time()))
        self.exit()
    KioskApp.on_ready = on_ready
    config = load_config(sys.argv[2])
    setup_logging(config.log_file)
    build_app(config).run(headless=True, size=(80, 24))
""")


def write_config(folder: Path, *, locales: Path | None = None, languages: str = "[]",
                 kiosk_mode: bool = True, content: Path | None = None) -> Path:
    """A kiosk.toml in ``folder`` with the shipped content (or ``content``) and catalogs,
    logging into ``folder``."""
    path = folder / "kiosk.toml"
    path.write_text(textwrap.dedent(f"""
        [kiosk]
        kiosk_mode = {str(kiosk_mode).lower()}
        content_dir = "{content or ROOT / 'content'}"
        locales_dir = "{locales or ROOT / 'locales'}"
        log_file = "{folder / 'kiosk.log'}"
        languages = {languages}
        [staff]
        exit_pin = "2468"
    """), encoding="utf-8")
    return path


def compile_kiosk() -> None:
    """Byte-compile the kiosk's modules (a kiosk's second and later starts use them)."""
    import compileall

    compileall.compile_dir(str(ROOT / "kiosk"), quiet=1)


class Child(NamedTuple):
    """What one start-up child cost."""

    seconds: float  # from spawn to its first painted screen (wall clock)
    rss_mib: float  # peak resident memory
    cpu_seconds: float  # user + system CPU time of the whole child, until it exited


def run_child(code: str, config: Path | None = None) -> Child:
    """Start one child process (``code``, given a stamp file and ``config``) and measure it.

    The CPU time is reported beside the wall time because it hardly moves
    with the load other processes put on the machine (the wall time does).
    """
    with tempfile.TemporaryDirectory() as tmp:
        stamp = Path(tmp) / "stamp"
        args = [sys.executable, "-c", code, str(stamp)] + ([str(config)] if config else [])
        start = time.time()
        proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"child failed: {proc.stderr.read().decode()[-2000:]}")
        return Child(float(stamp.read_text()) - start, usage.ru_maxrss / 1024,  # Linux: KiB
                     usage.ru_utime + usage.ru_stime)


async def timed_key(app, key: str, changed, screen=None) -> tuple[float, float]:
    """Post ``key`` as the driver does; seconds until (the first frame of ``screen``
    (default: the current one) painted once ``changed()`` holds, the screen
    settled after it).

    A frame is painted when Textual hands the app a non-empty compositor
    update for the screen (``App._display``, the one door every frame passes
    through to the terminal).  Textual has no public "frame painted" event:
    its ``screen_layout_refresh_signal`` fires after a layout even when that
    layout painted nothing (closing a modal screen lays the screen out, then
    repaints all of it in the next frame), so the benchmark wraps the private
    ``_display`` on this app instance for the duration of one key.  (Only
    here: the kiosk itself uses no private Textual API.)
    """
    from textual import events

    frame: list[float] = []
    screen = screen or app.screen
    display = app._display

    def painted(shown, update) -> None:
        display(shown, update)
        if not frame and update is not None and shown is screen and changed():
            frame.append(time.perf_counter())

    app._display = painted
    settled = asyncio.Event()
    t0 = time.perf_counter()
    app.post_message(events.Key(key, None))
    try:
        while not changed():
            if time.perf_counter() - t0 > 10:
                raise SystemExit(f"the key {key!r} changed nothing within 10 s")
            await asyncio.sleep(0)
        app.call_after_refresh(settled.set)
        await settled.wait()
    finally:
        del app._display  # the class's method again
    done = time.perf_counter()
    return (frame[0] if frame else done) - t0, done - t0


async def minimal_key_latency(presses: int) -> list[float]:
    namespace: dict = {}
    exec(MINIMAL_APP, namespace)
    app = namespace["Minimal"]()
    times = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(presses):
            before = app.count
            times.append(await timed_key(app, "right", lambda: app.count != before))
            await pilot.pause()
    return times


def next_section_key(i: int) -> str:
    """Right six times, then left six times, and again (from section 1: 1..7 and back)."""
    return "right" if (i // 6) % 2 == 0 else "left"


async def kiosk_key_latency(presses: int) -> list[float]:
    from kiosk.config import load_config
    from kiosk.launcher import build_app

    with tempfile.TemporaryDirectory() as tmp:
        app = build_app(load_config(write_config(Path(tmp))))
        times = []
        async with app.run_test(size=(80, 24)) as pilot:
            await open_overview(pilot)
            screen = app.screen
            for i in range(presses):
                before = screen.section_index
                times.append(await timed_key(app, next_section_key(i),
                                             lambda: screen.section_index != before))
                await pilot.pause()
        return times


async def open_overview(pilot) -> None:
    """From the welcome screen to the overview with keys (the welcome menu ends with Start)."""
    menu = pilot.app.screen.menu
    await pilot.press(*["down"] * (len(menu.entries) - 1 - menu.index), "enter")
    await pilot.pause()


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def frames_ms(timings: list[tuple[float, float]]) -> tuple[float, float]:
    """Medians (ms) of the first-frame and the settled times."""
    return median_ms([f for f, _ in timings]), median_ms([s for _, s in timings])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--presses", type=int, default=60)
    args = parser.parse_args()
    if not any((ROOT / "locales").glob("*/LC_MESSAGES/kiosk.mo")):
        raise SystemExit("no compiled catalogs: run `kiosk catalogs compile` first")

    compile_kiosk()
    with tempfile.TemporaryDirectory() as tmp:
        config = write_config(Path(tmp))
        base, kiosk = [], []
        for _ in range(args.runs):
            base.append(run_child(MINIMAL_CHILD))
            kiosk.append(run_child(KIOSK_CHILD, config))
    b_start, k_start = median_ms([c.seconds for c in base]), median_ms([c.seconds for c in kiosk])
    b_cpu, k_cpu = median_ms([c.cpu_seconds for c in base]), median_ms([c.cpu_seconds for c in kiosk])
    b_mem, k_mem = statistics.median(c.rss_mib for c in base), statistics.median(c.rss_mib for c in kiosk)
    b_frame, b_settled = frames_ms(asyncio.run(minimal_key_latency(args.presses)))
    k_frame, k_settled = frames_ms(asyncio.run(kiosk_key_latency(args.presses)))
    from minimal_overview import switch_and_key_latency

    _switches, shaped_keys = asyncio.run(switch_and_key_latency(max(1, args.presses // 2)))
    s_frame, s_settled = frames_ms(shaped_keys)

    print(f"spawn to first painted screen (median of {args.runs}, headless, 28 languages):")
    print(f"  minimal app {b_start:7.1f} ms   kiosk {k_start:7.1f} ms   "
          f"ratio {k_start / b_start:4.2f}  (target <= 1.2)")
    print(f"  CPU time of the child (user + system, to its exit; steadier under load):")
    print(f"  minimal app {b_cpu:7.1f} ms   kiosk {k_cpu:7.1f} ms   ratio {k_cpu / b_cpu:4.2f}")
    print(f"key to repaint (median of {args.presses}, headless run_test):")
    print(f"  first frame: minimal app {b_frame:6.1f} ms   kiosk next section {k_frame:6.1f} ms   "
          f"ratio {k_frame / b_frame:4.2f}  (target <= 1.5)")
    print(f"  settled:     minimal app {b_settled:6.1f} ms   kiosk next section {k_settled:6.1f} ms   "
          f"ratio {k_settled / b_settled:4.2f}")
    print(f"  the same change in a minimal overview-shaped Textual app: first frame {s_frame:6.1f} ms"
          f"   kiosk/that {k_frame / s_frame:4.2f}")
    print("peak memory of the start-up child (ru_maxrss, median):")
    print(f"  minimal app {b_mem:7.1f} MiB  kiosk {k_mem:7.1f} MiB  ratio {k_mem / b_mem:4.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
