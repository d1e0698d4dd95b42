"""The graphical kiosk session's tests import deploy/kiosk-session's driver (a folder, not a package)."""

import sys
from pathlib import Path

SESSION_DIR = Path(__file__).resolve().parents[2] / "deploy" / "kiosk-session"
sys.path.insert(0, str(SESSION_DIR))
