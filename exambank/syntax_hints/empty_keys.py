"""A key left out before its ':' (': Mars' among the options, ': Section two' at the top, a
file whose first line is a lone ':').

Block YAML has no key without a name: libyaml reads ': ' at a key's place as a value with
no key ("while parsing a block mapping did not find expected key"), and ':Mars' as a key
of its own whose ':' is missing. The slip is the ':' there. An option's letter is told
from the letters around it ('B' between 'A' and 'C'), and another key from the keys beside
it where they make one part of the format that lacks one key it must hold (a question with
no 'answer'); else the hint asks for the key's name.
"""

from __future__ import annotations

import re

from exambank import model
from exambank.syntax_hints.text import Explanation, Text, is_letter, write_pair

_LEFT_OUT = re.compile(r":(?=[ \t]|$)[ \t]*(?P<value>.*)|:(?P<glued>[^ \t:].*)")


def key_left_out(text: Text, problem: int, context: int) -> Explanation | None:
    """The ':' at ``problem`` (libyaml's mark at a key's place) that starts its line's
    content, after its indentation or a list item's '- '."""
    row, column = text.row_column(problem)
    return missing_key(text, row, column)


def missing_key(text: Text, row: int, column: int) -> Explanation | None:
    """A ':' with no key before it, at ``column`` of ``row``, where a key starts."""
    line = text.parse(row)
    left_out = _LEFT_OUT.match(text.lines[row], column)
    if left_out is None or column != line.key_column:
        return None
    value = (left_out["value"] if left_out["glued"] is None else left_out["glued"]).rstrip()
    # a list item's first key ('- : q3'): the keys above are another item's
    above = [] if line.dash_columns else _keys_beside(text, column, range(row - 1, -1, -1), True)
    below = _keys_beside(text, column, range(row + 1, len(text.lines)), False)
    letter = _letter_between(above, below)
    if letter is not None:
        return Explanation(
            text.index(row, column),
            "the option's letter is missing before ':'",
            write_pair(letter, value, "write the letter:"),
        )
    if lacked := _required_left_out(above + below):
        part, name = lacked
        hint = f"this {part} has no '{name}': {write_pair(name, value)}"
    else:
        hint = write_pair("<key>", value, "write the key's name before the ':':")
    return Explanation(text.index(row, column), "a key is missing before ':'", hint)


def _letter_between(above: list[str], below: list[str]) -> str | None:
    """The option letter that belongs between the keys ``above`` and ``below`` (nearest
    first): the one after the letter above ('B' under 'A'), or before the one below ('A'
    over 'B'), where every key beside it is an option letter and that one is not."""
    keys = above + below
    if not keys or not all(map(is_letter, keys)):
        return None
    letter = chr(ord(above[0]) + 1) if above else chr(ord(below[0]) - 1)
    if letter in keys or not is_letter(letter):
        return None
    if above and below and ord(below[0]) != ord(letter) + 1:
        return None  # 'A', then ': x', then 'D': B or C
    return letter


# The parts of the format a mapping may be, as the hint names them
_PARTS: dict[type[model.Strict], str] = {
    model.Manifest: "bank",
    model.Section: "section",
    model.Question: "question",
    model.Option: "option",
    model.KeyTerm: "key term",
}


def _required_left_out(keys: list[str]) -> tuple[str, str] | None:
    """The part of the format that holds ``keys`` (a question, a section ...), and the one
    key it must hold that it lacks, where the keys tell both; None otherwise."""
    named = set(keys)
    guesses: set[tuple[str, tuple[str, ...]]] = set()
    for schema, part in _PARTS.items():
        fields = schema.model_fields
        if "" not in named and named <= fields.keys():
            required = (name for name, field in fields.items() if field.is_required())
            guesses.add((part, tuple(name for name in required if name not in named)))
    if len(guesses) != 1:
        return None
    [(part, lacked)] = guesses
    return (part, lacked[0]) if len(lacked) == 1 else None


def _keys_beside(text: Text, column: int, rows: range, upward: bool) -> list[str]:
    """The keys at ``column`` on ``rows`` (up or down from a row), nearest first, to the
    end of their mapping: "" for a line there that holds no key; going up, a list item's
    first key ('- id: q1') is the mapping's first."""
    keys: list[str] = []
    for at in rows:
        content = text.lines[at].strip()
        if not content or content.startswith("#"):
            continue
        line = text.parse(at)
        if line.dash_columns and line.indent == column:
            continue  # an item of a key's list, written at the key's place ('answer:', '- C')
        if line.dash_columns:  # a list item: the mapping's first key, or the next item's
            if upward and line.key_column == column:
                keys.append(line.key or "")
            break
        if line.indent < column:
            break
        if line.indent == column:
            keys.append(line.key or "")
    return keys
