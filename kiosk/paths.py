"""Where the kiosk's own files are, for defaults (no other kiosk import).

The project is installed editable (``pip install -e .``), so ``content/``,
``locales/`` and ``kiosk.toml`` are used in place, beside the package.
"""

from __future__ import annotations

from pathlib import Path

#: The folder that holds ``kiosk/``, ``content/``, ``locales/`` and ``kiosk.toml``.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
