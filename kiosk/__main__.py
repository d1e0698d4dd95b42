"""Allow ``python -m kiosk`` as well as the ``kiosk`` entry point."""

from kiosk.cli import main

raise SystemExit(main())
