"""``lint --fix`` edits only the bytes of the values it fixes, where it can.

A one-letter fix ("answer: b" -> "B") must show in ``git diff`` as that one line, not as
the whole file laid out again. Each fixed value is rewritten where it was written, in the
style it was written in (plain, quoted, a block); the file is then read back, and used
only if it reads as the fixed data. Where a value cannot be rewritten so (text over
several lines in quotes, a value YAML would read otherwise), the caller lays the file out
as ``fmt`` does instead, and says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    CollectionEndEvent,
    CollectionStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from exambank.load import read_source
from exambank.round_trip import tabs_as_spaces
from exambank.saving import same_data
from exambank.source import JsonPath, value_at


def patched(
    path: Path, text: str, tree: Any, fixed: Iterable[JsonPath], expected: Any
) -> str | None:
    """``text`` (the file as the rewriter read it) with each value at ``fixed`` rewritten
    in place as ``tree`` (the fixed round-trip tree) now holds it: None unless every one
    could be, and the result reads as ``expected``."""
    try:
        spans = _value_spans(tabs_as_spaces(text))
    except YAMLError:
        return None
    edits: list[tuple[int, int, str]] = []
    for where in set(fixed):
        holder, key = value_at(tree, where[:-1]), where[-1]
        place = _place(holder, key)
        span = spans.get(place) if place is not None else None
        new = _written(text[span[0] : span[1]], holder[key]) if span else None
        if span is None or new is None:
            return None
        edits.append((span[0], span[1], new))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, written by an escape
        return None
    source, problems = read_source(path, raw=raw)
    if problems and any(found.rule == "yaml-syntax" for found in problems):
        return None
    return text if same_data(source.data, expected) else None


def _value_spans(text: str) -> dict[tuple[int, int], tuple[int, int]]:
    """Where each scalar and each list in brackets ('[A; C]', made '[A, C]') is written:
    its start as (line, column), to its start and end."""
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    opened: list[Any] = []  # for each list or mapping open, its start if it is a [...] list
    for event in YAML(typ="rt").parse(text):
        if isinstance(event, ScalarEvent):
            start = event.start_mark
            spans[start.line, start.column] = (start.index, event.end_mark.index)
        elif isinstance(event, CollectionStartEvent):
            flow = isinstance(event, SequenceStartEvent) and event.flow_style
            opened.append(event.start_mark if flow else None)
        elif isinstance(event, CollectionEndEvent) and (start := opened.pop()) is not None:
            spans[start.line, start.column] = (start.index, event.end_mark.index)
    return spans


def _place(holder: Any, key: Any) -> tuple[int, int] | None:
    if isinstance(holder, CommentedMap):
        return tuple(holder.lc.value(key))
    if isinstance(holder, CommentedSeq):
        return tuple(holder.lc.item(key))
    return None


def _written(old: str, value: Any) -> str | None:
    """``value`` written in place of ``old`` (its text in the file), in the style the
    tree gives it: None where that cannot be done on the value's own lines."""
    if isinstance(value, CommentedSeq):  # 'answer: A, C' made a list: '[A, C]'
        plain = all(type(item) is str and item.isalnum() for item in value)
        return f"[{', '.join(value)}]" if plain and "\n" not in old else None
    text = str(value)
    if isinstance(value, (LiteralScalarString, FoldedScalarString)):
        return without_line_end_blanks(old)
    if "\n" in old:
        return None  # written over several lines, folded by YAML: left to the full layout
    if isinstance(value, DoubleQuotedScalarString):
        quoted = json.dumps(text, ensure_ascii=False)  # its line breaks as "\n"
    elif isinstance(value, SingleQuotedScalarString) and "\n" not in text:
        quoted = "'" + text.replace("'", "''") + "'"
    else:
        return text if type(value) is str and "\n" not in text else None
    if old[:1] != quoted[:1]:
        return quoted  # text typed as a number or boolean, quoted now
    # As written, less the blanks before the closing quote, where that is the fix: the
    # author's escapes stay as typed.
    kept = old[:-1].rstrip(" \t") + old[-1:]
    return kept if _reads_as(kept, text) else quoted


def _reads_as(written: str, text: str) -> bool:
    try:
        return bool(YAML(typ="safe", pure=True).load(written) == text)
    except YAMLError:
        return False


def without_line_end_blanks(text: str) -> str:
    """``text`` without the spaces and tabs that end its lines, except two spaces before a
    line that goes on: a line break in Markdown. The trailing-whitespace fix, made on a
    value (``fixes``) and on a block as written, whose lines are the value's, indented."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        follows = lines[number + 1] if number + 1 < len(lines) else ""
        if not (line.endswith("  ") and follows.strip()):
            lines[number] = line.rstrip(" \t")  # not a regex: linear in a run of blanks
    return "\n".join(lines)
