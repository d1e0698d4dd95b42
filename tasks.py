#!/usr/bin/env python3
"""Set up and run the kiosk, or its tests, with nothing but Python 3.11+.

    python3 tasks.py start [kiosk options]   set up, then start the kiosk
    python3 tasks.py test  [pytest options]  set up, then run every test

Set-up means: a virtual environment in .venv, the project installed into it
(editable, so content/ and locales/ are used in place), and the gettext
catalogs compiled from their .po files.  It is skipped when nothing it
depends on has changed, so the second start is fast.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"


def say(message: str) -> None:
    print(f"[tasks] {message}", flush=True)


def ensure_venv(extras: str) -> None:
    """Create .venv and install the project with ``extras`` unless already done."""
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    stamp = VENV / f".installed-{extras or 'base'}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and stamp.exists() and stamp.read_text() == wanted:
        return
    if not PYTHON.exists():
        say(f"creating the virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    target = f".[{extras}]" if extras else "."
    say(f"installing the kiosk{' and its test tools' if extras else ''} (pip install -e '{target}')")
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-e", target],
        cwd=ROOT, check=True,
    )
    stamp.write_text(wanted)


def compile_catalogs() -> None:
    """Build the .mo files from the .po files (they are never committed)."""
    subprocess.run([str(BIN / "kiosk"), "catalogs", "compile"], cwd=ROOT, check=True)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("start", "test"):
        print(__doc__.strip())
        return 2
    command, rest = argv[0], argv[1:]
    try:
        ensure_venv("test" if command == "test" else "")
        compile_catalogs()
    except subprocess.CalledProcessError as exc:
        say(f"set-up failed: {' '.join(map(str, exc.cmd))} exited with {exc.returncode}")
        return exc.returncode or 1
    if command == "start":
        os.execv(str(BIN / "kiosk"), [str(BIN / "kiosk"), *rest])
    return subprocess.run([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
