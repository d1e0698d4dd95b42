"""The staff commands behind ``kiosk``: each prints its own report (the TUI never runs here).

``kiosk.cli`` parses the command line and calls one of these; they are the
only code in ``kiosk/`` that writes to stdout and stderr, and none of them
imports Textual.
"""
