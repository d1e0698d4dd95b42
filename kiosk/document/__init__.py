"""The document layer: medicine overviews as plain data.

Nothing here knows about terminals, speech or catalogs, so the same model
feeds the UI, the narrator, the catalog generator and the importer.
"""

from kiosk.document.model import (
    Block,
    BulletList,
    Document,
    DocumentFacts,
    Paragraph,
    Section,
    TextUnit,
    YearMonth,
)

__all__ = [
    "Block",
    "BulletList",
    "Document",
    "DocumentFacts",
    "Paragraph",
    "Section",
    "TextUnit",
    "YearMonth",
]
