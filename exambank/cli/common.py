"""What the commands share: exit codes, the bank paths argument, --config and --out."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TypeAlias

from exambank.errors import UsageError
from exambank.file_names import MANIFEST
from exambank.paths import bank_above, banks_folder_above, default_banks, git_root
from exambank.reporters.text import visible

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_CANNOT_WRITE = 0, 1, 2, 3
# A bug of exambank's: a status of its own, so that CI tells it from a wrong command line.
EXIT_INTERNAL = 4
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # what add_parser is on


def add_paths(command: argparse.ArgumentParser, named: str = "bank folders, files in them") -> None:
    """The banks a command reads: PATH ..., or when none is given the bank here or bank/."""
    command.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=f"{named}, or folders of banks (default: the bank in the current folder, else "
        "bank/, else the banks in its folders; in a git repository, else the nearest bank or "
        "bank/ above, up to the repository's root)",
    )


def add_config(command: argparse.ArgumentParser) -> None:
    """--config, the same for every command that lints: a build checks what lint checks."""
    command.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="read [tool.exambank] from FILE, not from the nearest pyproject.toml",
    )


def bank_paths(paths: list[Path]) -> list[Path]:
    """The paths given; without any, the bank in the current folder, as ruff and eslint
    check where they are run, or else the banks under bank/ (``paths.default_banks``).
    One found above the current folder is named on stderr: the report's paths lead there."""
    if paths:
        return paths
    here = Path()
    found = default_banks(here)
    if found is None:
        raise UsageError(_no_banks(here))
    if found.parts[:1] == (os.pardir,):
        shown = visible(str(found))
        print(f"exambank: no PATH given; checking {shown}, above this folder", file=sys.stderr)
    return [found]


def _no_banks(here: Path) -> str:
    root = git_root(here)
    within = "" if root is None else " or above it, up to the repository's root"
    message = f"no PATH given, and neither a bank/ folder nor a {MANIFEST} here{within}"
    above = bank_above(here)
    if above is not None:
        message += f"; a bank is above, in '{os.path.relpath(above)}': give that as PATH"
    elif root is None and (folder := banks_folder_above(here)) is not None:
        message += f"; banks are above, in '{os.path.relpath(folder)}': give that as PATH"
    return message


def named_path(text: str) -> Path:
    """An --out path; an empty one would quietly mean the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("give a path (an empty one would mean '.')")
    return Path(text)
