"""The ``exambank`` command. It only wires: parse arguments, call the library, print, exit.
Each command's arguments and wiring are in a module of their own here."""

from __future__ import annotations

import argparse
import errno
import gc
import io
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from exambank import installed_version
from exambank.cli.authoring import add_init, add_new, add_schemas
from exambank.cli.build import add_build
from exambank.cli.check import add_lint, add_rules
from exambank.cli.common import EXIT_CANNOT_WRITE, EXIT_INTERNAL, EXIT_USAGE, Commands
from exambank.cli.fmt import add_fmt
from exambank.cli.stats import add_stats
from exambank.cli.streams import (
    StreamNotWritten,
    guarded_streams,
    outputs_gone,
    say,
    silence,
)
from exambank.config import ConfigError
from exambank.entry import stopped, terminated
from exambank.errors import CannotWrite, Terminated, UsageError
from exambank.reporters import text
from exambank.reporters.text import visible

# The status a shell shows for a command that SIGPIPE stopped
EXIT_BROKEN_PIPE = 128 + 13


def run() -> NoReturn:
    """The ``exambank`` command. Everything lint read is still alive when it ends; frozen,
    the interpreter's exit does not scan it all for cycles once more (0.4 s of a 2 s lint
    of 10,000 questions)."""
    status = main()
    gc.freeze()
    sys.exit(status)


def main(argv: Sequence[str] | None = None) -> int:
    with _stopped_cleanly_by_sigterm():
        try:
            return _main(argv)
        except Terminated as stop:  # before the command ran, or after: nothing to undo
            return stopped(stop)


@contextmanager
def _stopped_cleanly_by_sigterm() -> Iterator[None]:
    """SIGTERM stops a run as Ctrl-C does (``terminated``): what it was writing is removed,
    not left as a hidden temporary file beside the bank's files, and stderr says so. The
    handler before is put back: ``main`` may be called by a program of its own."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set a handler
        return
    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _main(argv: Sequence[str] | None) -> int:
    parser, commands = _parser()
    try:
        arguments, unknown = parser.parse_known_args(argv)
        if unknown:  # said by the command's own parser, so its usage shows what it takes
            command = commands.choices[arguments.command] if arguments.command else parser
            command.error(f"unrecognized arguments: {' '.join(unknown)}")
        if arguments.command is None:  # checked here, after an unknown option: not before it
            parser.error("the following arguments are required: COMMAND")
    except StreamNotWritten as error:  # the help, the version or a usage message
        return _stream_trouble(error, "to stdout")
    _set_up_streams(getattr(arguments, "format", "text") != "text")
    with guarded_streams():
        return _run(arguments)


def _run(arguments: argparse.Namespace) -> int:
    try:
        status = int(arguments.run(arguments))
        sys.stdout.flush()  # here, so that a reader gone away is caught below
        return status
    except StreamNotWritten as error:
        return _stream_trouble(error)
    except OSError as error:  # a reader gone (a pipe, a terminal that closed), or else
        if error.errno in (errno.EPIPE, errno.EIO) and outputs_gone():
            return EXIT_BROKEN_PIPE
        return _internal_error(error)
    except UsageError as error:
        say("\n".join(f"exambank: error: {visible(message)}" for message in error.messages))
        return EXIT_CANNOT_WRITE if isinstance(error, CannotWrite) else EXIT_USAGE
    except ConfigError as error:
        said = text(error.diagnostics).rstrip("\n") + "\n" if error.diagnostics else ""
        say(f"{said}exambank: error: {visible(str(error))}")
        return EXIT_USAGE
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM
        return stopped(stop, visible(str(stop)))
    except Exception as error:  # never show an author a traceback
        return _internal_error(error)


def _stream_trouble(error: StreamNotWritten, stdout_is: str = "the report") -> int:
    """The status of a run whose stdout or stderr could not be written: quietly that of a
    pipe closed early, if the reader went away. Else (a full disk, a file that grew too
    large) 3, as for a build's file that cannot be written, said on stderr if it can be:
    the runner's trouble, not a bug. ``stdout_is`` names what stdout was to hold."""
    if error.errno in (errno.EPIPE, errno.EIO) and outputs_gone():
        return EXIT_BROKEN_PIPE
    silence(error.stream)
    what = stdout_is if error.stream == "stdout" else "to stderr"
    say(f"exambank: error: cannot write {what}: {visible(error.strerror or str(error))}")
    return EXIT_CANNOT_WRITE


def _internal_error(error: Exception) -> int:
    if os.environ.get("EXAMBANK_DEBUG"):
        raise error
    say(
        f"exambank: internal error: {type(error).__name__}: {visible(str(error))}\n"
        "Please report it; EXAMBANK_DEBUG=1 shows the traceback."
    )
    return EXIT_INTERNAL


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


class _Parser(argparse.ArgumentParser):
    """argparse's parser, but a help, version or usage message that cannot be written (a
    full disk) is told and stops the run with status 3: argparse drops the error, and
    exits 0 after a help it never wrote. Subcommands' parsers are made of this class too."""

    def error(self, message: str) -> NoReturn:
        super().error(visible(message))  # it may quote an argument: a pull request's file name

    def _print_message(self, message: str, file: Any = None) -> None:
        stream = file or sys.stderr
        if not message:
            return
        try:
            stream.write(message)
            stream.flush()
        except OSError as error:
            name = "stdout" if stream is sys.stdout else "stderr"
            raise StreamNotWritten(name, error) from error


def _parser() -> tuple[argparse.ArgumentParser, Commands]:
    parser: argparse.ArgumentParser = _Parser(
        prog="exambank", description="Lint and build exam question banks."
    )
    parser.add_argument("--version", action="version", version=f"exambank {installed_version()}")
    # not required here: argparse would say so before it names an unknown option (--bogus)
    commands = parser.add_subparsers(metavar="COMMAND", dest="command")
    for add in (add_init, add_lint, add_fmt, add_new, add_build, add_rules, add_stats, add_schemas):
        add(commands)
    return parser, commands
