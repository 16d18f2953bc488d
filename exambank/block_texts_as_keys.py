"""Lines of a block text ('explanation: >') written at its key's place or left of it, which
YAML reads all the same: a line holding ': ' is a key of the mapping it lines up with
('Mars looks red because of iron oxide: rust.' at the place of 'explanation'), and the
text ends above it, empty if it was the first. Where libyaml fails on such a line, the
syntax hints tell the slip (``syntax_hints.block_texts``); where it reads, the schema
would say "unknown key" and "explanation is blank", and neither names the slip. Told here
in the syntax hints' words, at the first such line, and not again by the schema or
``empty-text`` (``Source.block_text_keys``). Only a key that reads as text: words with a
space between them, none of the format's keys in another case or language, or misspelt
('correct answer' gets its did-you-mean).
"""

from __future__ import annotations

from dataclasses import dataclass

from exambank.source import JsonPath, Position, Source


@dataclass(frozen=True)
class BlockTextAsKeys:
    """Where the first of the lines is, what to tell, the paths of the keys the lines
    were read as, and the path of the block text above them."""

    position: Position
    message: str
    hint: str | None
    keys: tuple[JsonPath, ...]
    block: JsonPath


def block_texts_read_as_keys(source: Source, text: str) -> list[BlockTextAsKeys]:
    """Each block text in ``source`` (read from ``text``) whose lines YAML read as keys,
    as told at the first of them. Only a file with a key holding a space is looked at;
    not one with a line break libyaml counts and editors do not (its lines are not the
    author's)."""
    spaced = [path for path in source.keys if " " in str(path[-1])]  # a path ends in its key
    if not spaced or source.text_with_other_breaks is not None:
        return []
    # Only the rare file with such a key needs these.
    from exambank.schema_keys import closest_key
    from exambank.syntax_hints.block_texts import text_left_of_block
    from exambank.syntax_hints.text import KEYS, Text

    lines = Text(text)
    keys = sorted(KEYS)
    found: list[BlockTextAsKeys] = []
    told: set[JsonPath] = set()
    for path in sorted(spaced, key=lambda path: source.keys[path].index):
        key, mark = str(path[-1]), source.keys[path]
        if path in told or closest_key(key, keys) is not None:
            continue
        line = lines.lines[mark.line]
        if line[: mark.column].strip(" ") or not line.startswith(key, mark.column):
            continue  # not a plain key that starts its line
        slip = text_left_of_block(lines, mark.line, mark.line)
        if slip is None:
            continue
        indicator = (slip.header_row, lines.parse(slip.header_row).value_column)
        block = next(
            (at for at, value in source.values.items() if (value.line, value.column) == indicator),
            None,
        )
        if block is None:
            continue
        rows = set(slip.rows)
        read_as_keys = tuple(where for where, at in source.keys.items() if at.line in rows)
        told.update(read_as_keys)
        row, column = lines.row_column(slip.explanation.index)
        message, hint = slip.explanation.message, slip.explanation.hint
        found.append(BlockTextAsKeys((row + 1, column + 1), message, hint, read_as_keys, block))
    return found
