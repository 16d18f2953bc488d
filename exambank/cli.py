"""The ``exambank`` command. It only wires: parse arguments, call the library, print, exit."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from exambank.lint import UsageError, lint
from exambank.reporters import REPORTER_BY_NAME

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DEFAULT_BANKS = Path("bank")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        return int(arguments.run(arguments))
    except UsageError as error:
        print(f"exambank: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("exambank: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # never show an author a traceback
        if os.environ.get("EXAMBANK_DEBUG"):
            raise
        print(
            f"exambank: internal error: {type(error).__name__}: {error}\n"
            "Please report it; EXAMBANK_DEBUG=1 shows the traceback.",
            file=sys.stderr,
        )
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exambank", description="Lint and build exam question banks."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    lint_command = commands.add_parser(
        "lint", help="check banks and report every problem",
        description="Check banks against the schemas and the rules; exit 1 on any error.",
    )
    lint_command.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH",
        help="bank folders, files in them, or folders of banks (default: bank/)",
    )
    lint_command.add_argument("--format", choices=sorted(REPORTER_BY_NAME), default="text")
    lint_command.set_defaults(run=_lint)
    return parser


def _bank_paths(paths: list[Path]) -> list[Path]:
    if paths:
        return paths
    if not DEFAULT_BANKS.is_dir():
        raise UsageError("no PATH given and no bank/ folder here")
    return [DEFAULT_BANKS]


def _lint(arguments: argparse.Namespace) -> int:
    result = lint(_bank_paths(arguments.paths))
    sys.stdout.write(REPORTER_BY_NAME[arguments.format](result.diagnostics))
    return EXIT_PROBLEMS if result.errors else EXIT_OK
