"""Fixtures of the languages tests (the helpers live in lang_helpers.py)."""

from lang_helpers import clean_translator, small_document  # noqa: F401  (fixtures)
