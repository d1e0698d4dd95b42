"""Language benchmark: switch-to-repaint, and start-up/memory with 1 vs 28 languages.

Run: ``PYTHONPATH=. python benchmarks/language_benchmark.py [--runs N] [--switches N]``
(after ``kiosk catalogs compile``, which the set-up does).

What is measured:

* language switch to repaint: headless ``run_test`` on the overview screen;
  from ``set_visit_language(code)`` (what choosing a language on the
  language screen calls) to the first refresh after it.  The first switch
  to each language includes loading its catalogs (they load lazily), so
  cold and warm switches are reported apart.  Baseline: a "next section"
  key on the same screen, measured in the same run.
* start-up and memory with 1 language (an empty ``locales/``: English only)
  and with all 28 (the repository's compiled catalogs): the same child
  process as ``ui_benchmark.py`` (process start to first painted welcome
  screen, peak RSS), interleaved runs, medians.  A third run lists all 28
  languages on the welcome screen with no catalog installed, which separates
  what the catalogs cost (lazy loading: nothing) from what 28 menu entries
  cost to lay out.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ui_benchmark import _timed_key, kiosk_child, run_child  # noqa: E402

def child(all_languages: bool, listed: tuple[str, ...] = ()) -> str:
    if all_languages:
        return kiosk_child(f"{{'locales_dir': Path({str(ROOT / 'locales')!r})}}")
    if listed:
        return kiosk_child(f"{{'languages': {listed!r}}}")
    return kiosk_child()


async def switch_latency(rounds: int) -> tuple[list[float], list[float], list[float], int]:
    """(cold switches, warm switches, next-section keys) in seconds; and language count."""
    from dataclasses import replace

    from kiosk.languages.registry import SUPPORTED_LANGUAGES
    from kiosk.launcher import build_app
    from tests.ui.helpers import make_config, open_overview

    with tempfile.TemporaryDirectory() as tmp:
        config = replace(make_config(Path(tmp)), locales_dir=ROOT / "locales")
        app = build_app(config)
        cold: list[float] = []
        warm: list[float] = []
        keys: list[float] = []
        async with app.run_test(size=(80, 24)) as pilot:
            await open_overview(pilot)
            codes = [c for c in SUPPORTED_LANGUAGES if c != "en"] + ["en"]
            for round_no in range(rounds):
                for code in codes:
                    done = asyncio.Event()
                    t0 = time.perf_counter()
                    app.set_visit_language(code)
                    app.call_after_refresh(done.set)
                    await done.wait()
                    (cold if round_no == 0 else warm).append(time.perf_counter() - t0)
                    await pilot.pause()
            screen = app.screen
            for i in range(len(codes)):
                key = "right" if (i // 7) % 2 == 0 else "left"
                before = screen.section_index
                keys.append(await _timed_key(app, key, lambda: screen.section_index != before))
                await pilot.pause()
        return cold, warm, keys, len(codes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3,
                        help="passes through all languages (the first is cold)")
    args = parser.parse_args()

    if not any((ROOT / "locales").glob("*/LC_MESSAGES/kiosk.mo")):
        raise SystemExit("no compiled catalogs: run `kiosk catalogs compile` first")

    cold, warm, keys, count = asyncio.run(switch_latency(args.rounds))
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    print(f"language switch to repaint, overview screen, {count} languages (headless):")
    print(f"  first switch to each language (loads its catalogs): median {ms(cold):6.1f} ms, "
          f"max {max(cold) * 1000:6.1f} ms")
    print(f"  later switches: median {ms(warm):6.1f} ms, max {max(warm) * 1000:6.1f} ms "
          f"(target < 50 ms)")
    print(f"  baseline, next-section key on the same screen: median {ms(keys):6.1f} ms; "
          f"ratio warm/baseline {ms(warm) / ms(keys):4.2f}")

    from kiosk.languages.registry import SUPPORTED_LANGUAGES

    one, all_, listed = [], [], []
    for _ in range(args.runs):
        one.append(run_child(child(False)))
        all_.append(run_child(child(True)))
        listed.append(run_child(child(False, tuple(SUPPORTED_LANGUAGES))))
    s1, s28 = statistics.median(t for t, _ in one), statistics.median(t for t, _ in all_)
    m1, m28 = statistics.median(m for _, m in one), statistics.median(m for _, m in all_)
    print(f"start to first painted welcome screen (median of {args.runs}, interleaved):")
    print(f"  1 language {s1 * 1000:7.1f} ms   28 languages {s28 * 1000:7.1f} ms   "
          f"ratio {s28 / s1:4.2f}  (target: same within noise)")
    sl = statistics.median(t for t, _ in listed)
    print(f"  28 names listed but no catalog installed {sl * 1000:7.1f} ms: catalogs cost "
          f"{(s28 - sl) * 1000:+.1f} ms (ratio {s28 / sl:4.2f}); the rest of the 1-vs-28 "
          "difference is the longer language list on the welcome screen")
    print("peak memory (ru_maxrss, median):")
    print(f"  1 language {m1:7.1f} MiB  28 languages {m28:7.1f} MiB  ratio {m28 / m1:4.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
