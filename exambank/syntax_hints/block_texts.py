"""A block text ('explanation: >', 'C: |-', '- >') whose lines are not indented under its key;
or the text of a key left empty on its line ('explanation:'), written on the lines below.

After '|' or '>', YAML takes as the text only the lines indented more than the key (or
the list item's '-'). A line at the key's place, or left of it, ends the text there (an
empty one, if it is the first) and is read as a key of the mapping it lines up with: one
with no ':' ("while scanning a simple key could not find expected ':'"), or one whose
': ' is the text's ("mapping values are not allowed here"). The slip is that line: it is
reported where it starts, naming the block's line, and the hint shows it indented, where
the file so mended reads past the lines libyaml refused. Where libyaml reads such a line
holding ': ' as a key, the same words tell it (``exambank.block_texts_as_keys``).

YAML takes a block text's indentation from its first line: a first line pasted with extra
spaces makes the next, less indented line end the text, and libyaml fails there
("did not find expected key"). That line is told, with the ways to mend it
(``first_line_deeper``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exambank.syntax_hints.indents import open_entries
from exambank.syntax_hints.text import (
    DASH_LOOKALIKES,
    PROSE_KEYS,
    Explanation,
    Line,
    Text,
    beside,
    is_key_name,
    is_letter,
    reads_past,
    short,
    shortened,
    spaces,
)

_HEADER = re.compile(r"[|>][-+0-9]*(?:[ \t]+#.*)?")  # '>', '|-', '>+', '|2', then a note
_SHOWN = 3  # a hint shows the first lines of the text, mended
_BULLET = f"[{re.escape(''.join(DASH_LOOKALIKES))}][ \t]"


@dataclass(frozen=True)
class LeftOfBlock:
    """Lines of a block text written at its key's place or left of it: the row of the
    block's key ('explanation: >', '- |'), the rows of those lines, and what to tell."""

    header_row: int
    rows: tuple[int, ...]
    explanation: Explanation


def unindented_block_text(text: Text, problem: int, context: int) -> Explanation | None:
    """The first line of a block text written at its key's place or left of it, where
    libyaml noticed it: on the line it started a key at (``context``), the line it failed
    on (``problem``), or the line above that one (the ': ' of the text ended that key)."""
    problem_row = text.row_column(problem)[0]
    rows = {text.row_column(context)[0], problem_row, text.row_above(problem_row)}
    for row in sorted(row for row in rows if row is not None):
        found = text_left_of_block(text, row, problem_row)
        if found is not None:
            return found.explanation
    return None


def text_left_of_block(text: Text, row: int, problem_row: int) -> LeftOfBlock | None:
    """``row`` as the first line of the block text above it that is not indented under
    its key; None if it is no such line, or indenting the text does not make the file
    read past ``problem_row`` (where libyaml failed; ``row`` itself in a file it reads)."""
    line = text.parse(row)
    header_row = _header_above(text, row)
    if header_row is None or not _may_be_text(text, row, line):
        return None
    header = text.parse(header_row)
    owner = header.key_column if header.key else header.dash_columns[-1]
    if line.indent > owner:
        return None  # indented enough: the text's own
    written = [above for above in range(header_row + 1, row) if text.lines[above].strip()]
    if any(text.parse(above).indent <= owner for above in written):
        return None  # an earlier line is the one not indented
    target = text.parse(written[0]).indent if written else owner + 2
    rows = _text_rows(text, row, owner)
    mended = list(text.lines)
    for at in rows:
        mended[at] = " " * (target - line.indent) + mended[at]
    if not reads_past("\n".join(mended), max(rows[-1], problem_row)):
        return None
    named = f"'{header.key}'" if header.key else "its '-'"
    indicator = header.value.split()[0] if header.value else ""
    shown = ", ".join([_shown(mended[at]) for at in rows[:_SHOWN]] + ["…"] * (len(rows) > _SHOWN))
    whole = ", ".join(f"'{mended[at]}'" for at in rows)
    like = f"like line {written[0] + 1}" if written else f"2 more than {named}"
    which = f"lines {row + 1}-{rows[-1] + 1}" if rows[1:] else "the line"
    return LeftOfBlock(
        header_row,
        tuple(rows),
        Explanation(
            text.index(row, line.indent),
            f"the text under '{header.lead}{indicator}' (line {header_row + 1}) must be "
            f"indented more than {named}",
            f"indent {which} {spaces(target)}, {like}{shortened(shown, whole)}: write {shown}",
        ),
    )


def _shown(line: str) -> str:
    """A mended line as a hint shows it: its indentation, and its first words."""
    content = line.lstrip(" ")
    return f"'{line[: len(line) - len(content)]}{short(content)}'"


def _may_be_text(text: Text, row: int, line: Line) -> bool:
    """Whether ``row`` may be a line of text: no comment, list item or document marker,
    no key of the format, and no word that is a key beside one open where it starts (a
    key whose ':' is missing)."""
    content = text.lines[row][line.indent :]
    if not content or content.startswith(("#", "- ", "-\t", "---", "...")) or content == "-":
        return False
    if is_key_name(line.key) or re.match(_BULLET, content):
        return False  # a key of the format, or an item whose '-' was typed as a bullet
    word = re.match(r"[\w-]+", content)
    if word is None:
        return True
    return not any(
        column == line.indent and _key_beside(word[0], name)
        for column, name, _ in open_entries(text, row)
    )


def _key_beside(word: str, name: str) -> bool:
    """Whether ``word`` is a key beside the key ``name``: an option's letter only where it
    follows ``name``'s ('C' under 'B'); 'A tuple is ...' under 'B: >' is text."""
    if is_letter(word) and is_letter(name):
        return ord(word) == ord(name) + 1
    return beside(word, name)


def _header_above(text: Text, row: int) -> int | None:
    """The row of the block text's key ('explanation: >', '- |') above ``row``, with only
    lines deeper than ``row`` between them (the text's lines that are indented)."""
    indent = text.parse(row).indent
    above = text.row_above(row)
    while above is not None:
        line = text.parse(above)
        if _HEADER.fullmatch(line.value) and (line.key or line.dash_columns):
            return above
        if not line.value and (line.key in PROSE_KEYS or is_letter(line.key)):
            return above  # 'explanation:' with its text on the line below, not indented
        if line.indent <= indent:
            return None
        above = text.row_above(above)
    return None


def _text_rows(text: Text, row: int, owner: int) -> list[int]:
    """``row`` and the lines right under it that go on with its text: no deeper than
    ``owner`` (the key's or the '-''s column), and no key or list item."""
    rows = [row]
    indent = text.parse(row).indent
    for below in range(row + 1, len(text.lines)):
        line = text.parse(below)
        if not indent <= line.indent <= owner or not _may_be_text(text, below, line):
            break
        rows.append(below)
    return rows


def first_line_deeper(text: Text, problem: int, context: int) -> Explanation | None:
    """A line of a block text indented less than its first line, but more than its key
    (a text pasted with extra spaces on its first line): YAML takes the text's
    indentation from its first line, ends the text above the line, and reads the line
    as the next key, where libyaml fails (``problem``, at the line's start)."""
    row, column = text.row_column(problem)
    line = text.parse(row)
    if column != line.indent or not text.lines[row].strip():
        return None
    first = text.row_above(row)
    while first is not None and text.parse(first).indent > line.indent:
        above = text.row_above(first)
        if above is None or text.parse(above).indent <= line.indent:
            break
        first = above
    header_row = None if first is None else text.row_above(first)
    if first is None or header_row is None or text.parse(first).indent <= line.indent:
        return None
    header = text.parse(header_row)
    indicator = re.match(r"[|>][-+]?(?=[ \t#]|$)", header.value)
    if indicator is None or not _HEADER.fullmatch(header.value):
        return None  # no block text, or one whose indentation is given ('|2')
    owner = header.key_column if header.key else (header.dash_columns or [-1])[-1]
    if not owner < line.indent <= owner + 9:
        return None
    rows = [row]
    for below in range(row + 1, len(text.lines)):
        if text.lines[below].strip():
            if text.parse(below).indent <= owner:
                break
            rows.append(below)
    depth = text.parse(first).indent
    mended = list(text.lines)
    for at in rows:
        mended[at] = " " * (depth - line.indent) + mended[at]
    if not reads_past("\n".join(mended), rows[-1]):
        return None
    lines = f"lines {row + 1}-{rows[-1] + 1}" if rows[1:] else f"line {row + 1}"
    extra = depth - line.indent
    extra_spaces = "the extra space" if extra == 1 else f"the {extra} extra spaces"
    hint = (
        f"YAML takes a block text's indentation from its first line: indent {lines} "
        f"{spaces(depth)}, like line {first + 1}, or take {extra_spaces} off line {first + 1}"
    )
    number = f"{indicator[0][0]}{line.indent - owner}{indicator[0][1:]}"
    given = text.lines[header_row][: header.value_column] + number
    indicated = [*text.lines[:header_row], given, *text.lines[header_row + 1 :]]
    if reads_past("\n".join(indicated), rows[-1]):
        hint += f"; to keep them as text, write '{header.lead}{number}'"
    return Explanation(
        problem,
        f"line {row + 1} is indented less than line {first + 1}, the first line of the text "
        f"under '{header.lead}{indicator[0]}' (line {header_row + 1}): the text ends above it",
        hint,
    )
