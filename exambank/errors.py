"""What exambank reports instead of a traceback."""

from __future__ import annotations


class UsageError(Exception):
    """A problem with how exambank was called, not with a bank (exit status 2)."""


class CannotWrite(UsageError):
    """A file or folder exambank was asked to write cannot be written: the machine's
    disk, permissions or a read-only checkout, not how exambank was called (exit status
    3, so that CI can tell the runner's trouble from a wrong command line)."""
