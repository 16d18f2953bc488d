"""Where a bank file's values were written: the data read from one file, the marks libyaml
gave its values and keys, and the editor's line and column of each.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from exambank.yaml11 import typed_key

JsonPath = tuple[str | int, ...]


def value_at(data: Any, path: JsonPath) -> Any:
    """The value at ``path`` in ``data`` (a file's data, or its round-trip tree), which
    must be there."""
    for key in path:
        data = data[key]
    return data


Position = tuple[int, int]


class Mark(Protocol):
    """Where libyaml saw a value: 0-based line and column, and character index."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def index(self) -> int: ...


# libyaml (YAML 1.1) counts these as line breaks; editors, grep and the rest of the world
# do not, so in a file with one, lines are counted from the text itself.
OTHER_BREAKS = ("\x85", "\u2028", "\u2029")


@dataclass
class Source:
    """One file's data and where every value and mapping key in it was written.

    ``values`` and ``keys`` hold libyaml's own marks, as read: turning 400,000 of them
    into positions up front cost a tenth of reading the bench bank, and a position is
    needed only for the few values a diagnostic names (``where``, ``where_key``).
    """

    path: Path
    display: str
    data: Any = None
    values: dict[JsonPath, Mark] = field(default_factory=dict)
    keys: dict[JsonPath, Mark] = field(default_factory=dict)
    # Scalars YAML typed as number/boolean/null, by path: (kind, text as written); and
    # YAML 1.1's dates ("date"), which lint reads as the text they are.
    typed_scalars: dict[JsonPath, tuple[str, str]] = field(default_factory=dict)
    # The text, kept only when it holds a line break libyaml counts and editors do not.
    text_with_other_breaks: str | None = None
    # The text, kept only when a merge conflict left in it kept YAML from reading it: what
    # both sides of the conflict give alike can still be read (a manifest's id, which
    # the baseline's fingerprints need: ``fingerprint``).
    conflicted_text: str | None = None
    # Whether a mapping is written in braces, or a pair in brackets: keys may share a line.
    flow_mappings: bool = False
    # Unquoted values a comment follows on their last line, one space or tab on, by path:
    # where the '#' is and the comment, which an author may have meant as part of the text
    # ("Best? #1 pick"); a note set off by two spaces or more is plainly meant as one.
    comments_after: dict[JsonPath, tuple[Position, str]] = field(default_factory=dict)
    # Empty values a comment follows one space (or tab) on, its '#' right before a word
    # ('A: #1 traceroute'), by path: where the '#' is and the comment, meant as the text.
    comments_for_values: dict[JsonPath, tuple[Position, str]] = field(default_factory=dict)
    # Double-quoted values holding escapes most likely meant as a backslash and a letter
    # ("C:\temp": a tab), by path: where each one's backslash is, and the escape ("\t").
    escape_slips: dict[JsonPath, list[tuple[Position, str]]] = field(default_factory=dict)
    # Double-quoted values holding an escape that writes a control character no text may
    # hold ("\e", "\x00"), by path: where each one's backslash is, and the escape.
    control_escapes: dict[JsonPath, list[tuple[Position, str]]] = field(default_factory=dict)
    # Double-quoted values that write a space or a tab as an escape ("\t", "\ "): whitespace
    # typed on purpose, which ``lint --fix`` leaves where it is.
    escaped_blanks: set[JsonPath] = field(default_factory=set)
    # Texts a wrong encoding garbled ("IntroduÃ§Ã£o"), by path: where the first garbled
    # word is written, and the text as it was meant.
    unmangled: dict[JsonPath, tuple[Position, str]] = field(default_factory=dict)
    # Exam tips YAML read as "key: value" ('- Réponse : B'), by path: the text as typed
    # (``texts_as_keys``), for the schema's hint and ``lint --fix``, which quotes it.
    texts_read_as_keys: dict[JsonPath, str] = field(default_factory=dict)
    # Keys YAML read from the lines of a block text written no deeper than its key
    # ('explanation: >', then 'Mars looks red: rust.' at the key's place), by path: the
    # path of the block, which YAML read empty or cut short. The slip is told where the
    # file is read (``block_texts_as_keys``): neither an unknown key nor a blank text again.
    block_text_keys: dict[JsonPath, JsonPath] = field(default_factory=dict)
    # Values written as an alias ('options: *hosts'), read as nothing: the alias is
    # reported, and the schema says nothing of what stands there.
    aliases: set[JsonPath] = field(default_factory=set)
    # Whether reading the file found a problem besides a DOS end-of-file mark (an anchor,
    # an alias, a tag, a duplicate key ...): ``lint --fix`` rewrites only a file lint reads
    # cleanly (``rewrite.read``), so it mends nothing in this one (``fix_refuses``).
    fix_refused: bool = False
    _fix_refuses: bool | None = field(default=None, init=False, repr=False, compare=False)

    def fix_refuses(self) -> bool:
        """Whether ``lint --fix`` will rewrite nothing in this file, so that no hint may say
        it does: reading found a problem (``fix_refused``), or a key is one YAML types
        ("1", "null", a date, a merge key ``<<``), which ``rewrite.load`` refuses. A key's
        quotes are not kept here, so a quoted '1' counts too: a hint then promises less.
        Worked out once, at the first hint that asks."""
        if self._fix_refuses is None:
            self._fix_refuses = self.fix_refused or any(
                path and isinstance(path[-1], str) and typed_key(path[-1]) for path in self.keys
            )
        return self._fix_refuses

    def where(self, path: JsonPath) -> Position:
        """Position of the value at ``path``, or of its nearest ancestor that exists."""
        while path not in self.values and path:
            path = path[:-1]
        mark = self.values.get(path)
        return (1, 1) if mark is None else self.position(mark)

    def where_key(self, path: JsonPath) -> Position:
        """Position of the key that introduces ``path``; the value's position if none."""
        mark = self.keys.get(path)
        return self.where(path) if mark is None else self.position(mark)

    def question_id(self, path: JsonPath) -> str | None:
        """The id of the question ``path`` is in, if it has one that is text."""
        if len(path) < 2 or path[0] != "questions" or not isinstance(self.data, dict):
            return None
        questions, index = self.data.get("questions"), path[1]
        if not isinstance(questions, list) or not isinstance(index, int) or index >= len(questions):
            return None
        question = questions[index]
        found = question.get("id") if isinstance(question, dict) else None
        return found if isinstance(found, str) else None

    def position(self, mark: Mark) -> Position:
        """1-based line and column of ``mark`` as an editor counts them."""
        text = self.text_with_other_breaks
        if text is None:
            return mark.line + 1, mark.column + 1
        return line_and_column(text, mark.index)


def line_and_column(text: str, index: int) -> Position:
    """1-based line and column of ``text[index]``, lines counted as an editor counts them:
    at a line feed, a carriage return, or the two together; not at U+2028 and the like."""
    feeds = text.count("\n", 0, index)
    returns = text.count("\r", 0, index) - text.count("\r\n", 0, index)  # lone ones
    line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    return feeds + returns + 1, index - line_start + 1


class Lines:
    """Where each line of a text starts, lines counted as ``line_and_column`` counts them:
    the positions of many places in one text, each found by bisection, where
    ``line_and_column`` counts the lines from the start of the text each time."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(found.end() for found in _LINE_BREAK.finditer(text))]

    def position(self, index: int) -> Position:
        """1-based line and column of ``text[index]``."""
        line = bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def position_of_byte(raw: bytes, offset: int) -> Position:
    """Line and column of the byte at ``offset``, counted in the characters before it."""
    before = raw[:offset].decode("utf-8", errors="replace")
    return line_and_column(before, len(before))
