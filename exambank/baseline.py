"""A baseline: the findings a bank already has, so that lint reports only new ones.

``exambank lint --write-baseline FILE`` writes the run's findings to FILE, and ``--baseline
FILE`` then hides each finding FILE holds: a bank that many people edit can switch a rule
on, or make warnings fail, without fixing every old finding first. A finding FILE holds N
times is hidden at most N times, so a second copy of the same flaw is new. What no
configuration can switch off (a file that cannot be read, an id used twice) is never
written, and never hidden.

A finding is known by its fingerprint (``exambank.fingerprint``) with its path relative to
FILE's folder: lines may move, questions be added, and lint run from another folder.

FILE is UTF-8 JSON, sorted, one finding a line, so a merge rarely conflicts and a review
shows what was added: ``{"exambank-baseline": 1, "findings": [{"file", "rule",
"question" (when the finding names one), "fingerprint"}, ...]}``; 1 is the version of
that format. An entry whose finding no longer occurs is fixed: counted, not an error, and
dropped when FILE is written again. Entries of files or rules a run did not check are
neither counted nor dropped, so a run on one of several banks keeps the others' entries.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exambank import installed_version
from exambank.build import write as write_file
from exambank.builders.base import Output
from exambank.config import Config, switchable
from exambank.diagnostics import Diagnostic
from exambank.errors import CannotWrite, UsageError
from exambank.fingerprint import fingerprint
from exambank.lint import LintResult
from exambank.paths import display_path
from exambank.rules import RULES

VERSION = 1
MARKER = "exambank-baseline"  # the key that says what the file is; its value, the version
_FINGERPRINT = re.compile("[0-9a-f]{64}")
_HEADER = re.compile(rf'\s*\{{\s*"{MARKER}"\s*:')  # how every baseline written begins
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: |$)", re.MULTILINE)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # a file name byte that is not UTF-8


@dataclass(frozen=True, order=True)
class Entry:
    file: str  # relative to the baseline's folder, with forward slashes
    rule: str
    question: str  # "" when the finding names none
    fingerprint: str


@dataclass(frozen=True)
class Baseline:
    path: Path
    entries: tuple[Entry, ...]

    @property
    def folder(self) -> Path:
        return self.path.resolve().parent


@dataclass(frozen=True)
class Scope:
    """What a run checked: ``rules``, in the files at or under ``roots`` (resolved)."""

    roots: frozenset[Path]
    rules: frozenset[str]

    def covers(self, entry: Entry, folder: Path) -> bool:
        """Whether the run checked ``entry``'s file for its rule (a rule exambank no longer
        has never finds anything again: its entries are fixed)."""
        if entry.rule in RULES and entry.rule not in self.rules:
            return False
        where = Path(os.path.normpath(folder / entry.file))
        return where in self.roots or not self.roots.isdisjoint(where.parents)


@dataclass(frozen=True)
class Compared:
    """A run's ``new`` findings and those the baseline ``known`` (each in the order given);
    ``fixed``: its entries, of what the run checked, that no finding matched."""

    new: list[Diagnostic]
    known: list[Diagnostic]
    fixed: int

    @property
    def hidden(self) -> int:
        return len(self.known)


def scope(result: LintResult, paths: Iterable[Path], config: Config) -> Scope:
    """What the run of ``result`` on ``paths`` checked: their banks' folders, other files
    named (a file in no bank), and every file with a finding, for the rules it ran."""
    roots = {*paths, *(bank.root for bank in result.banks)}
    roots.update(map(Path, {found.path for found in result.diagnostics}))
    rules = frozenset(name for name in RULES if config.enabled(name))
    return Scope(frozenset(root.resolve() for root in roots), rules)


def compare(baseline: Baseline, diagnostics: Sequence[Diagnostic], checked: Scope) -> Compared:
    folder = baseline.folder
    left = Counter(entry.fingerprint for entry in baseline.entries)
    new, known = [], []
    for found, entry in zip(diagnostics, _entries(diagnostics, folder), strict=True):
        if entry is not None and left[entry.fingerprint] > 0:
            left[entry.fingerprint] -= 1
            known.append(found)
        else:
            new.append(found)
    fixed = sum(checked.covers(entry, folder) for entry in _unmatched(baseline, left))
    return Compared(new, known, fixed)


def read(path: Path) -> Baseline:
    """The baseline in ``path``; a UsageError that says what is wrong, and how to mend it,
    for a file that is missing, unreadable, not JSON, or no baseline this version reads."""
    text = _contents(path)
    if text is None or not _is_baseline(text):
        raise UsageError(
            f"{display_path(path)}: not an exambank baseline: name the file that "
            "exambank lint --write-baseline wrote"
        )
    conflict = _CONFLICT.search(text)
    if conflict:
        line = text[: conflict.start()].count("\n") + 1
        raise UsageError(
            f"{display_path(path)}:{line}: the baseline holds a merge conflict "
            f"({conflict[1]}); after the merge, write it again with {_command(path)}"
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"{display_path(path)}:{error.lineno}:{error.colno}"
        raise UsageError(f"{where}: not valid JSON ({error.msg}); {_redo(path)}") from None
    return _parsed(path, data)


def previous(path: Path) -> Baseline | None:
    """The baseline that writing ``path`` will replace: None if there is none, or one
    this version cannot read (another version, a merge conflict), which is replaced whole;
    a UsageError if ``path`` is some other file, which is never overwritten."""
    if not path.exists():
        return None
    text = _contents(path)
    if text is None or not _is_baseline(text):
        raise UsageError(
            f"{display_path(path)}: not an exambank baseline, so it is not overwritten: "
            "name another file for --write-baseline, or remove this one first"
        )
    try:
        return read(path)
    except UsageError:
        return None


def write(
    path: Path, diagnostics: Sequence[Diagnostic], checked: Scope, old: Baseline | None
) -> tuple[Baseline, int]:
    """Write the baseline of ``diagnostics`` to ``path`` (atomically: a failed write leaves
    the old file whole), keeping ``old``'s entries of what the run did not check; the
    baseline written, and how many entries it kept so."""
    target = path.resolve()  # through a link, not over it
    entries = [entry for entry in _entries(diagnostics, target.parent) if entry is not None]
    kept = []
    if old is not None:
        folder = old.folder
        kept = [entry for entry in old.entries if not checked.covers(entry, folder)]
    baseline = Baseline(path, tuple(sorted(entries + kept)))
    try:
        write_file(target.parent, Output(target.name, _text(baseline.entries).encode("utf-8")))
    except OSError as error:
        reason = error.strerror or str(error)
        raise CannotWrite(f"{display_path(path)}: cannot write the baseline: {reason}") from None
    return baseline, len(kept)


def summary(compared: Compared, path: Path) -> list[str]:
    """What the report says of the baseline: how many findings it hid, and how many of
    its entries are fixed."""
    shown = display_path(path)
    lines = [f"{_count(compared.hidden, 'finding')} hidden by the baseline {shown}."]
    if compared.fixed:
        are, them = ("is", "it") if compared.fixed == 1 else ("are", "them")
        lines.append(
            f"{_count(compared.fixed, 'baseline entry', 'baseline entries')} {are} fixed; "
            f"run lint with --write-baseline {shown} to drop {them}."
        )
    return lines


def written(baseline: Baseline, kept: int) -> str:
    """What ``--write-baseline`` says it did."""
    said = f"wrote {display_path(baseline.path)}: {_count(len(baseline.entries), 'finding')}"
    if kept:
        said += f", {kept} of them of files or rules this run did not check, kept"
    return said


def _entries(diagnostics: Sequence[Diagnostic], folder: Path) -> list[Entry | None]:
    """Each finding's entry, relative to ``folder``; None for what no baseline holds."""
    relative: dict[str, str] = {}  # by path as lint shows it: each file resolved once
    entries: list[Entry | None] = []
    for found in diagnostics:
        if not switchable(found.rule):
            entries.append(None)
            continue
        if found.path not in relative:
            relative[found.path] = _relative(Path(found.path).resolve(), folder)
        file = relative[found.path]
        print_as = fingerprint(file, found.rule, found.question, found.message)
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


def _text(entries: Sequence[Entry]) -> str:
    lines = []
    for entry in entries:
        fields = {"file": entry.file, "rule": entry.rule, "question": entry.question}
        fields = {key: value for key, value in fields.items() if value}
        lines.append(
            "    " + json.dumps({**fields, "fingerprint": entry.fingerprint}, ensure_ascii=False)
        )
    listed = "[\n" + ",\n".join(lines) + "\n  ]" if lines else "[]"
    text = f'{{\n  "{MARKER}": {VERSION},\n  "findings": {listed}\n}}\n'
    # A name byte that is not UTF-8 is written as JSON's escape, which reads back as it.
    return _LONE_SURROGATE.sub(lambda lone: f"\\u{ord(lone[0]):04x}", text)


def _contents(path: Path) -> str | None:
    """The text of ``path``, None if it is not UTF-8; a UsageError if it cannot be read."""
    if path.is_dir():
        raise UsageError(f"{display_path(path)}: a folder, not a baseline file")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(
            f"{display_path(path)}: no such baseline; write it with {_command(path)}"
        ) from None
    except OSError as error:
        raise UsageError(f"{display_path(path)}: cannot read it: {error.strerror}") from None
    try:
        return raw.decode("utf-8-sig")  # a BOM, as an editor may add one
    except UnicodeDecodeError:
        return None


def _is_baseline(text: str) -> bool:
    """Whether ``text`` begins as a baseline (whole or not: a merge conflict, a cut), or
    is JSON with the baseline's key, written otherwise (by hand, by another tool)."""
    if _HEADER.match(text):
        return True
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) and MARKER in data


def _parsed(path: Path, data: dict[str, Any]) -> Baseline:
    version, findings = data[MARKER], data.get("findings")
    if version != VERSION or isinstance(version, bool):
        newer = "upgrade exambank, or " if isinstance(version, int) and version > VERSION else ""
        raise UsageError(
            f"{display_path(path)}: a baseline of version {json.dumps(version)}, and exambank "
            f"{installed_version()} reads version {VERSION}: {newer}{_redo(path)}"
        )
    if not isinstance(findings, list):
        raise UsageError(
            f'{display_path(path)}: the baseline has no list of "findings"; {_redo(path)}'
        )
    return Baseline(
        path, tuple(_entry(path, number, item) for number, item in enumerate(findings, 1))
    )


def _entry(path: Path, number: int, item: Any) -> Entry:
    fields = item if isinstance(item, dict) else {}
    keys = ("file", "rule", "question", "fingerprint")
    values: list[Any] = [fields.get(key, "" if key == "question" else None) for key in keys]
    if all(isinstance(value, str) for value in values) and _FINGERPRINT.fullmatch(values[-1]):
        return Entry(*values)
    raise UsageError(
        f"{display_path(path)}: finding {number} of the baseline is not as exambank writes "
        f"it (file, rule, question and a fingerprint of 64 hex digits); {_redo(path)}"
    )


def _command(path: Path) -> str:
    return f"exambank lint --write-baseline {display_path(path)}"


def _redo(path: Path) -> str:
    return f"write it again with {_command(path)}"


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
