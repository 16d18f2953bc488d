"""The repository a CI job checked out: its files' paths, and which of them a pull request
changes. Shared by the reporters whose readers (GitHub, GitLab) place findings on a
repository's files, whatever folder lint ran in."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import PurePath

from exambank.git_calls import run_git

_GIT_SECONDS = 60  # a diff of names takes milliseconds; a git that hangs must not stall CI


def repository_root(variable: str) -> str | None:
    """The folder the CI variable ``variable`` names (``GITHUB_WORKSPACE``,
    ``CI_PROJECT_DIR``), resolved as the working folder is; None when it is not set."""
    folder = os.environ.get(variable)
    return os.path.realpath(folder) if folder else None


def relative_to(path: str, root: str) -> str | None:
    """``path`` (as lint names it: relative to the working folder, or absolute) relative
    to ``root``, with forward slashes; None when it lies outside ``root``."""
    try:
        relative = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # on another drive (Windows)
        return None
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return None
    return PurePath(relative).as_posix()


def repository_path(path: str, root: str | None) -> str:
    """``path`` relative to ``root``, the repository's root, with forward slashes; as it is
    when there is no root or the path lies outside it."""
    relative = relative_to(path, root) if root is not None else None
    return relative if relative is not None else PurePath(path).as_posix()


def repository_paths(paths: Iterable[str], root: str | None) -> dict[str, str]:
    """``repository_path`` of each of ``paths``, worked out once per file, not per finding."""
    return {path: repository_path(path, root) for path in set(paths)}


def changed_in_pull_request() -> frozenset[str] | None:
    """The files (absolute, resolved) a GitHub pull request changes: ``git diff
    --name-only origin/BASE...HEAD``, BASE being ``GITHUB_BASE_REF``, which GitHub sets
    only in a ``pull_request`` workflow. None whenever that cannot be known: no base ref,
    no git, not a repository, or a clone without the base branch or its history (a
    shallow checkout): the caller then keeps its own order."""
    base = os.environ.get("GITHUB_BASE_REF")
    if not base:
        return None
    top = _git("rev-parse", "--show-toplevel")
    # Without renames, a renamed file's old and new names, and no content is read: the
    # contents a blobless clone (actions/checkout's filter: blob:none) would have to fetch.
    names = _git("diff", "--name-only", "--no-renames", "-z", f"origin/{base}...HEAD", "--")
    if top is None or names is None:
        return None
    root = os.fsdecode(top.rstrip(b"\n"))
    return frozenset(
        _resolved(os.path.join(root, os.fsdecode(name))) for name in names.split(b"\0") if name
    )


def in_files(path: str, files: frozenset[str], resolved: dict[str, str]) -> bool:
    """Whether ``path`` (as lint names it) is one of ``files``; ``resolved`` caches each
    path's resolution, as one file has many findings."""
    if path not in resolved:
        resolved[path] = _resolved(path)
    return resolved[path] in files


def _git(*arguments: str) -> bytes | None:
    """What ``git ARGUMENTS`` prints, in the working folder; None if it fails at all."""
    try:
        done = run_git(*arguments, timeout=_GIT_SECONDS)
    except (OSError, subprocess.SubprocessError):  # no git, or it hung
        return None
    return done.stdout if done.returncode == 0 else None


def _resolved(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))
