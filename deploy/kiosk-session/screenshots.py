#!/usr/bin/env python3
"""Screenshots of the kiosk in its graphical session, at chosen sizes in cells: one command.

    python3 deploy/kiosk-session/screenshots.py --out /tmp/shots
    python3 deploy/kiosk-session/screenshots.py --sizes 68x19,43x13 --languages bg,el \\
        --overview-keys "Enter Enter 3"

For each size (columns x rows) it picks the largest DejaVu Sans Mono pixel
size whose cells fit that many on the headless 1280x720 output, pads foot
so exactly that many cells remain, starts the session (cage + foot + tmux +
the kiosk, as an ordinary account, see headless.py), and for each language
saves the welcome screen and, after the overview keys, an overview section:
``welcome-68x19-bg.png`` and ``overview-68x19-bg.png``, each with a ``.txt`` of
the text tmux holds.  It prints one line per screenshot.  Needs root (cage
refuses root, so it runs the session as ``--user``, default nobody) and the
Debian packages named in kiosk_account.py; it builds a venv on Debian's
python3 with the locked dependencies first (about 10 s) unless ``--python``
names one the account can run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from headless import OUTPUT_SIZE, HeadlessSession  # noqa: E402
from kiosk_account import APT_LINE, Account, build_kiosk_python, missing_requirements  # noqa: E402

#: DejaVu Sans Mono's advance and line height per pixel of font size (foot rounds them).
ADVANCE, LINE = 0.602, 1.164


def parse_size(text: str) -> tuple[int, int]:
    """``68x19`` -> (68, 19); raises ValueError naming the text."""
    columns, _, rows = text.lower().partition("x")
    if not (columns.isdigit() and rows.isdigit()) or int(columns) < 20 or int(rows) < 8:
        raise ValueError(f"{text!r} is not a size in cells such as 68x19")
    return int(columns), int(rows)


def fit_font(account: Account, python: Path, cells: tuple[int, int]) -> tuple[int, tuple[int, int]]:
    """The largest pixel size whose cells fit ``cells`` on the output, and the padding that
    leaves exactly that many: measured by starting foot (its cell size is its own rounding)."""
    columns, rows = cells
    pixelsize = int(min(OUTPUT_SIZE[0] / columns / ADVANCE, OUTPUT_SIZE[1] / rows / LINE)) + 2
    while pixelsize > 6:
        with HeadlessSession(account, python, pixelsize) as probe:
            width, height = probe.cell_pixels()
        if width * columns <= OUTPUT_SIZE[0] and height * rows <= OUTPUT_SIZE[1]:
            return pixelsize, ((OUTPUT_SIZE[0] - width * columns) // 2,
                               (OUTPUT_SIZE[1] - height * rows) // 2)
        pixelsize -= 1
    raise ValueError(f"no font size fits {columns}x{rows} cells on {OUTPUT_SIZE}")


def shoot(session: HeadlessSession, path: Path) -> list[str]:
    """Save the frame that shows the kiosk's settled screen, and its text beside it."""
    frame, rows = session.frame_showing_text()
    frame.save_png(path)
    path.with_suffix(".txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return rows


def press(session: HeadlessSession, key: str, timeout: float = 10.0) -> bool:
    """Send one key and wait until the screen changes; False if it did not within ``timeout`` s."""
    before = session.screen_text()
    session.send_keys(key)
    try:
        session.wait_until(lambda: session.screen_text() != before, "", timeout)
    except TimeoutError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("kiosk-screenshots"),
                        help="folder for the PNG files (default: ./kiosk-screenshots)")
    parser.add_argument("--sizes", default="80x24,68x19,43x13",
                        help="sizes in cells, comma-separated (default: 80x24,68x19,43x13)")
    parser.add_argument("--languages", default="en,bg,el,uk",
                        help="kiosk languages, comma-separated (default: en,bg,el,uk)")
    parser.add_argument("--overview-keys", default="Enter Enter 3",
                        help="tmux key names from the welcome screen to an overview section "
                             "(default: 'Enter Enter 3': choose the language, Start, section 3)")
    parser.add_argument("--user", default="nobody", help="the ordinary account (default: nobody)")
    parser.add_argument("--python", type=Path,
                        help="a Python the account can run, with the kiosk's dependencies "
                             "(default: build a venv on /usr/bin/python3)")
    args = parser.parse_args(argv)
    missing = missing_requirements()
    if missing:
        print(f"screenshots: this machine lacks {', '.join(missing)}. {APT_LINE}", file=sys.stderr)
        return 1
    try:
        sizes = [parse_size(size) for size in args.sizes.split(",")]
        account = Account.named(args.user)
    except (ValueError, KeyError) as exc:
        print(f"screenshots: {exc}", file=sys.stderr)
        return 2
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    build_dir = None
    python = args.python
    if python is None:
        build_dir = Path(tempfile.mkdtemp(prefix="kiosk-python-", dir="/tmp"))
        build_dir.chmod(0o755)
        python = build_kiosk_python(build_dir / "venv")
    try:
        for cells in sizes:
            pixelsize, pad = fit_font(account, python, cells)
            for language in languages:
                name = f"{cells[0]}x{cells[1]}-{language}"
                session = HeadlessSession(account, python, pixelsize, pad=pad,
                                          kiosk_args=("--language", language))
                with session:
                    if session.cells() != cells:
                        raise RuntimeError(f"foot gave {session.cells()} cells, not {cells}")
                    session.start_kiosk()
                    shoot(session, args.out / f"welcome-{name}.png")
                    unanswered = [key for key in args.overview_keys.split()
                                  if not press(session, key)]
                    shoot(session, args.out / f"overview-{name}.png")
                note = f"  (no change on screen after {' '.join(unanswered)})" if unanswered else ""
                print(f"{name}: DejaVu Sans Mono {pixelsize} px, padding {pad[0]}x{pad[1]} px: "
                      f"{args.out / f'welcome-{name}.png'}, "
                      f"{args.out / f'overview-{name}.png'}{note}", flush=True)
    finally:
        if build_dir is not None:
            shutil.rmtree(build_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
