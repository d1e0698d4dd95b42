"""The kiosk's gettext domains: ``kiosk`` for the interface, ``doc-<slug>`` per medicine.

A module of its own, without imports, so that every part of the languages
layer (loading, checking, maintaining catalogs) can name a domain without
importing the others.
"""

from __future__ import annotations

#: The interface strings (extracted from ``kiosk/**.py``, see ``babel.cfg``).
UI_DOMAIN = "kiosk"
#: A medicine's text is the domain ``doc-<slug>``, e.g. ``doc-opzelura``.
DOMAIN_PREFIX = "doc-"


def document_domain(slug: str) -> str:
    """The gettext domain of one medicine's text, e.g. ``doc-opzelura``."""
    return f"{DOMAIN_PREFIX}{slug}"


def is_document_domain(domain: str) -> bool:
    """True for a medicine's text (``doc-<slug>``), whose entries are never formatted."""
    return domain.startswith(DOMAIN_PREFIX)
