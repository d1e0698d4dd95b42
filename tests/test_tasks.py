"""tasks.py: a failing set-up step says which step, why, and what to do next."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _tasks():
    spec = importlib.util.spec_from_file_location("tasks", REPO / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pip_failures_are_explained():
    diagnose = _tasks()._diagnose
    assert "does not match the hash" in diagnose("THESE PACKAGES DO NOT MATCH THE HASHES ...")
    assert "PIP_INDEX_URL" in diagnose("Failed to establish a new connection: [Errno 111]")
    assert "disk is full" in diagnose("OSError: [Errno 28] No space left on device")
    assert "Python 3.11" in diagnose("ERROR: No matching distribution found for textual==8.2.8")
    assert "could not be reached" in diagnose("satisfies the requirement babel==2.19.0 "
                                              "(from versions: none)")


def test_an_unreachable_package_index_stops_at_step_3_with_advice(tmp_path):
    clone = tmp_path / "kiosk"
    for name in ("tasks.py", "pyproject.toml", "README.md"):
        shutil.copy(REPO / name, clone / name if clone.exists() else _mkdir(clone) / name)
    shutil.copytree(REPO / "requirements", clone / "requirements")
    env = dict(os.environ, PIP_CONFIG_FILE=os.devnull, PIP_INDEX_URL="http://127.0.0.1:9/simple",
               PIP_NO_INDEX="", PIP_FIND_LINKS="", PIP_RETRIES="0", PIP_TIMEOUT="2",
               PIP_NO_CACHE_DIR="1")
    result = subprocess.run([sys.executable, str(clone / "tasks.py"), "start"], cwd=clone,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "step 3/5 (installing the locked dependencies (requirements/kiosk.lock)) failed" in out
    assert "What to do: pip found no release at all of a locked package" in out
    assert "PIP_INDEX_URL" in out
    assert (clone / ".venv" / "setup.log").is_file()


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path
