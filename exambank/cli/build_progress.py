"""What ``exambank build`` says as it goes: each format it renders, each file it writes,
and what became of an earlier build's files."""

from __future__ import annotations

from collections.abc import Generator
from contextlib import closing
from pathlib import Path

from exambank.build import Leftovers, Making, SetAside, Written
from exambank.leftovers import LEFTOVER_AGE
from exambank.reporters.text import visible
from exambank.rules.base import all_of
from exambank.stale_outputs import Stale, Unbuilt
from exambank.stats_words import noun


def progress(
    events: Generator[Written | Making | Stale | Unbuilt | SetAside | Leftovers, None, None],
    out: Path,
    only: list[str],
) -> tuple[int, int]:
    """Say each step of the build as it comes; how many files it wrote, and their size.
    The files land together once all are made: a stop before then (Ctrl-C, SIGTERM) says
    that ``out`` is as it was. ``only``: the formats built, as ``--only`` names them."""
    files = total = 0
    landed = False
    with closing(events):  # stopped, the build removes what it made
        try:
            for event in events:
                landed = landed or not isinstance(event, Making)
                if isinstance(event, Making):
                    # flushed: in CI stdout is a pipe, and layout takes minutes
                    count = f"{event.questions:,} {noun(event.questions, 'question')}"
                    print(f"rendering {event.label} of {event.bank_id} ({count}) ...", flush=True)
                elif isinstance(event, Stale):
                    print(_stale_line(event))
                elif isinstance(event, Unbuilt):
                    print(_unbuilt_line(event, only))
                elif isinstance(event, SetAside):
                    print(*_set_aside_lines(event), sep="\n")
                elif isinstance(event, Leftovers):
                    print(*_leftover_lines(event), sep="\n")
                else:
                    files, total = files + 1, total + event.size
                    print(f"wrote {visible(str(event.path))} ({shown_size(event.size)})")
                    for note in event.notes:
                        print(f"    note: {visible(note)}")
        except KeyboardInterrupt as stop:
            if landed:
                raise
            said = f"nothing of this build was written: {out} is as the previous build left it"
            raise type(stop)(said) from None
    return files, total


def _stale_line(stale: Stale) -> str:
    """What became of a file an earlier build made that this one does not."""
    path = visible(str(stale.path))
    if stale.kept is None:
        return f"removed {path}, an earlier build's: {stale.why}"
    return (
        f"note: {path} is not this build's: {stale.why}; left unchanged: {stale.kept} "
        "(remove it if it is an old key or sheet)"
    )


def _unbuilt_line(unbuilt: Unbuilt, only: list[str]) -> str:
    """What to say of an earlier build's files of formats ``--only`` leaves out: kept,
    they may not match the sources, nor the files beside them this build wrote; building
    them too, or removing them, brings the folder back to one build's files."""
    paths = [visible(str(path)) for path in unbuilt.paths]
    one = len(paths) == 1
    named = all_of(paths)
    them = "it" if one else "them"
    every = ",".join(dict.fromkeys([*only, *unbuilt.formats]))
    return (
        f"note: {named} {'is' if one else 'are'} not this build's: --only {','.join(only)} "
        f"builds no {' or '.join(kind.upper() for kind in unbuilt.formats)}; left unchanged, "
        f"{them if one else 'they'} may not match the sources or the files this build wrote "
        f"(build {' and '.join(unbuilt.formats)} too, --only {every}, or remove {them})"
    )


def _leftover_lines(leftovers: Leftovers) -> list[str]:
    """What became of the unfinished files a killed build left in a folder: removed, one
    line, and those that may be a running build's, kept, another."""
    folder = visible(str(leftovers.folder))
    lines = []
    if leftovers.removed:
        count = len(leftovers.removed)
        lines.append(
            f"removed {count} unfinished {noun(count, 'file')} (.exambank-*.partial) that a "
            f"killed build left in {folder}"
        )
    if leftovers.recent:
        count = len(leftovers.recent)
        them, they = ("it", "it is") if count == 1 else ("them", "they are")
        minutes = LEFTOVER_AGE // 60
        lines.append(
            f"note: {folder} holds {count} unfinished {noun(count, 'file')} "
            f"(.exambank-*.partial) of another build, less than {minutes} minutes old: left "
            f"unchanged, as that build may still be running (a build removes {them} once "
            f"{they} {minutes} minutes old; if none is running, remove {them})"
        )
    return lines


def _set_aside_lines(found: SetAside) -> list[str]:
    """What became of the files a build killed while its files landed set aside in a
    bank's folder: put back, removed, and, one line each, those left."""
    folder = visible(str(found.folder))
    killed = "a build killed while putting its files in place"
    lines = []
    if found.restored:
        names = all_of([visible(str(path)) for path in found.restored])
        lines.append(f"put back {names}, which {killed} had set aside (.exambank-*.previous)")
    if found.removed:
        count = len(found.removed)
        lines.append(
            f"removed {count} {noun(count, 'file')} (.exambank-*.previous) that {killed} "
            f"had set aside in {folder}: an earlier build's, which it replaced, or copies "
            "of files there"
        )
    for path, place in found.kept:
        if place is None:
            was, missing = f"a file of {visible(str(path.parent))}", "a file there is missing"
        else:
            was = visible(str(place))
            missing = f"{was} is missing"
        lines.append(
            f"note: {visible(str(path))} is {was} as it was before {killed} replaced it; left "
            f"unchanged, as it may be the only copy of it: if {missing}, rename this one to "
            "it, else remove it"
        )
    return lines


def shown_size(size: int) -> str:
    """A file size as the build says it: 812 B, 58.3 kB, 1.2 MB."""
    if size < 1000:
        return f"{size} B"
    return f"{size / 1000:.1f} kB" if size < 1_000_000 else f"{size / 1_000_000:.1f} MB"
