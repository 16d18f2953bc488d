"""Where banks are: the bank folders the paths a user gives name, and how a file is named
in a report."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from exambank.errors import UsageError

MANIFEST = "bank.yaml"
YAML_SUFFIXES = frozenset({".yaml", ".yml"})  # in any case: "x.YAML" is read as YAML
# Folders that hold tools' caches and environments, never banks (as ruff leaves them out);
# hidden folders (".git", ".venv", ".nox") are not searched either.
_NOT_SEARCHED = frozenset({"node_modules", "site-packages", "__pypackages__", "venv", "_build"})


def is_yaml(path: Path) -> bool:
    """Whether ``path`` is named as a YAML file: ``.yaml`` or ``.yml``, in any case."""
    return path.suffix.casefold() in YAML_SUFFIXES


def saved_as_text(path: Path) -> bool:
    """Whether ``path`` is a YAML file an editor saved as text: '02-amt.yaml.txt' (Windows'
    Notepad adds .txt unless told otherwise, and Explorer hides it: the author sees
    '02-amt.yaml')."""
    return path.suffix.casefold() == ".txt" and is_yaml(Path(path.stem))


# What to tell the author of such a file, after 'rename it to ...'.
SAVED_AS_TEXT = "Notepad adds .txt unless 'Save as type' is 'All files (*.*)'"


def find_banks(paths: Iterable[Path]) -> list[Path]:
    """Bank folders named by ``paths``: a bank folder, a file in one, or a folder of banks."""
    roots: dict[Path, Path] = {}  # each bank once, however it was named ('bank', '$PWD/bank')
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
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
        if not found:
            message = f"{path}: no bank here (a bank is a folder with a {MANIFEST})"
            misnamed = [file for file in stray_files([folder]) if file.stem.casefold() == "bank"]
            if misnamed:
                message += f"; rename {display_path(misnamed[0])} to {MANIFEST}"
            elif (text := misnamed_manifest(folder)) is not None and saved_as_text(text):
                message += f"; rename {display_path(text)} to {MANIFEST} ({SAVED_AS_TEXT})"
            raise UsageError(message)
        for root in found:
            roots.setdefault(root.resolve(), root)
    return list(roots.values())


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


def bank_above(folder: Path) -> Path | None:
    """The nearest bank folder above ``folder``, which reads none of ``folder``'s files."""
    for place in Path(os.path.abspath(folder)).parents:
        if (place / MANIFEST).is_file():
            return place
    return None


def manifest_there(folder: Path) -> bool:
    """Whether anything stands where ``folder``'s manifest would be: the file, or a
    folder, a link that leads nowhere or a pipe in its place (each reported as such)."""
    manifest = folder / MANIFEST
    return manifest.is_symlink() or manifest.exists()


def stray_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files in no bank under the folders of banks ``paths`` name, where a bank's
    file would be: beside the banks, in a folder beside them (a bank whose manifest is
    missing), or beside a misnamed manifest (``bank.yml``); and each file ``paths`` name
    in a folder that is no bank. Nothing reads them, so without a word CI would pass with
    a whole bank unchecked. Other YAML (a ``mkdocs.yml`` beside
    the folder of banks, a bank's own subfolders) is not a bank's; hidden and tools'
    folders are not searched."""
    found: dict[Path, Path] = {}  # each file once, however its folder was named
    for path in paths:
        if lone_file(path):
            found.setdefault(path.resolve(), path)
        if not path.is_dir() or (path / MANIFEST).is_file():
            continue
        walked = list(_searched(path, into_banks=False))
        banks_in = {Path(folder).parent for folder, files in walked if MANIFEST in files}
        for folder, files in walked:
            place = Path(folder)
            beside_banks = place in banks_in or place.parent in banks_in
            if MANIFEST in files or not (beside_banks or misnamed_manifest(place)):
                continue
            for name in files:
                if not name.startswith(".") and is_yaml(Path(name)):
                    found.setdefault((place / name).resolve(), place / name)
    return sorted(found.values())


def yaml_files(top: Path) -> Iterator[Path]:
    """Every YAML file under ``top`` that lint could read or report on, in no order."""
    for folder, files in _searched(top):
        for name in files:
            if is_yaml(Path(name)):
                yield Path(folder, name)


def _searched(top: Path, into_banks: bool = True) -> Iterator[tuple[str, list[str]]]:
    """Each folder under ``top`` with its files, leaving out hidden folders and tools'
    (a bank in ``.venv`` or ``node_modules`` is no bank of the project's), and, unless
    ``into_banks``, what is inside a bank folder. Links to folders are not followed."""
    for folder, folders, files in os.walk(top):
        yield folder, files
        if not into_banks and MANIFEST in files:
            folders.clear()
        folders[:] = [
            name for name in folders if not name.startswith(".") and name not in _NOT_SEARCHED
        ]


def misnamed_manifest(folder: Path) -> Path | None:
    """A file in ``folder`` that is named like a manifest but not ``bank.yaml``
    ("bank.yml", "Bank.yaml"), which exambank does not read."""
    for path in sorted(folder.iterdir()):
        yaml_name = Path(path.stem) if saved_as_text(path) else path
        named_like = yaml_name.stem.casefold() == "bank" and is_yaml(yaml_name)
        if named_like and path.name != MANIFEST and path.is_file():
            return path
    return None


def display_path(path: Path) -> str:
    """Paths below the working folder as relative ones, as editors and CI expect."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    # absolute, not resolved: a linked file is named as the bank names it, not by its target
    return os.path.abspath(path) if relative.startswith("..") else relative
