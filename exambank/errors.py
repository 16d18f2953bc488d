"""What exambank reports instead of a traceback."""

from __future__ import annotations


class UsageError(Exception):
    """A problem with how exambank was called, not with a bank (exit status 2); or
    several, one message each, when a command checks all its arguments before it stops."""

    def __init__(self, *messages: str) -> None:
        super().__init__(*messages)
        self.messages = messages

    def __str__(self) -> str:
        return "\n".join(self.messages)


class CannotWrite(UsageError):
    """A file or folder exambank was asked to write cannot be written: the machine's
    disk, permissions or a read-only checkout, not how exambank was called (exit status
    3, so that CI can tell the runner's trouble from a wrong command line)."""


class MissingLibrary(CannotWrite):
    """A system library the output needs is not on the machine (Pango, which WeasyPrint
    renders the PDFs with), so the file cannot be written here: the runner's trouble, as a
    full disk is, so exit status 3 too. The command line was right: the same command runs
    on a machine that has the library."""


class Terminated(KeyboardInterrupt):
    """SIGTERM (a CI job cancelled, ``timeout``): the run stops as Ctrl-C stops it, each
    step undoing what it had half done, and exits with status 143, as a shell shows it."""
