"""Slips YAML refuses that lint finds on every line at once, and ``lint --fix`` mends:
unquoted text holding ': ' ("explanation: Réponse : B") or starting with a character YAML
reserves ("A: `show ip route`"), and a word processor's dash or bullet typed for the '-'
that starts a list item.

libyaml stops at the first syntax error, and an author makes the same slip in many
questions. After the first, every later line of that look is mended in a copy of the text
(``at_once``): its text quoted, or its dash typed as '- '. The copy is parsed, and a line
counts only where the parse confirms it: its quoted text a value of block YAML, which YAML
could not read unquoted ('key: a: b' is always refused there), or its line an item of a
block list. A '|' text, a comment, '"a: b"' or 'url: http://x' never counts. When the copy
does not parse, ``lines_to_mend`` in this package goes line by line instead. Where the copy
parses, it is also read as ``lint --fix`` reads it (``fix_refuses``): a hint may say that
--fix mends the lines only where --fix will rewrite the file. A plain text wrapped onto
more lines is quoted whole in the copy, so the lines below it are read too; it is the
author's to quote (``Mend.wrapped``), and --fix mends nothing until then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    MappingEndEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from exambank.diagnostics import Diagnostic
from exambank.event_reader import EventReader
from exambank.source import Source
from exambank.syntax_hints.indents import text_on_lines
from exambank.syntax_hints.items import list_key_at, lookalike_dash
from exambank.syntax_hints.long_keys import KEY_LENGTH
from exambank.syntax_hints.quoting import colon_in_text, odd_token
from exambank.syntax_hints.text import (
    BLOCK_HEADER,
    MARKUP_STARTS,
    RESERVED_STARTS,
    Explanation,
    Line,
    Text,
    curly_quoted,
    quoted,
    wrapped_rows,
)
from exambank.texts_as_keys import TEXT_LISTS

# A plain text cannot start with these: a value that does is something else (a list,
# a mapping, an alias ...), whose lines a quote on one line would not close.
_NOT_PLAIN = frozenset("[]{},#&*!|>'\"%@`")
_NOTE = re.compile(r"[ \t]{2,}#")  # a note two spaces off or more: left after the quotes
_ONE_SPACE_NOTE = re.compile(r"[ \t]#")
_INDICATOR = re.compile(r":(?=[ \t]|$)")  # a ':' YAML reads as a key's in plain text
# A list or mapping on one line with nothing in brackets or quotes inside it, and at most
# a note after it ('[A, C]', '{A: x, B: y}  # note'): YAML reads it.
_FLOW_ALONE = re.compile(r"[\[{][^\[\]{}'\"#]*[\]}](?:[ \t]+#.*)?")
Place = tuple[int, int]  # (row, column), 0-based
_NODES = (ScalarEvent, AliasEvent, CollectionStartEvent)  # what an item of a list may be


@dataclass(frozen=True)
class Mend:
    """A line YAML refused, and its mend: the span to put in quotes, or the dash and the
    blank after it to type as '- ' (``start``, ``end``, in the file's own text), and how
    lint reports it. For a dash, ``item_column``: where the list item it starts must then
    be read."""

    row: int
    column: int
    start: int
    end: int
    explanation: Explanation
    fixable: bool  # the mend keeps every character the author meant: lint --fix may make it
    item_column: int | None = None
    # A plain text wrapped onto more lines, quoted whole only to read the lines below it:
    # lint --fix mends one line, the author such a text.
    wrapped: bool = False

    def mended(self, written: str) -> str:
        """What replaces ``written``, the text from ``start`` to ``end``."""
        return self.explanation.retype or quoted(written, whole=True)


def mend_at(text: Text, problem: int, explanation: Explanation) -> Mend | None:
    """The mend of the line libyaml refused at ``problem``, when ``explanation`` (what
    ``explain`` says of that error) retypes a dash, or quotes a plain text with a key (or
    a list item) before it, to the end of its line or of the lines it is wrapped onto;
    None for any other error."""
    if explanation.retype:
        return _dash(text, explanation)
    row, column = text.row_column(problem)
    line = text.parse(row)
    value_start = text.index(row, line.value_column)
    if not line.value or line.value_column > column:
        return None
    # Text refused for its first character: after a key, or as an item of a list
    # ('- `kubectl get pods` lists pods'), whose text a deeper line below would go on.
    start = explanation.refused_start and explanation.index == value_start
    if start and (line.key is not None or line.dash_columns):
        depth = line.key_column if line.key is not None else line.dash_columns[-1]
        return _quoted_line(text, row, line, explanation, depth, item=False)
    if not _quotable(line.value):
        return None
    if line.key is None:  # a list item's text: '- <1,100 characters> Tip: x'
        return _item_text(text, row, line, explanation)
    # A text quoted from its key on ("- Tip: read: twice" read as one text) is an item of
    # a list: a line under it continues the text unless it is no deeper than the '- '.
    item = bool(line.dash_columns) and explanation.index == text.index(row, line.key_column)
    if explanation.index != value_start and not item:
        return None  # another mistake explains the error
    depth = line.dash_columns[0] if item else line.key_column
    return _quoted_line(text, row, line, explanation, depth, item)


def _item_text(text: Text, row: int, line: Line, explanation: Explanation) -> Mend | None:
    """The mend of a list item's text holding a ': ' YAML refuses, quoted from its start
    (where ``explanation`` is). ``lint --fix`` makes it in a list of texts (an exam tip,
    which it quotes where YAML reads it as 'key: value' too) where YAML read no key in it,
    its first ': ' being further on than a key may be long; one after a key ('- Read it
    twice, then: answer: B') is the author's, as in '- Tip: read: twice'."""
    if not line.dash_columns or explanation.index != text.index(row, line.value_column):
        return None
    depth = line.dash_columns[-1]
    first = _INDICATOR.search(_ONE_SPACE_NOTE.split(line.value, maxsplit=1)[0])
    no_key = first is not None and first.start() > KEY_LENGTH
    in_texts = (list_key_at(text, row, depth) or ("", False))[0] in TEXT_LISTS
    return _quoted_line(text, row, line, explanation, depth, item=not (no_key and in_texts))


def _quoted_line(
    text: Text, row: int, line: Line, explanation: Explanation, depth: int, item: bool
) -> Mend | None:
    """The mend that quotes the text from ``explanation.index`` to the end of the value on
    ``row`` (a note set two spaces off left after it), or to the end of the lines below it
    deeper than ``depth``, which go on with the text (``Mend.wrapped``). ``item``: a list
    item's text read from its key on, or one ``lint --fix`` leaves to the author
    (``_item_text``)."""
    value_start = text.index(row, line.value_column)
    wrapped = wrapped_rows(text, row, depth)
    if wrapped is None:
        return None
    if text_on_lines(text, explanation.index, explanation.index) is not None:
        return None  # its text goes on below, at its key's place: a '|' block, not quotes
    end = value_start + len(line.value)
    if wrapped:  # the whole text, to its last line: quoted, its lines are folded as before
        if any(_ONE_SPACE_NOTE.search(text.lines[at]) for at in (row, *wrapped)):
            return None  # a note ends a plain text: YAML's to read, not quotes'
        end = text.index(wrapped[-1], len(text.lines[wrapped[-1]].rstrip(" \t")))
    written = text.text[explanation.index : end]
    note = _NOTE.search(written)
    written = written[: note.start()] if note else written
    _, start_column = text.row_column(explanation.index)
    fixable = not wrapped and not item and not curly_quoted(written)
    fixable = fixable and not _ONE_SPACE_NOTE.search(written)
    # '> Which': a block text, or '>' as text? '!Hola': a tag YAML reads is the author's
    # to mend, and one it cannot read looks the same (``tags``).
    fixable = fixable and not BLOCK_HEADER.match(written) and not written.startswith("!")
    end = explanation.index + len(written)
    return Mend(
        row, start_column, explanation.index, end, explanation, fixable, None, bool(wrapped)
    )


def _dash(text: Text, explanation: Explanation) -> Mend:
    """The dash at ``explanation.index`` and the blank after it, to type as '- ' (the
    ``retype``, as long): its item starts after them and any more spaces."""
    row, column = text.row_column(explanation.index)
    retyped = len(explanation.retype or "")
    after = text.lines[row][column + retyped :]
    item_column = column + retyped + len(after) - len(after.lstrip(" "))
    at = explanation.index
    return Mend(row, column, at, at + retyped, explanation, True, item_column)


def _quotable(value: str) -> bool:
    """Whether quoting ``value`` on its line for its ': ' makes it the text it reads as:
    plain text. One that starts with a character YAML reserves is quoted for that, where
    YAML refuses it there (``Explanation.refused_start``)."""
    return bool(value) and value[0] not in _NOT_PLAIN and value[:2] not in ("- ", "? ", ": ")


@dataclass(frozen=True)
class Mends:
    """The lines YAML refuses that lint can mend, from the first error on; ``text``, the
    file with each of them mended; whether that text ``parses``, and whether ``lint --fix``
    refuses to rewrite it all the same (``fix_refuses``): it then mends nothing."""

    lines: list[Mend]
    text: str
    parses: bool
    refused: bool = False


def at_once(text: str, first: Mend) -> Mends | None:
    """``first`` and every later line that looks like it, each kept only where the parse
    of the text with all of them mended confirms it; None if that text does not parse."""
    lines = Text(text)
    found = [first]
    for row in range(first.row + 1, len(lines.lines)):
        line = _refused(lines, row)
        if line is not None:
            found.append(line)
    mended = mend(text, found)
    confirmed = _places(mended)
    if confirmed is None:
        return None
    quoted_values, items = confirmed
    kept = [line for line in found if _confirmed(line, quoted_values, items)]
    if len(kept) < len(found):
        mended = mend(text, kept)  # without what a '|' text held, say: parsed again
        if _places(mended) is None:
            return None
    return Mends(kept, mended, True, fix_refuses(mended))


def mend(text: str, lines: list[Mend]) -> str:
    """``text`` with each of ``lines`` (in file order) mended."""
    pieces, done = [], 0
    for line in lines:
        pieces += [text[done : line.start], line.mended(text[line.start : line.end])]
        done = line.end
    return "".join([*pieces, text[done:]])


def _refused(text: Text, row: int) -> Mend | None:
    """The mend of ``row``, as libyaml would refuse it were it the first error: a dash
    that starts a list item, a plain value that starts with a character YAML reserves,
    or a ':' YAML refuses in a plain value (before any comment); None for any other line."""
    dash = lookalike_dash(text, row, expected_item=True)
    if dash is not None:
        return _dash(text, dash)
    line = text.parse(row)
    if not line.value or (line.key is None and not line.dash_columns):
        return None
    if line.value[0] in RESERVED_STARTS:
        at = text.index(row, line.value_column)
        explanation = odd_token(text, at, at)
    elif line.value[0] in MARKUP_STARTS:
        if _FLOW_ALONE.fullmatch(line.value):
            return None  # 'answer: [A, C]', as most such lines: YAML reads it, no parse needed
        found = _refused_alone(text, row)
        if found is None:
            return None
        at, explanation = found
    elif line.key is not None and _quotable(line.value):
        colon = _INDICATOR.search(_ONE_SPACE_NOTE.split(line.value, maxsplit=1)[0])
        if colon is None:
            return None
        at = text.index(row, line.value_column + colon.start())
        explanation = colon_in_text(text, at, at)  # as libyaml would stop there
    else:
        return None
    return None if explanation is None else mend_at(text, at, explanation)


def _refused_alone(text: Text, row: int) -> tuple[int, Explanation] | None:
    """Where libyaml refuses the value on ``row``, read as the only line of a file, and
    why, when that is for the character it starts with ('A: [default] settings', 'A: *nix
    systems'), in the file's own places; None where YAML reads it ('answer: [A, C]')."""
    from exambank.syntax_hints import explain, first_error  # which import this module

    alone = text.lines[row] + "\n"  # its columns as in the file
    error = first_error(alone)
    mark = None if error is None else error.problem_mark
    said = None if error is None else explain(alone, error)
    if mark is None or said is None or not said.refused_start or mark.line != 0:
        return None
    moved = replace(said, index=text.index(row, said.index))
    return text.index(row, mark.column), moved


def _confirmed(line: Mend, quoted_values: set[Place], items: set[Place]) -> bool:
    if line.item_column is not None:
        return (line.row, line.item_column) in items
    return (line.row, line.column) in quoted_values


def fix_refuses(text: str) -> bool:
    """Whether ``lint --fix`` refuses to rewrite ``text``, a file with its lines mended,
    which parses: as any file, where reading it finds a problem (an anchor, an alias, a
    tag, a key written twice) or a key YAML types ('2:', a merge key '<<')."""
    problems: list[Diagnostic] = []
    source = Source(Path("mended.yaml"), "mended.yaml")
    EventReader(source, problems).read(text)
    source.fix_refused = bool(problems)
    return source.fix_refuses()


def _places(text: str) -> tuple[set[Place], set[Place]] | None:
    """Where each quoted value of block YAML starts in ``text``, and each item of a block
    list; None if ``text`` does not parse."""
    quoted_values: set[Place] = set()
    items: set[Place] = set()
    flows = [False]  # for each open collection: whether it is written in flow style
    block_lists = [False]  # and whether it is a list in block style
    loader = CSafeLoader(text)
    try:
        while (kind := type(event := loader.get_event())) is not StreamEndEvent:
            start = (event.start_mark.line, event.start_mark.column)
            if block_lists[-1] and issubclass(kind, _NODES):
                items.add(start)
            if issubclass(kind, CollectionStartEvent):
                flows.append(flows[-1] or bool(event.flow_style))
                block_lists.append(kind is SequenceStartEvent and not flows[-1])
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                flows.pop()
                block_lists.pop()
            elif kind is ScalarEvent and event.style in ("'", '"') and not flows[-1]:
                quoted_values.add(start)
    except MarkedYAMLError:
        return None
    finally:
        loader.dispose()
    return quoted_values, items
