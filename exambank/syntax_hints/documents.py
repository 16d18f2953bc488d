"""A line that ends the YAML document, or starts a new one, in the middle of a bank file.

A bank file holds one document. libyaml reads ``...`` at the start of a line as the
document's end and a ``%`` line (``%YAML 1.2``, ``%TAG``) as a directive, which only the
top of a file may hold; either way it then fails on the next line with content, saying it
found no ``---``: "did not find expected <document start>", one line below the slip. A
list item ('- id: q2') right below a ``%`` line fails sooner, as "block sequence entries
are not allowed in this context", at its dash. The slip is the marker line above it, and
deleting it is the fix. (An extra ``---`` is told by the reader and by the ``single
document`` hint.)
"""

from __future__ import annotations

from exambank.syntax_hints.text import Explanation, Text

_HINT = "delete the line: a bank file holds one document (a comment '# ...' can mark a break)"


def document_marker(text: Text, problem: int, context: int) -> Explanation | None:
    """The ``...`` or ``%`` line above the line libyaml refused for want of a ``---``, or
    (a list item) as no place for one; None if other content comes between."""
    problem_row, _ = text.row_column(problem)
    row = text.row_above(problem_row + 1)  # the refused line itself, or the one above
    while row is not None:
        line = text.lines[row]
        if line.rstrip() == "..." or line.startswith("... "):
            message = "'...' ends the YAML document here, so the lines below it are not read"
            return Explanation(text.index(row, 0), message, _HINT)
        if line.startswith("%"):
            name = line.split()[0]  # '%YAML', '%TAG'
            message = f"'{name}' is a YAML directive, which only the top of a file may hold"
            return Explanation(text.index(row, 0), message, _HINT)
        if line.strip() and not line.lstrip().startswith("#") and row < problem_row:
            return None  # content between: not a marker's doing
        row = text.row_above(row)
    return None
