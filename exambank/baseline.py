"""A baseline: the findings a bank already has, so that lint reports only new ones.

``exambank lint --write-baseline FILE`` writes the run's findings to FILE, and ``--baseline
FILE`` then hides each finding FILE holds: a bank that many people edit can switch a rule
on, or make warnings fail, without fixing every old finding first. A finding FILE holds N
times is hidden at most N times, so a second copy of the same flaw is new. What no
configuration can switch off (a file that cannot be read, an id used twice) is never
written, and never hidden.

A finding is known by its fingerprint (``exambank.fingerprint``): lines may move, questions
be added or moved, files be renamed, and lint run from another folder. A baseline of
version 1 differs in its fingerprints only (``v1_fingerprint``), which still match their
findings until FILE is written again. FILE's format: ``exambank.baseline_file``.

An entry whose finding no longer occurs is fixed: counted, not an error, and dropped when
FILE is written again, or pruned (``--prune-baseline FILE``: drops fixed entries, adds
none). Entries the run could not judge are neither counted nor dropped
(``exambank.baseline_scope``): those of files or rules it did not check, so a run on one
of several banks keeps the others' entries, and those of a file it could not read whole
(and of rules that read the whole bank, in its bank), so a merge conflict left in a file
loses nothing.

No baseline written holds an ``unused-suppression`` finding: it would silence the finding
that says to remove a stale ``lint:`` entry, which would then drop its rule's findings
again if they came back. Writing or pruning FILE leaves them out, and says how many; a
baseline that holds some (written before) still hides their findings, and lint says
that pruning drops them.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from exambank.baseline_file import Baseline, Entry, merged, previous, read, save
from exambank.baseline_scope import Scope, Unread, scope
from exambank.config import Config, switchable
from exambank.diagnostics import Diagnostic
from exambank.errors import UsageError
from exambank.fingerprint import Fingerprints, v1_fingerprint
from exambank.suppression import UNUSED

__all__ = [
    "Baseline",
    "Changes",
    "Compared",
    "Entry",
    "Scope",
    "compare",
    "configured",
    "merged",
    "previous",
    "prune",
    "read",
    "scope",
    "write",
]
RuleCounts = tuple[tuple[str, int], ...]  # how many entries of each rule, by its name


@dataclass(frozen=True)
class Compared:
    """A run's ``new`` findings and those the baseline ``known`` (each in the order given);
    ``fixed``: its entries, of what the run checked, that no finding matched; ``kept``:
    those no finding matched that the run could not judge, as it did not read whole the
    files ``unread``; ``off``: how many of its entries are of each rule the configuration
    turns off (``Scope.off``), which no run judges while it does."""

    new: list[Diagnostic]
    known: list[Diagnostic]
    fixed: int
    kept: int = 0
    unread: tuple[Unread, ...] = ()
    off: RuleCounts = ()

    @property
    def hidden(self) -> int:
        return len(self.known)


@dataclass(frozen=True)
class Changes:
    """What writing a baseline changed: ``kept``, the old entries of what the run did not
    check (but for ``off``, those of each rule the configuration turns off), and ``held``,
    of what it could not judge as it did not read whole the files ``unread``, carried
    over; ``added``, the findings the old baseline did not hold (in the order given);
    ``dropped``, how many old entries were fixed, and ``dropped_of``, of each rule
    ``--drop-entries-of`` named; ``stale``, how many ``unused-suppression`` entries it
    left out (of the run's findings, writing; of the old entries, writing or pruning);
    ``old``: whether there was an old baseline to compare with (``conflicted``: both
    sides of a merge conflict); ``unchanged``: the file already held, byte for byte, what
    was to be written, so it was left untouched."""

    kept: int = 0
    off: RuleCounts = ()
    held: int = 0
    unread: tuple[Unread, ...] = ()
    added: tuple[Diagnostic, ...] = ()
    dropped: int = 0
    dropped_of: RuleCounts = ()
    stale: int = 0
    old: bool = False
    conflicted: bool = False
    unchanged: bool = False


def configured(config: Config) -> Baseline | str | None:
    """The baseline ``[tool.exambank]`` names, read as lint reads it; or why it cannot be
    read (``build`` and ``stats`` only say what it holds, and go on); None where it names
    none."""
    if config.baseline is None:
        return None
    try:
        return read(config.baseline)
    except UsageError as error:
        return str(error)


def compare(baseline: Baseline, diagnostics: Sequence[Diagnostic], checked: Scope) -> Compared:
    folder = baseline.folder
    left = Counter(entry.fingerprint for entry in baseline.entries)
    new, known = [], []
    for found, entry in zip(diagnostics, _entries(diagnostics, folder, checked), strict=True):
        holding = None if entry is None else _holding(entry, found, left)
        if holding is not None:
            left[holding] -= 1
            known.append(found)
        else:
            new.append(found)
    unmatched = list(_unmatched(baseline, left))
    judged = [entry for entry in unmatched if checked.covers(entry, folder)]
    held, unread = _held(judged, checked, folder)
    return Compared(new, known, len(judged) - held, held, unread, _of(unmatched, checked.off))


def write(
    path: Path, diagnostics: Sequence[Diagnostic], checked: Scope, old: Baseline | None
) -> tuple[Baseline, Changes]:
    """Write the baseline of ``diagnostics`` to ``path``, keeping ``old``'s entries of what
    the run could not judge (and writing none of the run's findings there, which ``old``
    holds as they were), and no ``unused-suppression`` entry; the baseline written, and
    what changed."""
    folder = path.resolve().parent
    if old is None:
        entries = [entry for entry in _entries(diagnostics, folder, checked) if entry]
        kept = [entry for entry in entries if entry.rule != UNUSED]
        baseline, written = save(path, kept)
        return baseline, Changes(stale=len(entries) - len(kept), unchanged=not written)
    sorted_out = _sort_out(old, diagnostics, checked, folder)
    added = [entry for _, entry in sorted_out.added]
    baseline, written = save(path, sorted_out.held + added + sorted_out.kept)
    held, unread = _held(sorted_out.kept, checked, folder)
    off = _of(sorted_out.kept, checked.off)  # of rules the run did not check: never held
    changes = Changes(
        kept=len(sorted_out.kept) - held - sum(count for _, count in off),
        off=off,
        held=held,
        unread=unread,
        added=tuple(found for found, _ in sorted_out.added),
        dropped=sorted_out.dropped,
        stale=sorted_out.stale + sorted_out.stale_found,
        old=True,
        conflicted=old.conflicted,
        unchanged=not written,
    )
    return baseline, changes


def prune(
    old: Baseline,
    diagnostics: Sequence[Diagnostic],
    checked: Scope,
    drop: frozenset[str] = frozenset(),
) -> tuple[Baseline, Changes]:
    """Write ``old`` to its file without its fixed entries, its ``unused-suppression``
    entries, nor any of the rules ``drop`` names, adding none (one with a merge conflict,
    without it); the baseline written, and what changed."""
    sorted_out = _sort_out(old, diagnostics, checked, old.folder)
    entries = sorted_out.held + sorted_out.kept
    baseline, written = save(old.path, [entry for entry in entries if entry.rule not in drop])
    changes = Changes(
        dropped=sorted_out.dropped,
        dropped_of=_of(entries, drop),
        stale=sorted_out.stale,
        old=True,
        conflicted=old.conflicted,
        unchanged=not written,
    )
    return baseline, changes


@dataclass(frozen=True)
class _SortedOut:
    held: list[Entry]  # the run's entries of the findings ``old`` holds
    added: list[tuple[Diagnostic, Entry]]  # the run's findings ``old`` does not hold
    kept: list[Entry]  # ``old``'s entries the run could not judge, as they were
    dropped: int  # ``old``'s entries of findings gone
    stale: int  # ``old``'s unused-suppression entries that are not fixed, left out
    stale_found: int  # the run's unused-suppression findings ``old`` does not hold


def _sort_out(
    old: Baseline, diagnostics: Sequence[Diagnostic], checked: Scope, folder: Path
) -> _SortedOut:
    """The run's findings and ``old``'s entries, sorted out for writing a baseline. An entry
    that holds a finding gives way to the run's entry of it, also where it held it by the
    fingerprint a baseline of version 1 gave it: so what is written is version 2 all
    through, and a finding two entries hold (a version-1 and a version-2 side of a merge)
    keeps one. No unused-suppression entry is among them: those are counted instead."""
    left = Counter(entry.fingerprint for entry in old.entries)
    held, added = [], []
    stale = stale_found = 0
    for found, entry in zip(diagnostics, _entries(diagnostics, folder, checked), strict=True):
        # The run checked the file of each of its findings, for its rule: only a file it
        # did not read whole keeps it from judging what it found (old holds that as it was)
        if entry is None or checked.unread_for(entry, folder):
            continue
        holding = _holding(entry, found, left)
        if holding is not None:
            left[holding] -= 1
        if entry.rule == UNUSED:  # a stale suppression: counted, never written
            if holding is None:
                stale_found += 1
            else:
                stale += 1
        elif holding is None:
            added.append((found, entry))
        else:
            held.append(entry)
    kept, dropped = [], 0
    for entry in _unmatched(old, left):
        if checked.judges(entry, folder):
            dropped += 1
        elif entry.rule == UNUSED:
            stale += 1
        else:
            kept.append(entry)
    return _SortedOut(held, added, kept, dropped, stale, stale_found)


def _held(entries: Sequence[Entry], checked: Scope, folder: Path) -> tuple[int, tuple[Unread, ...]]:
    """How many of ``entries`` (of files the run covers or not) it could not judge as it
    did not read whole some files, and those files, in name order."""
    held = 0
    unread: dict[str, Unread] = {}
    for entry in entries:
        why = checked.unread_for(entry, folder) if checked.covers(entry, folder) else ()
        held += bool(why)
        unread.update((file.shown, file) for file in why)
    return held, tuple(unread[shown] for shown in sorted(unread))


def _holding(entry: Entry, found: Diagnostic, left: Counter[str]) -> str | None:
    """The fingerprint by which the baseline still holds ``found`` (``entry``): its own,
    or the one exambank gave it in a baseline of version 1; None if it holds neither."""
    if left[entry.fingerprint] > 0:
        return entry.fingerprint
    old = v1_fingerprint(entry.file, found.rule, found.question, found.message)
    return old if left[old] > 0 else None


def _entries(diagnostics: Sequence[Diagnostic], folder: Path, checked: Scope) -> list[Entry | None]:
    """Each finding's entry, relative to ``folder``; None for what no baseline holds. A
    bank's id is the one lint read (``checked``), not read again."""
    relative: dict[str, str] = {}  # by path as lint shows it: each file resolved once
    fingerprints = Fingerprints(checked.bank_ids)
    entries: list[Entry | None] = []
    for found in diagnostics:
        if not switchable(found.rule):
            entries.append(None)
            continue
        if found.path not in relative:
            relative[found.path] = _relative(Path(found.path).resolve(), folder)
        file = relative[found.path]
        print_as = fingerprints.of(found, file)
        entries.append(Entry(file, found.rule, found.question or "", print_as))
    return entries


def _relative(path: Path, folder: Path) -> str:
    try:
        return Path(os.path.relpath(path, folder)).as_posix()
    except ValueError:  # on another drive (Windows)
        return path.as_posix()


def _unmatched(baseline: Baseline, left: Counter[str]) -> Iterator[Entry]:
    for entry in baseline.entries:
        if left[entry.fingerprint] > 0:
            left[entry.fingerprint] -= 1
            yield entry


def _of(entries: Iterable[Entry], rules: frozenset[str]) -> RuleCounts:
    """How many of ``entries`` are of each of ``rules`` that has any, by name."""
    counted = Counter(entry.rule for entry in entries if entry.rule in rules)
    return tuple(sorted(counted.items()))
