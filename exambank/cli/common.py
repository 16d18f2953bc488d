"""What the commands share: exit codes, the bank paths argument, --config and --out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TypeAlias

from exambank.errors import UsageError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DEFAULT_BANKS = Path("bank")
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # what add_parser is on


def add_paths(command: argparse.ArgumentParser, named: str = "bank folders, files in them") -> None:
    """The banks a command reads: PATH ..., bank/ when none is given."""
    command.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=f"{named}, or folders of banks (default: bank/)",
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
    if paths:
        return paths
    if not DEFAULT_BANKS.is_dir():
        raise UsageError("no PATH given and no bank/ folder here")
    return [DEFAULT_BANKS]


def named_path(text: str) -> Path:
    """An --out path; an empty one would quietly mean the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("give a path (an empty one would mean '.')")
    return Path(text)
