"""ruamel.yaml's round trip as bank files need it: a loader and dumper that keep comments,
blank lines and the style of every value, and write with the bank's indentation, double
quotes and no wrapping; ``dump`` keeps each comment's distance from the value before it,
and ``tabs_as_spaces`` lets the round-trip scanner read what libyaml reads.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, ClassVar

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, SequenceNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tokens import ScalarToken

from exambank.escapes import ESCAPE, ESCAPE_OF, MADE_OF, slips
from exambank.source import JsonPath, Position, Source
from exambank.tree_edits import replace_value

INDENT = 2  # what a block mapping's keys, or a list's dashes, are indented by in their parent

# Width is effectively unlimited: long lines are wrapped on purpose (``layout``), never by
# the emitter, which would otherwise break plain and quoted text across lines.
_NO_WRAP = 1_000_000


class _Emitter(Emitter):
    """Prefers double quotes, as the bank's authors do, where YAML needs quotes at all.

    Given how the tree was read (``source_lines``, and ``one_space``: where lint saw a
    comment one space after plain text), a comment after a value keeps its distance as
    comment-in-text reads it: such a comment stays one space on (it may be the rest of a
    text YAML cut short), any other is written at least two spaces on, so a rewrite never
    makes a note look like such a cut, nor hides one."""

    source_lines: ClassVar[list[str] | None] = None
    one_space: ClassVar[frozenset[Position]] = frozenset()
    # The texts of the ``Escaped`` values: for each, which of its characters YAML makes of
    # an escape (``MADE_OF``) the source wrote as that escape, in order; None: all of them.
    escaped: ClassVar[dict[str, tuple[bool, ...] | None]] = {}

    def write_comment(self, comment: Any, pre: bool = False) -> None:
        mark: Any = getattr(comment, "start_mark", None)
        row, lines = getattr(mark, "line", None), self.source_lines
        if row is None or lines is None or not comment.value.startswith("#"):
            super().write_comment(comment, pre)  # a comment made by exambank has no line
            return
        before = lines[row][: mark.column] if 0 <= row < len(lines) else ""
        if not before.strip():  # a comment on a line of its own
            super().write_comment(comment, pre)
            return
        column = mark.column
        one_space = (row + 1, column + 1) in self.one_space
        if pre:  # what it followed is not written ('---  # c'): now a line of its own
            mark.column = 0
        else:
            mark.column = self.column + 1 if one_space else max(column, self.column + 2)
        try:
            super().write_comment(comment, pre)
        finally:
            mark.column = column

    def write_double_quoted(self, text: Any, split: Any = True) -> None:
        if text in self.escaped:
            written = _escaped(text, self.escaped[text])
        elif any(character in ESCAPE_OF for character in text):
            written = _unslipped(text)
        else:
            super().write_double_quoted(text, split)
            return
        self.write_indicator('"', True)
        self.column += len(written)
        self.stream.write(written.encode(self.encoding) if self.encoding else written)
        self.write_indicator('"', False)

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        chosen_by_author = self.event.style in ("'", '"')
        if style == "'" and not chosen_by_author and '"' not in self.event.value:
            return '"'
        return style


class _Composer(Composer):
    """Keeps the comments above a '---' start marker, which ruamel.yaml drops with the
    marker: they go before the root, with any comments below the marker, and the marker
    itself is not written back."""

    def compose_document(self) -> Any:
        start = self.parser.peek_event()  # the document's start, which the composer drops
        node = super().compose_document()
        above = start.comment[1] if start.comment else None
        if above and isinstance(node, (MappingNode, SequenceNode)):
            comment = node.comment or [None, None]
            comment[1] = above + (comment[1] or [])
            node.comment = comment
        return node


class _Constructor(RoundTripConstructor):
    """Reads a date that is no day ("2024-02-30") as the text it is to lint, where
    ruamel.yaml fails on it: lint asks to quote such text, and ``lint --fix`` does."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return node.value


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def round_trip() -> YAML:
    """A loader and dumper that keeps comments and quoting, with the bank's indentation."""
    yaml = YAML(typ="rt")
    yaml.Composer = _Composer
    yaml.Constructor = _Constructor
    yaml.Emitter = _Emitter
    yaml.indent(mapping=INDENT, sequence=2 * INDENT, offset=INDENT)
    yaml.width = _NO_WRAP
    yaml.preserve_quotes = True
    return yaml


class Escaped(DoubleQuotedScalarString):
    """A text written back in double quotes with each character YAML makes of an escape
    an author may type by mistake written as the author wrote it: as that escape ("\\t"
    for a tab, "\\_" for a no-break space) where the source has the escape, in hex
    ("\\x09") where it has the character itself (a no-break space as itself). A text
    holding such a slip ("C:\\temp") keeps it in sight, for the author and for the
    escape-in-text rule, where the dumper would write a tab or a block; a tab or a
    no-break space typed as such never reads as one."""

    __slots__ = ()


RoundTripRepresenter.add_representer(
    Escaped, RoundTripRepresenter.represent_double_quoted_scalarstring
)


def keep_escapes(tree: Any, source: Source) -> None:
    """Make each text of ``tree`` holding an escape slip (``source.escape_slips``) an
    ``Escaped``, so that it is written as the author wrote it."""
    for path in source.escape_slips:
        holder = _at(tree, path[:-1])
        if holder is not None and isinstance(_at(holder, path[-1:]), str):
            replace_value(holder, path[-1], Escaped(holder[path[-1]]))


def _at(tree: Any, path: JsonPath) -> Any:
    """The value at ``path`` in ``tree``; None if there is none."""
    for key in path:
        try:
            tree = tree[key]
        except (KeyError, IndexError, TypeError):
            return None
    return tree


_LETTERED = frozenset(ESCAPE_OF.values())  # "\\t", "\\_" ...


def _escaped(text: str, as_escapes: tuple[bool, ...] | None) -> str:
    """``text`` as an ``Escaped`` text writes it inside double quotes: a character of
    ``ESCAPE_OF`` as its escape where ``as_escapes`` (one flag for each, in order) says
    the source wrote it so, or everywhere if None; a no-break space typed as such stays
    one. A tab right before such an escape is written as itself: after "\\x09", "\\temp"
    reads as a second escaped character, no longer as a slip."""
    flags = iter(as_escapes or ())
    pieces = [
        ESCAPE_OF[character]
        if character in ESCAPE_OF and (as_escapes is None or next(flags))
        else _escape(character)
        for character in text
    ]
    for index, piece in enumerate(pieces[:-1]):
        if text[index] == "\t" and len(piece) > 2 and pieces[index + 1] in _LETTERED:
            pieces[index] = text[index]
    return "".join(pieces)


def _unslipped(text: str) -> str:
    """``text`` inside double quotes as the dumper writes it ("\\t" for a tab), but with
    a character whose escape would read as a slip ("a\\ttab") in hex ("a\\x09tab"), and
    a no-break space as itself: the text holds no slip of its author's, and gets none."""
    pieces = [
        character if character in _AS_TYPED else ESCAPE_OF.get(character) or _escape(character)
        for character in text
    ]
    starts = list(accumulate((len(piece) for piece in pieces), initial=1))
    written = '"' + "".join(pieces) + '"'
    for at in slips(written, 0, len(written)):
        index = bisect_left(starts, at)
        pieces[index] = _escape(text[index])
    return "".join(pieces)


# Characters written inside double quotes as typed, though Python does not call them
# printable: a no-break space, which French sets before ":" and "?" and inside « », reads
# as what it is to its author, where "\\_" or "\\xA0" would not; YAML takes it as it is.
_AS_TYPED = frozenset("\xa0")


def _escape(character: str) -> str:
    """``character`` inside double quotes, where it is not written as a letter escape."""
    if character in '"\\':
        return "\\" + character
    if character.isprintable() or character in _AS_TYPED:
        return character
    code = ord(character)
    return (
        f"\\x{code:02X}"
        if code <= 0xFF
        else f"\\u{code:04X}"
        if code <= 0xFFFF
        else f"\\U{code:08X}"
    )


@dataclass(frozen=True)
class Loaded:
    """A file as bytes on disk, as lint reads it, and as an editable round-trip tree."""

    raw: bytes
    source: Source
    tree: Any
    text: str  # as the tree was read: line ends made LF


def dump(tree: Any, read: Loaded | None = None) -> str:
    """``tree`` as YAML; given the file it was ``read`` from, comments keep their distance
    from the values before them as ``_Emitter`` says."""
    yaml = round_trip()
    if read is not None:
        lines = read.text.split("\n")
        one_space = frozenset(place for place, _ in read.source.comments_after.values())
        escaped: dict[str, tuple[bool, ...] | None] = {}
        for path in read.source.escape_slips:
            value = _at(tree, path)
            if isinstance(value, Escaped):
                escaped[str(value)] = _as_written(str(value), read, lines, path)
        settings = {"source_lines": lines, "one_space": one_space, "escaped": escaped}
        yaml.Emitter = type("_SourceEmitter", (_Emitter,), settings)
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def _as_written(
    value: str, read: Loaded, lines: list[str], path: JsonPath
) -> tuple[bool, ...] | None:
    """For each character of ``ESCAPE_OF`` in ``value``, in order, whether the
    double-quoted scalar at ``path`` in ``read`` wrote it as that escape; None if the
    scalar is not found or holds other such characters (a fix changed them)."""
    line, column = read.source.where(path)
    start = sum(len(text) + 1 for text in lines[: line - 1]) + column - 1
    text = read.text
    if text[start : start + 1] != '"':
        return None
    end = start + 1  # the closing quote: the first '"' that is not escaped
    while end < len(text) and text[end] != '"':
        end += 2 if text[end] == "\\" else 1
    marked = ESCAPE.sub(_marker, text[start : end + 1])  # each letter escape a marker
    loader = CSafeLoader(marked)
    try:
        read_back = loader.get_single_data()
    except YAMLError:
        return None
    finally:
        loader.dispose()
    if not isinstance(read_back, str):
        return None
    made = [
        (_MARKED.get(character, character), character in _MARKED)
        for character in read_back
        if character in ESCAPE_OF or character in _MARKED
    ]
    if [character for character, _ in made] != [c for c in value if c in ESCAPE_OF]:
        return None
    return tuple(as_escape for _, as_escape in made)


# A character no bank holds for each letter escape of ``MADE_OF``, to tell, once YAML has
# read a scalar, which of its characters the source wrote as such an escape.
_MARKER = {letter: chr(0xF0000 + ord(letter)) for letter in MADE_OF}
_MARKED = {_MARKER[letter]: made for letter, (made, _) in MADE_OF.items()}


def _marker(escape: re.Match[str]) -> str:
    """A letter escape as the escape of its marker; any other escape as it is."""
    letter = escape[0][1:]
    return f"\\U{ord(_MARKER[letter]):08X}" if letter in _MARKER else escape[0]


def tabs_as_spaces(text: str) -> str:
    """``text`` with each tab between two tokens (after "answer: C", before a comment, in
    a block scalar's header) as the space it stands for: YAML allows it and libyaml reads
    it, but ruamel.yaml's scanner refuses it. One pass of libyaml's scanner tells which
    stretches lie between tokens; tabs in text and in comments stay."""
    if "\t" not in text:
        return text
    spans: list[tuple[int, int, bool]] = []  # each token: start, end, a block scalar's
    scanner = CSafeLoader(text)
    try:
        while (token := scanner.get_token()) is not None:
            start, end = token.start_mark.index, token.end_mark.index
            block = type(token) is ScalarToken and text[start : start + 1] in ("|", ">")
            spans.append((start, end, block))
    except YAMLError:
        return text  # the load reports it
    finally:
        scanner.dispose()
    pieces: list[str] = []
    done = 0  # text[:done] is in pieces
    for start, end, block in spans:
        if start > done:  # between tokens: whitespace, comments, line breaks
            pieces.append(_outside_comments(text[done:start]))
            done = start
        if end > done:
            if block:  # its header line: the indicators, then maybe a comment
                header = min(end, text.find("\n", done) % (len(text) + 1))
                pieces.append(_outside_comments(text[done:header]))
                done = header
            pieces.append(text[done:end])
            done = end
    pieces.append(_outside_comments(text[done:]))
    return "".join(pieces)


def _outside_comments(stretch: str) -> str:
    """Tabs as spaces in a stretch between tokens, except in its comments."""
    if "\t" not in stretch:
        return stretch
    lines = stretch.split("\n")
    for number, line in enumerate(lines):
        comment = line.find("#")
        lines[number] = (
            line.replace("\t", " ")
            if comment == -1
            else line[:comment].replace("\t", " ") + line[comment:]
        )
    return "\n".join(lines)
