"""Files a killed build left behind: those it was writing under a temporary name
(``staging.py``). A stop a build can catch (Ctrl-C, SIGTERM) removes them; SIGKILL (a CI
job's hard timeout, the out-of-memory killer) cannot be caught, and nothing else removed
them, so they piled up with each kill and went out with a ``dist/`` artifact. So a build
removes them from the folders it writes, and says so.

Only a regular file of the name a build stages its files under (``.exambank-``, 16 hex
digits, ``.partial``): never one ``fmt`` or ``new`` writes a bank file under (``.tmp``),
nor the file a build sets aside while its files land (``.previous``: left by a kill in that
moment, it may be the only copy of an earlier build's file; ``set_aside.py`` tells what it
was, and puts it back, removes it or names it). And only one older than
``LEFTOVER_AGE``: another build into the same folder holds its files under such names until
its last one is made, minutes on a large bank, and touches them before each file that takes
long (``keep_fresh``), so none of a running build's is ever that old. A younger one is
named and left, for a later build to remove.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from exambank.staging import Staged
from exambank.temporary_names import STAGED, is_temporary

# Six times the longest build measured (3,073 questions: 5 1/2 minutes in all); a running
# build's files are never older than the longest file it makes, since it touches them.
LEFTOVER_AGE = 30 * 60  # seconds


@dataclass(frozen=True)
class Leftovers:
    """The files a killed build left in ``folder``: those removed, and those ``recent``
    (younger than LEFTOVER_AGE), which may be a running build's, kept."""

    folder: Path
    removed: tuple[Path, ...]
    recent: tuple[Path, ...]


def keep_fresh(staged: Iterable[Staged]) -> None:
    """Touch the files staged, so that a build running beside this one does not take
    them for a killed build's (a file already gone is no concern of this)."""
    for file in staged:
        with suppress(OSError):
            os.utime(file.temporary)


def remove_leftovers(folder: Path) -> Leftovers | None:
    """Remove the files a killed build left in ``folder`` (not in its subfolders) that are
    older than LEFTOVER_AGE; what was found, or None where nothing was."""
    try:
        names = sorted(name for name in os.listdir(folder) if is_temporary(name, STAGED))
    except OSError:
        return None
    removed: list[Path] = []
    recent: list[Path] = []
    now = time.time()
    for path in (folder / name for name in names):
        try:
            found = os.lstat(path)
            if not stat.S_ISREG(found.st_mode):
                continue
            if now - found.st_mtime < LEFTOVER_AGE:
                recent.append(path)
                continue
            path.unlink()
        except OSError:
            continue  # gone, or not ours to remove: hidden, and no harm
        removed.append(path)
    return Leftovers(folder, tuple(removed), tuple(recent)) if removed or recent else None
