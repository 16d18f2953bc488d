"""Syntax errors question by question: libyaml stops at a file's first error, and an author
would rather mend every slip in one go than one per run.

Each item of a section's ``questions:`` list (and of its ``key_terms:``) is parsed on its
own, so a slip in one (an unclosed quote, a missing ':') cannot spill into the next, and
the first error in each is explained as a file's first error is. A question is parsed where
it stands: the lines above it are left empty, so its lines keep their numbers and its errors
their places. A question that lost its '- ' ('-id: q3' or 'id: q3' where the dashes stand)
is an item of its own too, told to start with '- ' as it is when it is the file's first
error, as is one whose '-' was typed as an en dash, a bullet or Markdown's '*'; one that
lost it and kept 'id' where the keys of the question above stand, read as more of that
one, is told as the whole file's reading tells it (a repeated key).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    CollectionEndEvent,
    CollectionStartEvent,
    MappingStartEvent,
    ScalarEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError

from exambank import run_together
from exambank.model import FIRST_KEYS
from exambank.syntax_hints.byte_order_marks import MARK
from exambank.syntax_hints.early_quotes import LEFT_OPEN
from exambank.syntax_hints.items import lookalike_dash, lost_dash
from exambank.syntax_hints.text import (
    DASH_LOOKALIKES,
    KEYS,
    Explanation,
    Text,
    control_character,
)

LIMIT = 200  # questions explained a file: past them, one line says how many more fail
# A list's key, at column 0: its items are read one by one
_LIST = re.compile(r"(questions|key_terms)[ \t]*:[ \t]*(?:#.*)?")
_ITEM = re.compile(r" *-[ \t]")
# A dash or bullet typed for an item's '- ' (an en dash, '* id: q2'): an item of its own
_TYPED_DASH = re.compile(rf" *[{re.escape(''.join(DASH_LOOKALIKES))}][ \t]+[^ \t#]")
_NOT_A_BREAK = re.compile(r"[^\r\n]")
_KEY = re.compile(r"[\w-]+[ \t]*:(?:[ \t]|$)")  # a key's line, as the list's end
_KEY_NAME = re.compile(r"([\w-]+)[ \t]*:")


class QuestionError(NamedTuple):
    """The first syntax error of the question on rows ``start`` to ``end`` (0-based, the
    end excluded), at ``row`` and ``column`` (0-based); ``unclosed``: a quote or bracket
    it opens may run on past its last line (``spills`` tells whether it does in the file)."""

    start: int
    end: int
    row: int
    column: int
    message: str
    hint: str | None
    unclosed: bool = False
    rule: str = "yaml-syntax"  # or "duplicate-key": a question run into the one above


def question_errors(text: str) -> list[QuestionError]:
    """The first syntax error of each question (or key term) that fails on its own, in
    file order."""
    from exambank.syntax_hints import explain, first_error, in_libyaml_words

    whole = Text(text)
    lines = whole.lines
    found: list[QuestionError] = []
    more: list[int] = []  # the starts of failing questions past the LIMIT
    for name, number, start, end in _items(lines):
        # a line above it, lest a byte-order mark that starts it be read as the file's own
        if not _fails("\n" + "\n".join(lines[start:end]) + "\n"):
            for run_into in _run_into(lines, (name, number), start, end):
                if len(found) == LIMIT:
                    more.append(start)  # counted in the line past the limit
                    break
                found.append(run_into)
            continue
        if len(found) == LIMIT:
            more.append(start)
            continue
        first_line = _as_shown(lines[start])
        lost = None if _ITEM.match(first_line) else lost_dash(whole, start)
        if _TYPED_DASH.match(first_line):
            lost = lookalike_dash(whole, start, expected_item=False)
        if lost is not None:  # '-id: q3' or '* id: q3' where the dashes stand: as in the file
            row, column = whole.row_column(lost.index)
            found.append(QuestionError(start, end, row, column, lost.message, lost.hint))
            continue
        # Where it stands: lines above left empty, so rows and messages are the file's
        alone = "\n" * start + "\n".join(lines[start:end]) + "\n"
        try:
            error = first_error(alone)
        except ReaderError as bad:  # a control character: said as for a whole file
            said = control_character(alone, bad.position, bad.character)
            row, column = Text(alone).row_column(said.index)
            found.append(QuestionError(start, end, row, column, said.message, said.hint))
            continue
        if error is None:
            continue
        said = explain(alone, error) or in_libyaml_words(alone, error)
        # a quote or bracket open to its end, perhaps: ``spills`` checks it in the file
        unclosed = "end of stream" in str(error.problem) or "flow" in str(error.context)
        if unclosed and "quoted scalar" in str(error.context):
            message = f"{LEFT_OPEN} before the question ends"
            said = Explanation(said.index, message, said.hint)
        row, column = Text(alone).row_column(said.index)
        if not start <= row < end:  # past the question's last line: show where it starts
            row, column, unclosed = start, len(lines[start]) - len(lines[start].lstrip(" ")), True
        found.append(QuestionError(start, end, row, column, said.message, said.hint, unclosed))
    if more:
        column = len(lines[more[0]]) - len(lines[more[0]].lstrip(" "))
        message = f"{len(more)} more questions from here on do not read as YAML on their own"
        hint = f"mend the {LIMIT} above, and run lint again: it lists {LIMIT} a file at once"
        found.append(QuestionError(more[0], more[0] + 1, more[0], column, message, hint))
    return found


def _run_into(lines: list[str], item: tuple[str, int], start: int, end: int) -> list[QuestionError]:
    """Each question (or key term) that lost its '- ' and kept 'id' ('term') where the keys
    of the item above (``item``: its list and place in it, on rows ``start`` to ``end``,
    which reads on its own) stand, read as more of that one: the repeated key the whole
    file's reading reports (``run_together.lost_dash``), which a slip above that stops YAML
    keeps it from reading."""
    first = run_together.FIRST_KEYS_OF[item[0]]
    ids = [
        (row, column)
        for key, row, column in _item_keys("\n" * start + "\n".join(lines[start:end]) + "\n")
        if key == first
    ]
    said = run_together.lost_dash(item, first, ids[0][0] + 1) if ids else None
    if said is None:
        return []
    return [
        QuestionError(start, end, row, column, *said, rule="duplicate-key")
        for row, column in ids[1:]
    ]


def _item_keys(question: str) -> Iterator[tuple[str, int, int]]:
    """The keys of the list item ``question`` holds, with their rows and columns, as
    libyaml reads them: an 'id:' inside a quoted or block text is none."""
    loader = CSafeLoader(question)
    # For each collection open: whether its next node is a key (None in a sequence)
    open_: list[bool | None] = []
    try:
        while type(event := loader.get_event()) is not StreamEndEvent:
            if isinstance(event, CollectionEndEvent):
                open_.pop()
                continue
            is_key = bool(open_) and open_[-1] is True
            if open_ and open_[-1] is not None:
                open_[-1] = not open_[-1]
            if is_key and len(open_) == 2 and isinstance(event, ScalarEvent):
                yield str(event.value), event.start_mark.line, event.start_mark.column
            if isinstance(event, CollectionStartEvent):
                open_.append(True if isinstance(event, MappingStartEvent) else None)
    except YAMLError:
        return
    finally:
        loader.dispose()


def _fails(question: str) -> bool:
    """Whether a question's own lines do not read as YAML (a quick first pass: only a
    failing question is read again where it stands, to explain it)."""
    from exambank.syntax_hints import first_error

    try:
        return first_error(question) is not None
    except ReaderError:
        return True


def caused_by(text: str, question: QuestionError, first: tuple[int, str]) -> bool:
    """Whether libyaml's first error in ``text`` (its explanation's index and message) is
    the work of ``question``'s open quote: with the question's lines blanked (every index
    kept), it goes, moves or reads otherwise."""
    from exambank.syntax_hints import explain, first_error, in_libyaml_words

    starts = Text(text).starts
    begin = starts[question.start]
    end = starts[question.end] if question.end < len(starts) else len(text)
    copy = text[:begin] + _NOT_A_BREAK.sub(" ", text[begin:end]) + text[end:]
    try:
        error = first_error(copy)
    except ReaderError:  # a control character after it: libyaml got that far
        return True
    if error is None:
        return True
    said = explain(copy, error) or in_libyaml_words(copy, error)
    return (said.index, said.message) != first


def spills(text: str, question: QuestionError, row: int) -> bool:
    """Whether the quote or bracket ``question`` leaves open on its own is open in
    ``text`` too, so that libyaml's first error, at ``row``, is where the text or list it
    read ends (or libyaml failed inside it). A quoted text wrapped to the left, which looks
    open when its question is cut short, ends well before libyaml's first error."""
    loader = CSafeLoader(text)
    depth = 0  # inside the flow collection that opens at the question's error
    try:
        while type(event := loader.get_event()) is not StreamEndEvent:
            mark = event.start_mark
            if depth:
                depth += isinstance(event, CollectionStartEvent)
                depth -= isinstance(event, CollectionEndEvent)
                if not depth:
                    return bool(event.end_mark.line >= row)
            elif (mark.line, mark.column) == (question.row, question.column):
                if not isinstance(event, CollectionStartEvent):
                    return bool(event.end_mark.line >= row)
                depth = 1
    except YAMLError:  # failed inside the quoted text or list, or before it: left open
        return True
    finally:
        loader.dispose()
    return False


def _items(lines: list[str]) -> Iterator[tuple[str, int, int, int]]:
    """Each item of the top-level ``questions:`` and ``key_terms:`` lists, in file order:
    its list's name, its place in it, and its rows (start, end)."""
    for at, line in enumerate(lines):
        if (listed := _LIST.fullmatch(line)) is not None:
            for number, (start, end) in enumerate(_list_items(lines, at)):
                yield listed[1], number, start, end


def _list_items(lines: list[str], at: int) -> Iterator[tuple[int, int]]:
    """The rows (start, end) of each item of the top-level list whose key is on row ``at``.
    The list ends at the next key no deeper than its items, or at another document; text as
    shallow (a quoted text wrapped to the left) is still the item's. A key in line with the
    items' dashes that starts an item that lost its '- ' ('-id: q3', 'id: q3', with the
    item's keys under it) starts an item, not the list's end, as does a first item that
    lost it and kept its keys where the dash put them ('    id: q1' over '  - id: q2')."""
    starts: list[int] = []
    indent, stop = None, len(lines)
    for row in range(at + 1, len(lines)):
        line = _as_shown(lines[row])  # a pasted question's byte-order mark: its own slip
        content = line.lstrip(" ")
        if not content or content[0] in "#\t":  # a tab is a slip inside an item, no end
            continue
        depth = len(line) - len(content)
        item = _ITEM.match(line) is not None or _TYPED_DASH.match(line) is not None
        if indent is None:
            if not (item or _lost_dash(lines, row, depth)):
                indent = _first_item_keys_at(lines, row, depth)
                if indent is None:
                    return
                starts.append(row)  # its keys where its dash would put them
                continue
            indent = depth
        if depth == indent and (item or _lost_dash(lines, row, depth)):
            starts.append(row)
        elif depth <= indent and (_KEY.match(content) or content.startswith(("---", "..."))):
            stop = row
            break
    yield from zip(starts, [*starts[1:], stop], strict=False)  # none without an item


def _as_shown(line: str) -> str:
    """``line`` as an editor shows it: without a byte-order mark that starts its content."""
    content = line.lstrip(" ")
    if content[:1] != MARK:
        return line
    return line[: len(line) - len(content)] + content[1:]


def _first_item_keys_at(lines: list[str], row: int, depth: int) -> int | None:
    """The column of the list's items' dashes when the first item lost its '- ' and kept
    its keys where the dash would put them ('    id: q1' over '  - id: q2'): its first
    key is one of the format's and the next item's dash is 2 columns left of it,
    with the lines between as deep as its keys. None for any other line."""
    named = _KEY_NAME.match(lines[row], depth)
    if named is None or named[1] not in KEYS:  # as items.lost_dash takes the first item's
        return None
    for below in range(row + 1, len(lines)):
        line = lines[below]
        content = line.lstrip(" ")
        if not content or content[0] == "#":
            continue
        indent = len(line) - len(content)
        if indent == depth - 2 and _ITEM.match(line):
            return indent
        if indent < depth:
            return None
    return None


def _lost_dash(lines: list[str], row: int, depth: int) -> bool:
    """Whether the line at ``row``, ``depth`` deep in a ``questions:`` (``key_terms:``)
    list, reads as an item that lost its '- ' (as ``items.lost_dash`` reads it): '-key:', any key of
    the source format, or 'id:', with the question's other keys deeper under it. A
    section's own 'id:' after a list written at its key's place has its keys beside it."""
    named = _KEY_NAME.match(lines[row], depth)
    if named is None:
        return False
    key = named[1]
    if not (key[1:] in KEYS if key.startswith("-") else key in FIRST_KEYS):
        return False
    below = (lines[at] for at in range(row + 1, len(lines)))
    under = next((line for line in below if line.strip(" ")[:1] not in ("", "#")), "")
    return len(under) - len(under.lstrip(" ")) > depth
