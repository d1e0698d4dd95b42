#!/usr/bin/env python3
"""Set up and run the kiosk, or its tests, with nothing but Python 3.11+.

    python3 tasks.py start [kiosk options]    set up, then start the kiosk
    python3 tasks.py test  [pytest options]   set up with the test tools, then run every test
    python3 tasks.py upgrade [pytest options] newest allowed releases into the lock, then test
    python3 tasks.py lock                     re-make the lock after editing pyproject.toml
    python3 tasks.py drift                    try a set-up with the newest allowed releases
                                              (reports what breaks; never fails: for CI)

Set-up means: a virtual environment in .venv; the dependencies installed
from the hash-checked lock (requirements/kiosk.lock, or requirements/test.lock
for the tests), so every install gets exactly the releases the tests
passed with; the project itself installed editable without dependencies (so
content/ and locales/ are used in place); and the gettext catalogs compiled.
It is skipped when the lock and pyproject.toml have not changed.  A step
that fails says which step, why, and what to do next.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
PYTHON = BIN / "python"
LOCKS = {"kiosk": ROOT / "requirements" / "kiosk.lock", "test": ROOT / "requirements" / "test.lock"}
BUILD_IN = ROOT / "requirements" / "build.in"
SETUP_LOG = VENV / "setup.log"
EXTRAS = {"kiosk": [], "test": ["test", "dev"]}


class StepFailed(Exception):
    """A set-up step failed; the message says which, why and what to do."""


def say(message: str) -> None:
    print(f"[tasks] {message}", flush=True)


def _tail(text: str, lines: int = 15) -> str:
    kept = [line for line in text.strip().splitlines() if not line.startswith("WARNING: Location")]
    return "\n".join("    " + line for line in kept[-lines:])


def _diagnose(output: str) -> str:
    """What to do about a failed pip run, from what pip printed."""
    text = output.lower()
    if "do not match the hashes" in text or "hash mismatch" in text:
        return ("a downloaded file does not match the hash in the lock. A proxy or mirror may "
                "have changed it, or the lock was edited by hand: restore it with "
                "`git checkout requirements/` and try again.")
    if any(s in text for s in ("temporary failure in name resolution", "failed to establish",
                               "connection refused", "network is unreachable", "read timed out",
                               "connectionerror", "proxyerror", "certificate verify failed")):
        return ("pip could not reach the package index. Check the network, or point pip at "
                "your mirror or proxy (PIP_INDEX_URL, HTTPS_PROXY), then run the command again.")
    if "(from versions: none)" in text:
        return ("pip found no release at all of a locked package: the package index could not "
                "be reached, or is empty. Check the network, or point pip at your mirror or "
                "proxy (PIP_INDEX_URL, HTTPS_PROXY), then run the command again.")
    if "no space left on device" in text:
        return "the disk is full: free some space, then run the command again."
    if "no matching distribution" in text or "could not find a version" in text:
        return ("the package index has no release of a locked package for this machine. "
                "The kiosk needs Linux and Python 3.11 or newer; if that is what you have, "
                "check that PIP_INDEX_URL points at a full mirror of PyPI.")
    if "permission denied" in text:
        return (f"a file could not be written. Run the command as the account that owns {ROOT}, "
                "or remove .venv and run it again.")
    return f"read the output above (the whole log is {SETUP_LOG}), fix the cause and run the command again."


def run_step(number: int, total: int, title: str, command: list[str], *,
             failure: str | None = None) -> str:
    """Run one set-up command, its output kept in the log; raise StepFailed with advice."""
    say(f"step {number}/{total}: {title}")
    try:
        proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    except OSError as exc:
        raise StepFailed(f"step {number}/{total} ({title}) could not run {command[0]}: "
                         f"{exc.strerror or exc}.") from None
    output = (proc.stdout or "") + (proc.stderr or "")
    if SETUP_LOG.parent.is_dir():
        with SETUP_LOG.open("a", encoding="utf-8") as log:
            log.write(f"$ {' '.join(command)}\n{output}\n")
    if proc.returncode != 0:
        advice = failure or _diagnose(output)
        raise StepFailed(
            f"step {number}/{total} ({title}) failed: {Path(command[0]).name} exited with "
            f"{proc.returncode}.\n{_tail(output)}\n[tasks] What to do: {advice}")
    return output


def _stamp_value(kind: str) -> str:
    digest = hashlib.sha256()
    for path in (LOCKS[kind], ROOT / "pyproject.toml"):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def create_venv(path: Path, number: int, total: int) -> None:
    say(f"step {number}/{total}: creating the virtual environment in {path}")
    try:
        venv.EnvBuilder(with_pip=True, clear=False).create(path)
    except Exception as exc:  # ensurepip missing (Debian without python3-venv), disk full ...
        hint = ("on Debian or Ubuntu install the venv module first: "
                f"`apt-get install python3-venv` (or python{sys.version_info.major}."
                f"{sys.version_info.minor}-venv)")
        if "No space" in str(exc):
            hint = "the disk is full: free some space"
        raise StepFailed(f"step {number}/{total} (creating the virtual environment) failed: "
                         f"{exc}.\n[tasks] What to do: {hint}, then run the command again.") from None


def ensure_venv(kind: str) -> None:
    """Create .venv and install the locked dependencies of ``kind`` unless already done."""
    if sys.version_info < (3, 11):
        raise StepFailed(f"step 1/5 (checking Python) failed: the kiosk needs Python 3.11 or "
                         f"newer; this is {sys.version.split()[0]}.\n[tasks] What to do: "
                         "install Python 3.11 or newer and run the command with it.")
    stamp = VENV / f".installed-{kind}"
    wanted = _stamp_value(kind)
    if PYTHON.exists() and stamp.exists() and stamp.read_text() == wanted:
        return
    if not PYTHON.exists():
        create_venv(VENV, 2, 5)
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check"]
    lock = LOCKS[kind]
    run_step(3, 5, f"installing the locked dependencies ({lock.relative_to(ROOT)})",
             [*pip, "install", "--require-hashes", "--no-deps", "-r", str(lock)])
    # pip refuses an editable install while hashes are required: the project
    # comes in a second step, without dependencies (they are all locked above)
    # and without build isolation (the build backend is locked above too).
    run_step(4, 5, "installing the kiosk itself (editable)",
             [*pip, "install", "--no-deps", "--no-build-isolation", "-e", "."])
    stamp.write_text(wanted)


def compile_catalogs(number: int = 5, total: int = 5) -> None:
    """Build the .mo files; a catalog that cannot compile never stops the kiosk from starting."""
    try:
        run_step(number, total, "compiling the translation catalogs",
                 [str(BIN / "kiosk"), "catalogs", "compile"])
    except StepFailed as exc:
        say(f"warning: {exc}".replace("[tasks] What to do: read the output above",
                                      "[tasks] The kiosk still starts: it compiles those "
                                      "catalogs in memory without their broken entries, or "
                                      "shows English, marked. To fix them: read the output above"))


def uv(*args: str) -> list[str]:
    exe = BIN / "uv"
    if not exe.exists():
        raise StepFailed("uv, which makes the lock, is not in .venv.\n[tasks] What to do: run "
                         "`python3 tasks.py test` once (it installs the maintainers' tools).")
    return [str(exe), *args]


def make_locks(upgrade: bool) -> None:
    """Re-make both lock files with uv (universal: Linux on any CPU, Python 3.11 and newer)."""
    common = ["--universal", "--python-version", "3.11", "--generate-hashes", "--quiet",
              "--custom-compile-command", "python3 tasks.py lock"]
    if upgrade:
        common.append("--upgrade")
    run_step(1, 2, f"{'upgrading' if upgrade else 'making'} {LOCKS['kiosk'].relative_to(ROOT)}",
             uv("pip", "compile", "pyproject.toml", str(BUILD_IN), *common,
                "-o", str(LOCKS["kiosk"])))
    extras = [arg for extra in EXTRAS["test"] for arg in ("--extra", extra)]
    run_step(2, 2, f"{'upgrading' if upgrade else 'making'} {LOCKS['test'].relative_to(ROOT)}",
             uv("pip", "compile", "pyproject.toml", str(BUILD_IN), *extras, *common,
                "-c", str(LOCKS["kiosk"]), "-o", str(LOCKS["test"])))


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and "==" in line and not line.startswith("#"):
            name, version = line.split(";")[0].split("\\")[0].strip().split("==")
            pins[name] = version
    return pins


def upgrade(pytest_args: list[str]) -> int:
    """Newest allowed releases into the lock, reinstalled, catalogs compiled, tests run."""
    ensure_venv("test")
    before = _pins(LOCKS["test"])
    make_locks(upgrade=True)
    after = _pins(LOCKS["test"])
    changes = [f"{name} {before.get(name, '-')} -> {version}"
               for name, version in sorted(after.items()) if before.get(name) != version]
    changes += [f"{name} {version} -> removed" for name, version in sorted(before.items())
                if name not in after]
    say("lock changes: " + ("; ".join(changes) if changes else "none, everything is current"))
    ensure_venv("test")
    compile_catalogs()
    code = run_pytest(pytest_args)
    if code != 0:
        say("the tests fail with the upgraded lock: fix what broke, or keep the old lock with "
            "`git checkout requirements/` and `python3 tasks.py test`.")
    else:
        say("the tests pass with the upgraded lock: commit requirements/.")
    return code


def run_pytest(args: list[str]) -> int:
    return subprocess.run([str(PYTHON), "-m", "pytest", *args], cwd=ROOT).returncode


DRIFT_SMOKE = r"""
import sys
from dataclasses import replace
from pathlib import Path
from kiosk.config import load_config
from kiosk.launcher import build_app, setup_logging

work = Path(sys.argv[1])
config = replace(load_config(Path(sys.argv[2])), kiosk_mode=False, locales_dir=work / "locales",
                 log_file=work / "kiosk.log")
setup_logging(config.log_file)
app = build_app(config)
seen = []

async def walk(pilot):
    await pilot.pause()
    seen.append(type(app.screen).__name__)
    await pilot.press(*["down"] * 40, "enter")  # to Start, below every language
    await pilot.pause()
    seen.append(type(app.screen).__name__)
    await pilot.press("right", "right", "f1", "escape")
    await pilot.pause()
    app.exit(0)

app.run(headless=True, size=(80, 24), auto_pilot=walk)
print("screens seen:", ", ".join(seen))
sys.exit(0 if app.return_code == 0 and len(seen) == 2 and seen[0] != seen[1] else 1)
"""


def drift() -> int:
    """Install the newest allowed releases in a scratch venv and try the kiosk; never fails."""
    work = Path(tempfile.mkdtemp(prefix="kiosk-drift-"))
    scratch = work / "venv"
    try:
        create_venv(scratch, 1, 4)
        python = str(scratch / "bin" / "python")
        pip = [python, "-m", "pip", "--disable-pip-version-check"]
        run_step(2, 4, "installing the kiosk with the newest allowed releases (no lock)",
                 [*pip, "install", "--upgrade", "pip", "setuptools"])
        run_step(2, 4, "installing the kiosk with the newest allowed releases (no lock)",
                 [*pip, "install", "."])
        freeze = run_step(2, 4, "listing what was installed", [*pip, "freeze"])
        say("newest allowed releases: " + ", ".join(
            line for line in freeze.split() if "==" in line and "medicine-kiosk" not in line))
        shutil.copytree(ROOT / "locales", work / "locales",
                        ignore=shutil.ignore_patterns("*.mo"))
        config = work / "kiosk.toml"
        config.write_text(f'[kiosk]\nkiosk_mode = false\nlocales_dir = "{work / "locales"}"\n'
                          f'content_dir = "{ROOT / "content"}"\nlog_file = "{work / "kiosk.log"}"\n',
                          encoding="utf-8")
        run_step(3, 4, "compiling the catalogs with the newest Babel",
                 [str(scratch / "bin" / "kiosk"), "--config", str(config), "catalogs", "compile"])
        out = run_step(4, 4, "starting the kiosk headless once and walking to the overview",
                       [python, "-c", DRIFT_SMOKE, str(work), str(config)])
        say("drift check passed: " + out.strip().splitlines()[-1])
    except StepFailed as exc:
        say(f"DRIFT: the newest allowed releases break the set-up (the locked set-up is "
            f"not affected):\n{exc}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def main(argv: list[str]) -> int:
    commands = ("start", "test", "upgrade", "lock", "drift")
    if not argv or argv[0] not in commands:
        print(__doc__.strip())
        return 2
    command, rest = argv[0], argv[1:]
    try:
        if command == "drift":
            return drift()
        if command == "lock":
            ensure_venv("test")
            make_locks(upgrade=False)
            say("lock files written: run `python3 tasks.py test`, then commit requirements/.")
            return 0
        if command == "upgrade":
            return upgrade(rest)
        ensure_venv("test" if command == "test" else "kiosk")
        compile_catalogs()
    except StepFailed as exc:
        say(f"set-up failed: {exc}")
        return 1
    if command == "start":
        os.execv(str(BIN / "kiosk"), [str(BIN / "kiosk"), *rest])
    return run_pytest(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
