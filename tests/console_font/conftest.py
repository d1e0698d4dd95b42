"""Fixtures of the console font tests (the helpers live in console_helpers.py)."""
