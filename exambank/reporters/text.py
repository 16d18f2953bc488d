"""``--format text``: ``path:line:col: severity rule message`` and a hint, as ruff prints.

Coloured only where asked to be: ``--color always``, or ``auto`` on a terminal without
``NO_COLOR`` (https://no-color.org); ``FORCE_COLOR`` colours a pipe, as CI logs like.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TextIO

from exambank.diagnostics import Diagnostic
from exambank.reporters.base import PLAIN, Context

COLOR_CHOICES = ("auto", "always", "never")
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_SEVERITY = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m"}


def use_color(choice: str, stream: TextIO, environ: Mapping[str, str]) -> bool:
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and environ.get("TERM") != "dumb"  # a terminal without escapes


def text(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    def paint(words: str, style: str) -> str:
        return f"{style}{words}{_RESET}" if context.color else words

    lines = []
    for found in diagnostics:
        lines.append(
            f"{paint(found.path, _BOLD)}:{found.line}:{found.column}: "
            f"{paint(found.severity, _SEVERITY[found.severity])} "
            f"{paint(found.rule, _BOLD)} {found.message}"
        )
        if found.hint:
            lines.append(paint(f"    hint: {found.hint}", _DIM))
    errors = sum(found.severity == "error" for found in diagnostics)
    warnings = len(diagnostics) - errors
    if diagnostics:
        lines.append(f"{_count(errors, 'error')}, {_count(warnings, 'warning')}.")
    else:
        lines.append("No problems found.")
    return "\n".join(lines) + "\n"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
