"""Monkey benchmark (headless): random keys in kiosk mode over every screen, counting failures.

Run: ``PYTHONPATH=. .venv/bin/python benchmarks/monkey_benchmark.py [--keys N] [--seed S]``
(after ``kiosk catalogs compile``).  Issue 9, "Stress": 100,000 keys, 0
exceptions, 0 exits, always a kiosk screen, and the failing seed printed.

What it does, honestly:

* The real app (``build_app``, kiosk mode, all 28 languages' catalogs, the
  shipped content plus a second medicine so the medicine list is reached)
  runs headless under Textual's ``run_test`` at 80x24, with a
  ``RecordingAnnouncer`` (no sound: speech layer calls are recorded) and a
  fake clock.  Each run is one app and ``--keys-per-run`` keys from a
  ``random.Random(seed)``; run ``i`` uses seed ``S + i``.
* Keys: every key of the keymap (the keyboard and the numeric-keypad
  profiles alternate between runs), the staff sequence (F12 three times,
  then random digits and Enter: the PIN is never guessed), and keys no
  visitor action has (letters, ctrl+c, ctrl+q, tab, F5-F11 ...).
* Races: most keys are pressed one at a time (the next waits until the app
  and its screen have handled it: ``headless_keys.settle``); one key in eight starts a burst of 2-6 keys posted in the same
  tick, and one in twenty runs the idle check in the same tick as a key.
  Idle times are short (10 s timeout, 5 s warning on the fake clock, which
  moves 0-4 s per key and sometimes 20 s), so "Still there?" and the
  visit reset happen hundreds of times.  One run in ten starts with no
  content (the staff message screen).
* Failure counts: an exception (Textual re-raises the app's uncaught error
  when ``run_test`` ends; kiosk mode also logs it), an exit (``return_code``
  set while the monkey runs), and a screen that is not the kiosk's (a
  Textual built-in such as the command palette).  Each failure prints the
  run's seed and the last keys, so ``--seed <that> --runs 1`` replays it
  (Textual's timers run on the real clock: a replay is very likely, not
  certain, to fail the same way).

Figures: keys sent, keys per second, the screens reached, the counts above.
It is not a timed test: it prints figures and exits 1 when something failed.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import hashlib
import logging
import random
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from headless_keys import FakeClock, key_event, settle  # noqa: E402
from kiosk.config import KioskConfig, StaffExit  # noqa: E402
from kiosk.keys import build_keymap  # noqa: E402
from kiosk.languages import configure_locales, set_language  # noqa: E402
from kiosk.launcher import build_app  # noqa: E402
from kiosk.ui.announcer import RecordingAnnouncer  # noqa: E402
from kiosk.ui.screens.base import VisitorActions  # noqa: E402


EXTRA_KEYS = ("a", "b", "z", "x", "q", "ctrl+c", "ctrl+q", "ctrl+z", "ctrl+p", "tab", "shift+tab",
              "f5", "f6", "f7", "f8", "f9", "f10", "f11", "insert", "delete", "pageup",
              "pagedown", "home", "end", "escape", "backspace", "space", "enter", "left", "right",
              "up", "down", "0", "1", "5", "9", "question_mark", "plus", "minus", "asterisk",
              "slash", "full_stop", "comma")
PIN = "8642097531"  # never typed whole by the monkey: ten digits


def make_content(folder: Path) -> Path:
    """The shipped content plus a second medicine (so the medicine list is reached)."""
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    second = content / "testorin"
    shutil.copytree(content / "opzelura", second)
    text = (second / "overview.md").read_text(encoding="utf-8")
    (second / "overview.md").write_text(text.replace('name = "Opzelura"', 'name = "Testorin"', 1),
                                        encoding="utf-8")
    return content


def make_config(folder: Path, content: Path, profile: str) -> KioskConfig:
    return replace(
        KioskConfig(), source="monkey", kiosk_mode=True, content_dir=content,
        locales_dir=ROOT / "locales", log_file=folder / "kiosk.log",
        idle_timeout=10.0, idle_warning=5.0,
        languages=("en", "de", "fr", "el", "bg", "uk", "pl", "fi", "mt", "ga", "it", "es"),
        staff_exit=StaffExit(("f12", "f12", "f12"), hashlib.sha256(PIN.encode()).hexdigest()),
        keymap=build_keymap(profile), key_profile=profile)


def key_pool(config: KioskConfig) -> list[str]:
    keys = sorted({key for keys in config.keymap.values() for key in keys})
    return keys * 3 + list(EXTRA_KEYS)  # visitor keys three times as often


class Run:
    """One app, ``count`` keys from ``random.Random(seed)``."""

    def __init__(self, seed: int, count: int, folder: Path, content: Path) -> None:
        self.seed, self.count = seed, count
        self.rng = random.Random(seed)
        profile = "numeric-keypad" if seed % 2 else "keyboard"
        no_content = self.rng.random() < 0.1
        self.config = make_config(folder, folder / "missing" if no_content else content, profile)
        self.pool = key_pool(self.config)
        self.clock = FakeClock()
        self.keys: collections.deque[str] = collections.deque(maxlen=30)
        self.sent = 0
        self.screens: collections.Counter[str] = collections.Counter()
        self.failures: list[str] = []

    def next_key(self) -> str:
        rng = self.rng
        if rng.random() < 0.01:  # the staff sequence, then a wrong PIN or a cancel
            digits = [rng.choice("0123456789") for _ in range(rng.randint(0, 6))]
            return " ".join(["f12", "f12", "f12", *digits, rng.choice(("enter", "escape"))])
        return rng.choice(self.pool)

    def move_clock(self) -> None:
        self.clock.now += 20.0 if self.rng.random() < 0.02 else self.rng.uniform(0.0, 4.0)

    async def settle(self, app) -> None:
        if not await settle(app):
            self.failures.append("stuck: the app handled nothing for 10 s")

    def check(self, app) -> None:
        screen = app.screen
        self.screens[type(screen).__name__] += 1
        if not isinstance(screen, VisitorActions):
            self.failures.append(f"not a kiosk screen: {type(screen).__name__}")

    async def play(self) -> None:
        configure_locales(self.config.locales_dir)
        app = build_app(self.config, announcer=RecordingAnnouncer(), clock=self.clock)
        try:
            async with app.run_test(size=(80, 24)):
                while self.sent < self.count:
                    keys = self.next_key().split()
                    self.move_clock()
                    roll = self.rng.random()
                    if len(keys) == 1 and roll < 0.125:  # a burst in one tick
                        keys += [self.rng.choice(self.pool) for _ in range(self.rng.randint(1, 5))]
                        for key in keys:
                            self.keys.append(key)
                            app.post_message(key_event(key))
                        await self.settle(app)
                    elif roll < 0.175:  # the idle check and a key in one tick
                        self.keys.append(f"idle-check+{keys[0]}")
                        app.idle.check()
                        warning = app.idle.warning
                        if warning is not None and self.rng.random() < 0.5:
                            warning.tick()
                        app.post_message(key_event(keys[0]))
                        await self.settle(app)
                    else:
                        for key in keys:
                            self.keys.append(key)
                            app.post_message(key_event(key))
                            await self.settle(app)
                    self.sent += len(keys)
                    if self.rng.random() < 0.1:
                        app.idle.check()
                        if app.idle.warning is not None:
                            app.idle.warning.tick()
                        await self.settle(app)
                    if self.failures:
                        return
                    if app.return_code is not None or not app.is_running:
                        self.failures.append(f"exit (return code {app.return_code})")
                        return
                    self.check(app)
        except Exception:
            self.failures.append("exception:\n" + traceback.format_exc())
        finally:
            set_language("en")


async def main_async(args: argparse.Namespace) -> int:
    logging.getLogger().setLevel(logging.CRITICAL)  # the log file has it; keep stdout for figures
    started = time.monotonic()
    sent, failed_runs = 0, 0
    exceptions = exits = foreign = 0
    screens: collections.Counter[str] = collections.Counter()
    with tempfile.TemporaryDirectory(prefix="kiosk-monkey-") as tmp:
        folder = Path(tmp)
        content = make_content(folder)
        run_index = 0
        while sent < args.keys and run_index < args.runs:
            run = Run(args.seed + run_index, min(args.keys_per_run, args.keys - sent), folder, content)
            await run.play()
            sent += run.sent
            screens.update(run.screens)
            if run.failures:
                failed_runs += 1
                exceptions += sum(f.startswith("exception") for f in run.failures)
                exits += sum(f.startswith("exit") for f in run.failures)
                foreign += sum(f.startswith("not a kiosk") for f in run.failures)
                print(f"FAILED seed {run.seed} after {run.sent} keys; last keys: {' '.join(run.keys)}")
                for failure in dict.fromkeys(run.failures):
                    print("   ", failure.replace("\n", "\n    "))
            run_index += 1
            if run_index % 10 == 0:
                print(f"  ... {sent} keys, {run_index} runs, {time.monotonic() - started:.0f} s",
                      flush=True)
    elapsed = time.monotonic() - started
    print(f"monkey: {sent} keys in {run_index} runs (seeds {args.seed}..{args.seed + run_index - 1}),"
          f" {elapsed:.0f} s, {sent / elapsed:.0f} keys/s")
    print(f"screens reached (checks): {dict(screens.most_common())}")
    print(f"exceptions: {exceptions}  exits: {exits}  non-kiosk screens: {foreign}  "
          f"failed runs: {failed_runs}")
    return 1 if failed_runs else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=100_000, help="keys in all (default 100000)")
    parser.add_argument("--keys-per-run", type=int, default=2_000, help="keys per app (default 2000)")
    parser.add_argument("--runs", type=int, default=10**9, help="stop after this many apps")
    parser.add_argument("--seed", type=int, default=None, help="first seed (default: from the time)")
    args = parser.parse_args()
    if args.seed is None:
        args.seed = int(time.time()) % 1_000_000
    print(f"seed {args.seed}", flush=True)
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
