"""Where a section file's questions are written and how they are indented, read from
libyaml's marks, so ``exambank new`` can splice a question into the text as it stands.

Lines are counted as libyaml counts them (``\\r\\n``, ``\\r``, ``\\n`` and the YAML 1.1
breaks), columns in characters, so a mark is an index into ``Lines``.
"""

from __future__ import annotations

import re
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

Place = tuple[int, int]  # 0-based line and column

_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_NEWLINE = re.compile("\r\n|[\r\n]")
_DEFAULT_STEP = 2  # fmt's indentation, for a file that shows none of its own


class Lines:
    """A text as lines that keep their own line ends; new lines get the file's first."""

    def __init__(self, text: str) -> None:
        self.lines: list[str] = []
        start = 0
        for found in _BREAK.finditer(text):
            self.lines.append(text[start : found.end()])
            start = found.end()
        if start < len(text):
            self.lines.append(text[start:])
        first = _NEWLINE.search(text)
        self.newline = first[0] if first else "\n"

    def text(self) -> str:
        return "".join(self.lines)

    def insert_after(self, index: int, new: list[str]) -> None:
        """``new`` as lines after line ``index`` (which gets a line end if it has none)."""
        if not _BREAK.search(self.lines[index][-1:]):
            self.lines[index] += self.newline
        self.lines[index + 1 : index + 1] = [line + self.newline for line in new]

    def insert_at(self, place: Place, piece: str) -> None:
        line, column = place
        piece = piece.replace("\n", self.newline)
        self.lines[line] = self.lines[line][:column] + piece + self.lines[line][column:]

    def cut(self, start: Place, end: Place) -> None:
        """Remove what lies from ``start`` to ``end`` and the blanks before it."""
        kept = self.lines[start[0]][: start[1]].rstrip(" \t") + self.lines[end[0]][end[1] :]
        self.lines[start[0] : end[0] + 1] = [kept]

    def content_end(self, event: Any) -> int:
        """The line where ``event``'s value ends, not counting the blank lines libyaml
        reads into a block scalar's end unless the scalar keeps them (``|+``)."""
        line: int = event.end_mark.line
        column: int = event.end_mark.column
        while line >= len(self.lines) or not self.lines[line][:column].strip():
            line -= 1
            column = len(self.lines[line])
        if type(event) is ScalarEvent and event.style in ("|", ">"):
            line += max(0, len(event.value) - len(event.value.rstrip("\n")) - 1)
        return line


@dataclass
class Item:
    """One question of the list: where its first key (or its value) starts."""

    line: int
    column: int
    own_line: bool  # the first item of the list on its line
    last: Any = None  # its last event: a scalar, or the end of an inline list or mapping
    inline_options: bool | None = None  # options: {A: ..., B: ...}; None: no options


@dataclass
class SectionShape:
    """What ``exambank new`` needs to know of a section file's text."""

    lines: Lines
    top_column: int = 0
    end_line: int = 0  # the last line of the section's mapping
    questions_column: int | None = None  # of the 'questions' key
    flow: bool = False  # the questions are an inline list [...]
    dash_column: int = 0
    empty_value: tuple[Place, Place] | None = None  # 'questions:', ': []', ': ~'
    items: list[Item] = field(default_factory=list)
    steps: list[int] = field(default_factory=list)  # a mapping's keys under its key
    offsets: list[int] = field(default_factory=list)  # a list's dashes under its key

    @property
    def list_column(self) -> int:
        """Where a new 'questions' list's key is or goes."""
        return self.top_column if self.questions_column is None else self.questions_column

    @property
    def list_offset(self) -> int:
        """How far a new list's dashes go in from its key: as the list nearest above."""
        return self.offsets[-1] if self.offsets else _DEFAULT_STEP

    @property
    def step(self) -> int:
        """How far a mapping's keys go in from its key: as the mapping nearest above."""
        return self.steps[-1] if self.steps else _DEFAULT_STEP

    @property
    def inline_options(self) -> bool:
        """Whether the last question that has options writes them inline."""
        written = (item.inline_options for item in reversed(self.items))
        return next((inline for inline in written if inline is not None), False)

    @property
    def spaced(self) -> bool:
        """Whether the questions are set apart by blank lines; a lone one is taken to be,
        as the seed bank's are."""
        ends = [self.lines.content_end(item.last) for item in self.items]
        return len(self.items) == 1 or any(
            not line.strip()
            for end, item in zip(ends, self.items[1:], strict=False)
            for line in self.lines.lines[end + 1 : item.line]
        )

    @property
    def insert_after(self) -> int:
        """The line after the last question and the comments indented as its keys,
        which belong to it; what follows them comes after the new question."""
        last = self.items[-1]
        line = self.lines.content_end(last.last)
        for text in self.lines.lines[line + 1 :]:
            indent = len(text) - len(text.lstrip(" "))
            if not text.lstrip(" ").startswith("#") or indent < last.column:
                break
            line += 1
        return line


@dataclass
class _Frame:
    """An open mapping or list: the key awaiting its value, the question it is in."""

    mapping: bool
    flow: bool
    key: Any = None
    item: Item | None = None
    is_item: bool = False  # the question's own mapping
    questions: bool = False


def shape_of(text: str) -> SectionShape:
    """The shape of a section's ``text``, which lint's reader took without a problem."""
    shape = SectionShape(Lines(text))
    loader = CSafeLoader(text)
    try:
        stack: list[_Frame] = []
        while (event := loader.get_event()) is not None:
            _take(shape, stack, event)
    finally:
        loader.dispose()
    return shape


def _take(shape: SectionShape, stack: list[_Frame], event: Any) -> None:
    kind = type(event)
    if kind is MappingEndEvent or kind is SequenceEndEvent:
        _close(shape, stack, stack.pop(), event)
        return
    if kind not in (ScalarEvent, MappingStartEvent, SequenceStartEvent, AliasEvent):
        return
    parent = stack[-1] if stack else None
    key = None
    if parent is not None and parent.mapping:
        if parent.key is None:  # a key: lint's reader takes only text for one
            parent.key = event
            return
        key, parent.key = parent.key, None
    opens = kind is MappingStartEvent or kind is SequenceStartEvent
    frame = _Frame(kind is MappingStartEvent, bool(opens and event.flow_style))
    start = event.start_mark
    if parent is None:
        if frame.flow:
            raise RewriteError(
                "new adds questions to a section written one key per line, not as one "
                "{...} mapping: run exambank fmt on it first",
                start.line + 1,
                start.column + 1,
            )
        shape.top_column = start.column
    elif parent.questions:
        own_line = not shape.lines.lines[start.line][: start.column].strip()
        frame.item = Item(start.line, start.column, own_line)
        frame.is_item = True
        shape.items.append(frame.item)
    else:
        frame.item = parent.item
        if opens and key is not None:
            _measure(shape, parent, key, frame, start.column - key.start_mark.column)
    if frame.item is not None and not opens:
        frame.item.last = event
    if parent is not None and parent is stack[0] and key is not None and key.value == "questions":
        _questions(shape, key, event, frame)
    if opens:
        stack.append(frame)


def _measure(shape: SectionShape, parent: _Frame, key: Any, frame: _Frame, indent: int) -> None:
    """Learn the file's indentation from a mapping or list under a key."""
    if parent.is_item and key.value == "options" and parent.item is not None:
        parent.item.inline_options = frame.flow
    if parent.flow or frame.flow:
        return
    (shape.steps if frame.mapping else shape.offsets).append(indent)


def _questions(shape: SectionShape, key: Any, event: Any, frame: _Frame) -> None:
    """The 'questions' key and its value: a list, or nothing ('questions:', ': ~'), which
    is empty until a question shows the list is not ('[]' ends at its ']')."""
    shape.questions_column = key.start_mark.column
    shape.empty_value = (_place(event.start_mark), _place(event.end_mark))
    if type(event) is SequenceStartEvent:
        frame.questions = True
        shape.flow = frame.flow
        shape.dash_column = event.start_mark.column


def _close(shape: SectionShape, stack: list[_Frame], frame: _Frame, event: Any) -> None:
    if frame.flow and frame.item is not None:
        frame.item.last = event
    if frame.questions:
        if shape.items:
            shape.empty_value = None
        elif shape.empty_value is not None:  # '[]': from its '[' to after its ']'
            shape.empty_value = (shape.empty_value[0], _place(event.end_mark))
    if not stack:  # the section's mapping: it ends before the next line or at the end
        end = event.start_mark
        last_line = end.line - 1 if end.column == 0 else end.line
        shape.end_line = min(last_line, len(shape.lines.lines) - 1)


def _place(mark: Any) -> Place:
    return mark.line, mark.column
