"""The one layout ``exambank fmt`` gives every bank file.

- Keys in the order the model declares its fields (``exambank.model``), unknown keys
  after the known ones in the order written; option letters keep their order.
- Indentation: 2 spaces for mappings, list dashes indented by 2.
- Text with line breaks as a literal block (``|``); text that would run past column
  ``LINE_WIDTH`` as a folded block (``>-``) wrapped at that column; anything else on one
  line, quoted only where YAML needs it, in double quotes. A text with an escape slip
  (escape-in-text: "C:\\temp") stays in double quotes with its escapes, on one line.
- Lists written inline (``answer: [A, C]``) stay inline; blank lines and comments stay,
  a comment moving with the key below it, and to its new column if it stood in line with it;
  a comment indented deeper than the key below it moving with the entry above it.

Every block chosen here reads back as its text (printable text surely does; any other is
written and read back first): text a block cannot hold exactly stays on one line.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    ScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

from exambank.file_names import MANIFEST
from exambank.model import Manifest, Section
from exambank.rewrite import Rewrite, load, refuse_oversize
from exambank.round_trip import INDENT, Escaped, dump, keep_escapes
from exambank.tree_edits import ends_own_line, give_tail, indent_comments, replace_value, take_tail
from exambank.yaml11 import reads_otherwise_in_yaml11

LINE_WIDTH = 100


def format_file(path: Path, size_limit: int | None = None) -> Rewrite:
    """``path`` in the canonical layout (RewriteError if it cannot be read, or holds more
    than ``size_limit`` bytes)."""
    refuse_oversize(path, size_limit)
    loaded = load(path)
    if isinstance(loaded.tree, (CommentedMap, CommentedSeq)):  # not a lone scalar
        keep_escapes(loaded.tree, loaded.source)
        arrange(loaded.tree, Manifest if path.name == MANIFEST else Section)
        indent_comments(loaded.tree, INDENT)
        restyle(loaded.tree)
    new = dump(loaded.tree, loaded)
    return Rewrite(path, loaded.raw, new, loaded.source.data, loaded.source)


def arrange(node: Any, annotation: Any, item: tuple[CommentedSeq, int] | None = None) -> None:
    """Put the keys of every mapping the model describes in the model's order. ``item``:
    the list ``node`` is an item of, and its place in it."""
    origin = get_origin(annotation)
    if origin is dict and isinstance(node, CommentedMap):
        for value in node.values():
            arrange(value, get_args(annotation)[1])
    elif origin is list and isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            arrange(value, get_args(annotation)[0], (node, index))
    elif origin is not None:  # unions, Optional, Annotated, Literal: try each part
        for part in get_args(annotation):
            arrange(node, part, item)
    elif _is_model(annotation) and isinstance(node, CommentedMap):
        fields = annotation.model_fields
        for key, value in node.items():
            if key in fields:
                arrange(value, fields[key].annotation)
        _reorder(node, [key for key in fields if key in node], item)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _reorder(
    mapping: CommentedMap, known: list[str], item: tuple[CommentedSeq, int] | None
) -> None:
    keys = list(mapping)
    wanted = known + [key for key in keys if key not in known]
    if wanted == keys:
        return
    # A comment line indented deeper than the keys trails the entry above it (a note
    # under the last option, at the end of a question) and moves with that entry; the
    # other lines after an entry are about the key below, and move with that key.
    # (Columns as read: comments go to their written columns after this.)
    column = mapping.lc.key(keys[0])[1]
    trailing, above = {}, {}
    for key, below in zip(keys, [*keys[1:], None], strict=True):
        trailing[key], above[below] = _split_tail(take_tail(mapping, key), column)
    for key in wanted:
        mapping.move_to_end(key)
    # The new first key's comment goes above the mapping's first line: above the list
    # item's '- ', or the file's first key, after the file's first comments.
    _put_above(mapping, above.pop(wanted[0], ""), item)
    for key, below in itertools.pairwise(wanted):
        give_tail(mapping, key, trailing[key] + above.get(below, ""))
    give_tail(mapping, wanted[-1], trailing[wanted[-1]] + above[None])


def _put_above(mapping: CommentedMap, comments: str, item: tuple[CommentedSeq, int] | None) -> None:
    """Write ``comments`` (comment and blank lines, each with its indentation) above the
    first line of ``mapping``, after any comments there already: above the '-' of the
    list ``item`` it is, in line with that '-', as a comment written after a bare '-'."""
    if not comments:
        return
    content = comments.lstrip("\n")
    indent = len(content) - len(content.lstrip(" "))
    value = comments[: len(comments) - len(content)] + content[indent:]
    if item is None:
        holder, slot = mapping.ca.comment or [None, None], 1
        mapping.ca.comment = holder
    else:
        seq, index = item
        holder, slot = seq.ca.items.setdefault(index, [None] * 4), 1
        indent = seq.lc.col  # the '-' column as read: its comments move with it
    if holder[slot] is None:
        holder[slot] = []
    holder[slot].append(CommentToken(value, CommentMark(indent)))


def _split_tail(tail: str, column: int) -> tuple[str, str]:
    """``tail`` (from ``take_tail``) as the comment lines at its start indented deeper
    than ``column``, with the blank lines among and before them, and the rest."""
    lines = tail.splitlines(keepends=True)
    trailing = 0
    for at, line in enumerate(lines):
        text = line.lstrip(" ")
        if not text.strip():
            continue  # a blank line: the entry's if a deeper comment follows it
        if not text.startswith("#") or len(line) - len(text) <= column:
            break
        trailing = at + 1
    return "".join(lines[:trailing]), "".join(lines[trailing:])


def restyle(node: Any, column: int = 0) -> None:
    """Give every text value its canonical style. ``column`` is where the entries of
    ``node`` start: keys of a mapping, or what follows the dashes of a list."""
    in_block = not node.fa.flow_style()
    is_mapping = isinstance(node, CommentedMap)
    entries = list(node.items()) if is_mapping else list(enumerate(node))
    for key, value in entries:
        if isinstance(value, CommentedMap):
            restyle(value, column + 2 if is_mapping else column)
        elif isinstance(value, CommentedSeq):
            restyle(value, column + 4 if is_mapping else column + 2)
        elif isinstance(value, str):
            starts_at = column + len(str(key)) + 2 if is_mapping else column
            block_ok = in_block and not _has_line_comment(node, key)
            indent = column + 2 if is_mapping else column
            styled = _styled(value, starts_at, indent, block_ok, in_flow=not in_block)
            if ends_own_line(styled) == ends_own_line(value):
                replace_value(node, key, styled)
                continue
            tail = take_tail(node, key)
            replace_value(node, key, styled)
            give_tail(node, key, tail)


def _has_line_comment(node: CommentedMap | CommentedSeq, key: Any) -> bool:
    """A comment on the value's own line, which a block would push below the text. (After
    a block, the comment that follows is on a line of its own: the block ended its line.)"""
    if ends_own_line(node[key]):
        return False
    entry = node.ca.items.get(key)
    token = entry[2 if isinstance(node, CommentedMap) else 0] if entry else None
    return token is not None and token.value.lstrip(" ").startswith("#")


def _styled(value: str, starts_at: int, indent: int, block_ok: bool, in_flow: bool) -> str:
    """``starts_at``: the column the text starts at on one line; ``indent``: in a block;
    ``in_flow``: inside [...] or {...}."""
    if getattr(value, "comment", None) or isinstance(value, Escaped):
        return value  # a comment after '|' or '>', or an escape slip: leave it all be
    text = str(value)
    body = text.rstrip("\n")  # a block's final line breaks are its chomping indicator
    if block_ok and "\n" in body and isinstance(value, FoldedScalarString):
        return value  # paragraphs the author folded stay as wrapped
    if block_ok:
        block: ScalarString | None = None
        if "\n" in body:
            block = LiteralScalarString(text)
        elif _too_long(body, starts_at) and body == body.strip() and body.isprintable():
            folded = FoldedScalarString(text)
            folded.fold_pos = _fold_positions(body, LINE_WIDTH - indent)
            block = folded
        elif "\n" in text:
            block = LiteralScalarString(text)
        if block is not None and _reads_back(block):
            return block
    quoted = isinstance(value, (SingleQuotedScalarString, DoubleQuotedScalarString))
    # "yes" and "4:1" must stay quoted to be text for every reader; and inside [...] or
    # {...} libyaml refuses a plain "1:60" or "Why not?" that ruamel.yaml would write.
    if quoted and (
        reads_otherwise_in_yaml11(text) or (in_flow and not _FLOW_AWKWARD.isdisjoint(text))
    ):
        return _quoted(text)
    return text  # plain, or quoted by the emitter where YAML needs it


# Characters that make a plain scalar ambiguous inside [...] or {...} to one reader or
# another (YAML 1.1's libyaml is stricter there than ruamel.yaml's emitter assumes).
_FLOW_AWKWARD = frozenset(":?,[]{}#")


def _quoted(text: str) -> str:
    """``text`` in double quotes, or in single quotes if it holds a double quote and no
    single one (as the emitter would choose)."""
    single = '"' in text and "'" not in text
    quoted: str = (SingleQuotedScalarString if single else DoubleQuotedScalarString)(text)
    return quoted


_ITEM = dump(["x"]).removesuffix("x\n")  # what starts a list item as dump writes it


def _too_long(text: str, starts_at: int) -> bool:
    """Whether ``text`` on one line, quoted if it must be, runs past ``LINE_WIDTH``.
    Columns are characters (code points), as lint's positions count them."""
    if starts_at + len(text) + 2 <= LINE_WIDTH:  # even with quotes it fits
        return False
    if starts_at + len(text) > LINE_WIDTH:  # quotes and escapes only add to it
        return True
    written = dump([text]).removeprefix(_ITEM).removesuffix("\n")
    return starts_at + len(written) > LINE_WIDTH


# Where a fold may not be, besides next to another space (a fold there would not read back
# as one space): before a mark no printed line starts with, French setting a space before
# "?" or "»" ("Pourquoi ?"), and after an opening guillemet.
_NO_FOLD_BEFORE = frozenset(" ?!:;\u00bb\u203a")
_NO_FOLD_AFTER = frozenset(" \u00ab\u2039")


def _fold_positions(text: str, width: int) -> list[int]:
    """Spaces to break ``text`` at so no line is longer than ``width`` where avoidable.
    Only single spaces between words: a fold there reads back as that one space. Not
    before "?", "!", ":", ";" or a closing guillemet, nor after an opening one: the word
    before goes to the next line with it."""
    spaces = [
        index
        for index in range(1, len(text) - 1)
        if text[index] == " "
        and text[index - 1] not in _NO_FOLD_AFTER
        and text[index + 1] not in _NO_FOLD_BEFORE
    ]
    folds: list[int] = []
    line_start, previous = 0, None
    for space in [*spaces, len(text)]:
        if space - line_start > width and previous is not None and previous > line_start:
            folds.append(previous)
            line_start = previous + 1
        previous = space
    return folds


def _reads_back(block: ScalarString) -> bool:
    """Whether ``block`` written as a block scalar reads back as itself; one that does not
    read at all (a line break of another kind inside it: U+2028, a lone CR) does not.
    Most blocks are told without writing them, which would take a fifth of the time of
    ``fmt --check`` on a formatted bank (tests/test_fmt_round_trips.py pins why)."""
    if _surely_reads_back(block):
        return True
    text = dump({"text": block})
    try:
        loaded: Any = YAML(typ="safe").load(text)
    except YAMLError:
        return False
    return bool(loaded == {"text": str(block)})


def _surely_reads_back(block: ScalarString) -> bool:
    """Printable characters and line feeds read back as a literal block, and as a folded one
    of one line (line feeds only at its end) that does not start with a space."""
    if not all(line.isprintable() for line in block.split("\n")):
        return False
    if isinstance(block, FoldedScalarString):
        return "\n" not in block.rstrip("\n") and not block.startswith(" ")
    return True
