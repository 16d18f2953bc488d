"""Two list items read as one: a new question (or key term) whose '- ' was left out, or
lost its space ('-id: q2'), read as more keys of the item above.

It is told once, at the new item's first key, and every key after that one is dropped:
merged into the item above, a 'type' or 'tags' that item lacks would be checked as its
own and give a second, misleading finding. A question whose 'stem' repeats may be two
questions under one '- id:' line (both sides of a merge kept): that repeat, and the keys
repeating after it, say so rather than "keep one of them", which would lose a question.
"""

from __future__ import annotations

from itertools import repeat
from typing import Any

from exambank.model import FIRST_KEYS, LIST_ITEMS
from exambank.schema_words import describe
from exambank.source import JsonPath, Source

FIRST_KEYS_OF = {name: first for name, (_, first) in LIST_ITEMS.items()}  # "questions": "id"
# The key an item of each list starts with after a dash that lost its space: a new item
# read as a key of the item above (the schema's finding for that key says so: schema_keys).
_GLUED_FIRST_KEYS = {name: f"-{first}" for name, first in FIRST_KEYS_OF.items()}


def lost_dash(parent: JsonPath, key: str, first_line: int) -> tuple[str, str] | None:
    """The finding (message, hint) for ``key`` repeating in the list item at ``parent``
    when it is the key an item starts with: most often a '- ' left out, two items read as
    one. None for any other repeat."""
    # in a list's item, or in the list's key itself, where the first item lost its dash
    # too and the items under it read as one mapping
    in_item = bool(parent) and isinstance(parent[-1], int)
    if key not in FIRST_KEYS or not (in_item or (len(parent) == 1 and parent[0] in LIST_ITEMS)):
        return None
    item = LIST_ITEMS.get(str(parent[0]), ("item", key))[0]
    return (
        f"key '{key}' repeats in one {item} (first at line {first_line}): without a "
        f"'- ' before it, a new {item} runs into the one above",
        f"start the new {item} with '- ' as the others start; else keep one '{key}'",
    )


def in_question(parent: JsonPath) -> bool:
    """Whether ``parent`` is a question: an item of a section's ``questions``."""
    return len(parent) == 2 and parent[0] == "questions" and isinstance(parent[1], int)


def second_stem(first_line: int) -> tuple[str, str]:
    """The finding (message, hint) for a question's 'stem' that repeats: most often two
    questions under one '- id:' line, as a merge leaves them where two authors each added
    the next question under the same id and both sides were kept ("Accept Both")."""
    return (
        f"key 'stem' repeats in one question (first at line {first_line}): it may start a "
        "second question whose '- id:' line is missing",
        "two questions (both sides of a merge kept)? start the second with its own "
        "'- id:' line and a new id, and give it its own options, answer and explanation; "
        "else keep one 'stem': YAML readers silently drop one",
    )


def repeated_key(key: str, first_line: int, second_stem_line: int | None) -> tuple[str, str]:
    """The finding (message, hint) for ``key`` repeating in a mapping, where it is not an
    item's first key; ``second_stem_line``: where a 'stem' repeats in the same question,
    above it, whose second question this key may belong to."""
    message = f"key '{key}' repeats (first at line {first_line})"
    if second_stem_line is None:
        return message, "keep one of them; YAML readers silently drop one"
    return (
        f"{message}, in the question whose 'stem' repeats at line {second_stem_line}",
        f"if that stem starts a second question, this '{key}' may be that question's: "
        "move it there; else keep one of them",
    )


def glued_hint(item: str, written: str) -> str:
    """How to start the new ``item`` ("question") whose '- ' lost its space, where its
    first key and value are ``written`` ("id: q2")."""
    return (
        f"a new {item} starts with '- ': write '- {written}' in line with the other {item}s' dashes"
    )


def glued_again(source: Source, path: JsonPath, key: str, text: str, at: Any) -> tuple[str, str]:
    """The finding (message, hint) for a second new item glued onto the item at ``path``
    by ``key`` ('-id') at the mark ``at``: the schema's finding for the first one, as the
    rest of the item is dropped unread after that."""
    line_end = text.find("\n", at.index)
    written = text[at.index + 1 : len(text) if line_end == -1 else line_end]
    item = LIST_ITEMS[str(path[0])][0]
    hint = glued_hint(item, written.split(" #", 1)[0].strip())
    return f"unknown key '{key}' in {describe(source, path)}", hint


def glued_keys(data: Any) -> list[JsonPath]:
    """Where, in a section file's ``data``, a question holds '-id' (a key term '-term')
    after other keys: a new item whose '- ' lost its space, glued onto the one above.

    Reading looks for these once the file is read, over its items rather than at each
    of its keys, and at C speed: most files hold none."""
    if type(data) is not dict:
        return []
    found: list[JsonPath] = []
    for name, glued in _GLUED_FIRST_KEYS.items():
        items = data.get(name)
        if type(items) is not list:
            continue
        try:
            if not any(map(dict.__contains__, items, repeat(glued))):
                continue
        except TypeError:  # an item that is no mapping (the schema reports it): look at each
            pass
        found += [
            (name, index, glued)
            for index, item in enumerate(items)
            if type(item) is dict and glued in item and next(iter(item)) != glued
        ]
    return found
