"""The record a build keeps of the files it wrote into a bank's folder: each one's name and
SHA-256, in ``.exambank-build`` there.

A later build removes a file an earlier one wrote and it no longer makes (a key, a sheet:
``stale_outputs.py``) only where the file is still, byte for byte, what the record says.
Notes a trainer saved into a key change its bytes, whatever program saved them and
however (pypdf saves the whole file, keeping its creator and producer), so that key stays.
A file the record does not list stays too: a user's own, or one written by an older
exambank, which kept no record, so whether it was changed since cannot be told. And a
build replaces no file the record lists that was changed since (``changed``): it stops
before it renders or writes anything, naming each, for the user to move it away or remove
it.

The record lists the files this build wrote, and those an earlier build recorded that are
still in the folder (another version's key, a format ``--only`` left out). It lands twice,
so that a build killed (SIGKILL) at any moment leaves no file of exambank's that a later
build takes for a trainer's: first, before the build's files (``landing``), listing each
with both the digest the earlier record gave and this build's, so that either file counts
as exambank's, and the stale files the build is about to remove; then, once those are
gone, as the finished build leaves it (``updated``): one digest a name, and only the files
there. It holds no date, and no path but the files' names in the folder: the same folder
built the same way gets the same record. Whatever goes wrong with it (removed, unreadable,
edited, or left behind by two builds at once) only keeps files, or stops a build.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from exambank.builders import Output

# JSON, but not named .json: a tool that takes every *.json of dist/ as an export (find,
# a Python glob, an upload step) would take the record too; and hidden, as it is no output.
RECORD_NAME = ".exambank-build"
_ABOUT = (
    "The files 'exambank build' wrote into this folder, each with its SHA-256. A later "
    "build removes one it no longer makes (an answer key, an answer sheet) only if the file "
    "is still exactly as written; without this record it removes none."
)
_LARGEST_READ = 50_000_000  # far above a record of every image of a large bank


@dataclass(frozen=True)
class Record:
    """What a folder's record says: each file's SHA-256 (hex) by its name there, two
    where a build was killed while its files landed (``landing``), either of them the
    build's. ``unlisted``: why a file it does not list is kept, as a sentence."""

    digests: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    unlisted: str = f"it is not among the files {RECORD_NAME} records a build wrote"


def read(folder: Path) -> Record:
    """The record in ``folder``: an empty one, saying why, where there is none or it
    cannot be read or is not as a build writes it."""
    what = f"{RECORD_NAME}, the record of the files a build wrote,"
    try:
        data = _read_file(folder / RECORD_NAME)
    except FileNotFoundError:
        return Record(
            unlisted=f"the folder holds no {RECORD_NAME}, the record of the files a build "
            "wrote (an older exambank kept none)"
        )
    except OSError as error:
        return Record(unlisted=f"{what} cannot be read ({error.strerror})")
    digests = _digests(data) if len(data) <= _LARGEST_READ else None
    if digests is None:
        return Record(unlisted=f"{what} is not as exambank writes it")
    return Record(digests)


def _read_file(path: Path) -> bytes:
    """The first bytes of the regular file at ``path`` (through a link), up to one past
    the largest read; an OSError where it is something else: a pipe, opened without
    waiting, is read no further, where reading it would wait for a writer for ever."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "it is not a file")
        return stream.read(_LARGEST_READ + 1)


def digest(data: bytes) -> str:
    """``data``'s SHA-256, as the record holds it."""
    return hashlib.sha256(data).hexdigest()


def changed(record: Record, folder: Path, names: Iterable[str]) -> list[Path]:
    """The files of ``names`` in ``folder`` that ``record`` lists and whose bytes match
    none of the digests it holds for them: changed since a build wrote them (a trainer's
    notes saved into a key, a CSV saved from a spreadsheet). Where that cannot be told, a
    file is not among them: one the record does not list (a user's own, an older
    exambank's), a link (replacing it leaves what it leads to), one that cannot be read."""
    found = []
    for name in names:
        held = record.digests.get(name)
        path = folder / name
        if held is None or not _is_file(path):
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if digest(data) not in held:
            found.append(path)
    return found


def _is_file(path: Path) -> bool:
    """Whether a regular file (not a link) is at ``path``; False where nothing is."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def landing(record: Record, folder: Path, written: Mapping[str, str]) -> Output:
    """The record that lands before this build's files, for the folder as a kill may
    leave it until the last record lands: the files ``record`` lists that are in
    ``folder`` (the stale ones this build then removes among them), and each file this
    build wrote (``written``: each name's SHA-256) with both digests, ``record``'s and
    this build's, so that whichever of the two is there is exambank's."""
    digests = _still_there(record, folder)
    for name, new in written.items():
        digests[name] = tuple(sorted({*digests.get(name, ()), new}))
    return _as_output(digests)


def updated(record: Record, folder: Path, written: Mapping[str, str]) -> Output:
    """The record of ``folder`` once this build's files have landed and its stale ones
    are gone: the files it wrote (``written``: each name's SHA-256), and those ``record``
    lists that are still there."""
    digests = _still_there(record, folder)
    digests.update((name, (new,)) for name, new in written.items())
    return _as_output(digests)


def _still_there(record: Record, folder: Path) -> dict[str, tuple[str, ...]]:
    """The digests ``record`` holds of the files still in ``folder``: a build removes from
    it those gone since, by anyone."""
    return {name: held for name, held in record.digests.items() if os.path.lexists(folder / name)}


def _as_output(digests: Mapping[str, tuple[str, ...]]) -> Output:
    """The record holding ``digests``: one a name as a text, two as a list; sorted, so the
    same files give the same bytes."""
    listed = {name: held[0] if len(held) == 1 else list(held) for name, held in digests.items()}
    text = json.dumps({"about": _ABOUT, "sha256": dict(sorted(listed.items()))}, indent=2)
    return Output(RECORD_NAME, (text + "\n").encode("utf-8"))


def recorded(data: bytes) -> dict[str, tuple[str, ...]] | None:
    """The names and digests ``data`` hold if they are a record just as a build writes
    one (no other file of a build's is: an export's JSON has other keys); else None."""
    document = _document(data)
    if not isinstance(document, dict) or set(document) != {"about", "sha256"}:
        return None
    return _digests_in(document)


def _digests(data: bytes) -> dict[str, tuple[str, ...]] | None:
    """The names and digests a record's bytes hold; None if they are not a record."""
    return _digests_in(_document(data))


def _document(data: bytes) -> object:
    """``data`` read as JSON; None where it is not JSON, or not UTF-8."""
    try:
        return json.loads(data)
    except ValueError:
        return None


def _digests_in(document: object) -> dict[str, tuple[str, ...]] | None:
    """The names and digests of a record read as JSON; None if it is not a record."""
    digests = document.get("sha256") if isinstance(document, dict) else None
    if not isinstance(digests, dict):
        return None
    read: dict[str, tuple[str, ...]] = {}
    for name, value in digests.items():
        held = [value] if isinstance(value, str) else value
        if not (isinstance(held, list) and held and all(isinstance(text, str) for text in held)):
            return None
        read[name] = tuple(text.lower() for text in held)  # as hexdigest writes it
    return read
