"""The kiosk account's side of a kiosk session: what the machine needs, and a Python to run.

cage refuses root, so the session runs as an ordinary account, and that
account must be able to execute the kiosk's Python: a venv built on a
Python in root's home (pyenv's, for one) is not, since other accounts cannot
enter root's home.  Debian's ``/usr/bin/python3`` is.  Used by
``headless.py``; only the standard library.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SESSION_DIR = Path(__file__).resolve().parent
REPO = SESSION_DIR.parents[1]
SYSTEM_PYTHON = Path("/usr/bin/python3")
DEJAVU_MONO = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
#: The Debian packages the headless session needs (xwayland: cage 0.1.4 exits without it).
PACKAGES = ("cage", "foot", "fonts-dejavu-core", "xwayland", "grim", "tmux", "python3")
APT_LINE = "apt-get install " + " ".join(PACKAGES)


def missing_requirements() -> list[str]:
    """What this machine lacks for a headless session, each with what to do; empty when ready."""
    missing = [f"{program} (apt-get install {package})" for program, package in
               (("cage", "cage"), ("foot", "foot"), ("grim", "grim"), ("tmux", "tmux"),
                ("Xwayland", "xwayland"))
               if shutil.which(program) is None]
    if not DEJAVU_MONO.is_file():
        missing.append("DejaVu Sans Mono (apt-get install fonts-dejavu-core)")
    if not SYSTEM_PYTHON.is_file():
        missing.append("Debian's /usr/bin/python3 (apt-get install python3)")
    if os.geteuid() != 0:
        missing.append("root, to run the session as an ordinary account (cage refuses root)")
    return missing


@dataclass(frozen=True)
class Account:
    """The ordinary account the session runs as (cage refuses root)."""

    name: str
    uid: int
    gid: int

    @classmethod
    def named(cls, name: str) -> "Account":
        """The account ``name``; raises ``KeyError`` when there is none."""
        entry = pwd.getpwnam(name)
        return cls(name, entry.pw_uid, entry.pw_gid)


def build_kiosk_python(folder: Path, pip_python: str = sys.executable) -> Path:
    """A venv on Debian's python3 with the kiosk's locked dependencies; returns its python.

    Args:
        folder: where to make it (it must be world-readable: the account runs it).
        pip_python: a Python with pip, which installs into the venv (``pip --python``).
    """
    subprocess.run([str(SYSTEM_PYTHON), "-m", "venv", "--without-pip", str(folder)], check=True)
    subprocess.run([pip_python, "-m", "pip", "--python", str(folder / "bin" / "python"), "install",
                    "--quiet", "--disable-pip-version-check", "--require-hashes", "--no-deps",
                    "-r", str(REPO / "requirements" / "kiosk.lock")], check=True)
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o755)
    return folder / "bin" / "python"


def alive(pid: int) -> bool:
    """True while a process with this id exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def descendants(pid: int) -> list[int]:
    """The process ids below ``pid`` (from /proc), children first."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, queue = [], list(children.get(pid, []))
    while queue:
        child = queue.pop(0)
        found.append(child)
        queue += children.get(child, [])
    return found
