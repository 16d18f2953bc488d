"""``--format github``: workflow commands, so a pull request shows each fault on its line.

``::error file=F,line=L,col=C,title=T::message``, escaped as GitHub's runner expects
(actions/toolkit ``escapeData`` and ``escapeProperty``).
"""

from __future__ import annotations

from collections.abc import Sequence

from exambank.diagnostics import Diagnostic
from exambank.reporters.base import PLAIN, Context
from exambank.reporters.text import visible


def github(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    lines = []
    for found in diagnostics:
        properties = {
            "file": found.path,
            "line": str(found.line),
            "col": str(found.column),
            "title": f"exambank ({found.rule})",
        }
        written = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
        # A value's own control characters show as escapes; only the hint's break is real.
        hint = f"\nhint: {visible(found.hint)}" if found.hint else ""
        message = visible(found.message) + hint
        lines.append(f"::{found.severity} {written}::{escape_data(message)}\n")
    for note in context.notes:  # a notice: shown on the file, failing nothing
        where = f"file={escape_property(note.path)},line={note.line},col={note.column}"
        lines.append(f"::notice {where},title=exambank::{escape_data(visible(note.message))}\n")
    return "".join(lines)


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
