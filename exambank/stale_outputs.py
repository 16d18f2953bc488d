"""Files an earlier build made that this one does not: the answer key or the answer sheet
of a version (``build --student-key separate``, ``--answer-sheet``) left beside a student
edition that now prints its key, or that no longer has a sheet. A trainer who prints the
folder's key would grade with an old one (the bank may have changed since), and the
student edition of a quiz would come with a key it no longer matches.

So the build removes such a file, once it has written every file of the bank, and says so:
only a name the builder owns for the version it has just built (a shuffled version's files,
named by another seed, are another version's, kept), and only a regular file that is one of
exambank's PDFs as the build wrote it (its ``/Creator`` and ``/Producer``, and no later
revision: a trainer's notes saved into a key keep it). Anything else of that name (a user's
own file, a link, a folder) stays as it is, with a note."""

from __future__ import annotations

import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# exambank's handouts name it their creator (handout_metadata.py: the generator meta, which
# WeasyPrint writes into the info dictionary, inside a compressed object stream)
_CREATOR = b"/Creator (exambank)"
# ... and WeasyPrint its producer: a viewer that saves the file whole names itself there,
# and one that saves only the changes (a trainer's marks) appends a second "%%EOF"
_PRODUCER = b"/Producer (WeasyPrint"
_END = b"%%EOF"
_STREAM = re.compile(rb"stream\r?\n")
# Far above a key or a sheet of a large bank (600 questions: a few pages, under 1 MB)
_LARGEST_READ = 50_000_000
_LARGEST_INFLATED = 2_000_000  # an info dictionary is short; a stream beyond is no concern


@dataclass(frozen=True)
class Stale:
    """A file an earlier build made for this version, which this build does not: removed,
    or kept (``kept`` says why). ``why`` says why it is stale."""

    path: Path
    why: str
    kept: str | None = None


def remove_stale(folder: Path, names: Iterable[tuple[str, str]]) -> Iterator[Stale]:
    """Remove each of ``names`` (a file name and why it is stale) found in ``folder`` that
    is a PDF exambank made; a Stale for each found, removed or not. A name is matched as
    the folder lists it, letter case and all: on a file system that ignores case, the key
    of version "A" is not the stale key of version "a"."""
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
            yield Stale(path, why, f"as it cannot be read ({error.strerror})")
            continue
        if not stat.S_ISREG(found.st_mode):
            yield Stale(path, why, "not being a file (a link or a folder)")
            continue
        if not _made_by_exambank(path, found.st_size):
            yield Stale(path, why, "not being a PDF exambank made, unchanged since")
            continue
        try:
            path.unlink()
        except OSError as error:
            yield Stale(path, why, f"as it cannot be removed ({error.strerror})")
            continue
        yield Stale(path, why)


def _made_by_exambank(path: Path, size: int) -> bool:
    """Whether ``path`` is a PDF whose info dictionary names exambank as its creator, read
    in the stream that holds it, or as it is where a PDF keeps it uncompressed."""
    if size > _LARGEST_READ:
        return False
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if not data.startswith(b"%PDF-") or data.count(_END) != 1:
        return False
    if _CREATOR in data and _PRODUCER in data:
        return True
    view = memoryview(data)
    for match in _STREAM.finditer(data):
        try:
            inflated = zlib.decompressobj().decompress(view[match.end() :], _LARGEST_INFLATED)
        except zlib.error:
            continue  # not a Flate stream
        if _CREATOR in inflated and _PRODUCER in inflated:
            return True
    return False
