"""Writing files that every account can read, all at once or not at all.

Why not plain ``tempfile.mkstemp`` + rename: ``mkstemp`` creates its file
with mode 0600 whatever the umask, and the rename keeps that mode.  A
catalog compiled by root would then be unreadable for the kiosk's own
account, which would silently show English.  Files written here get the
mode an ordinary new file gets (0666 minus the umask), also when they
replace a file: a file an earlier version wrote with 0600 is repaired by
the next write.
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

_umask_lock = threading.Lock()


def current_umask() -> int:
    """The process's umask (read without changing it for other threads for long)."""
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def write_atomically(path: Path | str, data: bytes) -> None:
    """Replace ``path`` by ``data`` in one step: no reader ever sees half a file.

    The new file is readable as an ordinary new file would be: mode
    ``0o666 & ~umask`` (with the usual umask 022: readable by every account).

    Raises:
        OSError: the folder cannot be created or written (nothing is left behind).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = 0o666 & ~current_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
