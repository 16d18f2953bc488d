"""The ``exambank`` command as installed (``[project.scripts]``) and as ``python -m
exambank``. It stands apart from ``exambank.cli`` and imports nothing of it at first: that
import, of every command and the libraries they use, takes 1 to 6 s on a busy machine, and
Ctrl-C or SIGTERM then must end the run as it does later, with one line and the status a
shell shows, not with a traceback through the imports or with nothing said."""

from __future__ import annotations

import sys
from contextlib import suppress
from typing import NoReturn

from exambank.errors import Terminated

# The status a shell shows for a command that SIGINT (Ctrl-C) or SIGTERM stopped
EXIT_INTERRUPTED = 128 + 2
EXIT_TERMINATED = 128 + 15


def run() -> NoReturn:
    """Run the command line, stopped by Ctrl-C or SIGTERM at any moment."""
    try:
        import signal  # here, as all else: even it takes 0.01 s (enum) on a busy machine

        signal.signal(signal.SIGTERM, terminated)
        from exambank.cli import run as command  # the import that takes seconds

        command()
    except KeyboardInterrupt as stop:  # before the command ran, or after: nothing to undo
        sys.exit(stopped(stop))


def terminated(number: int, frame: object) -> NoReturn:
    """SIGTERM's handler (a CI job cancelled, ``timeout``): the run stops as Ctrl-C stops
    it. By default Python dies at once, cleaning up nothing and saying nothing."""
    raise Terminated


def stopped(stop: KeyboardInterrupt, detail: str = "") -> int:
    """Say on stderr that Ctrl-C or SIGTERM stopped the run, and what became of its work
    (``detail``), and give the status a shell shows for it. A stderr that cannot take the
    line loses nothing: the status still tells."""
    said = "terminated" if isinstance(stop, Terminated) else "interrupted"
    with suppress(OSError):
        print(f"exambank: {said}" + (f": {detail}" if detail else ""), file=sys.stderr)
    return EXIT_TERMINATED if isinstance(stop, Terminated) else EXIT_INTERRUPTED
