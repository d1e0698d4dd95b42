"""Catalogs compiled by root are read by the kiosk's own account.

The real situation: staff run the set-up as root, the kiosk runs as an
ordinary account.  Here the ordinary account is ``nobody``, running a venv
built from Debian's own ``/usr/bin/python3`` in a folder outside root's home
(the machine's default Python lives in root's home, which other accounts
cannot enter), with the locked dependencies and a copy of the project.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = Path("/usr/bin/python3")
NOBODY = 65534

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not SYSTEM_PYTHON.exists(),
    reason="needs root (to run a child as another account) and Debian's /usr/bin/python3",
)

PROBE = r"""
import json, logging, sys
from pathlib import Path
logging.basicConfig(stream=sys.stderr, level=logging.INFO)
from kiosk.languages import _, configure_locales, interface_language, interface_translated, set_language
from kiosk.languages.formatting import section_position
from kiosk.languages.translator import translations_for
locales = Path(sys.argv[1])
configure_locales(locales)
set_language("de")
doc = translations_for("de", "doc-opzelura")
print(json.dumps({
    "help": _("Go back one step"),
    "translated": interface_translated("de"),
    "doc": doc.gettext("How is Opzelura used?"),
    "voice": interface_language(),
    "section": section_position(1234, 2000),
}))
"""


@pytest.fixture(scope="module")
def other_account():
    """A world-readable copy of the project and a venv that ``nobody`` can run."""
    base = Path(tempfile.mkdtemp(prefix="kiosk-other-account-", dir="/tmp"))
    os.chmod(base, 0o755)
    project = base / "project"
    ignore = shutil.ignore_patterns("*.mo", "__pycache__", "*.egg-info")
    for name in ("kiosk", "locales", "content"):
        shutil.copytree(REPO / name, project / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", "kiosk.toml"):
        shutil.copy2(REPO / name, project / name)
    venv = base / "venv"
    subprocess.run([str(SYSTEM_PYTHON), "-m", "venv", "--without-pip", str(venv)], check=True)
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install",
           "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--require-hashes", "--no-deps", "-r",
                    str(REPO / "requirements" / "kiosk.lock")], check=True)
    subprocess.run([*pip, "--no-deps", "--no-build-isolation", str(project)], check=True)
    for path in [base, *base.rglob("*")]:
        if path.is_dir():
            os.chmod(path, path.stat().st_mode | 0o755)
    yield project, venv / "bin" / "python"
    shutil.rmtree(base, ignore_errors=True)


def _compile_as_root(project: Path, umask: int) -> None:
    config = project / "kiosk.toml"
    subprocess.run(
        [sys.executable, "-m", "kiosk", "--config", str(config), "catalogs", "compile"],
        cwd=project, check=True, capture_output=True, preexec_fn=lambda: os.umask(umask),
    )


def _probe_as_nobody(project: Path, python: Path) -> tuple[dict, str]:
    result = subprocess.run(
        [str(python), "-c", PROBE, str(project / "locales")], cwd="/",
        user=NOBODY, group=NOBODY, extra_groups=[], capture_output=True, text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LANG": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), result.stderr


def test_catalogs_compiled_by_root_are_read_by_another_account(other_account):
    project, python = other_account
    _compile_as_root(project, 0o022)
    mo = project / "locales" / "de" / "LC_MESSAGES" / "kiosk.mo"
    assert stat.S_IMODE(mo.stat().st_mode) == 0o644
    seen, log = _probe_as_nobody(project, python)
    assert seen == {"help": "Einen Schritt zurück", "translated": True,
                    "doc": "Wie wird Opzelura angewendet?", "voice": "de",
                    "section": "Abschnitt 1.234 von 2.000"}, log
    assert "cannot read" not in log


def test_an_unreadable_catalog_falls_back_to_the_po_then_to_english_marked(other_account):
    project, python = other_account
    _compile_as_root(project, 0o022)
    folder = project / "locales" / "de" / "LC_MESSAGES"
    try:
        os.chmod(folder / "kiosk.mo", 0o600)  # as an older set-up wrote it
        seen, log = _probe_as_nobody(project, python)
        assert seen["help"] == "Einen Schritt zurück" and seen["translated"] is True
        assert f"cannot read {folder / 'kiosk.mo'}" in log and "using the .po" in log

        os.chmod(folder / "kiosk.po", 0o600)
        seen, log = _probe_as_nobody(project, python)
        assert seen["help"] == "Go back one step"
        assert seen["translated"] is False  # the screens mark the language as shown in English
        assert seen["voice"] == "en"  # read by the English voice
        assert seen["section"] == "Section 1,234 of 2,000"  # English words, English numbers
        assert f"cannot read {folder / 'kiosk.po'}" in log
        assert seen["doc"] == "Wie wird Opzelura angewendet?"  # the medicine's catalog still works
    finally:
        os.chmod(folder / "kiosk.mo", 0o644)
        os.chmod(folder / "kiosk.po", 0o644)
