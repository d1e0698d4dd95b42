"""Visits benchmark (headless): many visits in one kiosk, and what they leave behind.

Run: ``PYTHONPATH=. .venv/bin/python benchmarks/visits_benchmark.py [--visits N] [--spoken N]``
(after ``kiosk catalogs compile``; the spoken visits need ``pulseaudio``,
``pulseaudio-utils`` and eSpeak NG).  Issue 9, "Stress": 10,000 visits with
speech off and 500 with real speech through a null sink; memory growth
after warm-up under 5 MB, no leaked threads, file descriptors, processes
or temporary files, and a bounded log.

What it does, honestly:

* One real app per phase (``build_app`` with the launcher's own narrator,
  kiosk mode, the shipped content and all 28 languages' catalogs), headless
  under ``run_test`` at 80x24, the idle clock a fake one the benchmark moves.
* One visit: (every third visit) choose a language in the language list,
  then Start, two sections on, section 5, Help and back, About and back,
  the display key, the listen key (in the spoken phase: wait until the
  first sentence is heard, up to 5 s), section 2, then walk away: the
  idle warning comes and the countdown resets the visit.  A visit that
  does not end on the welcome screen with the default language is counted
  as a failure.
* Speech off: the narrator is the real one, never started (speech is off
  by default).  Speech on: ``[speech] enabled`` with ``paplay`` into a
  private PulseAudio null sink (``tests/speech/pulse_server.py``): eSpeak
  NG really synthesises and the player really plays.
* Measured in this process (Linux ``/proc``): resident memory (VmRSS),
  threads, open file descriptors, child processes (zombies included),
  entries in a private ``TMPDIR`` given to the process and its children,
  and the size of the log folder (the log rotates).  Each figure at the end
  of the warm-up (``--warmup`` visits) and at the end; memory after a
  ``gc.collect()``.  Time per visit is printed, not judged.

It prints figures; it exits 1 only when a visit failed or the app stopped.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

# A private temporary folder for this process and its children (eSpeak, the
# player, the phoneme check): what is left in it afterwards was leaked.
PRIVATE_TMP = Path(tempfile.mkdtemp(prefix="kiosk-visits-tmp-"))
os.environ["TMPDIR"] = str(PRIVATE_TMP)
tempfile.tempdir = str(PRIVATE_TMP)

from headless_keys import FakeClock, press, settle  # noqa: E402
from kiosk.config import load_config  # noqa: E402
from kiosk.languages import configure_locales, set_language  # noqa: E402
from kiosk.launcher import build_app, setup_logging  # noqa: E402
from kiosk.ui.screens.overview import OverviewScreen  # noqa: E402
from kiosk.ui.screens.welcome import WelcomeScreen  # noqa: E402
from speech_benchmark import load_pulse_helpers  # noqa: E402  (benchmarks/ is on the path)


# --- what the process holds --------------------------------------------------------
def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def threads() -> int:
    return len(os.listdir("/proc/self/task"))


def fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def children() -> list[str]:
    """Child processes of this one: "pid name state" (a zombie's state is Z)."""
    me, found = os.getpid(), []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        name_end = stat.rindex(")")
        fields = stat[name_end + 2:].split()
        if int(fields[1]) == me:
            found.append(f"{entry} {stat[stat.index('(') + 1:name_end]} {fields[0]}")
    return found


def temp_entries() -> list[str]:
    return sorted(p.name for p in PRIVATE_TMP.iterdir())


def log_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*") if p.is_file())


def snapshot(log_dir: Path) -> dict:
    gc.collect()
    return {"rss": rss_mib(), "threads": threads(), "fds": fds(), "children": children(),
            "tmp": temp_entries(), "log": log_bytes(log_dir)}


# --- one visit ------------------------------------------------------------------------
class Visitor:
    def __init__(self, app, clock: FakeClock, spoken: bool) -> None:
        self.app, self.clock, self.spoken = app, clock, spoken
        self.failures: list[str] = []
        self.heard_waits: list[float] = []

    async def keys(self, *keys: str) -> None:
        if not await press(self.app, *keys):
            raise RuntimeError(f"the app was stuck after {keys}")

    async def visit(self, number: int) -> None:
        app, clock = self.app, self.clock
        if number % 3 == 0 and len(app.languages) > 1:
            await self.keys("l")
            await self.keys(*["down"] * (1 + number % (len(app.languages) - 1)), "enter")
        menu = app.screen.menu
        await self.keys(*["down"] * (len(menu.entries) - 1 - menu.index), "enter")
        screen = app.screen
        if not isinstance(screen, OverviewScreen):
            self.failures.append(f"visit {number}: Start opened {type(screen).__name__}")
            return
        await self.keys("right", "right", "5", "f1", "escape", "i", "escape", "c")
        await self.keys("r")
        if self.spoken:
            started = time.monotonic()
            while screen.highlight is None and time.monotonic() - started < 5.0:
                await asyncio.sleep(0.02)
            self.heard_waits.append(time.monotonic() - started)
            if screen.highlight is None:
                self.failures.append(f"visit {number}: no sentence was read within 5 s")
        await self.keys("2")
        clock.now += app.config.idle_timeout
        app.idle.check()
        await settle(app)
        warning = app.idle.warning
        if warning is None:
            self.failures.append(f"visit {number}: no idle warning")
            return
        clock.now += app.config.idle_warning
        warning.tick()
        await settle(app)
        if not isinstance(app.screen, WelcomeScreen) or app.visit != app.defaults:
            self.failures.append(f"visit {number}: not reset ({type(app.screen).__name__})")


async def phase(name: str, visits: int, warmup: int, config, spoken: bool) -> bool:
    log_dir = config.log_file.parent
    setup_logging(config.log_file)
    configure_locales(config.locales_dir)
    clock = FakeClock()
    app = build_app(config, clock=clock)
    before = warm = None
    started = time.monotonic()
    ok = True
    async with app.run_test(size=(80, 24)):
        await settle(app)
        before = snapshot(log_dir)
        visitor = Visitor(app, clock, spoken)
        for number in range(1, visits + 1):
            try:
                await visitor.visit(number)
            except Exception as exc:  # noqa: BLE001 (a benchmark reports, then stops)
                visitor.failures.append(f"visit {number}: {exc!r}")
            if app.return_code is not None or visitor.failures[-1:] and "stuck" in visitor.failures[-1]:
                break
            if number == warmup:
                warm = snapshot(log_dir)
                warm_time = time.monotonic()
            if number % max(1, visits // 10) == 0:
                now = snapshot(log_dir)
                print(f"  {name}: {number} visits, RSS {now['rss']:.1f} MiB, threads {now['threads']},"
                      f" fds {now['fds']}, children {len(now['children'])}, tmp {len(now['tmp'])},"
                      f" log {now['log'] / 1024:.0f} KiB, {time.monotonic() - started:.0f} s",
                      flush=True)
        end = snapshot(log_dir)
        exited = app.return_code
    after = snapshot(log_dir)  # the app has closed: what it leaves in the process
    set_language("en")
    elapsed = time.monotonic() - started
    done = number
    print(f"{name}: {done} visits in {elapsed:.0f} s ({elapsed / max(1, done) * 1000:.0f} ms a visit"
          + (f"; after warm-up {(time.monotonic() - warm_time) / max(1, done - warmup) * 1000:.0f} ms"
             if warm else "") + ")")
    if warm:
        print(f"  RSS: start {before['rss']:.1f} MiB, after {warmup} warm-up visits {warm['rss']:.1f},"
              f" at the end {end['rss']:.1f}: growth after warm-up {end['rss'] - warm['rss']:+.2f} MiB"
              f" over {done - warmup} visits")
        print(f"  threads: {before['threads']} / {warm['threads']} / {end['threads']}, after the app "
              f"closed {after['threads']}")
        print(f"  file descriptors: {before['fds']} / {warm['fds']} / {end['fds']}, after {after['fds']}")
        print(f"  child processes: {len(warm['children'])} / {len(end['children'])}, after "
              f"{len(after['children'])} {after['children'] or ''}")
        print(f"  temporary files: {len(warm['tmp'])} / {len(end['tmp'])}, after {len(after['tmp'])}"
              f" {after['tmp'][:5] or ''}")
        print(f"  log folder: {warm['log'] / 1024:.0f} KiB / {end['log'] / 1024:.0f} KiB "
              f"(files: {sorted(p.name for p in log_dir.iterdir())})")
    if spoken and visitor.heard_waits:
        waits = sorted(visitor.heard_waits)
        print(f"  listen key to first sentence: median {waits[len(waits) // 2] * 1000:.0f} ms, "
              f"max {waits[-1] * 1000:.0f} ms")
    if exited is not None:
        print(f"  THE APP EXITED with return code {exited}")
        ok = False
    if visitor.failures:
        ok = False
        print(f"  {len(visitor.failures)} failed visits, first: {visitor.failures[:3]}")
    return ok


def make_config(folder: Path, speech: bool, pulse_sink: str | None):
    config = load_config(ROOT / "kiosk.toml")
    settings = replace(config.speech, enabled=speech,
                       **({"player": "paplay", "device": pulse_sink} if speech else {}))
    return replace(config, kiosk_mode=True, content_dir=ROOT / "content",
                   locales_dir=ROOT / "locales", log_file=folder / "logs" / "kiosk.log",
                   speech=settings)


async def main_async(args: argparse.Namespace) -> int:
    logging.getLogger().setLevel(logging.WARNING)
    ok = True
    with tempfile.TemporaryDirectory(prefix="kiosk-visits-") as tmp:
        folder = Path(tmp)
        if args.visits:
            print(f"speech off: {args.visits} visits (warm-up {args.warmup})", flush=True)
            ok &= await phase("speech off", args.visits, min(args.warmup, args.visits // 2),
                              make_config(folder / "off", False, None), spoken=False)
        if args.spoken:
            pulse = load_pulse_helpers()
            server = pulse.PulseServer().start()
            os.environ.update(server.client_env)
            try:
                warmup = min(args.spoken_warmup, args.spoken // 2)
                print(f"speech on (null sink): {args.spoken} visits (warm-up {warmup})", flush=True)
                ok &= await phase("speech on", args.spoken, warmup,
                                  make_config(folder / "on", True, server.sink), spoken=True)
            finally:
                server.stop()
    leftovers = temp_entries()
    print(f"private TMPDIR after both phases: {len(leftovers)} entries {leftovers[:5] or ''}")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--visits", type=int, default=10_000, help="visits with speech off")
    parser.add_argument("--warmup", type=int, default=200, help="warm-up visits (speech off)")
    parser.add_argument("--spoken", type=int, default=500, help="visits with real speech")
    parser.add_argument("--spoken-warmup", type=int, default=20, help="warm-up visits (speech on)")
    args = parser.parse_args()
    try:
        return asyncio.run(main_async(args))
    finally:
        for path in sorted(PRIVATE_TMP.rglob("*"), reverse=True):
            path.unlink() if path.is_file() or path.is_symlink() else path.rmdir()
        PRIVATE_TMP.rmdir()


if __name__ == "__main__":
    sys.exit(main())
