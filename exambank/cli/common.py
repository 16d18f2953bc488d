"""What the commands share: exit codes, the bank paths argument, --config and --out."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TypeAlias

from exambank.errors import UsageError
from exambank.paths import MANIFEST, bank_above, manifest_there, misnamed_manifest

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DEFAULT_BANKS = Path("bank")
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # what add_parser is on


def add_paths(command: argparse.ArgumentParser, named: str = "bank folders, files in them") -> None:
    """The banks a command reads: PATH ..., or when none is given the bank here or bank/."""
    command.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=f"{named}, or folders of banks (default: the bank in the current folder, else bank/)",
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
    check where they are run, or else the banks under bank/."""
    if paths:
        return paths
    here = Path()
    if manifest_there(here) or misnamed_manifest(here):  # find_banks says what is wrong
        return [here]
    if not DEFAULT_BANKS.is_dir():
        message = f"no PATH given, and neither a bank/ folder nor a {MANIFEST} here"
        above = bank_above(here)
        if above is not None:
            shown = os.path.relpath(above)
            message += f"; a bank is above, in '{shown}': give that as PATH"
        raise UsageError(message)
    return [DEFAULT_BANKS]


def named_path(text: str) -> Path:
    """An --out path; an empty one would quietly mean the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("give a path (an empty one would mean '.')")
    return Path(text)
