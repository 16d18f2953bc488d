"""What exambank reports instead of a traceback."""

from __future__ import annotations


class UsageError(Exception):
    """A problem with how exambank was called, not with a bank (exit status 2)."""
