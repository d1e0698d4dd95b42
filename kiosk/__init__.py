"""A talking, multilingual medicine-information kiosk.

The package is layered so that the parts a deployer's scripts and the
command line need (documents, languages, speech) never pull in the
terminal UI.  Only :mod:`kiosk.ui` imports Textual; ``tests/test_layers.py``
keeps it that way.
"""

__version__ = "0.1.0"
