"""The build: every chosen builder's files for every bank, into ``<out>/<bank-id>/``.

Deterministic: no clock; the build date comes from ``SOURCE_DATE_EPOCH`` or the bank
folder's last commit. Atomic: every file is written under a temporary name beside its
place, and once the last is made all are renamed into place together, or none
(``staging.py``); so a build that fails or is stopped, Ctrl-C or SIGTERM, leaves every file
of the previous build as it was and none of its own, never a mix of two builds. Every name
and every answer key is checked before any file is written, and so is every file the build
would replace: one changed since a build wrote it (a trainer's notes saved into a key)
stops it, as the notes would be lost (``build_record.changed``). Then the quick files
(JSON, CSV) are made, and each file that takes long (a PDF edition) in turn, so one PDF at
a time is held in memory. Before each bank's files lands the record of what the build
writes there, and once its stale files are removed, that record as the finished build
leaves it (``build_record.py``), by which a later build tells its own files from a
trainer's.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path

from exambank import build_record
from exambank.bank import Bank
from exambank.build_date import BuildDate, build_date
from exambank.build_record import RECORD_NAME, Record
from exambank.builders import BUILDERS, Builder, Output, Settings
from exambank.builders.base import Step
from exambank.errors import UsageError
from exambank.leftovers import Leftovers, keep_fresh, remove_leftovers
from exambank.paths import bank_folder_clash, display_path
from exambank.rules.answers import untrue_key_findings
from exambank.set_aside import SetAside, put_back_set_aside
from exambank.shuffle import keeps_its_order, shuffled
from exambank.staging import (
    Staged,
    Written,
    discard,
    land_all,
    refuse_changed,
    refuse_folders_at,
    refuse_links,
    stage_or_explain,
    write,
)
from exambank.stale_outputs import Stale, Unbuilt, remove_stale, unbuilt

__all__ = ["Leftovers", "Making", "SetAside", "Written", "build"]


@dataclass(frozen=True)
class Making:
    """A file that takes long to make, started, for the progress line: ``label`` (the
    student handout) of the bank ``bank_id``, which has ``questions`` questions."""

    label: str
    bank_id: str
    questions: int


@dataclass(frozen=True)
class _Staged:
    """A bank's ``folder`` once its files are staged: the names of the files an earlier
    build made there that this one leaves ``stale``, each with why; the ``record`` read
    there, by which they are removed or kept; the files ``written``, each with its digest;
    and the bytes of the record that lands before them (``build_record.landing``)."""

    folder: Path
    stale: list[tuple[str, str]]
    record: Record
    written: dict[str, str]
    landing: bytes


def build(
    banks: Iterable[Bank],
    builders: Iterable[Builder],
    out: Path,
    choices: Settings | None = None,
) -> Generator[Written | Making | Stale | Unbuilt | SetAside | Leftovers, None, None]:
    """Build every bank with every builder, yielding before a file that takes long that it
    is being made; once every file is made, they are all put in place together, and then
    yielded are: the files a killed build had set aside in a bank's folder, put back or
    removed before anything was made (``set_aside.py``: the record tells what they were);
    each file written (but the record of them); each file of the version built that an
    earlier build made and this one does not, removed or kept (``stale_outputs.py``);
    bank by bank, the files found there of the formats not built (those of ``BUILDERS``
    not among ``builders``), kept; and, folder by folder, what a killed build left
    unfinished in those written.
    ``choices`` are the user's (paper, shuffle, large print ...); each bank's build date is
    filled in from its sources. A file that cannot be written stops the build with a
    UsageError saying where and why. Whatever stops it before all is made leaves ``out``
    as it was: no file of this build, no temporary file, no folder it made."""
    builders, banks = list(builders), list(banks)
    refuse_links(*_folders_of(out), *(out / bank.id for bank in banks))  # before any write
    _refuse_bank_folders(banks, out)
    _refuse_shared_ids(banks, out)
    _refuse_untrue_keys(banks)
    found_aside = (put_back_set_aside(out / bank.id) for bank in banks)
    set_aside = [found for found in found_aside if found is not None]
    staged: list[Staged] = []
    prepared: list[_Staged] = []
    landed: list[Written | Stale | Unbuilt | SetAside | Leftovers]
    try:
        for bank in banks:
            folder = out / bank.id
            prepared.append((yield from _stage_bank(bank, builders, folder, choices, staged)))
        folders_written = sorted({file.target.parent for file in staged})
        with _stops_held() as stops:  # every file lands, and every stale one goes, or none
            landed = [*set_aside]  # said first, as done first
            landed.extend(file for file in land_all(staged) if file.path.name != RECORD_NAME)
            staged.clear()
            for ready in prepared:
                landed.extend(remove_stale(ready.folder, ready.stale, ready.record))
                _settle_record(ready)
    finally:
        discard(staged)
    try:
        left = (unbuilt(out / bank.id, _names_not_built(bank.id, builders)) for bank in banks)
        landed.extend(found for found in left if found is not None)
        found = (remove_leftovers(folder) for folder in folders_written)
        landed.extend(leftovers for leftovers in found if leftovers is not None)
        yield from landed
    finally:
        if stops:  # a stop asked for while the files landed
            signal.raise_signal(stops[0])


def _stage_bank(
    bank: Bank,
    builders: list[Builder],
    folder: Path,
    choices: Settings | None,
    staged: list[Staged],
) -> Generator[Making, None, _Staged]:
    """Make every builder's files of ``bank`` and add each to ``staged``, and the record
    that lands before them, yielding before a file that takes long that it is being made;
    the bank's folder as staged."""
    dated = any(builder.prints_date for builder in builders)  # else no date is read
    when = build_date(bank.root) if dated else BuildDate(None)
    settings = replace(choices or Settings(), build_date=when.date)
    shuffle_seed = choices.shuffle_seed if choices else None
    reordered = bank if shuffle_seed is None else shuffled(bank, shuffle_seed)
    sources = [(builder, reordered if builder.shuffles_options else bank) for builder in builders]
    files, steps = _quick_files_and_steps(folder, bank.id, sources, settings, when.note)
    names = [*(file.name for file in files), *(step.name for _, step in steps)]
    refuse_changed(folder, names, build_record.read(folder))  # before any is rendered
    unshuffled = None if shuffle_seed is None else _unshuffled_note(bank, shuffle_seed)
    first = len(staged)  # where the bank's files start, for its record to land before them
    said: set[str] = set()  # the notes given under an earlier file of the bank
    written: dict[str, str] = {}  # each file's digest, for the record
    while files:  # each dropped from memory once on disk
        _stage(folder, _said_once(files.pop(0), said), staged, written)
    questions = sum(1 for _ in bank.questions())
    for builder, step in steps:
        keep_fresh(staged)  # not taken for a killed build's by a build running beside
        yield Making(step.label, bank.id, questions)
        made = _noted(step.make(), builder, when.note)
        if unshuffled and builder.shuffles_options:
            made = replace(made, notes=(*made.notes, unshuffled))
        _stage(folder, _said_once(made, said), staged, written)
        del made  # not held while the next file is made
    stale = [name for builder, _ in sources for name in builder.stale_names(bank.id, settings)]
    # Read again, not kept from before the rendering: a build beside may have landed since.
    record = build_record.read(folder)
    landing = build_record.landing(record, folder, written)
    staged.insert(first, stage_or_explain(folder, landing))
    return _Staged(folder, stale, record, written, landing.data)


def _settle_record(bank: _Staged) -> None:
    """The record of ``bank``'s folder as the finished build leaves it (one digest a
    name, no file gone: ``build_record.updated``), once its files landed and its stale
    ones are removed, in place of the one that landed before them, where the two differ.
    Where it cannot be written, that one stays: it only holds a digest more for some files,
    and names of files gone, which the next build drops."""
    settled = build_record.updated(bank.record, bank.folder, bank.written)
    if settled.data != bank.landing:
        with suppress(OSError):
            write(bank.folder, settled)


def _stage(folder: Path, output: Output, staged: list[Staged], written: dict[str, str]) -> None:
    """``output`` staged into ``folder`` (added to ``staged``), and its digest noted in
    ``written``, by its name."""
    staged.append(stage_or_explain(folder, output))
    written[output.name] = build_record.digest(output.data)


def _names_not_built(bank_id: str, builders: list[Builder]) -> list[tuple[str, str]]:
    """The files of ``bank_id`` that the formats not among ``builders`` make, each with
    its format's name."""
    built = {builder.name for builder in builders}
    return [
        (name, kind.name)
        for kind in BUILDERS.values()
        if kind.name not in built
        for name in kind().file_names(bank_id)
    ]


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
    named = names + [(builder, step.name) for builder, step in steps]
    _check_names(folder, bank_id, named)
    refuse_folders_at(folder, [*(name for _, name in named), RECORD_NAME])
    return [output for _, output in made], steps


def _said_once(output: Output, said: set[str]) -> Output:
    """``output`` without the notes ``said`` under an earlier file of its bank, which it
    then holds: an image neither export ships, a date not from a commit, words in English
    are each noted once for the bank, under the first file they concern."""
    notes = tuple(note for note in output.notes if note not in said)
    said.update(notes)
    return output if notes == output.notes else replace(output, notes=notes)


def _unshuffled_note(bank: Bank, seed: str) -> str | None:
    """What to say where ``--shuffle`` leaves half a bank's questions or more in their
    source order (``keeps_its_order``: options that name letters or each other, a numeric
    scale, ``shuffle: false``), so that the editions marked "Shuffle" differ little or not
    at all from the source's; None where most are shuffled."""
    questions = [ref.question for ref in bank.questions()]
    kept = sum(keeps_its_order(question, bank.manifest.language) for question in questions)
    if not questions or kept * 2 < len(questions):
        return None
    which = "every one of the bank's" if kept == len(questions) else f"{kept} of the bank's"
    return (
        f"--shuffle {seed} left {which} {len(questions)} questions in their source order: their "
        "options name letters or one another, are a numeric scale, or say 'shuffle: false' "
        "(the JSON's shuffle says which; reword the options to shuffle them)"
    )


def _noted(output: Output, builder: Builder, date_note: str | None) -> Output:
    """``output`` with the note on its build date (``build_date.py``), if it prints one."""
    if date_note is None or not builder.prints_date:
        return output
    return replace(output, notes=(*output.notes, date_note))


def _refuse_bank_folders(banks: list[Bank], out: Path) -> None:
    """A UsageError if a bank would be built into a bank's folder, or right inside one, or
    into a folder that holds a bank being built (``--out bank`` names the folder of
    banks, and would build ``sm`` into ``bank/sm``)."""
    roots = [bank.root for bank in banks]
    for bank in banks:
        if (clash := bank_folder_clash(out / bank.id, roots)) is not None:
            raise UsageError(
                f"--out {display_path(out)}: cannot build the bank {bank.id} there: {clash}: "
                "choose another --out, such as dist (the default)"
            )


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


def _folders_of(out: Path) -> list[Path]:
    """The folders a build into ``out`` goes through that a repository could hold: each
    part of a relative ``out`` ("dist", "build/handouts"), or ``out`` itself."""
    if out.is_absolute():
        return [out]
    return [Path(*out.parts[:end]) for end in range(1, len(out.parts) + 1)]
