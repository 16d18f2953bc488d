"""Where a piece of a text value is written in its file: the line and column of a link
target or an HTML tag inside a long block of notes, not just the line the value starts on."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from exambank.source import JsonPath, Position, Source


class Placer:
    """Finds pieces of values in their files; a file is read only when a rule reports
    something in it (most runs report nothing)."""

    def __init__(self) -> None:
        self._lines: dict[str, list[str]] = {}
        self._starts: dict[str, list[int]] = {}  # the lines values and keys start on
        self._placed: dict[tuple[str, JsonPath, str], Position] = {}

    def place(
        self, source: Source, path: JsonPath, written: Sequence[re.Pattern[str]], name: str
    ) -> Position:
        """Where the value at ``path`` holds a match of the first of ``written`` that
        matches it, after the match last placed under the same ``name`` (a second link to
        the same file is written after the first); the value's start if none matches."""
        if source.display not in self._lines:
            self._lines[source.display] = _read_lines(source)
            self._starts[source.display] = sorted(
                source.position(mark)[0]
                for marks in (source.values, source.keys)
                for mark in marks.values()
            )
        value_at = source.where(path)
        starts = self._starts[source.display]
        later = bisect_right(starts, value_at[0])  # the first value written below this one
        last = starts[later] - 1 if later < len(starts) else len(self._lines[source.display])
        placed = (source.display, path, name)
        lines = self._lines[source.display][:last]
        at = _locate(lines, value_at, written, self._placed.get(placed, (0, 0)))
        self._placed[placed] = at
        return at

    def place_target(self, source: Source, path: JsonPath, url: str) -> Position:
        """Where the link or image target ``url`` is written in the value at ``path``: whole
        (not "a.png" inside "images/a.png"), as a target ("(a.png" or "<a.png") before as a
        word; a second target of the same ``url`` in the value after the first."""
        written_url, end = re.escape(url), r"(?![^)>\s\"'])"
        written = (
            re.compile(rf"(?<=[(<]){written_url}{end}"),
            re.compile(rf"(?<!\S){written_url}{end}"),
        )
        return self.place(source, path, written, url)


def _read_lines(source: Source) -> list[str]:
    try:
        # Lines as an editor and Source.where count them: reading as text turns CRLF and
        # a lone CR into "\n", and splitting at "\n" alone keeps U+2028 inside its line.
        return source.path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def _locate(
    lines: list[str],
    value_at: Position,
    written: Sequence[re.Pattern[str]],
    after: Position,
) -> Position:
    """Where one of ``written`` first matches in the text's own lines (``lines`` ends
    where the next value starts), after ``after``; the text's start if nowhere. Its line
    within the text is no guide: a quoted text's "\\n" escapes break no line of the file."""
    for pattern in written:
        for number in range(max(value_at[0], after[0]), len(lines) + 1):
            start = value_at[1] - 1 if number == value_at[0] else 0
            if number == after[0]:
                start = max(start, after[1])
            found = pattern.search(lines[number - 1], start)
            if found:
                return number, found.start() + 1
    return value_at
