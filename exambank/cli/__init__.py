"""The ``exambank`` command. It only wires: parse arguments, call the library, print, exit.
Each command's arguments and wiring are in a module of their own here."""

from __future__ import annotations

import argparse
import gc
import io
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from exambank import installed_version
from exambank.cli.authoring import add_fmt, add_init, add_new, add_schemas
from exambank.cli.build import add_build
from exambank.cli.check import add_lint, add_rules
from exambank.cli.common import EXIT_USAGE, Commands
from exambank.cli.stats import add_stats
from exambank.config import ConfigError
from exambank.errors import UsageError
from exambank.reporters import text
from exambank.reporters.text import visible

EXIT_BROKEN_PIPE = 128 + 13  # as a shell shows a command that SIGPIPE stopped


def run() -> NoReturn:
    """The ``exambank`` command. Everything lint read is still alive when it ends; frozen,
    the interpreter's exit does not scan it all for cycles once more (0.4 s of a 2 s lint
    of 10,000 questions)."""
    status = main()
    gc.freeze()
    sys.exit(status)


def main(argv: Sequence[str] | None = None) -> int:
    parser, commands = _parser()
    arguments, unknown = parser.parse_known_args(argv)
    if unknown:  # said by the command's own parser, so its usage shows what it takes
        commands.choices[arguments.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    _set_up_streams(getattr(arguments, "format", "text") != "text")
    try:
        status = int(arguments.run(arguments))
        sys.stdout.flush()  # here, so that a reader gone away is caught below
        return status
    except BrokenPipeError:
        return _reader_gone()
    except UsageError as error:
        print(f"exambank: error: {visible(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except ConfigError as error:
        if error.diagnostics:
            sys.stderr.write(text(error.diagnostics))
        print(f"exambank: error: {visible(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("exambank: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # never show an author a traceback
        if os.environ.get("EXAMBANK_DEBUG"):
            raise
        print(
            f"exambank: internal error: {type(error).__name__}: {visible(str(error))}\n"
            "Please report it; EXAMBANK_DEBUG=1 shows the traceback.",
            file=sys.stderr,
        )
        return EXIT_USAGE


def _reader_gone() -> int:
    """The reader of stdout went away (``exambank fmt --diff | head``): stop quietly,
    with the status a command stopped by SIGPIPE has, and let nothing more be written
    there, not even at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE


def _set_up_streams(for_tools: bool) -> None:
    """What is printed for a tool (JSON, SARIF, JUnit, HTML) is UTF-8, as those formats
    say, whatever the console's encoding (a redirected stdout on Windows is cp1252); text
    for people never fails on a character the console lacks: it is shown escaped. So is a
    file name's byte that is not UTF-8 (``\\udcff``, which JSON reads back as it was)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    if for_tools and isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")


def _parser() -> tuple[argparse.ArgumentParser, Commands]:
    parser = argparse.ArgumentParser(
        prog="exambank", description="Lint and build exam question banks."
    )
    parser.add_argument("--version", action="version", version=f"exambank {installed_version()}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND", dest="command")
    for add in (add_init, add_lint, add_fmt, add_new, add_build, add_rules, add_stats, add_schemas):
        add(commands)
    return parser, commands
