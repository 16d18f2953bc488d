"""A byte-order mark (U+FEFF) that starts a line inside a file: text pasted from a file
that began with one, or files joined. No editor shows it. libyaml skips one at a line's
first column, as it skips the file's own first character, but counts the column: the line
reads one space deeper than it looks. After a line's indentation it is text. The mark at a
file's very start is the file's own, and fine."""

from __future__ import annotations

import re

from exambank.diagnostics import FIXED_BY_LINT
from exambank.syntax_hints.text import Explanation, Text, reads_past

MARK = "\ufeff"
_LINE_START = re.compile(r"(?:\A|(?<=[\r\n]))[ \t]*\ufeff")
_HINT = (
    f"delete it{FIXED_BY_LINT}: most editors do not show it (it comes along when text is "
    "pasted from another file, or files are joined)"
)


def line_start_marks(text: str) -> list[int]:
    """Where each byte-order mark that starts a line's content (after its indentation, if
    any) is in ``text``, the file's own first character left out."""
    return [found.end() - 1 for found in _LINE_START.finditer(text) if found.end() > 1]


def stray_mark(text: Text, problem: int) -> Explanation | None:
    """The byte-order mark that starts a line at or above the error's, nearest first,
    whose deletion alone lets YAML read past the error's line: the line it starts is not
    read as it looks."""
    if text.text.find(MARK, 1) < 0:  # nearly every file: none past its first character
        return None
    row, _ = text.row_column(problem)
    below = text.starts[row + 1] if row + 1 < len(text.starts) else len(text.text)
    for index in reversed([at for at in line_start_marks(text.text) if at < below]):
        if reads_past(text.text[:index] + text.text[index + 1 :], row):
            return Explanation(index, _what_it_does(text.row_column(index)[1]), _HINT)
    return None


def _what_it_does(column: int) -> str:
    said = "an invisible byte-order mark (U+FEFF)"
    if column == 0:
        return f"{said} starts this line: YAML reads the line as if indented one space more"
    return f"{said} follows this line's indentation: YAML reads it as text"
