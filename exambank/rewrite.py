"""Rewrite bank files without losing a word or a comment of what the author wrote.

``fmt``, ``lint --fix`` and ``new`` all change files through here. ruamel.yaml's round-trip
loader keeps comments, blank lines and the style of every value; this module reads a file
both ways (lint's reader decides whether it may be rewritten at all), edits the tree and
writes its new text. ``exambank.saving`` then replaces a file only once that text reads back
as intended.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.compat import ordereddict
from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import CommentMark, MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken, ScalarToken

from exambank.errors import UsageError
from exambank.load import iter_yaml_files, read_source
from exambank.model import BOOLEAN_KEYS, BOOLEAN_SPELLINGS
from exambank.paths import find_banks, is_yaml
from exambank.source import Position, Source, line_and_column

# Width is effectively unlimited: long lines are wrapped on purpose (``layout``), never by
# the emitter, which would otherwise break plain and quoted text across lines.
_NO_WRAP = 1_000_000


class RewriteError(Exception):
    """A file that cannot be rewritten safely; it is left as it was."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class _Emitter(Emitter):
    """Prefers double quotes, as the bank's authors do, where YAML needs quotes at all.

    Given how the tree was read (``source_lines``, and ``one_space``: where lint saw a
    comment one space after plain text), a comment after a value keeps its distance as
    comment-in-text reads it: such a comment stays one space on (it may be the rest of a
    text YAML cut short), any other is written at least two spaces on, so a rewrite never
    makes a note look like such a cut, nor hides one."""

    source_lines: ClassVar[list[str] | None] = None
    one_space: ClassVar[frozenset[Position]] = frozenset()

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

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        chosen_by_author = self.event.style in ("'", '"')
        if style == "'" and not chosen_by_author and '"' not in self.event.value:
            return '"'
        return style


def round_trip() -> YAML:
    """A loader and dumper that keeps comments and quoting, with the bank's indentation."""
    yaml = YAML(typ="rt")
    yaml.Emitter = _Emitter
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = _NO_WRAP
    yaml.preserve_quotes = True
    return yaml


@dataclass(frozen=True)
class Loaded:
    """A file as bytes on disk, as lint reads it, and as an editable round-trip tree."""

    raw: bytes
    source: Source
    tree: Any
    text: str  # as the tree was read: line ends made LF


@dataclass(frozen=True)
class Rewrite:
    """New text for a file, the data lint must read from it before it may be saved, and
    the file as lint read it before (``before``: where its comments sit)."""

    path: Path
    old: bytes
    new: str
    data: Any
    before: Source
    # What ``new`` was made from, when YAML cannot read ``old`` itself: ``old`` with the
    # text of its lines like 'explanation: Réponse : B' put in quotes (``lint --fix``).
    quoted: bytes | None = None

    @property
    def changed(self) -> bool:
        return self.new.encode("utf-8") != self.old

    @property
    def old_text(self) -> str:
        """The old file as it was rewritten from (``lf_text``): what ``new`` differs from
        beyond its line endings and byte-order mark."""
        return lf_text(self.old)

    def changes(self) -> list[str]:
        """What the rewrite changes, in words: its "layout" (anything in ``old_text``),
        the line endings, the byte-order mark."""
        found = ["layout"] if self.new != self.old_text else []
        if b"\r\n" in self.old:
            found.append("line endings CRLF -> LF")
        elif b"\r" in self.old:  # classic Mac OS
            found.append("line endings CR -> LF")
        if self.old.startswith(codecs.BOM_UTF8):
            found.append("byte-order mark removed")
        return found


def read(path: Path, raw: bytes | None = None) -> Source:
    """``path`` (or ``raw``, as ``read_source`` says) as lint reads it. RewriteError if
    lint's reader finds any problem in it (the round-trip loader would hide duplicate keys,
    and expand an alias bomb for minutes), or no mapping with an ``id`` at the top: not a
    bank file, whatever its name (a link to some other file, a Compose file)."""
    source, problems = read_source(path, raw=raw)
    if source.data is not None and not _is_bank_file(source.data):
        raise RewriteError(
            "not a bank file: a bank file is a mapping with an 'id:' (exambank lint says more)"
        )
    if problems:
        first = problems[0]
        message = f"{first.message}; {first.hint}" if first.hint else first.message
        if len(problems) > 1:
            more = len(problems) - 1
            message += (
                f" (and {more} more problem{'s' if more > 1 else ''}: exambank lint lists them)"
            )
        raise RewriteError(message, first.line, first.column)
    if source.data is None:
        raise RewriteError("nothing to read")
    return source


def load(path: Path, raw: bytes | None = None, refuse_typed: bool = True) -> Loaded:
    """Read ``path`` (or ``raw``) both ways: RewriteError as ``read`` says, or, with
    ``refuse_typed``, for a value the dumper would write its own way (``True`` -> ``true``,
    ``+1`` -> ``1``); without, the caller keeps such values as written."""
    source = read(path, raw)  # first: it refuses a pipe, which would never end
    raw = path.read_bytes() if raw is None else raw
    if refuse_typed:
        _refuse_typed_values(source)
    text = lf_text(raw)
    try:
        tree = round_trip().load(tabs_as_spaces(text))
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(part for part in (error.context, error.problem) if part)
        if "found character '\\t'" in problem:  # lint read it: a tab inside plain text
            problem = (
                "a tab inside unquoted text, which the rewriter cannot read: quote the text "
                "or use a space"
            )
        line, column = line_and_column(text, mark.index) if mark else (1, 1)
        raise RewriteError(problem or "not valid YAML", line, column) from error
    except YAMLError as error:
        raise RewriteError(f"not valid YAML: {error}") from error
    except NotImplementedError as error:  # ruamel.yaml: "overlap in comment [...]"
        where = _TOKEN_PLACE.search(str(error))
        line, column = (int(where[1]) + 1, int(where[2]) + 1) if where else (1, 1)
        raise RewriteError(
            "fmt cannot keep a comment after a key whose value starts on a later line: "
            "move the comment to a line of its own above the key",
            line,
            column,
        ) from error
    _refuse_typed_keys(tree, text)
    return Loaded(raw, source, tree, text)


def lf_text(raw: bytes) -> str:
    """A bank file's bytes as the rewriter reads them: without a byte-order mark, and with
    LF line endings (ruamel.yaml keeps a CR inside comment tokens)."""
    return raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


_TOKEN_PLACE = re.compile(r"line: (\d+), col: (\d+)")


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


def _refuse_typed_keys(tree: Any, text: str) -> None:
    """A key YAML types (``null:``, ``2024-05-01:``, ``1:``) is kept as written by lint
    but not by the dumper (``null:`` comes back as ``!!null "":``): such a file is not
    rewritten until the key is quoted."""
    for node in _mappings(tree):
        for key in node:
            if not isinstance(key, str):
                line, column = node.lc.key(key)
                rest = text.split("\n")[line][column:].removeprefix("?").lstrip()
                written = _KEY_END.split(rest, maxsplit=1)[0].strip()
                kind = next(
                    (name for kind, name in _KEY_KINDS if isinstance(key, kind)),
                    "something other than text",
                )
                raise RewriteError(
                    f"YAML tools read the key '{written}' as {kind}; quote it first ('{written}':)",
                    line + 1,
                    column + 1,
                )


# In the order they are tried: a bool is an int, a ruamel ScalarFloat a float.
_KEY_KINDS: list[tuple[type | tuple[type, ...], str]] = [
    (type(None), "null"),
    (bool, "a boolean"),
    ((int, float), "a number"),
    (date, "a date"),  # a datetime is a date too
]
_KEY_END = re.compile(r":(?:[ \t]|$)")  # a key ends at ": " (a time has ":" in it)


def _mappings(node: Any) -> Iterator[CommentedMap]:
    if isinstance(node, CommentedMap):
        yield node
        for value in node.values():
            yield from _mappings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _mappings(item)


def _is_bank_file(data: Any) -> bool:
    """Whether ``data`` can be a manifest or section: told first, so a Compose file is
    not asked to quote its port numbers."""
    return isinstance(data, dict) and "id" in data


def _refuse_typed_values(source: Source) -> None:
    """The dumper writes numbers, booleans and nulls its own way (``True`` -> ``true``,
    ``+1`` -> ``1``, ``~`` -> nothing): a file holding one is not rewritten at all."""
    for where, (kind, text) in source.typed_scalars.items():
        if text in BOOLEAN_SPELLINGS and where[-1] in BOOLEAN_KEYS:
            continue  # a boolean where the format wants one, written back as it is
        if kind != "null" or text:
            line, column = source.where(where)
            read_as = "null" if kind == "null" else f"a {kind}"
            raise RewriteError(
                f"'{text}' is read as {read_as}; quote it first "
                "(exambank lint shows every such value)",
                line,
                column,
            )


def dump(tree: Any, read: Loaded | None = None) -> str:
    """``tree`` as YAML; given the file it was ``read`` from, comments keep their distance
    from the values before them as ``_Emitter`` says."""
    yaml = round_trip()
    if read is not None:
        lines = read.text.split("\n")
        one_space = frozenset(place for place, _ in read.source.comments_after.values())
        settings = {"source_lines": lines, "one_space": one_space}
        yaml.Emitter = type("_SourceEmitter", (_Emitter,), settings)
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def bank_files(paths: Iterable[Path]) -> list[Path]:
    """Files named by ``paths``: a YAML file as given, a folder as the YAML files of its
    banks. UsageError for anything else: only bank files may be rewritten."""
    files: dict[Path, None] = {}
    for path in paths:
        if path.is_file():
            if not is_yaml(path):
                raise UsageError(f"{path}: not a YAML file (.yaml or .yml)")
            files[path] = None
            continue
        for root in find_banks([path]):
            files.update(dict.fromkeys(iter_yaml_files(root)))
    return list(files)


def take_tail(container: CommentedMap | CommentedSeq, key: Any) -> str:
    """Remove and return the comment lines and blank lines that follow entry ``key``."""
    holder, index, slot = _tail_slot(container, key)
    token = holder.ca.items.get(index, [None] * 4)[slot]
    if token is None:
        return ""
    if ends_own_line(holder[index]):
        head, tail = "", token.value
    else:
        head, _, tail = token.value.partition("\n")
        head += "\n"
    token.value = head
    if head in ("", "\n"):
        holder.ca.items[index][slot] = None
    return str(tail)


def give_tail(container: CommentedMap | CommentedSeq, key: Any, tail: str) -> None:
    """Put ``tail`` (from ``take_tail``) right after entry ``key``."""
    if not tail:
        return
    holder, index, slot = _tail_slot(container, key)
    entry = holder.ca.items.setdefault(index, [None] * 4)
    token = entry[slot]
    if token is not None:
        token.value += tail
        return
    head = "" if ends_own_line(holder[index]) else "\n"
    entry[slot] = CommentToken(head + tail, CommentMark(0))


def _tail_slot(container: CommentedMap | CommentedSeq, key: Any) -> tuple[Any, Any, int]:
    value = container[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and value and not value.fa.flow_style():
        last = next(reversed(value)) if isinstance(value, CommentedMap) else len(value) - 1
        return _tail_slot(value, last)
    return container, key, 2 if isinstance(container, CommentedMap) else 0


def replace_value(container: CommentedMap | CommentedSeq, key: Any, value: Any) -> None:
    """Set an entry to exactly ``value``: ruamel.yaml's own item assignment would keep the
    quoting of the value it replaces."""
    if isinstance(container, CommentedMap):
        ordereddict.__setitem__(container, key, value)
    else:
        list.__setitem__(container, key, value)


def ends_own_line(value: Any) -> bool:
    """Block scalars end with their own line break; other values share it with a comment."""
    return isinstance(value, (LiteralScalarString, FoldedScalarString))
