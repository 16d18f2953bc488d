"""The baseline file: what ``exambank.baseline`` reads, and how it is written.

FILE is UTF-8 JSON, sorted, one finding a line, so a merge rarely conflicts and a review
shows what was added: ``{"exambank-baseline": 2, "findings": [{"file", "rule",
"question" (when the finding names one), "fingerprint"}, ...]}``; 2 is the version of
that format (1 differs only in how a fingerprint was made, and is still read). When a
merge does conflict, each side is a whole baseline: ``merged`` reads the entries of both,
for ``lint --prune-baseline`` to keep those whose findings remain.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exambank import installed_version, merge_sides
from exambank.builders.base import Output
from exambank.errors import CannotWrite, UsageError
from exambank.paths import display_path
from exambank.replaced_files import keep_access, why_not_replaced, why_not_saved
from exambank.staging import stage
from exambank.unreadable_files import holds_in_utf16, saved_as_utf16

VERSION = 2
READS = (1, VERSION)  # the versions it reads: 1's fingerprints are matched as they were
MARKER = "exambank-baseline"  # the key that says what the file is; its value, the version
_FINGERPRINT = re.compile("[0-9a-f]{64}")
_HEADER = re.compile(rf'\s*\{{\s*"{MARKER}"\s*:')  # how every baseline written begins
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # a file name byte that is not UTF-8


@dataclass(frozen=True, order=True)
class Entry:
    file: str  # relative to the baseline's folder, with forward slashes
    rule: str
    question: str  # "" when the finding names none
    fingerprint: str


@dataclass(frozen=True)
class Baseline:
    """``conflicted``: read from both sides of a merge conflict (``merged``)."""

    path: Path
    entries: tuple[Entry, ...]
    conflicted: bool = False

    @property
    def folder(self) -> Path:
        return self.path.resolve().parent


def read(path: Path) -> Baseline:
    """The baseline in ``path``; a UsageError that says what is wrong, and how to mend it,
    for a file that is missing, unreadable, not JSON, or no baseline this version reads."""
    text = _baseline_text(path)
    conflict = merge_sides.MARKER.search(text)
    if conflict:
        line = text[: conflict.start()].count("\n") + 1
        raise UsageError(
            f"{display_path(path)}:{line}: the baseline holds a merge conflict "
            f"({conflict[1]}); after the merge, run {prune_command(path)}: it keeps the "
            "entries of both sides whose findings remain, and adds none"
        )
    return _parsed(path, _json(path, text))


def merged(path: Path) -> Baseline:
    """The baseline in ``path``, as ``read`` gives it; if it holds a merge conflict, the
    entries of both sides (an entry both hold N times, N times)."""
    text = _baseline_text(path)
    if not merge_sides.MARKER.search(text):
        return read(path)
    sides = merge_sides.sides(text)
    try:
        if sides is None:
            raise ValueError("the markers do not pair up")
        ours, theirs = (_parsed(path, json.loads(side)).entries for side in sides)
    except (ValueError, UsageError):
        raise UsageError(
            f"{display_path(path)}: the two sides of the baseline's merge conflict are not "
            f"both baselines exambank {installed_version()} reads; {_redo(path)}"
        ) from None
    both = Counter(ours) | Counter(theirs)  # the larger count of each
    return Baseline(path, tuple(sorted(both.elements())), conflicted=True)


def previous(path: Path) -> Baseline | None:
    """The baseline that writing ``path`` will replace (both sides of a merge conflict):
    None if there is none, or one this version cannot read (another version, a cut), which
    is replaced whole; a UsageError if ``path`` is some other file, never overwritten."""
    if not path.exists():
        return None
    text = _contents(path)
    if text is None or not _is_baseline(text):
        raise UsageError(
            f"{display_path(path)}: not an exambank baseline, so it is not overwritten: "
            "name another file for --write-baseline, or remove this one first"
        )
    try:
        return merged(path)
    except UsageError:
        return None


def save(path: Path, entries: Sequence[Entry]) -> tuple[Baseline, bool]:
    """Write ``entries`` to ``path`` atomically (a failed write leaves the old file whole),
    through a link, not over it; the baseline, and whether it was written: one that
    would read the same, byte for byte, is not written at all (nor touched). One replaced
    keeps its mode, owner and group, and one that is read-only, or that the runner may
    not write, is not replaced (``replaced_files``): a CannotWrite."""
    target = path.resolve()
    baseline = Baseline(path, tuple(sorted(entries)))
    text = _text(baseline.entries).encode("utf-8")
    try:
        there = target.is_file()
        if there and target.read_bytes() == text:
            return baseline, False
        refused = why_not_replaced(target) if there else None
        if refused is None:
            refused = _replace(target, text, there)
    except OSError as error:
        reason = why_not_saved(path, error, "the baseline")
        raise CannotWrite(f"{display_path(path)}: {reason}") from None
    if refused is not None:
        raise CannotWrite(f"{display_path(path)}: {refused}")
    return baseline, True


def _replace(target: Path, text: bytes, there: bool) -> str | None:
    """Put ``text`` at ``target``, given the mode, owner and group of the file there if
    ``there`` is one; why not, if they cannot be kept (``target`` then left as it was)."""
    staged = stage(target.parent, Output(target.name, text))
    try:
        not_kept = keep_access(staged.temporary, target) if there else None
        if not_kept is None:
            os.replace(staged.temporary, target)
    finally:
        staged.temporary.unlink(missing_ok=True)
    return not_kept


def write_command(path: Path) -> str:
    return f"exambank lint --write-baseline {display_path(path)}"


def prune_command(path: Path) -> str:
    return f"exambank lint --prune-baseline {display_path(path)}"


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


def _baseline_text(path: Path) -> str:
    text = _contents(path)
    if text is None or not _is_baseline(text):
        raise UsageError(
            f"{display_path(path)}: not an exambank baseline: name the file that "
            "exambank lint --write-baseline wrote"
        )
    return text


def _json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = f"{display_path(path)}:{error.lineno}:{error.colno}"
        raise UsageError(f"{where}: not valid JSON ({error.msg}); {_redo(path)}") from None


def _contents(path: Path) -> str | None:
    """The text of ``path``, None if it is not UTF-8; a UsageError if it cannot be read, or
    is a baseline saved as UTF-16."""
    if path.is_dir():
        raise UsageError(f"{display_path(path)}: a folder, not a baseline file")
    if path.exists() and not path.is_file():  # /dev/full, /dev/zero: read forever
        raise UsageError(f"{display_path(path)}: a device or a pipe, not a baseline file")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(
            f"{display_path(path)}: no such baseline; write it with {write_command(path)}"
        ) from None
    except OSError as error:
        raise UsageError(f"{display_path(path)}: cannot read it: {error.strerror}") from None
    if holds_in_utf16(raw, MARKER):  # a baseline an editor saved again, as UTF-16
        shown = display_path(path)
        raise UsageError(
            f"{shown}: the baseline is saved as {saved_as_utf16(raw) or 'UTF-16'}, not "
            "UTF-8: save it as UTF-8 (most editors: 'Save with encoding'), or, if it is "
            f"committed, take it back: git checkout -- {shlex.quote(shown)}"
        )
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


def _parsed(path: Path, data: Any) -> Baseline:
    if not isinstance(data, dict) or MARKER not in data:  # a side of a conflict
        raise UsageError(f"{display_path(path)}: not an exambank baseline; {_redo(path)}")
    version, findings = data[MARKER], data.get("findings")
    if version not in READS or isinstance(version, bool):
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


def _redo(path: Path) -> str:
    return f"write it again with {write_command(path)}"
