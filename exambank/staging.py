"""Writing files so that a failed run leaves what was there: each file is first written
under a temporary name beside its place (staged), then renamed into place (landed).

``land_all`` puts a build's files in place together or not at all: the file each replaces
is kept aside until the last has landed, and if one cannot land (a folder where the file
goes, a file open in a viewer on Windows), every one already landed is put back.
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from exambank import build_record
from exambank.build_record import RECORD_NAME, Record
from exambank.builders import Output
from exambank.errors import CannotWrite, UsageError
from exambank.temporary_names import NEW_FILE, SET_ASIDE, STAGED, beside


@dataclass(frozen=True)
class Written:
    """A file written, for the progress line."""

    path: Path
    size: int
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Staged:
    """A file made and written under the temporary name ``temporary`` beside ``target``,
    its place; ``folders``: those made for it, outermost first."""

    temporary: Path
    target: Path
    size: int
    notes: tuple[str, ...]
    folders: tuple[Path, ...]


def write(folder: Path, output: Output) -> Written:
    """Write ``output`` into ``folder`` atomically: a temporary file, then a rename. Its
    name may hold subfolders ("images/chart.png"), made as needed; one that is a link is
    refused, as ``dist`` is."""
    return _land(stage(folder, output))


def stage(folder: Path, output: Output) -> Staged:
    """``output`` written under a temporary name beside its place in ``folder``, and
    flushed to disk; the folders it needs made."""
    target = folder / _relative(output.name)
    made = [path for path in (*reversed(folder.parents), folder) if not os.path.lexists(path)]
    folder.mkdir(parents=True, exist_ok=True)
    for subfolder in reversed(target.relative_to(folder).parents[:-1]):
        refuse_links(folder / subfolder, fix="remove the link")
        if not os.path.lexists(folder / subfolder):
            (folder / subfolder).mkdir()
            made.append(folder / subfolder)
    # A new file of a name no one can guess, and of a fixed length: an image's 250-character
    # name with a suffix was too long. Mode 0o666 less the umask, as open() would give.
    temporary = beside(target, STAGED)
    handle = os.open(temporary, NEW_FILE, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(output.data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return Staged(temporary, target, len(output.data), output.notes, tuple(made))


def stage_or_explain(folder: Path, output: Output) -> Staged:
    """``stage``, its OSError told as the one-line CannotWrite an author reads."""
    try:
        return stage(folder, output)
    except OSError as error:
        raise CannotWrite(why_not_written(folder / output.name, error)) from None


def land_all(staged: list[Staged]) -> list[Written]:
    """Every staged file renamed into its place, or none: when one cannot be (its OSError
    told as a CannotWrite), those already in place are taken back out and the files they
    replaced put back, so the folders hold what they held before. The caller discards the
    temporary files left (``discard``)."""
    landed: list[tuple[Staged, Path | None]] = []  # each with where its previous file is
    try:
        for file in staged:
            previous = beside(file.target, SET_ASIDE) if _replaces(file.target) else None
            if previous is not None:
                os.replace(file.target, previous)
            landed.append((file, previous))
            os.replace(file.temporary, file.target)
    except OSError as error:
        failed = file.target
        _put_back(landed, failed)
        said = "nothing of this build was put in place: the files it would replace are as they were"
        raise CannotWrite(why_not_written(failed, error), said) from None
    except BaseException:
        _put_back(landed, None)
        raise
    for _, previous in landed:
        if previous is not None:
            with suppress(OSError):  # left beside it, under a hidden name
                previous.unlink()
    return [Written(file.target, file.size, file.notes) for file in staged]


def discard(staged: list[Staged]) -> None:
    """Remove the files staged and not put in place, then the folders made for them that
    are left empty."""
    for file in staged:
        file.temporary.unlink(missing_ok=True)
    for folder in reversed([folder for file in staged for folder in file.folders]):
        with suppress(OSError):  # not empty: a file put in place, or one of someone else's
            folder.rmdir()


def refuse_folders_at(folder: Path, names: list[str]) -> None:
    """A UsageError if a folder stands where the build would put one of the files
    ``names`` (or the record of them) in ``folder``: a file cannot be renamed over it,
    which only the last step, after every file is made, would find."""
    for name in names:
        path = folder / name
        try:
            is_folder = stat.S_ISDIR(os.lstat(path).st_mode)
        except OSError:  # nothing there (or nothing to tell): the landing says why
            continue
        if is_folder:
            what = "the record of the files a build wrote" if name == RECORD_NAME else "a file"
            raise UsageError(
                f"{path}: a folder stands where the build writes {what}: remove or rename "
                "the folder, or build into another --out"
            )


def refuse_changed(folder: Path, names: list[str], record: Record) -> None:
    """A UsageError naming each of the files ``names`` in ``folder`` the build would
    replace that has been changed since a build wrote it, as ``record``, the folder's
    record, tells (``build_record.changed``): the trainer's notes in it would be lost."""
    changed = build_record.changed(record, folder, names)
    if changed:
        raise UsageError(
            *(
                f"{path}: it has been changed since exambank made it, and the build would "
                "replace it: move it out of the folder to keep it, or remove it, then build "
                "again"
                for path in changed
            )
        )


def refuse_links(
    *folders: Path, fix: str = "remove the link, or give --out the folder it leads to"
) -> None:
    """A UsageError if one of ``folders`` is a symbolic link: a ``dist`` link kept in a
    repository (``.gitignore`` keeps out only a real ``dist/`` folder) would send the
    files of a CI build wherever it leads."""
    for folder in folders:
        if folder.is_symlink():
            raise UsageError(
                f"{folder}: cannot build into it: it is a link, and a build writes only into "
                f"real folders: {fix}"
            )


def why_not_written(target: Path, error: OSError) -> str:
    """One line naming the path at fault: a file where a folder must be (``--out`` naming
    a file) said plainly, not as "Not a directory"; else the system's reason, at the folder
    that could not be made or at the file (never at its temporary name)."""
    blocking = next((folder for folder in target.parents if _is_file(folder)), None)
    if blocking is not None:
        what = "a link that leads to no folder" if blocking.is_symlink() else "a file"
        return f"{blocking}: cannot build into it: it is {what}, not a folder"
    reason = error.strerror or str(error)
    failed = Path(error.filename) if error.filename else target
    if failed in target.parents:
        return f"{failed}: cannot make the folder: {reason}"
    if isinstance(error, PermissionError) and failed != target and failed.parent == target.parent:
        # the file is written beside its place first, then renamed: the folder refused it
        return (
            f"{target.parent}: cannot write into the folder: {reason} (a build writes "
            f"{target.name} beside its place first): chmod u+w {target.parent}"
        )
    return f"{target}: cannot write: {reason}"


def _land(staged: Staged) -> Written:
    """The staged file renamed into its place, over the file there."""
    try:
        os.replace(staged.temporary, staged.target)
    except BaseException:
        staged.temporary.unlink(missing_ok=True)
        raise
    return Written(staged.target, staged.size, staged.notes)


def _put_back(landed: list[tuple[Staged, Path | None]], failed: Path | None) -> None:
    """Undo ``land_all``'s renames, the last first: each file landed taken out (but the
    one at ``failed``, which did not land), and the previous one renamed back. As much as
    can be: a rename that fails here leaves that file as it is."""
    for file, previous in reversed(landed):
        with suppress(OSError):
            if previous is not None:
                os.replace(previous, file.target)
            elif file.target != failed:
                file.target.unlink()


def _replaces(target: Path) -> bool:
    """Whether a file (or a link, which a rename replaces, not follows) is at ``target``:
    it is kept aside while the build lands. A folder there is not: the rename onto it fails."""
    return os.path.islink(target) or (os.path.lexists(target) and not os.path.isdir(target))


def _relative(name: str) -> Path:
    """``name`` as a path inside the folder written into; a ValueError (a builder's bug)
    for one that would leave it, whichever slash the system takes as a separator."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if not parts or parts[0] == "/" or ".." in parts:
        raise ValueError(f"a builder named an output {name!r}, which leaves its folder")
    return Path(name)


def _is_file(path: Path) -> bool:
    """Whether something other than a folder is at ``path`` (os.path never raises)."""
    return os.path.lexists(path) and not os.path.isdir(path)
