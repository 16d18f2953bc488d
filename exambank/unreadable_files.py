"""Why a bank file cannot be read, in words an author can act on: the system's "Is a
directory" or "Too many levels of symbolic links" names no cause and no fix."""

from __future__ import annotations

import errno
import os
from pathlib import Path


def not_a_file(path: Path, shown: str | None = None) -> tuple[str, str] | None:
    """Why no file can be read at ``path`` (message, hint), shown as ``shown``: a folder
    where a section file is expected, a link that leads to no file, or a loop of links;
    None if a file, or nothing at all, is there."""
    shown = shown or str(path)
    if path.is_dir():
        return (
            "a folder where a section file is expected: bank.yaml lists each section as one "
            "YAML file",
            f"put the section's file at {shown} instead of the folder, or rename the folder "
            "without '.yaml'",
        )
    if not path.is_symlink():
        return None
    target = os.readlink(path)
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return (
                f"the file is a link to {target}, which leads back to it: a loop of links",
                f"replace the link with the file itself: rm {shown}, then copy the file there",
            )
        return (
            f"the file is a link to {target}, which does not exist",
            f"put the file at {Path(shown).parent / target}, or replace the link with the "
            "file itself",
        )
    return None


def unreadable(path: Path, error: OSError, shown: str | None = None) -> tuple[str, str | None]:
    """Why the bank file ``path`` (shown as ``shown``) could not be read (message, hint),
    ``error`` being what reading it raised."""
    shown = shown or str(path)
    said = not_a_file(path, shown)
    if said is not None:
        return said
    if isinstance(error, PermissionError):
        return "the file cannot be read: you have no permission to read it", _let_read(path, shown)
    return f"cannot read the file: {error.strerror or error}", None


def _let_read(path: Path, shown: str) -> str:
    """What to run to read a file the system refused: its owner makes it readable; anyone
    else needs its owner, or the administrator's chown."""
    try:
        yours = path.stat().st_uid == os.geteuid()
    except (OSError, AttributeError):  # a folder that cannot be searched; Windows
        yours = True
    if yours:
        return f"make it readable: chmod u+r {shown}"
    return f"it is another user's: ask them to chmod a+r {shown}, or run sudo chown $USER {shown}"
