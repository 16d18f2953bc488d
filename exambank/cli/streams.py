"""stdout and stderr, where a command's report and messages go: what the command does
when they cannot be written (a full disk, a reader gone away), told apart from a bug."""

from __future__ import annotations

import os
import select
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import TextIO, cast


class StreamNotWritten(OSError):
    """Writing stdout or stderr failed (``stream`` says which): the runner's trouble, as
    a full disk is, not a bug of exambank's, which an OSError from elsewhere would be."""

    def __init__(self, stream: str, error: OSError) -> None:
        super().__init__(error.errno, error.strerror or str(error))
        self.stream = stream


# A write of at most PIPE_BUF bytes to a pipe is all or nothing: if the reader goes away,
# it fails (EPIPE). A larger one may be taken in part, and an unbuffered stdout
# (PYTHONUNBUFFERED=1, python -u) drops the rest without a word (python/cpython#85393):
# a report written at once would end the run as if it had all been read. So text goes
# out in pieces of this many characters; one becomes at most 10 bytes ("\U0001f600" where
# the console lacks it, a "\n" 2 on Windows).
_PIECE = getattr(select, "PIPE_BUF", 512) // 10


class _Guarded:
    """A standard stream whose write errors say that they are the stream's, and which
    notices a reader gone whatever the size of what is written. Only writing is wrapped;
    everything else (``isatty``, ``fileno``) is the stream's own."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self._name = name

    def write(self, text: str) -> int:
        try:
            for start in range(0, len(text), _PIECE):
                self._stream.write(text[start : start + _PIECE])
        except OSError as error:
            raise StreamNotWritten(self._name, error) from error
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise StreamNotWritten(self._name, error) from error

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextmanager
def guarded_streams() -> Iterator[None]:
    """stdout and stderr, wrapped while a command runs (and put back after it, for a
    caller such as a test that calls ``main`` again)."""
    saved = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, _Guarded(saved[0], "stdout"))
    sys.stderr = cast(TextIO, _Guarded(saved[1], "stderr"))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def say(message: str) -> None:
    """``message`` on stderr, as the last word of a run: nothing is lost by a stderr that
    cannot take it (the exit status still tells), and no second error hides the first."""
    with suppress(OSError):
        print(message, file=sys.stderr)


def silence(name: str) -> None:
    """Point the stream ``name`` at the null device: what it still holds is not written
    at exit, where a failure would print Python's own complaint and exit 120."""
    stream = sys.stdout if name == "stdout" else sys.stderr
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):  # no descriptor: a stream under test
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def outputs_gone() -> bool:
    """Whether the reader of stdout or stderr went away (``exambank fmt --diff | head``,
    a terminal closed): each such stream is pointed at the null device, so that nothing
    more is written there, not even at exit, and the run stops quietly with the status a
    command stopped by SIGPIPE has. A stream still read (a file) is left as it is."""
    gone = [name for name in ("stdout", "stderr") if _hung_up(name)]
    for name in gone:
        silence(name)
    return bool(gone)


def _hung_up(name: str) -> bool:
    """Whether nothing reads the stream ``name`` any more: its pipe's reader closed, its
    terminal hung up. Where the system cannot tell (no poll on Windows), stdout is taken
    as gone."""
    stream = sys.stdout if name == "stdout" else sys.stderr
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):  # no descriptor: a stream under test
        return False
    if not hasattr(select, "poll"):
        return name == "stdout"
    poll = select.poll()
    poll.register(descriptor, select.POLLOUT)
    return any(events & (select.POLLERR | select.POLLHUP) for _, events in poll.poll(0))
