"""The welcome screen is painted without importing Babel, or the console-font
checks in a terminal emulator (issue 8, "Faster").

Why it matters: importing Babel (its CLDR loader, plural rules and catalog
classes) costs every start about 12-15 ms of CPU on the kiosk's machine,
and nothing on the way to the first paint needs it: catalogs are read with
``gettext``, dates, numbers and lists are written from the stored CLDR rows
(:mod:`kiosk.languages.cldr_tables`), and language names come from
:mod:`kiosk.languages.language_names`.  Babel is still used where it is
needed (a tag to negotiate, a catalog to check, a Linux console font to
check, ``kiosk catalogs``), imported there.  A module-level ``import babel``
on the start path brings the cost back unseen, so this test names the
kiosk module that imported it.  Likewise ``kiosk.console_font`` (the PSF
reader, the kernel's ioctls through ctypes, the coverage tables): only a
Linux console needs them, and a terminal emulator paid for them at every start.

It starts the kiosk the way ``kiosk`` does (``load_config``, ``build_app``,
headless) in a fresh interpreter, since this one has imported Babel already.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = textwrap.dedent("""
    import sys, traceback

    KEPT_OFF = ("babel", "kiosk.console_font")

    class WhoImportsBabel:
        '''Records the kiosk frames that first import a module kept off the start path.'''
        culprit = None
        def find_spec(self, name, path=None, target=None):
            if name.startswith(KEPT_OFF) and WhoImportsBabel.culprit is None:
                frames = [f for f in traceback.extract_stack() if "/kiosk/" in f.filename]
                WhoImportsBabel.culprit = " <- ".join(
                    f"{f.filename.rsplit('/kiosk/', 1)[1]}:{f.lineno}" for f in reversed(frames))
            return None  # the ordinary finders import it

    sys.meta_path.insert(0, WhoImportsBabel())
    from kiosk.config import load_config
    from kiosk.launcher import build_app
    from kiosk.ui.app import KioskApp

    def on_ready(self):
        loaded = sorted(m for m in sys.modules if m.startswith(KEPT_OFF))
        print(type(self.screen).__name__, loaded, WhoImportsBabel.culprit, sep="|")
        self.exit()

    KioskApp.on_ready = on_ready
    build_app(load_config(sys.argv[1])).run(headless=True, size=(80, 24))
""")


def test_the_first_paint_imports_no_babel(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text(textwrap.dedent(f"""
        [kiosk]
        content_dir = "{ROOT / 'content'}"
        locales_dir = "{ROOT / 'locales'}"
        log_file = "{tmp_path / 'kiosk.log'}"
        [staff]
        exit_pin = "2468"
    """), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", CHILD, str(config)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    screen, loaded, culprit = done.stdout.strip().splitlines()[-1].split("|")
    assert screen == "WelcomeScreen", done.stdout
    assert loaded == "[]", f"imported before the first paint ({loaded}), by {culprit}"
