"""A question (or key term) that lost its '- ': '-id: q2', with no space after the dash,
or 'id: q2' with no dash, where the items of ``questions:`` stand. YAML then reads the
line as a key, and its question's lines as more text of it; re-indenting it, as for a
key out of line, would merge it into the question above. Or its '-' came as a word
processor's dash or a bullet (an en dash, U+2013, for '- '), which YAML reads as text."""

from __future__ import annotations

import re

from exambank.diagnostics import LINT_FIX_DOES_THIS
from exambank.model import FIRST_KEYS, LIST_ITEMS
from exambank.syntax_hints.text import (
    BULLETS,
    DASH_LOOKALIKES,
    KEYS,
    LIST_KEYS,
    Explanation,
    Line,
    Text,
    pair,
    short,
    shortened,
)


def lost_dash(text: Text, row: int, next_item: int | None = None) -> Explanation | None:
    """The line at ``row`` as the start of a new item that lost its '- ', when it stands
    where the items of ``questions:`` or ``key_terms:`` stand and reads '-key: ...' (the
    space after the dash left out) or 'id: ...' / 'term: ...' (the dash left out);
    None for any other line. ``next_item``: the row of the next item's '- ', when the
    item's keys all stand at its first key's place (the dash goes in its indentation)."""
    line = text.parse(row)
    key = line.key
    if key is None or line.dash_columns or line.key_column != line.indent:
        return None
    if next_item is not None and text.parse(next_item).indent + 2 != line.indent:
        return None  # the dash would not line up with the next item's and its keys
    glued = key.startswith("-")
    name = key[1:] if glued else key
    if name not in KEYS:
        return None
    item, first = _list_item_at(text, row, line.indent)
    # Below an item, 'answer' at the items' place is more likely the item's own key, out
    # of line; the first thing in the list can only be an item.
    if item is None or not (glued or first or name in FIRST_KEYS):
        return None
    value = re.split(r"[ \t]+#", line.value, maxsplit=1)[0]  # without its note
    message = (
        f"'{key}' is read as a key: a new {item} starts with '- ', a dash and a space"
        if glued
        else f"'{key}' starts a new {item} without the '- ' that starts one"
    )
    place = "" if next_item is None else f", its dash in line with line {next_item + 1}'s"
    example = pair(name, value)
    return Explanation(
        text.index(row, line.indent),
        message,
        f"start the {item} with '- '{place}{shortened(example, pair(name, value, whole=True))}: "
        f"- {example}",
    )


def first_item_lost_dash(text: Text, list_row: int, next_item: int) -> Explanation | None:
    """The first item under ``questions:`` on ``list_row`` as one that lost its '- ' (as
    ``lost_dash``): its keys at one place, so YAML read them as a mapping, and the next
    item's '- ', on ``next_item``, as one where a key belongs."""
    written = (row for row in range(list_row + 1, next_item) if text.lines[row].strip())
    below = next((row for row in written if not text.lines[row].lstrip().startswith("#")), None)
    if below is None:
        return None
    return lost_dash(text, below, next_item)


def lookalike_dash(text: Text, row: int, expected_item: bool) -> Explanation | None:
    """The line at ``row`` as a list item whose '-' is a word processor's dash or a
    bullet (an en dash, U+2013, as Word's AutoFormat types '- '), when a space or a tab
    (as a pasted list has it) and the item follow it, and it stands where a list item
    belongs: libyaml expected one there (``expected_item``), or where the items of
    ``questions:`` or ``key_terms:`` stand. Nothing else in YAML starts a line so there:
    the fix is to type '- ' in place of the dash and the blank (``retype``). Markdown's
    '* ' and '+ ' (``BULLETS``), which do start something else, are taken for a '- '
    only where a list's items stand (``_bullet_item``), whatever libyaml expected."""
    written = text.lines[row]
    column = len(written) - len(written.lstrip(" "))
    dash, blank = written[column : column + 1], written[column + 1 : column + 2]
    rest = written[column + 2 :]
    if dash not in DASH_LOOKALIKES or blank not in (" ", "\t") or rest.strip()[:1] in ("", "#"):
        return None
    item, _ = _list_item_at(text, row, column)
    if dash in BULLETS:
        if not _bullet_item(text, row, column, dash):
            return None  # a text: '* text' one YAML refuses, '+ text' one it reads
    elif item is None and not expected_item:
        return None
    item_text = re.split(r"[ \t]+#", rest.strip(), maxsplit=1)[0]  # without its note
    shown = short(item_text)
    notes = ["shortened here"] * (shown != item_text)
    said = f" ({'; '.join(notes)})" if notes else ""
    fixed = f" ({'; '.join([*notes, LINT_FIX_DOES_THIS])})"
    in_place = "in its place" if blank == " " else "and a space in place of it and the tab"
    return Explanation(
        text.index(row, column),
        f"'{dash}' ({DASH_LOOKALIKES[dash]}) is not the '-' that starts a {item or 'list item'}",
        f"type an ordinary '-' {in_place}{said}: - {shown}",
        f"type an ordinary '-' {in_place}{fixed}: - {shown}",
        retype="- ",
    )


def item_over(text: Text, row: int) -> Explanation | None:
    """The list's first item on the nearest line above ``row`` that is less indented, when
    its '- ' came as a word processor's dash (``lookalike_dash``) or was lost (``lost_dash``)
    where the items of ``questions:`` or ``key_terms:`` stand. YAML reads that line as a key
    and its text, and the item's keys on ``row`` as more of that text, refused at their
    ': '; or, where a note or a closing quote ends the text ('id: q1  # note'), as keys
    deeper than that key, refused where the first of them starts."""
    indent = len(text.lines[row]) - len(text.lines[row].lstrip(" "))
    for above in range(row - 1, -1, -1):
        written = text.lines[above]
        content = written.lstrip(" ")
        if content.strip() and not content.startswith("#") and len(written) - len(content) < indent:
            return lookalike_dash(text, above, expected_item=False) or lost_dash(text, above)
    return None


def _list_item_at(text: Text, row: int, column: int) -> tuple[str | None, bool]:
    """What an item of the list is called ("question") when a line at ``column`` on
    ``row`` stands where that list's items stand (``list_key_at``; None anywhere else);
    and whether no item stands above it."""
    key, first = list_key_at(text, row, column) or ("", False)
    item = LIST_ITEMS.get(key)
    return (item[0] if item else None), first


def _bullet_item(text: Text, row: int, column: int, bullet: str) -> bool:
    """Whether the line at ``column`` on ``row``, which starts with Markdown's ``bullet``
    ('* ' or '+ '), is a list item: below an item of a list, or first in ``questions:``
    or ``key_terms:`` (whose item's keys below it YAML refuses), or, for '* ' (which
    starts an alias, never a text), first under any key whose value is a list
    ('exam_tips:', 'tags:'). There '+ first tip' is a text YAML reads, not a slip."""
    key, first = list_key_at(text, row, column) or ("", True)
    return not first or key in LIST_ITEMS or (bullet == "*" and key in LIST_KEYS)


def list_key_at(text: Text, row: int, column: int) -> tuple[str, bool] | None:
    """The key of the list (``questions``) whose items stand at ``column``, when the line
    on ``row`` stands there: only items ('- ', or a dash typed for it) of it, and the lines
    under them, between it and the list's key, which holds nothing on its line and is left
    of ``column`` or, for a list written at its key's place, at it (None anywhere else);
    and whether no item stands above it."""
    first = True
    for above in range(row - 1, -1, -1):
        content = text.lines[above].strip()
        if not content or content.startswith("#"):
            continue
        line = text.parse(above)
        if line.indent > column or (line.indent == column and _starts_item(line, content)):
            first = False  # the lines of an item above, or the item itself
            continue
        empty = not line.value.split("#", 1)[0].strip()
        if line.dash_columns or not empty:
            return None
        return line.key or "", first
    return None


def _starts_item(line: Line, content: str) -> bool:
    """Whether a line starts a list item: with '- ', or a dash or bullet typed for it."""
    mark = content[:1]
    return bool(line.dash_columns) or (
        mark in DASH_LOOKALIKES and (mark not in BULLETS or content[1:2] in (" ", "\t"))
    )
