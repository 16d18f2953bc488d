"""Where banks are: the bank folders the paths a user gives name, and how a file is named
in a report."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from exambank.errors import UsageError
from exambank.file_names import (
    MANIFEST,
    is_misnamed_manifest,
    is_yaml,
    misnamed_manifest,
    shown_name,
    unread_name,
)

BANKS = "bank"  # the folder of banks a repository keeps, read when no PATH is given
# Folders that hold tools' caches and environments, never banks (as ruff leaves them out);
# hidden folders (".git", ".venv", ".nox") are not searched either.
_NOT_SEARCHED = frozenset({"node_modules", "site-packages", "__pypackages__", "venv", "_build"})


def find_banks(paths: Iterable[Path]) -> list[Path]:
    """Bank folders named by ``paths``: a bank folder, a file in one, or a folder of banks."""
    roots: dict[Path, Path] = {}  # each bank once, however it was named ('bank', '$PWD/bank')
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder{_if_deleted(path)}")
        if path.is_file() and not is_yaml(path):
            raise UsageError(f"{path}: not a bank file (give a bank folder, or a .yaml in one)")
        if lone_file(path):  # reported as in no bank, as a file beside the banks is
            continue
        folder = path if path.is_dir() else path.parent
        if (folder / MANIFEST).is_file() or path.is_file():
            roots.setdefault(folder.resolve(), folder)
            continue
        found = sorted(Path(place) for place, files in _searched(folder) if MANIFEST in files)
        if not found and manifest_there(folder):  # a bank to report on, at its bank.yaml
            roots.setdefault(folder.resolve(), folder)
            continue
        if not found and _banks_without_manifests(folder):  # reported file by file
            continue
        if not found:
            message = f"{path}: no bank here (a bank is a folder with a {MANIFEST})"
            misnamed = [file for file in stray_files([folder]) if is_misnamed_manifest(file)]
            if misnamed:
                message += f"; rename {shown_name(display_path(misnamed[0]))} to {MANIFEST}"
                if unread := unread_name(misnamed[0]):
                    message += f" ({unread.why})"
            raise UsageError(message)
        for root in found:
            roots.setdefault(root.resolve(), root)
    return list(roots.values())


def _if_deleted(path: Path) -> str:
    """For a YAML file named in a folder that is there, what a list of changed files
    (``git diff --name-only``) holding a deleted one needs."""
    if not (is_yaml(path) and path.parent.is_dir()):
        return ""
    return "; if it was deleted, leave it out: git diff --name-only --diff-filter=d lists the rest"


def default_banks(here: Path) -> Path | None:
    """What a command checks when no PATH is given, as a path relative to ``here``: the
    bank ``here`` is (a bank.yaml, or something standing for one), else its ``bank/``
    folder, else ``here`` if a folder in it is a bank (a folder of banks). Inside a git
    repository, else the nearest folder above, up to the repository's root, that is a
    bank or holds ``bank/``: the commands work from any folder of the repository, as git
    does. None if there is nothing to check."""
    if manifest_there(here) or misnamed_manifest(here):  # find_banks says what is wrong
        return here
    if (here / BANKS).is_dir():
        return here / BANKS
    if holds_banks(here):
        return here
    for place in _up_to_repository_root(here):
        if manifest_there(place) or misnamed_manifest(place):
            return Path(os.path.relpath(place, here))
        if (place / BANKS).is_dir():
            return Path(os.path.relpath(place / BANKS, here))
    return None


def git_root(here: Path) -> Path | None:
    """The root of the git repository ``here`` is in: the nearest folder holding ``.git``
    (a folder, or a file in a worktree or submodule); None outside a repository."""
    start = Path(os.path.abspath(here))
    return next((place for place in (start, *start.parents) if (place / ".git").exists()), None)


def _up_to_repository_root(here: Path) -> list[Path]:
    """The folders above ``here`` up to its repository's root, nearest first; none
    outside a repository (a folder above it is nobody's to search)."""
    start, root = Path(os.path.abspath(here)), git_root(here)
    if root is None or root == start:
        return []
    above = list(start.parents)
    return above[: above.index(root) + 1]


def holds_banks(folder: Path) -> bool:
    """Whether a folder in ``folder`` (not a hidden or tools' one, nor a link, which a
    search of ``folder`` does not follow) holds a bank.yaml."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return False
    return any(
        entry.is_dir(follow_symlinks=False)
        and not entry.name.startswith(".")
        and entry.name not in _NOT_SEARCHED
        and os.path.isfile(os.path.join(entry.path, MANIFEST))
        for entry in entries
    )


def no_manifest(folder: Path) -> str:
    """What is wrong where a bank's manifest should be: nothing there, a folder, a link
    that leads nowhere, or something else that is no file."""
    manifest = folder / MANIFEST
    if manifest.is_symlink() and not manifest.exists():
        return f"the folder's {MANIFEST} is a link that leads nowhere"
    if manifest.is_dir():
        return f"the folder's {MANIFEST} is a folder, not a file"
    if manifest.exists():
        return f"the folder's {MANIFEST} is not a regular file"
    return f"the folder has no {MANIFEST}"


def lone_file(path: Path) -> bool:
    """Whether ``path`` is a file whose folder is no bank: nothing there is, or is named
    like, a manifest. (A folder with a broken or misnamed one is a bank to report on.)"""
    folder = path.parent
    return path.is_file() and not manifest_there(folder) and misnamed_manifest(folder) is None


def among_authors_files(path: Path) -> str | None:
    """Why a report must not be written at ``path``, or None: it would be a YAML or TOML
    file (a bank file, a pyproject.toml), or stand in a bank's folder. An output path and
    a bank's path look alike on a command line, and a report over a section replaces it."""
    folder = Path(os.path.realpath(path.parent))  # 'nothere/../bank/b' where no nothere/ is
    if manifest_there(folder) or bank_above(folder) is not None:
        return "in a bank's folder"
    if path.suffix.lower() in (".yaml", ".yml", ".toml"):
        return f"a {path.suffix.lstrip('.').upper()} file"
    return None


def bank_folder_clash(folder: Path, roots: Iterable[Path]) -> str | None:
    """Why a build must not write into ``folder`` (``<out>/<bank-id>``), or None: it is a
    bank's folder, whose files it would replace (an image link by a copy) and whose PDFs a
    later build may remove as stale; or it is right inside one (``--out .`` run in a bank),
    or holds one of the bank folders ``roots`` being built. A ``dist/`` inside a bank,
    where a build run there without ``--out`` writes (as the README says), is allowed."""
    place = Path(os.path.realpath(folder))  # 'dist/../bank/b' where no dist/ is: bank/b
    if manifest_there(place):
        return (
            f"{display_path(folder)} is a bank's folder (it holds a {MANIFEST}), whose "
            "files a build would replace"
        )
    if manifest_there(place.parent):
        bank = display_path(folder.parent)
        return f"{display_path(folder)} is inside the bank folder {'here' if bank == '.' else bank}"
    for root in roots:
        if Path(os.path.realpath(root)).is_relative_to(place):
            return f"{display_path(folder)} holds the bank folder {display_path(root)}"
    return None


def bank_above(folder: Path) -> Path | None:
    """The nearest bank folder above ``folder``, which reads none of ``folder``'s files."""
    for place in Path(os.path.abspath(folder)).parents:
        if (place / MANIFEST).is_file():
            return place
    return None


def banks_folder_above(folder: Path) -> Path | None:
    """The nearest ``bank/`` folder beside a folder above ``folder``: named, not read,
    where the commands do not look above (outside a repository), to give as PATH."""
    for place in Path(os.path.abspath(folder)).parents:
        if (place / BANKS).is_dir():
            return place / BANKS
    return None


def manifest_there(folder: Path) -> bool:
    """Whether anything stands where ``folder``'s manifest would be: the file, or a
    folder, a link that leads nowhere or a pipe in its place (each reported as such)."""
    manifest = folder / MANIFEST
    return manifest.is_symlink() or manifest.exists()


def stray_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files in no bank under the folders of banks ``paths`` name, where a bank's
    file would be: beside the banks, in a folder beside them (a bank whose manifest is
    missing), or beside a misnamed manifest (``bank.yml``), the manifest itself included
    (``bank.yaml.txt`` too); and each file ``paths`` name in a folder that is no bank.
    Nothing reads them, so without a word CI would pass with a whole bank unchecked. Other
    YAML (a ``mkdocs.yml`` beside the folder of banks, a bank's own subfolders) is not a
    bank's; hidden and tools' folders are not searched."""
    found: dict[Path, Path] = {}  # each file once, however its folder was named
    for path in paths:
        if lone_file(path):
            found.setdefault(path.resolve(), path)
        if not path.is_dir() or (path / MANIFEST).is_file():
            continue
        walked = list(_searched(path, into_banks=False))
        banks_in = {Path(folder).parent for folder, files in walked if MANIFEST in files}
        if not banks_in and _banks_without_manifests(path):
            banks_in = {path}
        for folder, files in walked:
            place = Path(folder)
            beside_banks = place in banks_in or place.parent in banks_in
            if MANIFEST in files or not (beside_banks or misnamed_manifest(place)):
                continue
            for name in files:
                if _bank_file_named(place / name):
                    found.setdefault((place / name).resolve(), place / name)
    return sorted(found.values())


def _banks_without_manifests(folder: Path) -> bool:
    """Whether ``folder`` is a repository's folder of banks (``bank/``) that holds YAML files
    (or a misnamed manifest alone), in it or in the folders in it, but no bank.yaml
    anywhere: every bank in it lost its manifest, as a pull request that deletes or
    renames the only bank's does. Its files are then reported one by one, where they are,
    as a bank's beside other banks would be; any other folder with no bank in it stays a
    wrong command line."""
    if folder.name != BANKS or not folder.is_dir():
        return False
    walked = list(_searched(folder))
    if any(MANIFEST in files for _, files in walked):
        return False
    return any(
        _bank_file_named(Path(place, name))
        for place, files in walked
        if Path(place) == folder or Path(place).parent == folder
        for name in files
    )


def _bank_file_named(path: Path) -> bool:
    """Whether ``path``, found where a bank's files would be, is named as one: a YAML
    file, or a manifest saved under another name ('bank.yaml.txt', 'bank.yaml.'), which
    is not read and is the bank's all the same. Hidden files are nobody's."""
    if path.name.startswith("."):
        return False
    return is_yaml(path) or is_misnamed_manifest(path)


def yaml_files(top: Path) -> Iterator[Path]:
    """Every YAML file under ``top`` that lint could read or report on, in no order: named
    .yaml or .yml, or so named with something after it ('02-amt.yaml.txt', 'bank.yaml.'),
    which lint reports as not read."""
    for folder, files in _searched(top):
        for name in files:
            path = Path(folder, name)
            if is_yaml(path) or (not name.startswith(".") and unread_name(path)):
                yield path


def linked_banks(paths: Iterable[Path]) -> list[Path]:
    """The manifests of the banks in folders that are links, under the folders of banks
    ``paths`` name. A search follows no link to a folder (it may lead out of the
    repository, or round in a loop), so such a bank is neither checked nor built there:
    without a word, CI would pass it unchecked."""
    found: dict[Path, Path] = {}
    for path in paths:
        if not path.is_dir() or (path / MANIFEST).is_file():
            continue
        for folder, folders, files in os.walk(path):
            if MANIFEST in files:
                folders.clear()  # a bank's own folders hold no banks
            for name in _kept(folders):
                place = Path(folder) / name
                if place.is_symlink() and (place / MANIFEST).is_file():
                    found.setdefault(Path(os.path.abspath(place)), place / MANIFEST)
            folders[:] = _kept(folders)
    return sorted(found.values())


def _kept(folders: list[str]) -> list[str]:
    """The folders a search goes into: not hidden, not tools' ones."""
    return [name for name in folders if not name.startswith(".") and name not in _NOT_SEARCHED]


def _searched(top: Path, into_banks: bool = True) -> Iterator[tuple[str, list[str]]]:
    """Each folder under ``top`` with its files, leaving out hidden folders and tools'
    (a bank in ``.venv`` or ``node_modules`` is no bank of the project's), and, unless
    ``into_banks``, what is inside a bank folder. Links to folders are not followed."""
    for folder, folders, files in os.walk(top):
        yield folder, files
        if not into_banks and MANIFEST in files:
            folders.clear()
        folders[:] = _kept(folders)


def display_path(path: Path) -> str:
    """Paths relative to the working folder, as editors and CI expect: below it, and above
    it in the git repository it is in ("../bank/...", as a bank found above is named on
    stderr: short, and a terminal opens it); absolute elsewhere, outside the repository."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
        return relative
    # absolute, not resolved: a linked file is named as the bank names it, not by its target
    absolute = os.path.abspath(path)
    root = git_root(Path())
    return relative if root is not None and Path(absolute).is_relative_to(root) else absolute
