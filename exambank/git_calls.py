"""git, run so that the repository it reads starts no program of its own.

A bank may come with its .git folder (an archive of someone's repository), whose config
can name programs for git to run: log.showSignature has a signed commit checked by its
gpg.program; core.fsmonitor names a hook run as the index is read; a missing object of a
partial clone is fetched from its remote (core.sshCommand, an ext:: URL); a filter driver
(filter.<driver>.clean, with a .gitattributes line naming the driver) cleans each file
git status compares with the index; a post-index-change hook runs when git status saves
the index it refreshed. exambank only reads names and dates from git, so each is switched
off: an empty GIT_ALLOW_PROTOCOL allows no transport, whatever the config says, and git
fetches nothing; GIT_OPTIONAL_LOCKS=0 has git status save no index; and a call that
compares files is given ``filters_off`` of the drivers the config names.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

_RUNS_NOTHING = ("-c", "core.fsmonitor=false", "-c", "log.showSignature=false")
# The filter drivers the config names, as "filter.<driver>.clean\n<program>\0" (git exits
# 1 when there is none); a driver's name may hold dots, and is held in the key's middle.
FILTER_DRIVERS = ("config", "-z", "--get-regexp", r"^filter\..+\.(clean|process)$")


def git_command(*arguments: str) -> list[str]:
    """The command line of ``git ARGUMENTS``, with the config's programs switched off."""
    return ["git", *_RUNS_NOTHING, *arguments]


def git_environment() -> dict[str, str]:
    """This process's environment, with every transport refused (no fetch) and no
    optional write to the repository (no refreshed index saved)."""
    return {**os.environ, "GIT_ALLOW_PROTOCOL": "", "GIT_OPTIONAL_LOCKS": "0"}


def run_git(
    *arguments: str, cwd: Path | None = None, timeout: float = 30
) -> subprocess.CompletedProcess[bytes]:
    """``git ARGUMENTS`` run in ``cwd`` (the working folder if None) as ``git_command`` and
    ``git_environment`` make it safe, reading nothing from stdin, its output captured; a
    git that hangs is stopped after ``timeout`` seconds (subprocess.TimeoutExpired)."""
    return subprocess.run(
        git_command(*arguments),
        cwd=cwd,
        env=git_environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
        timeout=timeout,
    )


def filters_off(listed: bytes) -> list[str] | None:
    """The options that switch off each filter driver ``listed`` (what ``FILTER_DRIVERS``
    prints): an empty program is none, and one not run is no failure. None when a name
    cannot be given on git's command line, whose ``-c`` ends a name at its first "=":
    such a driver would run."""
    keys = [os.fsdecode(entry.partition(b"\n")[0]) for entry in listed.split(b"\0")]
    drivers = dict.fromkeys(key[len("filter.") : key.rindex(".")] for key in keys if key)
    if any("=" in driver for driver in drivers):
        return None
    return [
        option
        for driver in drivers
        for setting in ("clean=", "process=", "required=false")
        for option in ("-c", f"filter.{driver}.{setting}")
    ]
