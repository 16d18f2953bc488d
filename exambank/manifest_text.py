"""Adding a section to a manifest's ``sections`` list as it is written, so ``exambank new``
can list a section it starts: only the new entry is written, every other byte of the
manifest stays as it was. Where the list is and how it is indented is read from libyaml's
marks, as ``exambank.section_text`` reads a section's questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from exambank.rewrite import RewriteError
from exambank.section_text import Lines
from exambank.skeleton import inline

_NODES = (ScalarEvent, MappingStartEvent, SequenceStartEvent, AliasEvent)
_NULL = ("", "~", "null", "Null", "NULL")
_LIST_OFFSET = 2  # fmt's: a new list's dashes two spaces in from its key


@dataclass
class _Sections:
    """The manifest's 'sections' key, its value, and the list's entries."""

    key: Any = None
    value: Any = None
    items: list[Any] = field(default_factory=list)  # each entry's first event
    last: Any = None  # the last entry's last event
    end: Any = None  # the end of the list


def with_section(text: str, section_id: str) -> str:
    """``text``, a manifest lint's reader took, with ``section_id`` (written as YAML) at
    the end of its ``sections`` list."""
    found = _sections_of(text)
    lines = Lines(text)
    entry = inline(section_id)
    key, value = found.key, found.value
    if value is None:
        raise RewriteError(f"it has no 'sections' list to add '{section_id}' to: add one")
    empty_flow = type(value) is SequenceStartEvent and not found.items
    if empty_flow or (type(value) is ScalarEvent and not value.style and value.value in _NULL):
        end = found.end if empty_flow else value  # 'sections:', ': ~', ': []'
        start = value.start_mark
        lines.cut((start.line, start.column), (end.end_mark.line, end.end_mark.column))
        dash = " " * (key.start_mark.column + _LIST_OFFSET)
        lines.insert_after(start.line, [f"{dash}- {entry}"])
    elif type(value) is not SequenceStartEvent:
        line, column = value.start_mark.line + 1, value.start_mark.column + 1
        raise RewriteError("'sections' is not a list: exambank lint says more", line, column)
    elif value.flow_style:
        last, end = found.items[-1], found.last.end_mark
        own_line = not lines.lines[last.start_mark.line][: last.start_mark.column].strip()
        indent = ",\n" + " " * last.start_mark.column if own_line else ", "
        lines.insert_at((end.line, end.column), indent + entry)
    else:
        dash, column = value.start_mark.column, found.items[-1].start_mark.column
        line = " " * dash + "-" + " " * (column - dash - 1) + entry
        lines.insert_after(lines.content_end(found.last), [line])
    return lines.text()


def _sections_of(text: str) -> _Sections:
    """Where the top mapping's 'sections' key, its value and the list's entries are."""
    found = _Sections()
    loader = CSafeLoader(text)
    depth, in_list = 0, False
    key: Any = None
    try:
        while (event := loader.get_event()) is not None:
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
                if in_list and depth == 2:  # an entry that is a list or mapping ends
                    found.last = event
                elif in_list and depth == 1:
                    found.end, in_list = event, False
                continue
            if kind not in _NODES:
                continue
            if depth == 1 and key is None:
                key = event
            elif depth == 1:
                if key.value == "sections":
                    found.key, found.value = key, event
                    in_list = kind is SequenceStartEvent
                key = None
            elif depth == 2 and in_list:
                found.items.append(event)
                found.last = event
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
    finally:
        loader.dispose()
    return found
