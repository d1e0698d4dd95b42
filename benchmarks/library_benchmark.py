"""Many medicines: kiosk start-up with 50 medicines against 1, in the same run (issue 10).

Run: ``PYTHONPATH=. python benchmarks/library_benchmark.py [--runs N] [--count 50]``.

What is measured:

* start-up to first paint (the welcome screen, headless), from just before
  the child process starts, with a content folder of 1 medicine (the
  baseline, measured in this run) and of ``--count`` medicines (copies of
  the Opzelura overview under other names); median of ``--runs`` children,
  alternating so that machine load hits both alike.  The issue asks for the
  many-medicine start to stay within 10% of the one-medicine start.
* the CPU time of the same children (user + system, until they exit),
  which moves far less than the wall time when others load the machine;
* ``load_library`` alone, in this process: milliseconds to read and check
  1 and ``--count`` content files (median of 20).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ui_benchmark import KIOSK_CHILD, compile_kiosk, run_child, write_config  # noqa: E402

SOURCE = ROOT / "content" / "opzelura" / "overview.md"


def make_content(folder: Path, count: int) -> Path:
    """``count`` medicines: the Opzelura overview under the names Medicine 01, 02, ..."""
    text = SOURCE.read_text(encoding="utf-8")
    for number in range(1, count + 1):
        slug = "opzelura" if count == 1 else f"medicine-{number:02d}"
        target = folder / slug / "overview.md"
        target.parent.mkdir(parents=True)
        if count == 1:
            shutil.copy(SOURCE, target)
        else:
            target.write_text(text.replace('name = "Opzelura"', f'name = "Medicine {number:02d}"'),
                              encoding="utf-8")
    return folder


def library_ms(content: Path, repeats: int = 20) -> float:
    from kiosk.document.library import load_library

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        library = load_library(content)
        times.append((time.perf_counter() - start) * 1000)
        assert not library.problems, library.problems
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--count", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        one = make_content(Path(tmp) / "one", 1)
        many = make_content(Path(tmp) / "many", args.count)
        configs = {}
        for name, content in (("1 medicine", one), (f"{args.count} medicines", many)):
            folder = Path(tmp) / f"config-{len(configs)}"
            folder.mkdir()
            configs[name] = write_config(folder, content=content)
        compile_kiosk()  # as after a kiosk's first start (see ui_benchmark.py)
        starts: dict[str, list[float]] = {name: [] for name in configs}
        cpu: dict[str, list[float]] = {name: [] for name in configs}
        for _ in range(args.runs):
            for name, config in configs.items():
                child = run_child(KIOSK_CHILD, config)
                starts[name].append(child.seconds)
                cpu[name].append(child.cpu_seconds)
        load = {"1 medicine": library_ms(one), f"{args.count} medicines": library_ms(many)}
    base = statistics.median(starts["1 medicine"])
    base_cpu = statistics.median(cpu["1 medicine"])
    print(f"start-up to first paint, median of {args.runs} (baseline: 1 medicine, this run); "
          "CPU time of the child (user + system, to its exit)")
    for name, values in starts.items():
        median, used = statistics.median(values), statistics.median(cpu[name])
        print(f"  {name:<14} {median * 1000:7.0f} ms  ({(median / base - 1) * 100:+5.1f}% "
              f"against 1 medicine)   CPU {used * 1000:6.0f} ms ({(used / base_cpu - 1) * 100:+5.1f}%)"
              f"   load_library {load[name]:6.1f} ms")
    many_median = statistics.median(starts[f"{args.count} medicines"])
    verdict = "within" if many_median <= base * 1.10 else "NOT within"
    print(f"{args.count} medicines start {verdict} 10% of the one-medicine start")
    return 0


if __name__ == "__main__":
    sys.exit(main())
