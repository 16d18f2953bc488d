"""What lint says of a baseline: how many findings it hid, what writing or pruning it
changed, and which of its entries it kept, or left out, and why."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from exambank.baseline import Changes, Compared, RuleCounts
from exambank.baseline_file import Baseline
from exambank.baseline_scope import Unread
from exambank.paths import display_path
from exambank.rules.base import all_of
from exambank.suppression import UNUSED

_LISTED = 3  # files not read whole named in a summary; the rest are counted
# How to mend what a baseline keeps no entry of: the unused-suppression finding's hint
# says which entry, and how.
_REMOVE_STALE = "remove each stale lint: entry as its hint says"


def summary(compared: Compared, path: Path) -> list[str]:
    """What the report says of the baseline: how many findings it hid (and of those, how
    many of unused-suppression, which pruning drops), how many of its entries are fixed,
    and how many it kept as files were not read whole."""
    shown = display_path(path)
    lines = [f"{_count(compared.hidden, 'finding')} hidden by the baseline {shown}."]
    stale = sum(found.rule == UNUSED for found in compared.known)
    if stale:  # held by a baseline written before writing left them out
        are, its = ("is", "its entry") if stale == 1 else ("are", "their entries")
        lines.append(
            f"{stale} of them {are} {UNUSED}, which a baseline no longer keeps: run lint with "
            f"--prune-baseline {shown} to drop {its}, then {_REMOVE_STALE}."
        )
    if compared.kept:
        lines.append(
            f"{_count(compared.kept, 'baseline entry', 'baseline entries')} kept: "
            f"{_unread_files(compared.unread)}."
        )
    if compared.off:
        lines.append(_kept_off(compared.off, shown))
    if compared.fixed:
        are, them = ("is", "it") if compared.fixed == 1 else ("are", "them")
        lines.append(
            f"{_count(compared.fixed, 'baseline entry', 'baseline entries')} {are} fixed; "
            f"run lint with --prune-baseline {shown} to drop {them}."
        )
    return lines


def _kept_off(off: RuleCounts, shown: str) -> str:
    """What the summary says of the entries of rules the configuration turns off: kept,
    as they hide the rules' findings again once they are on, and how to drop them."""
    entries = sum(count for _, count in off)
    names = [rule for rule, _ in off]
    them, they_are = ("it", "it is") if len(names) == 1 else ("them", "they are")
    hide, these = ("it hides", "it") if entries == 1 else ("they hide", "them")
    return (
        f"{_count(entries, 'baseline entry', 'baseline entries')} of {all_of(names)} kept: "
        f"the configuration turns {them} off, so {hide} nothing until {they_are} on again; "
        f"to drop {these} (if {they_are} off for good), run lint with --prune-baseline "
        f"{shown} --drop-entries-of {','.join(names)}."
    )


def written(baseline: Baseline, changes: Changes) -> list[str]:
    """What ``--write-baseline`` says it did: over an old baseline, what it added (each
    finding, a line each) and dropped; that it left it as it was, where it already held
    just that."""
    shown = display_path(baseline.path)
    did = f"{shown} is up to date" if changes.unchanged else f"wrote {shown}"
    said = f"{did}: {_count(len(baseline.entries), 'finding')}"
    if changes.off:
        off = sum(count for _, count in changes.off)
        names = all_of([rule for rule, _ in changes.off])
        said += f", {off} of them of {names}, which the configuration turns off, kept"
    if changes.kept:
        said += f", {changes.kept} of them of files or rules this run did not check, kept"
    if changes.held:
        said += f", {changes.held} kept as they were: {_unread_files(changes.unread)}"
    if changes.unchanged:
        said += "; nothing to add or drop, so it is left as it was"
    elif changes.old:
        said += f"; {_changes(changes)}"
    lines = [said]
    for found in changes.added:
        question = f" {found.question}" if found.question else ""
        lines.append(f"  added: {found.path}:{found.line} {found.rule}{question}")
    if changes.stale:
        lines.append(_left_out(changes.stale, "finding", "findings", "not written"))
    return lines


def pruned(baseline: Baseline, changes: Changes) -> list[str]:
    """What ``--prune-baseline`` says it did."""
    both = " (the entries of both sides of its merge conflict)" if changes.conflicted else ""
    dropped, left = _dropped(changes.dropped), _count(len(baseline.entries), "finding")
    if changes.dropped_of:
        of = sum(count for _, count in changes.dropped_of)
        names = all_of([rule for rule, _ in changes.dropped_of])
        dropped += f" and {_count(of, 'entry', 'entries')} of {names}"
    lines = [f"pruned {display_path(baseline.path)}{both}: {dropped} dropped, {left} left"]
    if changes.stale:
        lines.append(_left_out(changes.stale, "entry", "entries", "dropped"))
    return lines


def _left_out(count: int, noun: str, plural: str, done: str) -> str:
    """What a baseline written or pruned says of the ``count`` unused-suppression findings
    or entries it left out (``done``)."""
    said = _count(count, f"{UNUSED} {noun}", f"{UNUSED} {plural}")
    return f"{said} {done}: a baseline keeps no stale suppression; {_REMOVE_STALE}."


def _dropped(number: int) -> str:
    return _count(number, "fixed entry", "fixed entries") if number else "no fixed entry"


def _changes(changes: Changes) -> str:
    """What an old baseline lost and gained."""
    old = "the old one (both sides of its merge conflict)" if changes.conflicted else "the old one"
    if not (changes.added or changes.dropped):
        return f"against {old}: nothing added or dropped"
    return f"against {old}: {len(changes.added)} added, {_dropped(changes.dropped)} dropped"


def _unread_files(unread: Sequence[Unread]) -> str:
    """``unread`` in words, as few as it can."""
    said = []
    for why in sorted({file.why() for file in unread}):
        files = [file.shown for file in unread if file.why() == why]
        named = files if len(files) <= _LISTED else files[: _LISTED - 1]
        rest = len(files) - len(named)
        words = [*named, f"{rest} more files"] if rest else named
        said.append(f"{all_of(words)} {why}")
    return "; ".join(said)


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
