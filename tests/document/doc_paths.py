"""Paths shared by the document-layer tests (imported by the test modules)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DATA = HERE / "data"
# A byte-for-byte copy of /work/shared/seeds/000_51b2340b10fafcd8.txt (the
# EMA overview of Opzelura as converted from the PDF).
SEED = DATA / "ema_overview_opzelura.txt"
# The same medicine in the kiosk's format, made by hand by the lead.
OPZELURA_CONTENT = REPO / "content" / "opzelura" / "overview.md"
# A second, synthetic overview in a different EMA layout.
EXAMPLOMAB = DATA / "ema_overview_examplomab.txt"
