"""Ways to print diagnostics: each a small function over the same list."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from exambank.diagnostics import Diagnostic

Reporter = Callable[[Sequence[Diagnostic]], str]


def text(diagnostics: Sequence[Diagnostic]) -> str:
    lines = []
    for found in diagnostics:
        lines.append(
            f"{found.path}:{found.line}:{found.column}: "
            f"{found.severity} {found.rule} {found.message}"
        )
        if found.hint:
            lines.append(f"    hint: {found.hint}")
    errors = sum(found.severity == "error" for found in diagnostics)
    warnings = len(diagnostics) - errors
    if diagnostics:
        lines.append(f"{_count(errors, 'error')}, {_count(warnings, 'warning')}.")
    else:
        lines.append("No problems found.")
    return "\n".join(lines) + "\n"


def json_list(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps([found.as_dict() for found in diagnostics], indent=2, ensure_ascii=False) + "\n"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


REPORTER_BY_NAME: dict[str, Reporter] = {"text": text, "json": json_list}
