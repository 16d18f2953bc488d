"""Files a build killed outright (SIGKILL) left set aside: while a build's files land
(``staging.land_all``), the file each replaces is renamed to ``.exambank-<hex>.previous``
beside it, renamed back if a later one cannot land, and removed once all have. A kill in
that moment leaves it: the earlier file, whole, under a name that does not say whose it
was. Just after it was set aside its place is empty, and it is the only copy of that file;
just after the new file landed, it is the old version of a file that is there.

So, before a build reads a bank's folder, what such a file was is told by its bytes: the
folder's record (``build_record``) lists each file a build wrote with its SHA-256; the
record in place while a build's files land (it lands first) lists each with both its
earlier digest and the new one; and the earlier record, set aside in its turn, tells what
the files were where a kill came before that one took its place:

- the record set aside, with no record in its place: put back; any other, removed (an old
  record only ever keeps files, never holds one), once it told what the others were;
- a file a record lists under a name in its folder: put back under that name if nothing
  is there; removed if a file is there, as it is, byte for byte, a build's, which the
  killed build replaced, as a finished one would have;
- any other: removed if it is a copy of a file beside it; else left, and named, as it may
  be the only copy of a file a user had (a key a trainer saved notes into).

A file is put back as a second name of it (a hard link), never over a file; where the
file system has none, it is left and named.
"""

from __future__ import annotations

import filecmp
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from exambank import build_record
from exambank.build_record import RECORD_NAME
from exambank.temporary_names import SET_ASIDE, is_temporary


@dataclass(frozen=True)
class SetAside:
    """What a killed build left set aside in the bank's ``folder`` and below: the files
    ``restored`` (their names, each put back), those ``removed`` (copies, or old), and
    those ``kept``, each with the name it had where the record tells it (else None)."""

    folder: Path
    restored: tuple[Path, ...]
    removed: tuple[Path, ...]
    kept: tuple[tuple[Path, Path | None], ...]


def put_back_set_aside(folder: Path) -> SetAside | None:
    """Put back, or remove, what a killed build set aside in the bank's ``folder`` and
    below (not through links); what was found, or None where nothing was."""
    found = _set_aside_in(folder)
    if not found:
        return None
    restored: list[Path] = []
    removed: list[Path] = []
    kept: list[tuple[Path, Path | None]] = []
    records: dict[Path, dict[str, tuple[str, ...]]] = {}
    for path in (path for path in found if path.parent == folder):
        digests = _recorded(path)
        if digests is not None:
            records[path] = digests
    record = folder / RECORD_NAME
    newest = max(records, key=_modified, default=None)
    if newest is not None and not os.path.lexists(record) and _link(newest, record):
        restored.append(record)
    known = [build_record.read(folder).digests, *records.values()]
    for path in (path for path in found if path not in records):
        done, place = _sorted_out(folder, path, known)
        if done == "restored" and place is not None:
            restored.append(place)
        elif done == "removed":
            removed.append(path)
        else:
            kept.append((path, place))
    for path in records:  # an old record: it only ever keeps files, never holds one
        if _remove(path) and record not in restored:
            removed.append(path)
    return SetAside(folder, tuple(restored), tuple(removed), tuple(kept))


def _sorted_out(
    folder: Path, path: Path, known: list[Mapping[str, tuple[str, ...]]]
) -> tuple[str, Path | None]:
    """Put back, remove or keep ``path``, a file set aside in ``folder`` or below, by what
    the records ``known`` (each: digests by name) tell of it: which was done, and the file
    it was, if told."""
    try:
        wanted = build_record.digest(path.read_bytes())
    except OSError:
        return "kept", None
    here = PurePosixPath(path.parent.relative_to(folder).as_posix())
    places = [
        folder / name
        for digests in known
        for name, held in digests.items()
        if wanted in held and PurePosixPath(name).parent == here
    ]
    place = next((place for place in places if not os.path.lexists(place)), None)
    place = place or next(iter(places), None)  # an empty place first: two files alike
    if place is not None and not os.path.lexists(place):
        if not _link(path, place):
            return "kept", place
        _remove(path)
        return "restored", place
    superseded = place is not None and _is_regular(place)
    if (superseded or _copy_beside(path)) and _remove(path):
        return "removed", place
    return "kept", place


def _set_aside_in(folder: Path) -> list[Path]:
    """The regular files of a set-aside file's name in ``folder`` and below, by name."""
    found = []
    for root, _, names in os.walk(folder):  # links to folders are not followed
        for name in sorted(names):
            path = Path(root) / name
            if is_temporary(name, SET_ASIDE) and _is_regular(path):
                found.append(path)
    return sorted(found)


def _recorded(path: Path) -> dict[str, tuple[str, ...]] | None:
    """The digests by name in ``path``, if it is a record (an earlier build's)."""
    try:
        return build_record.recorded(path.read_bytes())
    except OSError:
        return None


def _copy_beside(path: Path) -> bool:
    """Whether a file beside ``path`` holds the same bytes: not one of exambank's hidden
    files (a file on its way, set aside, the record), which are no one's copy."""
    try:
        size = path.stat().st_size
        beside = sorted(path.parent.iterdir())
    except OSError:
        return False
    for other in beside:
        if other.name.startswith(".exambank-") or not _is_regular(other):
            continue
        try:
            if other.stat().st_size == size and filecmp.cmp(path, other, shallow=False):
                return True
        except OSError:
            continue
    return False


def _link(path: Path, place: Path) -> bool:
    """``path`` given the name ``place`` too, never over a file there; whether it was."""
    try:
        os.link(path, place)
    except OSError:
        return False
    return True


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False
