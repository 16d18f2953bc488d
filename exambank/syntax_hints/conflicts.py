"""Merge conflict markers left in a bank file.

git writes a conflict as ``<<<<<<< ours``, the one side, (``||||||| base``, the common
ancestor, in diff3 style,) ``=======``, the other side, ``>>>>>>> theirs``: each marker at
the start of its line. In a bank file nothing else starts a line with them (text under a
key is indented), so such a line is reported where it is, even where YAML happens to read
it (in quotes, where it would print in the handout). A conflict is reported once, at its
``<<<<<<<`` line; a ``|||||||`` or ``>>>>>>>`` line no conflict opened (its ``<<<<<<<``
deleted) is reported by itself. A lone ``=======`` may be a Markdown heading's underline:
it is reported only where YAML fails on it.

Two trainers who each add the next question (``exambank new amt-q6``) write the same
``- id: amt-q6`` line, which git keeps outside the conflict: the conflict then lies inside
one question, both sides holding its keys. Keeping both sides as they stand makes one
question of the two (its keys twice), so such a conflict says how to keep both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exambank.syntax_hints.text import Explanation, Line, Text

_MARKERS = "<<<<<<<, ======= and >>>>>>> lines"
_DIFF3_MARKERS = (
    "<<<<<<<, |||||||, ======= and >>>>>>> lines, and the base's lines between ||||||| and ======="
)
_HINT = f"keep one side (or both, with new ids) and delete the {_MARKERS}"
_DIFF3_HINT = f"keep one side (or both, with new ids) and delete the {_DIFF3_MARKERS}"
# A '|||||||' line whose conflict's other markers were deleted: the base's lines below it
# (the common ancestor's, in diff3 style) are still there.
_BASE_HINT = (
    "delete it and the lines below it up to where the ======= line stood: in diff3 "
    "style, the text as it was before either side changed it"
)
_BOTH_QUESTIONS = (
    "keep both, each under its own '- id:' line with its own id, with the lines the sides "
    "share and its side of each conflict in the question (the <<<<<<< side in one, the "
    ">>>>>>> side in the other)"
)
_ONE_QUESTION = "keep one side, with the other side's edits"
# Seven characters at the start of a line, then a label (the branch, a commit) or nothing;
# '=======' stands alone.
_MARKER = re.compile(r"(?:<{7}|\|{7}|>{7})(?:[ \t].*)?|={7}[ \t]*")
# A marker line is shown whole up to this many characters: its label ('HEAD:bank/x/03-
# hosting.yaml', a branch) tells the user which side is which.
_SHOWN = 60


@dataclass
class _Conflict:
    """A conflict that opens at ``row``: the lines of its sides, and the base's (diff3
    style), None where the conflict has no '|||||||' line."""

    row: int
    ours: list[str] = field(default_factory=list)
    base: list[str] | None = None
    theirs: list[str] | None = None  # None before its '=======' line

    def take(self, kind: str | None, line: str) -> None:
        """A line after the opening marker: a marker (``kind``) starts the next part."""
        if kind == "|" and self.base is None and self.theirs is None:
            self.base = []
        elif kind == "=" and self.theirs is None:
            self.theirs = []
        elif kind != ">":
            part = self.ours if self.base is None else self.base
            (part if self.theirs is None else self.theirs).append(line)


def conflicts(text: str) -> list[Explanation]:
    """Each conflict in ``text``, at its first marker line."""
    lines = Text(text)
    found: list[_Conflict | int] = []  # a conflict, or the row of a marker no conflict opened
    opened: _Conflict | None = None
    inside = False  # after a '<<<<<<<' (or a stray '|||||||'), before its '>>>>>>>'
    for row, line in enumerate(lines.lines):
        kind = _kind(line)
        if kind == "<":
            opened = _Conflict(row)
            found.append(opened)
        elif kind in ("|", ">") and not inside:
            opened = None
            found.append(row)
        elif opened is not None:
            opened.take(kind, line)
        if kind in ("<", "|", ">"):
            inside = kind != ">"
            opened = opened if inside else None
    return _explained(lines, found)


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


def _explained(text: Text, found: list[_Conflict | int]) -> list[Explanation]:
    """Each conflict's explanation. The conflicts inside a question of which one holds a
    'stem' on both sides all say so: each side of each belongs to one of the two."""
    opened = [conflict for conflict in found if isinstance(conflict, _Conflict)]
    in_question = {
        conflict.row: question for conflict in opened if (question := _question(text, conflict))
    }
    with_stems: dict[str, _Conflict] = {}
    for conflict in opened:
        if conflict.row in in_question and _both_stems(conflict):
            with_stems.setdefault(in_question[conflict.row], conflict)
    explained = []
    for each in found:
        if isinstance(each, int):
            explained.append(_explanation(text, each))
        elif (question := in_question.get(each.row)) is not None and question in with_stems:
            explained.append(_in_question(text, each.row, question, with_stems[question]))
        else:
            explained.append(_explanation(text, each.row, diff3=each.base is not None))
    return explained


def _explanation(text: Text, row: int, diff3: bool = False) -> Explanation:
    marker = _marker(text, row)
    hint = _BASE_HINT if marker[0] == "|" else _DIFF3_HINT if diff3 else _HINT
    return Explanation(text.index(row, 0), f"unresolved merge conflict marker '{marker}'", hint)


def _in_question(text: Text, row: int, question: str, with_stems: _Conflict) -> Explanation:
    """The conflict at ``row`` in the question ``question``, of which the conflict
    ``with_stems`` holds a 'stem' on both sides: two questions given one id, or one
    question changed on both sides (a diff3 base that holds a 'stem' tells which)."""
    base = with_stems.base
    if base is None:
        said = f"both sides add (or change) the question with id '{question}'"
        how = f"two questions? {_BOTH_QUESTIONS}; one question changed on both sides? "
        how += f"{_ONE_QUESTION}; then delete the {_MARKERS}"
    elif not _holds_stem(base, _column(with_stems)):
        said = f"both sides add a question with id '{question}'"
        how = f"{_BOTH_QUESTIONS}; then delete the {_DIFF3_MARKERS}"
    else:
        said = f"both sides change the question with id '{question}'"
        how = f"{_ONE_QUESTION}; then delete the {_DIFF3_MARKERS}"
    marker = _marker(text, row)
    return Explanation(
        text.index(row, 0), f"unresolved merge conflict marker '{marker}': {said}", how
    )


def _marker(text: Text, row: int) -> str:
    """The marker line at ``row`` as a message quotes it, its label whole where it can be."""
    line = text.lines[row].rstrip(" \t")
    return line if len(line) <= _SHOWN else line[:_SHOWN] + "…"


def _content(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _column(conflict: _Conflict) -> int | None:
    """Where the least indented line of either side starts; None if a side is empty."""
    sides = [_content(conflict.ours), _content(conflict.theirs or [])]
    if not all(sides):
        return None
    return min(len(line) - len(line.lstrip(" ")) for side in sides for line in side)


def _holds_stem(lines: list[str], column: int | None) -> bool:
    """Whether ``lines`` hold a 'stem' key at ``column``."""
    for line in lines:
        parsed = Line(line)
        if parsed.key == "stem" and not parsed.dash_columns and parsed.key_column == column:
            return True
    return False


def _both_stems(conflict: _Conflict) -> bool:
    column = _column(conflict)
    return column is not None and all(
        _holds_stem(side, column) for side in (conflict.ours, conflict.theirs or [])
    )


def _question(text: Text, conflict: _Conflict) -> str | None:
    """The id of the question the conflict lies in: both sides hold only lines at its
    keys' place or deeper, and the first line above them not as deep is its '- id:' line,
    its 'id' in line with those keys. None for a conflict between questions, or in no
    question."""
    column = _column(conflict)
    if column is None:
        return None
    for row in range(conflict.row - 1, -1, -1):
        line = text.lines[row]
        if not line.strip() or line.lstrip().startswith("#") or _kind(line) is not None:
            continue
        parsed = Line(line)
        if parsed.indent >= column:
            continue
        if parsed.dash_columns and parsed.key == "id" and parsed.key_column == column:
            return parsed.value.split(" #", 1)[0].strip().strip("\"'") or None
        return None
    return None
