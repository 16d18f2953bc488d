"""Where banks are: the bank folders the paths a user gives name, and how a file is named
in a report."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from exambank.errors import UsageError

MANIFEST = "bank.yaml"


def find_banks(paths: Iterable[Path]) -> list[Path]:
    """Bank folders named by ``paths``: a bank folder, a file in one, or a folder of banks."""
    roots: dict[Path, Path] = {}  # each bank once, however it was named ('bank', '$PWD/bank')
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
        if path.is_file() and path.suffix not in {".yaml", ".yml"}:
            raise UsageError(f"{path}: not a bank file (give a bank folder, or a .yaml in one)")
        folder = path if path.is_dir() else path.parent
        if (folder / MANIFEST).is_file() or path.is_file():
            roots.setdefault(folder.resolve(), folder)
            continue
        found = sorted(manifest.parent for manifest in folder.rglob(MANIFEST))
        if not found:
            raise UsageError(f"{path}: no bank here (a bank is a folder with a {MANIFEST})")
        for root in found:
            roots.setdefault(root.resolve(), root)
    return list(roots.values())


def display_path(path: Path) -> str:
    """Paths below the working folder as relative ones, as editors and CI expect."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    # absolute, not resolved: a linked file is named as the bank names it, not by its target
    return os.path.abspath(path) if relative.startswith("..") else relative
