"""The build: every chosen builder's files for every bank, into ``<out>/<bank-id>/``.

Deterministic (no clock: the build date comes from ``SOURCE_DATE_EPOCH`` or the bank
folder's last commit) and atomic (every file is written under a temporary name beside its
place, and all are renamed into place together once the last is made, so a build that fails
or is stopped, Ctrl-C or SIGTERM, leaves every file of the previous build as it was and none
of its own, never a mix of two builds). Every name and every answer key is checked before
any file is written; then the quick files (JSON, CSV) are made, and each file that takes
long (a PDF edition) in turn, so one PDF at a time is held in memory.
"""

from __future__ import annotations

import os
import secrets
import signal
import threading
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from exambank.bank import Bank
from exambank.build_date import BuildDate, build_date
from exambank.builders import BUILDERS, Builder, Output, Settings
from exambank.builders.base import Step
from exambank.errors import CannotWrite, UsageError
from exambank.rules.answers import untrue_key_findings
from exambank.shuffle import shuffled
from exambank.stale_outputs import Stale, remove_stale

_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class Written:
    """A file the build wrote, for the progress line."""

    path: Path
    size: int
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _Staged:
    """A file made and written under the temporary name ``temporary`` beside ``target``,
    its place; ``folders``: those made for it, outermost first."""

    temporary: Path
    target: Path
    size: int
    notes: tuple[str, ...]
    folders: tuple[Path, ...]


@dataclass(frozen=True)
class Making:
    """A file that takes long to make, started, for the progress line: ``label`` (the
    student handout) of the bank ``bank_id``, which has ``questions`` questions."""

    label: str
    bank_id: str
    questions: int


def build(
    banks: Iterable[Bank],
    builders: Iterable[Builder],
    out: Path,
    choices: Settings | None = None,
) -> Generator[Written | Making | Stale, None, None]:
    """Build every bank with every builder, yielding before a file that takes long that it
    is being made; once every file is made, they are all put in place together and each is
    yielded, then each file of the version built that an earlier build made and this one
    does not, removed or kept (``stale_outputs.py``). ``choices`` are the user's (paper,
    shuffle, large print ...); each bank's build date is filled in from its sources. A
    file that cannot be written stops the build with a UsageError saying where and why.
    Whatever stops it before all is made leaves ``out`` as it was: no file of this build,
    no temporary file, no folder it made."""
    builders, banks = list(builders), list(banks)
    _refuse_links(*_folders_of(out), *(out / bank.id for bank in banks))  # before any write
    _refuse_shared_ids(banks, out)
    _refuse_untrue_keys(banks)
    staged: list[_Staged] = []
    stale: list[tuple[Path, list[tuple[str, str]]]] = []
    try:
        for bank in banks:
            folder = out / bank.id
            names = yield from _stage_bank(bank, builders, folder, choices, staged)
            stale.append((folder, names))
        with _stops_held() as stops:  # every file lands, and every stale one goes, or none
            landed: list[Written | Stale] = [_land_or_explain(file) for file in staged]
            staged.clear()
            for folder, names in stale:
                landed.extend(remove_stale(folder, names))
    finally:
        _discard(staged)
    try:
        yield from landed
    finally:
        if stops:  # a stop asked for while the files landed
            signal.raise_signal(stops[0])


def _stage_bank(
    bank: Bank,
    builders: list[Builder],
    folder: Path,
    choices: Settings | None,
    staged: list[_Staged],
) -> Generator[Making, None, list[tuple[str, str]]]:
    """Make every builder's files of ``bank`` and add each to ``staged``, yielding before
    a file that takes long that it is being made; the names of the files of an earlier
    build this one leaves stale, each with why."""
    dated = any(builder.prints_date for builder in builders)  # else no date is read
    when = build_date(bank.root) if dated else BuildDate(None)
    settings = replace(choices or Settings(), build_date=when.date)
    shuffle_seed = choices.shuffle_seed if choices else None
    reordered = bank if shuffle_seed is None else shuffled(bank, shuffle_seed)
    sources = [(builder, reordered if builder.shuffles_options else bank) for builder in builders]
    files, steps = _quick_files_and_steps(folder, bank.id, sources, settings, when.note)
    while files:  # each dropped from memory once on disk
        staged.append(_stage_or_explain(folder, files.pop(0)))
    questions = sum(1 for _ in bank.questions())
    for builder, step in steps:
        yield Making(step.label, bank.id, questions)
        staged.append(_stage_or_explain(folder, _noted(step.make(), builder, when.note)))
    return [name for builder, _ in sources for name in builder.stale_names(bank.id, settings)]


@contextmanager
def _stops_held() -> Iterator[list[int]]:
    """Ctrl-C and SIGTERM wait while the block runs: the signals that came, in order, for
    the caller to raise again once it may stop. Only the main thread can set handlers; in
    another, nothing is held."""
    stops: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield stops
        return
    previous = {
        number: signal.signal(number, lambda caught, frame: stops.append(caught))
        for number in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield stops
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)


def _quick_files_and_steps(
    folder: Path,
    bank_id: str,
    sources: list[tuple[Builder, Bank]],
    settings: Settings,
    date_note: str | None,
) -> tuple[list[Output], list[tuple[Builder, Step]]]:
    """The files of each builder without steps, made, and the other builders' steps, once
    every name is checked (``_check_names``)."""
    made: list[tuple[Builder, Output]] = []
    steps: list[tuple[Builder, Step]] = []
    for builder, bank in sources:
        split = builder.steps(bank, settings)
        steps.extend((builder, step) for step in split)
        if not split:
            made.extend(
                (builder, _noted(output, builder, date_note))
                for output in builder.build(bank, settings)
            )
    # An image both exports ship is written once; a name given twice otherwise is refused.
    made = list({(file.name, file.data): (builder, file) for builder, file in made}.values())
    names = [(builder, output.name) for builder, output in made]
    _check_names(folder, bank_id, names + [(builder, step.name) for builder, step in steps])
    return [output for _, output in made], steps


def _noted(output: Output, builder: Builder, date_note: str | None) -> Output:
    """``output`` with the note on its build date (``build_date.py``), if it prints one."""
    if date_note is None or not builder.prints_date:
        return output
    return replace(output, notes=(*output.notes, date_note))


def write(folder: Path, output: Output) -> Written:
    """Write ``output`` into ``folder`` atomically: a temporary file, then a rename. Its
    name may hold subfolders ("images/chart.png"), made as needed; one that is a link is
    refused, as ``dist`` is."""
    return _land(_stage(folder, output))


def _stage(folder: Path, output: Output) -> _Staged:
    """``output`` written under a temporary name beside its place in ``folder``, and
    flushed to disk; the folders it needs made."""
    target = folder / _relative(output.name)
    made = [path for path in (*reversed(folder.parents), folder) if not os.path.lexists(path)]
    folder.mkdir(parents=True, exist_ok=True)
    for subfolder in reversed(target.relative_to(folder).parents[:-1]):
        _refuse_links(folder / subfolder, fix="remove the link")
        if not os.path.lexists(folder / subfolder):
            (folder / subfolder).mkdir()
            made.append(folder / subfolder)
    # A new file (O_EXCL) of a name no one can guess: a link planted under a name the build
    # would use is never written through. Mode 0o666 less the umask, as open() would give.
    # Of a fixed length: a name within the system's limit stays within it (an image's
    # 250-character name with a suffix did not).
    temporary = target.parent / f".exambank-{secrets.token_hex(8)}.partial"
    handle = os.open(temporary, _NEW_FILE, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(output.data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return _Staged(temporary, target, len(output.data), output.notes, tuple(made))


def _land(staged: _Staged) -> Written:
    """The staged file renamed into its place, over the file there."""
    try:
        os.replace(staged.temporary, staged.target)
    except BaseException:
        staged.temporary.unlink(missing_ok=True)
        raise
    return Written(staged.target, staged.size, staged.notes)


def _discard(staged: list[_Staged]) -> None:
    """Remove the files staged and not put in place, then the folders made for them that
    are left empty."""
    for file in staged:
        file.temporary.unlink(missing_ok=True)
    for folder in reversed([folder for file in staged for folder in file.folders]):
        with suppress(OSError):  # not empty: a file put in place, or one of someone else's
            folder.rmdir()


def _relative(name: str) -> Path:
    """``name`` as a path inside the folder written into; a ValueError (a builder's bug)
    for one that would leave it, whichever slash the system takes as a separator."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if not parts or parts[0] == "/" or ".." in parts:
        raise ValueError(f"a builder named an output {name!r}, which leaves its folder")
    return Path(name)


def _refuse_shared_ids(banks: list[Bank], out: Path) -> None:
    """A UsageError if two banks have one id: both would build into ``out/<id>``, the
    second replacing the first's files."""
    roots: dict[str, Path] = {}
    for bank in banks:
        if bank.id in roots:
            raise UsageError(
                f"{bank.root}: its id '{bank.id}' is also the id of {roots[bank.id]}, and both "
                f"would build into {out / bank.id}: give each bank an id of its own"
            )
        roots[bank.id] = bank.root


def _refuse_untrue_keys(banks: list[Bank]) -> None:
    """A UsageError for each question whose key would print untrue (an answer letter that
    names no option, a letter listed twice, several answers to a single-answer question,
    an answer not set as ``exambank new`` leaves it), which lint lets pass where a question
    or the project switches off ``answer-not-in-options`` or ``answer-count``."""
    problems = [
        f"{found.path}:{found.line}:{found.column}: question {ref.question.id}: "
        f"{found.message}, and the build prints no untrue key, even where {found.rule} is "
        f"switched off: {found.hint}"
        for bank in banks
        for ref in bank.questions()
        for found in untrue_key_findings(ref)
    ]
    if problems:
        raise UsageError(*problems)


def _check_names(folder: Path, bank_id: str, names: list[tuple[Builder, str]]) -> None:
    """A UsageError for a file named as another (an image the texts show named
    ``<bank>.json``), or as a file some format makes (``<bank>-questions.csv``, which a
    later build of that format would replace under the JSON's listing). ``names`` are the
    builders' files for a bank, checked before any is written."""
    reserved = {name for kind in BUILDERS.values() for name in kind().file_names(bank_id)}
    seen: set[str] = set()
    for builder, name in names:
        if name in seen or (name in reserved and name not in builder.file_names(bank_id)):
            raise UsageError(
                f"{folder / name}: the build would write two files of this name (an "
                "image the texts show is named as a file the build makes): rename the image"
            )
        seen.add(name)


def _stage_or_explain(folder: Path, output: Output) -> _Staged:
    """``_stage``, its OSError told as the one-line UsageError an author reads."""
    try:
        return _stage(folder, output)
    except OSError as error:
        raise CannotWrite(_why_not_written(folder / output.name, error)) from None


def _land_or_explain(staged: _Staged) -> Written:
    """``_land``, its OSError told as ``_stage_or_explain`` tells one."""
    try:
        return _land(staged)
    except OSError as error:
        raise CannotWrite(_why_not_written(staged.target, error)) from None


def _folders_of(out: Path) -> list[Path]:
    """The folders a build into ``out`` goes through that a repository could hold: each
    part of a relative ``out`` ("dist", "build/handouts"), or ``out`` itself."""
    if out.is_absolute():
        return [out]
    return [Path(*out.parts[:end]) for end in range(1, len(out.parts) + 1)]


def _refuse_links(
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


def _why_not_written(target: Path, error: OSError) -> str:
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
    return f"{target}: cannot write: {reason}"


def _is_file(path: Path) -> bool:
    """Whether something other than a folder is at ``path`` (os.path never raises)."""
    return os.path.lexists(path) and not os.path.isdir(path)
