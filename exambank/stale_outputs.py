"""Files an earlier build made that this one does not: the answer key or the answer sheet
of a version (``build --student-key separate``, ``--answer-sheet``) left beside a student
edition that now prints its key, or that no longer has a sheet. A trainer who prints the
folder's key would grade with an old one (the bank may have changed since), and the
student edition of a quiz would come with a key it no longer matches.

So the build removes such a file, once it has written every file of the bank, and says so:
only a name the builder owns for the version it has just built (a shuffled version's files,
named by another seed, are another version's, kept), and only a regular file that is still,
byte for byte, what an earlier build wrote, as its record says (``build_record.py``): a
trainer's notes saved into a key keep it, whatever program saved them. Anything else of
that name (a file changed since, a user's own file, a file the record does not list, a
link, a folder) stays as it is, with a note.

The files of a format the build does not make (``--only``) are kept, with a note
(``Unbuilt``): an importer may read ``<bank>.json`` and never the CSV, so a build of the
CSV alone has no cause to take the JSON away. But the JSON may no longer match the sources,
nor the CSV beside it (the two read as a pair), and whether it does is not known short of
making it again: a JSON takes three to four times as long as a CSV, a CSV's form depends on
two options (``--csv-text``, ``--csv-guard``) it does not record, and a PDF takes minutes.
So each such file is named, changed or not; another version's PDFs are not, as above."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from exambank.build_record import Record, digest

_CHANGED = "it has been changed since exambank made it"


@dataclass(frozen=True)
class Stale:
    """A file an earlier build made for this version, which this build does not: removed,
    or kept (``kept`` says why, as a sentence: "it cannot be read"). ``why`` says why it
    is stale."""

    path: Path
    why: str
    kept: str | None = None


@dataclass(frozen=True)
class Unbuilt:
    """Files an earlier build wrote into a bank's folder, of ``formats`` (builders' names)
    this build does not make: left as they are."""

    paths: tuple[Path, ...]
    formats: tuple[str, ...]


def unbuilt(folder: Path, names: Iterable[tuple[str, str]]) -> Unbuilt | None:
    """The files of ``names`` (a file name and the format that makes it) found in
    ``folder``, as the folder lists them (letter case and all, as ``remove_stale``), but
    a folder; None where there are none."""
    try:
        listed = set(os.listdir(folder))
    except OSError:
        return None
    found = [
        (name, kind) for name, kind in names if name in listed and not _is_folder(folder / name)
    ]
    if not found:
        return None
    formats = tuple(dict.fromkeys(kind for _, kind in found))
    return Unbuilt(tuple(folder / name for name, _ in found), formats)


def remove_stale(folder: Path, names: Iterable[tuple[str, str]], record: Record) -> Iterator[Stale]:
    """Remove each of ``names`` (a file name and why it is stale) found in ``folder`` that
    is still as ``record``, the folder's record of what earlier builds wrote, says; a Stale
    for each found, removed or not. A name is matched as the folder lists it, letter case
    and all: on a file system that ignores case, the key of version "A" is not the stale
    key of version "a"."""
    try:
        listed = set(os.listdir(folder))
    except OSError:
        return
    for name, why in names:
        if name not in listed:
            continue
        path = folder / name
        try:
            found = os.lstat(path)
        except FileNotFoundError:
            continue
        except OSError as error:
            yield Stale(path, why, f"it cannot be read ({error.strerror})")
            continue
        if not stat.S_ISREG(found.st_mode):
            yield Stale(path, why, "it is a link or a folder, not a file")
            continue
        kept = _why_kept(path, record)
        if kept is not None:
            yield Stale(path, why, kept)
            continue
        try:
            path.unlink()
        except OSError as error:
            yield Stale(path, why, f"it cannot be removed ({error.strerror})")
            continue
        yield Stale(path, why)


def _why_kept(path: Path, record: Record) -> str | None:
    """Why ``path`` stays: ``record`` lists no digest of it, or it is no longer the file
    of that digest (of either, where it lists two), or it cannot be read. None for a file
    as a build wrote it."""
    recorded = record.digests.get(path.name)
    if recorded is None:
        return record.unlisted
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"it cannot be read ({error.strerror})"
    return None if digest(data) in recorded else _CHANGED


def _is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder (not a link to one); False where it cannot be told."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False
