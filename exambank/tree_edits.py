"""Edit a round-trip tree in place without losing what the author wrote: the comment lines
and blank lines after an entry move with it, and a value is replaced by exactly the new one.
"""

from __future__ import annotations

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
    if ends_own_line(holder[index]):
        head, tail = "", token.value
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
