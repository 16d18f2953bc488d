"""A key indented more than the key on the line above it, which holds a value: YAML reads
it as more of that value (a plain text), or, after a value that ends on its line (a quoted
text, a list in brackets, a text a comment ends), refuses it where it expects the next key.
Mostly the deeper key is the one to move; but where more keys of its kind stand in line
with it than with the key above ('A' indented less than 'B'-'D' below, or an option moved
out to the question's keys between the options), the key above is."""

from __future__ import annotations

from exambank.syntax_hints.text import (
    Explanation,
    Text,
    is_key_name,
    is_letter,
    pair,
    shortened,
    spaces,
)


def key_too_deep(text: Text, owner_row: int, row: int, reads_on: bool) -> Explanation:
    """The key on ``row``, deeper than the key on ``owner_row``: ``reads_on``, YAML reads
    it as more of that key's plain text; else it refused it after that key's value."""
    owner, line = text.parse(owner_row), text.parse(row)
    deeper = line.key_column - owner.key_column
    so = f", so YAML reads it as more text of '{owner.key}'" if reads_on else ""
    return outnumbered(text, owner_row, row, reads_on) or Explanation(
        text.index(row, line.key_column),
        f"'{line.key}' is indented {spaces(deeper)} more than '{owner.key}' on line "
        f"{owner_row + 1}{so}",
        f"indent '{line.key}' {spaces(owner.key_column)}, like '{owner.key}'",
    )


def after_closed_value(text: Text, row: int, column: int) -> Explanation | None:
    """A key of the format at ``column``, the start of ``row``, deeper than the key on the
    line above, whose value ended on its line ('explanation: "..."', 'answer: [A, B]',
    'B: Network  # note'): YAML expects the next key in line with that key. Not a text
    that goes on below its closing quote: that line is no key ('is it?')."""
    line = text.parse(row)
    owner_row = text.row_above(row)
    if owner_row is None or line.key_column != column or not is_key_name(line.key):
        return None
    owner = text.parse(owner_row)
    if owner.key is None or owner.key_column >= column or owner.value[:1] in ("", *"|>&!#"):
        return None
    return option_as_text(text, owner_row, str(line.key)) or key_too_deep(
        text, owner_row, row, reads_on=False
    )


def option_as_text(text: Text, owner_row: int, key: str) -> Explanation | None:
    """'text' or 'feedback' under an option written as text ('A: Amazon SageMaker')."""
    owner = text.parse(owner_row)
    if key not in ("text", "feedback") or not is_letter(owner.key) or not owner.value:
        return None
    example = pair("text", owner.value)
    return Explanation(
        text.index(owner_row, owner.value_column),
        f"option {owner.key} is written as text, so it cannot hold '{key}'",
        f"write '{owner.key}:' alone on its line, then under it, indented 2 more, "
        f"'{example}'{shortened(example, pair('text', owner.value, whole=True))} and "
        "'feedback: …'",
    )


def outnumbered(text: Text, owner_row: int, row: int, reads_on: bool) -> Explanation | None:
    """'A' written 4 spaces in under 'options:', 'B' to 'D' 6 spaces in: YAML reads 'B'
    as more text of 'A' (``reads_on``), yet three keys agree against one, and 'A' is the
    one to move. The keys of a kind (option letters, or the other keys) in line with the
    owner above the error are counted against those in line with the error's key: below
    it, and above the owner's under the same key ('C' moved out between 'A', 'B' and 'D');
    the fewer move, if they lie under a key that holds nothing (so they can go under it)."""
    owner, line = text.parse(owner_row), text.parse(row)
    letters = is_letter(owner.key)
    if letters != is_letter(line.key):
        return None
    above, opener = _siblings(text, owner_row, owner.key_column, letters, step=-1)
    below, _ = _siblings(text, row, line.key_column, letters, step=1)
    if opener is None or not above:
        return None
    before = _in_line(text, range(opener + 1, min(above)), line.key_column, letters)
    if len(before) + len(below) <= len(above):
        return None
    parent = text.parse(opener)
    if (
        parent.key is None
        or parent.value.split("#")[0].strip()
        or parent.key_column >= line.key_column
    ):
        return None
    moved, agreed = _names(text, above), _names(text, before + below)
    less = line.key_column - owner.key_column
    where = "around it" if before else "below"
    so = f", so YAML reads '{line.key}' as more text of '{owner.key}'" if reads_on else ""
    return Explanation(
        text.index(min(above), owner.key_column),
        f"{moved} {'is' if len(above) == 1 else 'are'} indented {spaces(less)} less than "
        f"{agreed} {where}{so}",
        f"indent {moved} {spaces(line.key_column)}, like {agreed}",
    )


def _siblings(
    text: Text, row: int, column: int, letters: bool, step: int
) -> tuple[list[int], int | None]:
    """The rows from ``row`` on (up or down by ``step``) whose keys, of one kind, stand at
    ``column``, over deeper lines, blank lines and comments; and the row that ends them."""
    rows: list[int] = []
    at = row
    while 0 <= at < len(text.lines):
        content = text.lines[at].strip()
        if content and not content.startswith("#"):
            line = text.parse(at)
            if line.indent < column or (line.indent == column and line.key_column != column):
                return rows, at
            if line.key_column == column:
                if line.key is None or is_letter(line.key) != letters:
                    return rows, at
                rows.append(at)
        at += step
    return rows, None


def _in_line(text: Text, rows: range, column: int, letters: bool) -> list[int]:
    """The rows among ``rows`` that start with a key of one kind at ``column``."""
    lines = [(row, text.parse(row)) for row in rows]
    return [
        row
        for row, line in lines
        if line.key is not None
        and line.indent == line.key_column == column
        and is_letter(line.key) == letters
    ]


def _names(text: Text, rows: list[int]) -> str:
    """'A', or 'B'-'D', or 'stem', 'options': the keys on ``rows``."""
    keys = [str(text.parse(row).key) for row in sorted(rows)]
    letters = all(map(is_letter, keys))
    run = "".join(chr(ord(keys[0]) + at) for at in range(len(keys))) if letters else ""
    if len(keys) > 1 and "".join(keys) == run:  # option letters in a row
        return f"'{keys[0]}'-'{keys[-1]}'"
    return ", ".join(f"'{key}'" for key in keys)
