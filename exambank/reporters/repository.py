"""The repository a CI job checked out: its files' paths, and which of them a pull request
changes. Shared by the reporters whose readers (GitHub, GitLab) place findings on a
repository's files, whatever folder lint ran in.

A finding's message may quote another file ("already used at bank/it/01-netz.yaml:2"),
which its ``places`` name. Such a report names those from the root as it names the
finding's own file (``FromRoot``), so that it is the same bytes from every folder of a
checkout."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable
from dataclasses import replace
from pathlib import PurePath
from typing import TypeVar

from exambank.diagnostics import Diagnostic, Note
from exambank.git_calls import run_git
from exambank.invisible import escaped

_GIT_SECONDS = 60  # a diff of names takes milliseconds; a git that hangs must not stall CI
# A place a message quotes starts the message or follows a space or "(", and ends it or
# comes before a space, ":" (its line), ",", ";", ")" or a full stop that ends a sentence:
# "bank/a.yaml" is no place within "../bank/a.yaml", "bank/a.yaml.txt" or "'bank/a.yaml'".
_BEFORE, _AFTER = r"(?<![^\s(])", r"(?=$|[\s:,;)]|\.(?:\s|$))"
Said = TypeVar("Said", Diagnostic, Note)
Renaming = tuple[re.Pattern[str], dict[str, str]]  # what matches a quoted place; its new name


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


class FromRoot:
    """Names the files a finding's message or hint quotes (its ``places``) as
    ``repository_path`` names a file: relative to ``root``, the repository's; each as the
    message writes it, a hidden character as its escape where the message shows one so
    (``invisible.shown``). Without a root, a finding stays as it is. Each place, and each
    set of places, is worked out once, not per finding."""

    def __init__(self, root: str | None) -> None:
        self.root = root
        self._named: dict[str, str] = {}  # by place
        self._renamings: dict[tuple[str, ...], Renaming | None] = {}  # by a finding's places

    def __call__(self, said: Said) -> Said:
        if self.root is None or not said.places:
            return said
        if said.places not in self._renamings:
            self._renamings[said.places] = self._renaming(said.places, self.root)
        renaming = self._renamings[said.places]
        if renaming is None:  # each place is named from the root as it is quoted
            return said
        pattern, renamed = renaming

        def renamed_in(words: str) -> str:
            return pattern.sub(lambda match: renamed[match[1]], words)

        if isinstance(said, Note):
            return replace(said, message=renamed_in(said.message))
        hint = said.hint and renamed_in(said.hint)
        return replace(said, message=renamed_in(said.message), hint=hint)

    def _renaming(self, places: tuple[str, ...], root: str) -> Renaming | None:
        """What matches each of ``places`` where a message quotes it, and its name from
        ``root``; None if each is named the same from there."""
        renamed: dict[str, str] = {}
        for place in places:
            if place not in self._named:
                self._named[place] = repository_path(place, root)
            named = self._named[place]
            renamed[escaped(place)], renamed[place] = escaped(named), named  # raw if alike
        renamed = {quoted: named for quoted, named in renamed.items() if quoted != named}
        if not renamed:
            return None
        either = "|".join(map(re.escape, sorted(renamed, key=len, reverse=True)))
        return re.compile(f"{_BEFORE}({either}){_AFTER}"), renamed


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
