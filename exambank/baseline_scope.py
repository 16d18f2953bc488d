"""What a lint run checked, so that the baseline judges only those of its entries.

An entry no finding matched is fixed only if the run would have found it: its rule ran,
on its file (``lint bank/one`` and ``--select`` check less), and lint read what the
finding was about. A file with a yaml-syntax, encoding, duplicate-key or schema error
(a merge conflict left in it, say) was not read whole: the entries of its questions the
rules did not check are kept, not fixed; so are the entries of every rule that reads the
whole bank (answer-run, near-duplicate, ...) in its bank, as those ran on part of the
bank; and every entry of a bank whose manifest was not read whole.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from exambank.bank import Bank
from exambank.baseline_file import Entry
from exambank.config import Config
from exambank.fingerprint import bank_ids
from exambank.lint import LintResult
from exambank.rules import RULES, BankRule, unread_files


@dataclass(frozen=True)
class Unread:
    """A file lint did not read whole, ``shown`` as lint names it; ``questions``: the ids
    of its questions the rules checked all the same; ``in_part``: whether lint read any
    of it (a schema error), or none (a merge conflict's markers, a byte not UTF-8)."""

    shown: str
    questions: frozenset[str]
    in_part: bool

    def why(self) -> str:
        return "could not be read whole" if self.in_part else "could not be read"


@dataclass(frozen=True)
class Scope:
    """What a run checked: ``rules``, in the files at or under ``roots`` (resolved);
    ``unread``: the files (resolved) it did not read whole; ``unread_by_bank``: those of
    each bank's folder that the bank is made of (its manifest and listed sections), and
    ``unread_manifests``: each bank's folder whose manifest is one of them, and it;
    ``bank_ids``: each checked bank's folder and the id lint read (``fingerprint.bank_ids``),
    so that fingerprinting reads no manifest a second time (nor one lint refused); ``off``:
    the rules the configuration turns off (and the command line did not turn on), whose
    entries stay unjudged as long as it does, unlike those of a rule one run left out."""

    roots: frozenset[Path]
    rules: frozenset[str]
    unread: Mapping[Path, Unread] = field(default_factory=dict)
    unread_by_bank: Mapping[Path, tuple[Path, ...]] = field(default_factory=dict)
    unread_manifests: Mapping[Path, Unread] = field(default_factory=dict)
    bank_ids: tuple[tuple[str, str | None], ...] = ()
    off: frozenset[str] = frozenset()

    def covers(self, entry: Entry, folder: Path) -> bool:
        """Whether the run checked ``entry``'s file for its rule (a rule exambank no longer
        has never finds anything again: its entries are fixed)."""
        if entry.rule in RULES and entry.rule not in self.rules:
            return False
        where = _where(entry, folder)
        return where in self.roots or not self.roots.isdisjoint(where.parents)

    def unread_for(self, entry: Entry, folder: Path) -> tuple[Unread, ...]:
        """The files not read whole that keep the run from judging ``entry`` (of a file
        it covers); none if it could."""
        if not self.unread or entry.rule not in RULES:
            return ()
        where = _where(entry, folder)
        bank = next((root for root in where.parents if root in self.unread_by_bank), None)
        if bank is not None:
            if bank in self.unread_manifests:
                return (self.unread_manifests[bank],)
            if issubclass(RULES[entry.rule], BankRule):
                return tuple(self.unread[path] for path in self.unread_by_bank[bank])
        own = self.unread.get(where)
        if own is not None and entry.question not in own.questions:
            return (own,)
        return ()

    def judges(self, entry: Entry, folder: Path) -> bool:
        """Whether the run would have found ``entry``'s finding, were it still there."""
        return self.covers(entry, folder) and not self.unread_for(entry, folder)


def scope(
    result: LintResult, paths: Iterable[Path], config: Config, configured: Config | None = None
) -> Scope:
    """What the run of ``result`` on ``paths`` checked: their banks' folders, other files
    named (a file in no bank), and every file with a finding, for the rules it ran (by
    ``config``: ``configured``, the configuration read, with the command line's choice of
    rules); and which of their files it did not read whole."""
    roots = {*paths, *(bank.root for bank in result.banks)}
    roots.update(map(Path, {found.path for found in result.diagnostics}))
    rules = frozenset(name for name in RULES if config.enabled(name))
    standing = config if configured is None else configured
    off = frozenset(name for name in RULES if name not in rules and not standing.enabled(name))
    ids = tuple(bank_ids(result.banks))
    checked = Scope(frozenset(root.resolve() for root in roots), rules, bank_ids=ids, off=off)
    troubled = unread_files(result.diagnostics)
    if not troubled:  # as nearly always: nothing more to work out
        return checked
    unread: dict[Path, Unread] = {}
    by_bank: dict[Path, tuple[Path, ...]] = {}
    manifests: dict[Path, Unread] = {}
    for bank in result.banks:
        read = _unread_files(bank, troubled)
        unread.update(read)
        root = bank.root.resolve()
        made_of = bank.made_of
        by_bank[root] = tuple(path for path, file in read.items() if file.shown in made_of)
        manifest = bank.manifest_source.path.resolve()
        if manifest in read:
            manifests[root] = read[manifest]
    by_bank = {root: files for root, files in by_bank.items() if files}
    return Scope(checked.roots, rules, unread, by_bank, manifests, ids, off)


def _unread_files(bank: Bank, troubled: set[str]) -> dict[Path, Unread]:
    """The files of ``bank`` (resolved) with an error in ``troubled``."""
    questions: dict[str, set[str]] = {}
    for ref in bank.questions():
        if ref.source.display in troubled:
            questions.setdefault(ref.source.display, set()).add(ref.question.id)
    return {
        source.path.resolve(): Unread(
            source.display,
            frozenset(questions.get(source.display, ())),
            source.data is not None,
        )
        for source in (bank.manifest_source, *bank.sources)
        if source.display in troubled
    }


def _where(entry: Entry, folder: Path) -> Path:
    return Path(os.path.normpath(folder / entry.file))
