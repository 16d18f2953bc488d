"""The build date the handouts print, and the note said under each file that prints it.

The date is ``SOURCE_DATE_EPOCH`` when it is set, else the time of the bank folder's last
commit: identical in every clone, and no clock, so two builds of the same sources are
byte-identical. The note says why no date is printed (a shallow clone, no commit yet, no
repository: in exambank's words, not git's), or that the date is the last commit's while
the bank folder holds changes not committed yet: a trainer editing before committing would
otherwise print two stacks of the same version and the same date. The date then stays the
last commit's, not today's: a dirty folder built twice still gives the same files, and a
date of the clock would not tell two stacks of one day apart either. Only a build of a
file that prints the date asks for it, so a bad ``SOURCE_DATE_EPOCH`` stops no export of
data.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from exambank.errors import UsageError
from exambank.git_calls import FILTER_DRIVERS, filters_off, run_git

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
LAST_SECOND = (datetime.max.replace(tzinfo=timezone.utc) - EPOCH) // timedelta(seconds=1)
# A decimal count of seconds, as reproducible-builds.org defines it (leading zeros allowed).
SECONDS = re.compile(r"0*([0-9]{1,12})")
# Every change git sees in the bank folder: staged, not staged, and new files (a new
# folder as one entry), but no submodule's (git would run in it) and no rename (in a
# partial clone, telling one would fetch the contents).
_STATUS = (
    "status",
    "--porcelain",
    "-z",
    "--no-renames",
    "--untracked-files=normal",
    "--ignore-submodules=all",
    "--",
    ".",
)


@dataclass(frozen=True)
class BuildDate:
    """The date the handouts print (None: none), and what to note under each of them."""

    date: datetime | None
    note: str | None = None


def build_date(root: Path, environ: Mapping[str, str] = os.environ) -> BuildDate:
    """The build date of the bank in ``root`` and its note: none with
    ``SOURCE_DATE_EPOCH`` set; else why no date is printed, or that the bank folder has
    changed since the commit whose date is printed."""
    date = source_date(root, environ)
    if _epoch(environ) is not None:
        return BuildDate(date)
    fix = "set SOURCE_DATE_EPOCH to print one"
    try:
        found = run_git("rev-parse", "--is-shallow-repository", "--show-prefix", cwd=root)
    except (OSError, subprocess.SubprocessError):
        return BuildDate(None, f"no build date: git cannot be run here; {fix}")
    if found.returncode != 0:
        return BuildDate(None, _no_repository(root, found.stderr, fix))
    shallow, _, prefix = os.fsdecode(found.stdout).partition("\n")
    if shallow == "true":
        return BuildDate(
            None,
            "no build date: a shallow clone cannot tell when the bank last changed; fetch "
            f"the whole history (git fetch --unshallow, or a checkout's fetch-depth: 0), or {fix}",
        )
    if date is None:
        return BuildDate(
            None,
            "no build date: git has no commit of the bank folder yet; commit the bank "
            f"(git add, then git commit) to print the date of its last change, or {fix}",
        )
    return BuildDate(date, _uncommitted(root, prefix.rstrip("\n"), date))


def _no_repository(root: Path, said: bytes, fix: str) -> str:
    """Why git found no repository for the bank, in exambank's words: none holds it (no
    .git in its folder or above, whatever language git speaks), or git's own reason for
    refusing the one there (a repository of another user's, a broken one)."""
    folder = root.resolve()  # as git walks up: from the folder it runs in
    if not any((parent / ".git").exists() for parent in (folder, *folder.parents)):
        return (
            "no build date: the bank is not in a git repository, and the handouts print the "
            "date of its last commit; commit the bank (git init, then git add and git commit) "
            f"to print that date, or {fix}"
        )
    lines = said.decode("utf-8", "replace").strip().splitlines()
    why = f" ({lines[0].removeprefix('fatal: ')})" if lines else ""
    return (
        f"no build date: git cannot read the repository the bank is in{why}, so the date of "
        f"its last commit is unknown; fix that, or {fix}"
    )


def source_date(root: Path, environ: Mapping[str, str] = os.environ) -> datetime | None:
    """When the sources last changed, identical in every clone: ``SOURCE_DATE_EPOCH`` if
    set (and not empty, as a CI job's unset variable leaves it), else the bank folder's
    last commit, else None (no date is printed). A UsageError for a value that is not
    digits alone."""
    epoch = _epoch(environ)
    if epoch is None:
        return _date(_last_commit_time(root))
    date = _date(epoch)
    if date is None:
        raise UsageError(
            f"SOURCE_DATE_EPOCH is {epoch!r}; it must be a count of seconds since 1970 in "
            f"digits 0-9, at most {LAST_SECOND} (the end of 9999), as 'date +%s' prints it"
        )
    return date


def _epoch(environ: Mapping[str, str]) -> str | None:
    """``SOURCE_DATE_EPOCH``, None when unset or empty: an empty one is what a CI job
    gives a variable it lacks, and asciidoctor and apko read it as unset too."""
    return environ.get("SOURCE_DATE_EPOCH") or None


def _uncommitted(root: Path, prefix: str, date: datetime) -> str | None:
    """That the date printed is the last commit's, though files of the bank folder have
    changed since (``git status``: one call, whatever the number of files); None when
    none has, or when git cannot tell without running a program the repository names."""
    try:
        listed = run_git(*FILTER_DRIVERS, cwd=root)
        switched_off = filters_off(listed.stdout) if listed.returncode in (0, 1) else None
        if switched_off is None:
            return None
        status = run_git(*switched_off, *_STATUS, cwd=root)
    except (OSError, subprocess.SubprocessError):
        return None
    changed = [os.fsdecode(entry[3:]) for entry in status.stdout.split(b"\0") if entry[2:3] == b" "]
    if status.returncode != 0 or not changed:
        return None
    first, others = _shown(root, changed[0].removeprefix(prefix)), len(changed) - 1
    which = f"{first} and {others} more have" if others else f"{first} has"
    return (
        f"the build date {date:%Y-%m-%d} is the last commit's, but {which} uncommitted "
        "changes: commit them, or set SOURCE_DATE_EPOCH to choose the date"
    )


def _shown(root: Path, relative: str) -> str:
    """``relative`` (to the bank folder) as the build names the bank's files; a folder
    keeps its closing slash."""
    return str(root / relative) + ("/" if relative.endswith("/") else "")


def _date(seconds: str | None) -> datetime | None:
    """``seconds`` since 1970 as a UTC date, None unless it is ASCII digits alone up to the
    end of 9999. Added to 1970, not read by the system's clock functions, which stop at
    2038 or 3000 on some systems."""
    match = None if seconds is None else SECONDS.fullmatch(seconds)
    if match is None or int(match[1]) > LAST_SECOND:
        return None
    return EPOCH + timedelta(seconds=int(match[1]))


def _last_commit_time(root: Path) -> str | None:
    try:
        log = run_git("log", "--no-show-signature", "-1", "--format=%ct", "--", ".", cwd=root)
    except (OSError, subprocess.SubprocessError):  # no git, or it hangs
        return None
    return log.stdout.decode("ascii", "replace").strip() if log.returncode == 0 else None
