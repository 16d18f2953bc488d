"""Merge conflict markers left in a bank file.

git writes a conflict as ``<<<<<<< ours``, the one side, (``||||||| base``, the common
ancestor, in diff3 style,) ``=======``, the other side, ``>>>>>>> theirs``: each marker at
the start of its line. In a bank file nothing else starts a line with them (text under a
key is indented), so such a line is reported where it is, even where YAML happens to read
it (in quotes, where it would print in the handout). A conflict is reported once, at its
``<<<<<<<`` line; a ``|||||||`` or ``>>>>>>>`` line no conflict opened (its ``<<<<<<<``
deleted) is reported by itself. A lone ``=======`` may be a Markdown heading's underline:
it is reported only where YAML fails on it.
"""

from __future__ import annotations

import re

from exambank.syntax_hints.text import Explanation, Text, short

_HINT = "keep one side (or both, with new ids) and delete the <<<<<<<, ======= and >>>>>>> lines"
# Seven characters at the start of a line, then a label (the branch, a commit) or nothing;
# '=======' stands alone.
_MARKER = re.compile(r"(?:<{7}|\|{7}|>{7})(?:[ \t].*)?|={7}[ \t]*")


def conflicts(text: str) -> list[Explanation]:
    """Each conflict in ``text``, at its first marker line."""
    lines = Text(text)
    found: list[Explanation] = []
    inside = False  # after a '<<<<<<<' (or a stray '|||||||'), before its '>>>>>>>'
    for row, line in enumerate(lines.lines):
        kind = _kind(line)
        if kind is None or kind == "=":
            continue
        if kind == "<" or not inside:
            found.append(_explanation(lines, row))
        inside = kind != ">"
    return found


def leftover_marker(text: Text, problem: int, context: int) -> Explanation | None:
    """A marker line where libyaml failed (on it, or on the line after it): the rest of
    a conflict whose other markers were deleted."""
    first, last = sorted((text.row_column(problem)[0], text.row_column(context)[0]))
    for row in range(max(first - 1, 0), last + 1):
        if _kind(text.lines[row]) is not None:
            return _explanation(text, row)
    return None


def _kind(line: str) -> str | None:
    """Which marker ``line`` is ('<', '|', '=' or '>'), or None."""
    return line[0] if _MARKER.fullmatch(line) else None


def _explanation(text: Text, row: int) -> Explanation:
    marker = short(text.lines[row].rstrip(" \t"))
    return Explanation(text.index(row, 0), f"unresolved merge conflict marker '{marker}'", _HINT)
