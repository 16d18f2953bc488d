"""git, run so that the repository it reads starts no program of its own.

A bank may come with its .git folder (an archive of someone's repository), whose config
can name programs for git to run: log.showSignature has a signed commit checked by its
gpg.program; core.fsmonitor names a hook run as the index is read; a missing object of a
partial clone is fetched from its remote (core.sshCommand, an ext:: URL). exambank only
reads names and dates from git, so each is switched off: an empty GIT_ALLOW_PROTOCOL
allows no transport, whatever the config says, and git fetches nothing.
"""

from __future__ import annotations

import os

_RUNS_NOTHING = ("-c", "core.fsmonitor=false", "-c", "log.showSignature=false")


def git_command(*arguments: str) -> list[str]:
    """The command line of ``git ARGUMENTS``, with the config's programs switched off."""
    return ["git", *_RUNS_NOTHING, *arguments]


def git_environment() -> dict[str, str]:
    """This process's environment, with every transport refused (no fetch)."""
    return {**os.environ, "GIT_ALLOW_PROTOCOL": ""}
