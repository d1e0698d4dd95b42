"""Every medicine the kiosk can show: the folders of the content directory.

Each medicine is a folder ``content/<slug>/`` holding ``overview.md``.  A
content file is edited by people, so one of them may be broken at any time;
that must never take the kiosk down.  :func:`load_library` therefore loads
every file it can, and hands back the ones it could not as
:class:`~kiosk.document.source_format.DocumentFormatError` problems (file and
line) for the kiosk to log and for ``kiosk check`` to report.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.document.model import Document
from kiosk.document.source_format import FILE_NAME, DocumentFormatError, load_document

__all__ = ["Library", "load_library"]

log = logging.getLogger("kiosk.document")


@dataclass(frozen=True)
class Library:
    """The medicines that loaded (sorted by name) and the files that did not."""

    medicines: list[Document] = field(default_factory=list)
    problems: list[DocumentFormatError] = field(default_factory=list)

    def get(self, slug: str) -> Document | None:
        """The medicine in folder ``slug``, or ``None``."""
        return next((m for m in self.medicines if m.slug == slug), None)

    @property
    def slugs(self) -> list[str]:
        return [m.slug for m in self.medicines]

    def __len__(self) -> int:
        return len(self.medicines)

    def __bool__(self) -> bool:  # an empty library is still a library
        return True


def _sort_key(document: Document) -> tuple[str, str, str]:
    # "Élidel" sorts with E, "abc" with "ABC"; the slug keeps the order stable.
    folded = unicodedata.normalize("NFKD", document.name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    return folded, document.name, document.slug


def load_library(content_dir: Path | str) -> Library:
    """Load ``content_dir/*/overview.md``; never raises for a bad or missing file.

    Folders without ``overview.md`` (or whose names start with ``.`` or
    ``_``, e.g. drafts) are ignored.  A missing content directory gives an
    empty library with one problem.
    """
    content_dir = Path(content_dir)
    medicines: list[Document] = []
    problems: list[DocumentFormatError] = []
    try:
        folders = sorted(p for p in content_dir.iterdir() if p.is_dir())
    except FileNotFoundError:
        problems.append(DocumentFormatError(str(content_dir), None,
                                            "the content folder does not exist"))
        folders = []
    except NotADirectoryError:
        problems.append(DocumentFormatError(str(content_dir), None,
                                            "the content folder is a file, not a folder"))
        folders = []
    except OSError as exc:
        problems.append(DocumentFormatError(
            str(content_dir), None, f"the content folder cannot be read ({exc.strerror or exc})"))
        folders = []
    for folder in folders:
        if folder.name.startswith((".", "_")):
            continue
        path = folder / FILE_NAME
        if not path.exists():
            continue
        if path.is_dir():
            problems.append(DocumentFormatError(str(path), None, "is a folder, not a file"))
            continue
        try:
            medicines.append(load_document(path, slug=folder.name))
        except DocumentFormatError as exc:
            problems.append(exc)
        except Exception as exc:  # a bug must cost one medicine, not the kiosk
            log.exception("unexpected error loading %s", path)
            problems.append(DocumentFormatError(str(path), None, f"cannot be loaded ({exc!r})"))
    for problem in problems:
        log.warning("medicine not shown: %s", problem)
    medicines.sort(key=_sort_key)
    return Library(medicines=medicines, problems=problems)
