"""Mistakes in where a line starts: an odd space or a tab in the indentation, a key or
list item that lines up with nothing above it, more lines of a text at its key's place."""

from __future__ import annotations

import re

from exambank.statement_lines import STATEMENT
from exambank.syntax_hints.items import first_item_lost_dash, lookalike_dash, lost_dash
from exambank.syntax_hints.text import (
    BESIDE,
    KEYS,
    PROSE_KEYS,
    Explanation,
    Line,
    Text,
    beside,
    next_option,
    refused_start,
    short,
    shortened,
    space_words,
    spaces,
)


def odd_space_in_indentation(text: Text, problem: int) -> Explanation | None:
    """A no-break space (or the like) in the indentation of the error's line or the one
    above: it looks like a space, and YAML reads it as text."""
    row, _ = text.row_column(problem)
    for checked in (row, text.row_above(row)):
        line = "" if checked is None else text.lines[checked]
        blank = len(line) - len(line.lstrip())
        odd = next((at for at in range(blank) if line[at] not in " \t"), None)
        if checked is not None and odd is not None and line[blank:]:
            return Explanation(
                text.index(checked, odd),
                f"the indentation holds {space_words(line[odd])}, which YAML reads as text",
                "replace it with an ordinary space",
            )
    return None


def misaligned(text: Text, row: int, column: int) -> Explanation | None:
    """A key or list item at the start of its line that lines up with none above it."""
    line = text.parse(row)
    is_item = bool(line.dash_columns) and line.dash_columns[0] == column
    if not is_item and (line.key is None or line.key_column != column):
        return None
    if not is_item and (lost := lost_dash(text, row)):
        return lost  # "  id: q2" among the items: indenting it would merge the two
    entries = open_entries(text, row)
    peers = [entry for entry in entries if (entry[1] == "-") == is_item]
    deeper = [entry for entry in peers if entry[0] > column]
    keys = [entry for entry in entries if entry[1] != "-" and entry[0] == column]
    if is_item and not keys and not deeper and entries and entries[0][0] < column:
        _, _, list_row = max(entry for entry in entries if entry[0] < column)
        if lost := first_item_lost_dash(text, list_row, row):
            return lost  # "questions:", "    id: q1" and its keys, then "  - id: q2"
    if is_item and keys and not deeper:  # "- B: ..." among options A:, C: ...
        _, name, key_row = keys[-1]
        if lost := first_item_lost_dash(text, key_row, row):
            return lost  # "questions:", "  id: q1" and its keys, then "- id: q2"
        after_dash = text.lines[row][column + 2 :].strip()
        return Explanation(
            text.index(row, column),
            f"a list item ('- ') where a key belongs, in line with '{name}' on line {key_row + 1}",
            f"remove the '- '{shortened(short(after_dash), after_dash)}: '{short(after_dash)}'",
        )
    if not deeper or any(entry[0] == column for entry in peers):
        return None
    target_column, name, target_row = min(deeper)
    indented = f"indented {spaces(column)}" if column else "not indented"
    if is_item:
        return Explanation(
            text.index(row, column),
            f"this list item is {indented}, in line with no item above it",
            f"indent the item, with every line under it, {spaces(target_column)}, like the "
            f"item on line {target_row + 1}",
        )
    return Explanation(
        text.index(row, column),
        f"'{line.key}' is {indented}, in line with no key above it",
        f"indent it {spaces(target_column)}, like '{name}' on line {target_row + 1}",
    )


def open_entries(text: Text, row: int) -> list[tuple[int, str, int]]:
    """The keys and list items (name '-') still open at ``row``: (column, name, row)."""
    entries: list[tuple[int, str, int]] = []
    block_text_under: int | None = None  # inside a '|' or '>' text: lines deeper than this
    for above in range(row):
        content = text.lines[above].strip()
        if not content or content.startswith("#"):
            continue
        line = text.parse(above)
        if block_text_under is not None and line.indent > block_text_under:
            continue
        block_text_under = None
        here = [(dash, "-", above) for dash in line.dash_columns]
        if line.key:
            here.append((line.key_column, line.key, above))
            if line.value[:1] in ("|", ">"):
                block_text_under = line.key_column
        if here:
            entries = [entry for entry in entries if entry[0] < line.indent] + here
    return entries


def not_an_item(text: Text, problem: int, context: int) -> Explanation | None:
    row, column = text.row_column(problem)
    if column == len(text.lines[row]) - len(text.lines[row].lstrip(" ")):
        dash = lookalike_dash(text, row, expected_item=True)  # a dash typed for "- "
        if dash is not None:
            return dash
    line = text.parse(row)
    after_value = line.key is None and line.dash_columns and line.value_column < column
    if after_value and line.value[:1] in ("[", "{", "*", "&"):  # '- [A, C] apply': more text
        return refused_start(text.index(row, line.value_column), line.lead, line.value)
    return misaligned(text, row, column)


TAB = "a tab where YAML expects a space"
_RUNS = 4  # runs of lines that start with a tab named: 'lines 3-9, 12-20, ...'


def tab(text: Text, problem: int, context: int) -> Explanation | None:
    row, column = text.row_column(problem)
    if not text.lines[row].strip():  # an empty-looking line
        return Explanation(
            problem, "a tab on a line that is otherwise empty", "delete the tab, or the line"
        )
    return Explanation(problem, TAB, _tab_hint(text, row, column))


def every_tab(text: str, message: str, hint: str | None) -> tuple[str, str | None]:
    """A tab's finding (``message``, ``hint``), said with how many lines of ``text`` start
    with a tab, where more than one does: YAML stops at a file's first one (and lint at
    each question's), and an editor set to indent with tabs wrote them all."""
    rows = [row + 1 for row, line in enumerate(Text(text).lines) if line.startswith("\t")]
    if len(rows) < 2:
        return message, hint
    return (
        f"{message}; {len(rows)} lines of this file start with a tab ({_line_runs(rows)})",
        f"{hint}; to mend them all at once, have your editor convert the file's indentation "
        "to spaces, and set it to indent with spaces",
    )


def _line_runs(lines: list[int]) -> str:
    """'lines 75-85, 90 and 3 more runs': ``lines`` (ascending) as runs of neighbours,
    the first few named."""
    runs: list[list[int]] = []
    for line in lines:
        if runs and runs[-1][-1] == line - 1:
            runs[-1].append(line)
        else:
            runs.append([line])
    named = [f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs[:_RUNS]]
    more = f" and {len(runs) - _RUNS} more runs" if len(runs) > _RUNS else ""
    return f"lines {', '.join(named)}{more}"


def _tab_hint(text: Text, row: int, column: int) -> str:
    """How far to indent a line whose indentation holds a tab, at ``column``: an editor
    shows a tab at any width, so the author cannot count it. Said where the line's key
    has a sibling open above it ('B' under 'A', 'answer' under 'options') or the line is
    the next item of a list, and no key that holds nothing lies between (the line may
    belong under that key, at a depth only the author knows)."""
    written = text.lines[row]
    content = written.lstrip(" \t")
    blank = written[: len(written) - len(content)]
    if column >= len(blank):
        return "indent with spaces, not tabs"  # "-\tid": a tab after the dash
    line = Line(content)
    is_item = bool(line.dash_columns)
    for target_column, name, target_row in reversed(open_entries(text, row)):
        if (name == "-") if is_item else beside(line.key, name):
            tabs = "the tab" if blank.count("\t") == 1 else "the tabs"
            what = "the item" if is_item else f"'{line.key}'"
            like = "the item" if is_item else f"'{name}'"
            return (
                f"replace {tabs} with spaces: indent {what} {spaces(target_column)}, like "
                f"{like} on line {target_row + 1}"
            )
        if name != "-" and not text.parse(target_row).value.split("#", 1)[0].strip():
            break  # a key that holds nothing: the line may go under it
    return "indent with spaces, not tabs"


_SHOWN = 40  # a hint shows about this much of each line of a text on several lines


def text_on_lines(text: Text, problem: int, context: int) -> Explanation | None:
    """A key's text on its line, then more lines of it at the key's own place, where YAML
    expects the next key: prose, or statements ("I.", "II -", "a)"), which were meant as
    lines of one text. Indenting them would make one line of them (YAML folds a plain
    text), and a ':' after "I" a key: a '|' block keeps the lines as written."""
    rows = {text.row_column(problem)[0], text.row_column(context)[0]}
    first = min(rows)
    owner_row = first if text.parse(first).key else text.row_above(first, keyed=True)
    if owner_row is None:
        return None
    owner = text.parse(owner_row)
    value = _one_line_text(owner.value)
    key = owner.key or ""
    if value is None or not (key in PROSE_KEYS or re.fullmatch("[A-Z]", key)):
        return None
    lines = _lines_at_key_place(text, owner_row, key, owner.key_column)
    if not lines or max(rows) > owner_row + len(lines) + 1:
        return None
    if next_option(key, lines[0]):
        return None  # the next option, "B) AWS Lambda", with ")" for ':'
    written = [value, *lines]
    shown = [short(line, _SHOWN) for line in written[:4]] + ["…"] * (len(lines) > 3)
    cut = "; shortened here" if shown != written else ""
    below = f"lines {owner_row + 2}-{owner_row + len(lines) + 1}" if lines[1:] else ""
    return Explanation(
        text.index(owner_row, owner.value_column),
        f"the text of '{owner.key}' goes on at its key's place, where YAML expects a key "
        f"({below or f'line {owner_row + 2}'})",
        f"text on several lines: write '{owner.key}: |' and indent its lines under it "
        f"({spaces(owner.key_column + 2)}{cut}): " + ", ".join(f"'{line}'" for line in shown),
    )


def _one_line_text(value: str) -> str | None:
    """A value as the line of a '|' block: a plain text without its note, or a text in
    quotes closed on its line without them (None for any other value)."""
    if not value or value[0] in "|>[{&*!%@`" or value[:2] in ("- ", "? "):
        return None
    if value[0] in "\"'":
        closed = len(value) > 1 and value[-1] == value[0] and "\\" not in value
        return value[1:-1].replace("''", "'") if closed else None
    return re.split(r"[ \t]+#", value, maxsplit=1)[0]


def _lines_at_key_place(text: Text, row: int, key: str, column: int) -> list[str]:
    """The lines right under ``row`` at ``column``, the place of its ``key``, that go on
    with its text: statements, and prose whose first word is no key beside ``key``."""
    found: list[str] = []
    for below in text.lines[row + 1 :]:
        line = Line(below)
        content = below[line.indent :]
        if line.indent != column or line.key or content.startswith(("#", "- ", "\t", ":")):
            break
        word = re.match(r"[\w-]+", content)
        next_letter = len(key) == 1 and word is not None and word[0] == chr(ord(key) + 1)
        known = word is not None and (word[0] in BESIDE.get(key, KEYS) or next_letter)
        if known and not STATEMENT.match(content):
            break  # "answer A", "B Anel": a key whose ':' is missing
        found.append(content.rstrip())
    return found
