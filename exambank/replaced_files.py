"""A file exambank replaces, by a new one written beside it and renamed over it (``fmt``,
``lint --fix``, ``new``, a baseline): which files it may replace, and what the new one
keeps of the old. A rename makes the new file the runner's, with the runner's group and
the umask's mode; an editor saving in place keeps all three. So the new file is given the
old one's mode, owner and group before the rename, and a file it cannot be given them for
is not replaced: run as root (sudo, a container on a bind mount), a file stays its
author's; run by a colleague in a shared folder, it does not become theirs, and a file
they may not write is not replaced because the folder lets them.

A new file (a section ``new`` starts, the files of ``init``) has no old one to take after:
made by root, it is given its folder's owner and group instead (``as_folder_owner``), so
that ``sudo exambank new`` in an author's bank leaves a section its author can edit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# How each refusal ends: a rename replaces the file, and the new one would be the runner's.
_SAVED_SO = "(exambank saves a file as a new one renamed over it)"


def why_not_replaced(target: Path) -> str | None:
    """Why ``target`` must not be replaced, or None: it is read-only (no write permission
    for anyone, which root too is held to), or the runner may not write it."""
    status = target.stat()
    if not stat.S_IMODE(status.st_mode) & 0o222:  # a rename needs only the folder's
        return "the file is read-only, so it is not changed: make it writable first"
    if not os.access(target, os.W_OK):
        return (
            f"you may not write the file (mode {stat.S_IMODE(status.st_mode):o}, owned by "
            f"{_user(status.st_uid)}), so it is not changed: run exambank as a user who may, "
            "or ask its owner to let you"
        )
    return None


def keep_access(temporary: Path, target: Path) -> str | None:
    """Give ``temporary``, about to be renamed over ``target``, ``target``'s owner, group
    and mode; or say why they cannot be: an ordinary user cannot give a file away, nor give
    it a group they are not in. The file is then not replaced: with its mode under a new
    owner or group, other people could read or write it than could before."""
    wanted = target.stat()
    if hasattr(os, "chown"):  # POSIX; on Windows a file's owner is its folder's business
        made = temporary.stat()
        if (made.st_uid, made.st_gid) != (wanted.st_uid, wanted.st_gid):
            try:
                os.chown(temporary, wanted.st_uid, wanted.st_gid)
            except OSError:
                return _not_kept(wanted, made)
    os.chmod(temporary, stat.S_IMODE(wanted.st_mode))  # after chown, which may clear bits
    return None


def as_folder_owner(made: Path, folder: Path) -> None:
    """Give ``made``, a new file or folder in ``folder``, ``folder``'s owner and group where
    the runner is root and they differ. Where it cannot be (no chown on Windows; root
    without the right to give files away: a user namespace, an NFS share), it stays the
    runner's, as any new file would: nothing is refused."""
    if not hasattr(os, "chown") or os.geteuid() != 0:
        return
    try:
        wanted, status = folder.stat(), made.stat()
        if (status.st_uid, status.st_gid) != (wanted.st_uid, wanted.st_gid):
            os.chown(made, wanted.st_uid, wanted.st_gid)
    except OSError:
        return


def _not_kept(wanted: os.stat_result, made: os.stat_result) -> str:
    if wanted.st_uid != made.st_uid:
        owner = _user(wanted.st_uid)
        return (
            f"the file is {owner}'s, and saving it would make it yours, so it is not changed "
            f"{_SAVED_SO}: run exambank as {owner}"
        )
    group = _group(wanted.st_gid)
    return (
        f"the file is in {group}, which you are not in, and saving it would change its group, "
        f"so it is not changed {_SAVED_SO}: give it one of your groups (chgrp), or run "
        f"exambank as a member of {group}"
    )


def _user(uid: int) -> str:
    """A user's name, as ``ls -l`` shows it; its number where it has none."""
    try:
        import pwd  # POSIX only, as are the owners named

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"user {uid}"


def _group(gid: int) -> str:
    try:
        import grp

        return f"group {grp.getgrgid(gid).gr_name}"
    except (ImportError, KeyError):
        return f"group {gid}"


def why_not_saved(path: Path, error: OSError, what: str = "the file") -> str:
    """Why ``path`` (``what`` it is) was not written: the system's reason, told at the
    folder when a file beside ``path`` could not be made (the new text goes there first,
    then is renamed over the old: a writable file in a read-only folder cannot be saved
    so)."""
    reason = error.strerror or str(error)
    target = path.resolve()
    made = Path(error.filename) if error.filename else target
    if isinstance(error, PermissionError) and made != target and made.parent == target.parent:
        shown = path.parent if target.parent == path.parent.resolve() else target.parent
        return (
            f"cannot write in its folder {shown}: {reason} (exambank saves a file as a new "
            f"one beside it): chmod u+w {shown}"
        )
    return f"cannot write {what}: {reason}"
