"""The ``exambank`` command. It only wires: parse arguments, call the library, print, exit.
Each command's arguments and wiring are in a module of their own here."""

from __future__ import annotations

import argparse
import errno
import gc
import io
import os
import select
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from exambank import installed_version
from exambank.cli.authoring import add_init, add_new, add_schemas
from exambank.cli.build import add_build
from exambank.cli.check import add_lint, add_rules
from exambank.cli.common import EXIT_CANNOT_WRITE, EXIT_USAGE, Commands
from exambank.cli.fmt import add_fmt
from exambank.cli.stats import add_stats
from exambank.config import ConfigError
from exambank.errors import CannotWrite, UsageError
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
    except OSError as error:  # a reader gone (a pipe, a terminal that closed), or else
        if error.errno in (errno.EPIPE, errno.EIO) and _outputs_gone():
            return EXIT_BROKEN_PIPE
        return _internal_error(error)
    except UsageError as error:
        for message in error.messages:
            print(f"exambank: error: {visible(message)}", file=sys.stderr)
        return EXIT_CANNOT_WRITE if isinstance(error, CannotWrite) else EXIT_USAGE
    except ConfigError as error:
        if error.diagnostics:
            sys.stderr.write(text(error.diagnostics))
        print(f"exambank: error: {visible(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("exambank: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # never show an author a traceback
        return _internal_error(error)


def _internal_error(error: Exception) -> int:
    if os.environ.get("EXAMBANK_DEBUG"):
        raise error
    print(
        f"exambank: internal error: {type(error).__name__}: {visible(str(error))}\n"
        "Please report it; EXAMBANK_DEBUG=1 shows the traceback.",
        file=sys.stderr,
    )
    return EXIT_USAGE


def _outputs_gone() -> bool:
    """Whether the reader of stdout or stderr went away (``exambank fmt --diff | head``,
    a terminal closed): each such stream is pointed at the null device, so that nothing
    more is written there, not even at exit, and the run stops quietly with the status a
    command stopped by SIGPIPE has. A stream still read (a file) is left as it is."""
    gone = [stream for stream in (sys.stdout, sys.stderr) if _hung_up(stream)]
    for stream in gone:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    return bool(gone)


def _hung_up(stream: TextIO) -> bool:
    """Whether nothing reads ``stream`` any more: its pipe's reader closed, its terminal
    hung up. Where the system cannot tell (no poll on Windows), stdout is taken as gone."""
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):  # no descriptor: a stream under test
        return False
    if not hasattr(select, "poll"):
        return stream is sys.stdout
    poll = select.poll()
    poll.register(descriptor, select.POLLOUT)
    return any(events & (select.POLLERR | select.POLLHUP) for _, events in poll.poll(0))


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
