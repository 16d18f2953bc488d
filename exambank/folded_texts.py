"""Texts YAML folds into one line although their lines were typed as statements or a
list: read from a file's text, for the ``folded-lines`` rule and for the rewrites
(``fmt``, ``lint --fix``, ``new``) that must not write such a text on one line."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import pairwise
from operator import attrgetter
from typing import Any, NamedTuple

from exambank.load import dos_end
from exambank.source import JsonPath, Source, value_at
from exambank.statement_lines import SENTENCE_END, STATEMENT, own_lines

# A Markdown list item, and one that may start a list below a line of prose (CommonMark: a
# bullet, or a number that is 1).
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_LIST_START = re.compile(r"[ \t]*(?:[-*+]|1[.)])[ \t]+\S")
# An indented line that starts like a statement or a list item, not like a key ("stem:",
# "- id: q2"): a line of a text to look at. Its indentation is taken whole, as an atomic
# group would, so the markers are tried once a line, not once a space. The line breaks
# libyaml counts, at which a text's lines are split, and those other than "\n".
_MARKED_LINE = re.compile(
    rf"\n(?=([ \t]+))\1(?![^\s:]*:)(?:{STATEMENT.pattern}"
    rf"|(?:[-*+]|\d{{1,9}}[.)])[ \t]+(?![^\s:#]+:\s)\S)"
)
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_OTHER_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_TEXT_FIELDS = frozenset({"stem", "explanation"})
_OPTION_FIELDS = frozenset({"text", "feedback"})
_INDEX = attrgetter("index")  # where a mark is, as a character index of the text
_LINE = attrgetter("line")


class Folded(NamedTuple):
    """A text whose lines print as one: where, how many lines, the first that a block
    would print on a line of its own, and whether it is quoted."""

    path: JsonPath
    lines: int
    own: str
    quoted: bool


def _first_line_to_read(source: Source) -> int | None:
    """Where in its text ``source`` may hold a line of a text written over lines (a
    character index; None: nowhere): anywhere when a line between its first key and its
    last holds no key; else only below the last key, if the last value is a text. Most
    bank files hold a key a line and end with no text: they are not read again. Keys in
    braces share a line ("options: {A: x, B: y}"), each key more than one on a line
    making up for a line that holds none: in a file with such a mapping, the lines that
    hold a key are counted too."""
    marks = source.keys.values()
    if not marks:
        return None
    first, last = next(iter(marks)), next(reversed(marks))
    lines = last.line - first.line + 1
    if lines != len(marks) or (source.flow_mappings and lines != len(set(map(_LINE, marks)))):
        return 0
    return last.index if _is_markdown(next(reversed(source.values))) else None


def folded_texts(source: Source) -> Iterator[Folded]:
    """The Markdown texts of ``source`` written plain or quoted over lines of which a
    block would print one on a line of its own."""
    start = _first_line_to_read(source)
    text = None if start is None else _text(source)
    if text is None:
        return
    # One character for another: the character indices of libyaml's marks still hold.
    searched = (
        _OTHER_BREAK.sub("\n", text) if "\r" in text or source.text_with_other_breaks else text
    )
    paths: list[JsonPath] = []
    starts: list[int] = []  # where each value starts, in document order
    at = start or 0
    while (marked := _MARKED_LINE.search(searched, at)) is not None:
        if not starts:
            paths = list(source.values)
            starts = list(map(_INDEX, source.values.values()))
        index = bisect_right(starts, marked.end() - 1) - 1  # the value the line is in
        if index < 0 or starts[index] > marked.start():
            at = marked.end()  # a value that starts on this line ("- I. S3 stores ...")
            continue
        at = starts[index + 1] if index + 1 < len(starts) else len(text)  # the next value
        path = paths[index]
        if text[starts[index]] in "|>" or not _is_markdown(path):
            continue
        typed = _typed_lines(text[starts[index] : at], value_at(source.data, path))
        folded = None if typed is None else _folded(path, *typed)
        if folded is not None:
            yield folded


def _typed_lines(written: str, value: Any) -> tuple[list[str], bool] | None:
    """The lines of the plain or quoted text ``value``, ``written`` as it starts the
    string, as typed (without indentation, quotes or trailing blanks; a blank line as
    ""), and whether it is quoted; None for a text on one line, or one whose lines do not
    read back as ``value`` (quoted with escapes, or followed by a comment)."""
    if not isinstance(value, str):
        return None
    first, *rest = _LINE_BREAK.split(written)
    first = first.rstrip(" \t")
    quote = first[:1] if first[:1] in ("'", '"') else ""
    meant = quote + (value.replace("'", "''") if quote == "'" else value) + quote
    lines, folded, blanks = [first], first, 0
    for line in rest:
        if len(folded) >= len(meant):
            break
        typed = line.strip(" \t")
        lines.append(typed)
        if not typed:
            blanks += 1
            continue
        folded += ("\n" * blanks or " ") + typed
        blanks = 0
    if folded != meant or len(lines) == 1:
        return None
    return [first[len(quote) :], *lines[1:]], bool(quote)


def _folded(path: JsonPath, lines: list[str], quoted: bool) -> Folded | None:
    """The first paragraph of the typed ``lines`` (a blank line keeps paragraphs apart)
    holding a line that a block would print on a line of its own, if one does."""
    paragraph: list[str] = []
    for line in [*lines, ""]:
        if line:
            paragraph.append(line)
            continue
        own = next((line for line, alone in _lines_of_their_own(paragraph) if alone), None)
        if own is not None:
            return Folded(path, len(paragraph), own, quoted)
        paragraph = []
    return None


def _lines_of_their_own(lines: list[str]) -> Iterator[tuple[str, bool]]:
    """Each line after the first, and whether a block would print it on a line of its
    own: a statement (``own_lines``), or a Markdown list item after a line that ends a
    sentence or a lead-in, or after another item."""
    if not lines:
        return
    statements = own_lines(lines)
    for (previous, line), statement in zip(pairwise(lines), statements, strict=True):
        item = (_LIST_ITEM.match(previous) and _LIST_ITEM.match(line)) or (
            SENTENCE_END.search(previous) and _LIST_START.match(line)
        )
        yield line, statement or bool(item)


def _text(source: Source) -> str | None:
    """The text of ``source`` as lint read it, or None if it can no longer be read."""
    if source.text_with_other_breaks is not None:
        return source.text_with_other_breaks
    try:
        text = source.path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    end = dos_end(text)
    return text if end is None else text[:end]


def _is_markdown(path: JsonPath) -> bool:
    """Whether the value at ``path`` is a Markdown text."""
    if len(path) == 1:
        return path[0] in ("summary", "notes", "description")
    head = path[0]
    if head == "exam_tips":
        return len(path) == 2
    if head == "key_terms":
        return len(path) == 3 and path[2] == "definition"
    if head != "questions" or len(path) < 3:
        return False
    if path[2] == "options":
        return len(path) == 4 or (len(path) == 5 and path[4] in _OPTION_FIELDS)
    return len(path) == 3 and path[2] in _TEXT_FIELDS
