"""Edit a round-trip tree in place without losing what the author wrote: the comment lines
and blank lines after an entry move with it, a comment line in line with an entry goes to
that entry's new column, and a value is replaced by exactly the new one.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.compat import ordereddict
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken


def take_tail(container: CommentedMap | CommentedSeq, key: Any) -> str:
    """Remove and return the comment lines and blank lines that follow entry ``key``."""
    holder, index, slot = _tail_slot(container, key)
    token = holder.ca.items.get(index, [None] * 4)[slot]
    if token is None:
        return ""
    if ends_own_line(holder[index]):  # its first line is a line of its own, at its column
        indent = " " * token.column if token.value.startswith("#") else ""
        head, tail = "", indent + token.value
    else:
        head, _, tail = token.value.partition("\n")
        head += "\n"
    token.value = head
    if head in ("", "\n"):
        holder.ca.items[index][slot] = None
    return str(tail)


def give_tail(container: CommentedMap | CommentedSeq, key: Any, tail: str) -> None:
    """Put ``tail`` (from ``take_tail``) right after entry ``key``."""
    if not tail:
        return
    holder, index, slot = _tail_slot(container, key)
    entry = holder.ca.items.setdefault(index, [None] * 4)
    token = entry[slot]
    if token is not None:
        token.value += tail
        return
    head = "" if ends_own_line(holder[index]) else "\n"
    entry[slot] = CommentToken(head + tail, CommentMark(0))


def _tail_slot(container: CommentedMap | CommentedSeq, key: Any) -> tuple[Any, Any, int]:
    value = container[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and value and not value.fa.flow_style():
        last = next(reversed(value)) if isinstance(value, CommentedMap) else len(value) - 1
        return _tail_slot(value, last)
    return container, key, 2 if isinstance(container, CommentedMap) else 0


def replace_value(container: CommentedMap | CommentedSeq, key: Any, value: Any) -> None:
    """Set an entry to exactly ``value``: ruamel.yaml's own item assignment would keep the
    quoting of the value it replaces."""
    if isinstance(container, CommentedMap):
        ordereddict.__setitem__(container, key, value)
    else:
        list.__setitem__(container, key, value)


def ends_own_line(value: Any) -> bool:
    """Block scalars end with their own line break; other values share it with a comment."""
    return isinstance(value, (LiteralScalarString, FoldedScalarString))


def indent_comments(tree: CommentedMap | CommentedSeq, indent: int) -> None:
    """Move each comment line that stands in line with the entry below it (a key, or a list
    item's dash) to where that entry is written: ``indent`` further in per level of block
    mapping or list, from column 0. A comment line in line with none below but with an
    entry whose block it ends (the last option, above a question's next key) moves with
    that entry. Any other comment line keeps its column."""
    above: list[_Comments] = []
    ended: list[_Entry] = []  # the entry last read at each level, outermost first
    for found in [*_in_order(tree, 0, indent), None]:
        if isinstance(found, _Comments):
            above.append(found)
            continue
        depth = 0 if found is None else found.depth
        # A column two levels share (a list's dashes at its key's column) is the outer
        # level's: a note at the end of a question stays a note on the question.
        columns = {entry.read_at: entry.written_at for entry in reversed(ended[depth:])}
        if found is not None:
            columns[found.read_at] = found.written_at
            del ended[depth:]
            ended.append(found)
        moved = {read: written for read, written in columns.items() if read != written}
        for comments in above if moved else ():
            comments.move(moved)
        above.clear()


@dataclass(frozen=True)
class _Entry:
    """A key, or a list item's dash: the column it was read at, and the one it goes to."""

    read_at: int
    written_at: int
    depth: int  # how many block mappings and lists hold it


@dataclass(frozen=True)
class _Comments:
    """The comment lines a token holds. ``own_line``: its first line is a line of its own,
    at the token's column; otherwise that line is the rest of a value's line, and the
    other lines hold their own indentation."""

    token: CommentToken
    own_line: bool

    def move(self, columns: dict[int, int]) -> None:
        """Move each line that starts at a column in ``columns`` to the column it gives.
        A first line of its own starts at the token's column, plus the spaces it holds
        (a tail moved with its key, ``give_tail``, holds them and is at column 0)."""
        lines = self.token.value.split("\n")
        first = 0 if self.own_line else 1
        for number, line in enumerate(lines[first:], start=first):
            text = line.lstrip(" ")
            column = len(line) - len(text) + (self.token.column if number == 0 else 0)
            if text.startswith("#") and column in columns:
                lines[number] = " " * columns[column] + text
                if number == 0 and self.token.column:  # now indented in the text
                    mark = copy.copy(self.token.start_mark)  # the scanner may share a mark
                    mark.column = 0
                    self.token.start_mark = mark
        self.token.value = "\n".join(lines)


def _in_order(node: Any, column: int, indent: int, depth: int = 0) -> Iterator[_Entry | _Comments]:
    """The entries of a block mapping or list whose entries go to ``column``, and the
    comments between them, as they follow each other in the file."""
    if not _is_block(node):
        return
    is_mapping = isinstance(node, CommentedMap)
    # the file's first comment lines, or those above a first entry (its key holds them too)
    yield from _held(node.ca.comment, 1, own_line=True)
    for key, value in node.items() if is_mapping else enumerate(node):
        slots = node.ca.items.get(key)
        yield from _held(slots, 1, own_line=True)  # after a value in [...] or {...}
        yield _Entry(node.lc.key(key)[1] if is_mapping else node.lc.col, column, depth)
        yield from _held(slots, 2 if is_mapping else 0, own_line=ends_own_line(value))
        yield from _in_order(value, column + indent, indent, depth + 1)


def _held(slots: list[Any] | None, index: int, own_line: bool) -> Iterator[_Comments]:
    """The comments at ``index`` of ``slots`` (a ``ca`` entry of ruamel.yaml): a token
    that starts on a line of its own if ``own_line``, or a list of such tokens."""
    held = slots[index] if slots and index < len(slots) else None
    if isinstance(held, CommentToken):
        yield _Comments(held, own_line)
    elif isinstance(held, list):
        yield from (_Comments(token, True) for token in held if isinstance(token, CommentToken))


def _is_block(value: Any) -> bool:
    return isinstance(value, (CommentedMap, CommentedSeq)) and not value.fa.flow_style()


def comments_after_dashes(tree: Any, text: str) -> None:
    """Give each comment written after a bare list dash (``- # note``, the item on the
    lines below) the dash's column, as if written on a line of its own above the item:
    there it is written, and moves with the dash (not to column 0, nor out of line)."""
    lines = text.split("\n")
    for node in _block_lists(tree):
        for slots in node.ca.items.values():
            held = slots[1] if len(slots) > 1 else None
            for token in held if isinstance(held, list) else ():
                mark = getattr(token, "start_mark", None)
                if not isinstance(token, CommentToken) or mark is None:
                    continue
                before = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
                if before.strip() and not before.strip(" -"):
                    moved = copy.copy(mark)  # the scanner may share a mark
                    moved.column = len(before) - len(before.lstrip(" "))
                    token.start_mark = moved


def _block_lists(node: Any) -> Iterator[CommentedSeq]:
    if isinstance(node, (CommentedMap, CommentedSeq)):
        if isinstance(node, CommentedSeq) and not node.fa.flow_style():
            yield node
        for value in node.values() if isinstance(node, CommentedMap) else node:
            yield from _block_lists(value)
