"""Rewrite bank files without losing a word or a comment of what the author wrote.

``fmt``, ``lint --fix`` and ``new`` all change files through here. ruamel.yaml's round-trip
loader (``exambank.round_trip``) keeps comments, blank lines and the style of every value;
this module reads a file both ways (lint's reader decides whether it may be rewritten at
all) and describes the rewrite made of it; ``exambank.tree_edits`` edits the tree in place.
``exambank.saving`` then replaces a file only once its new text reads back as intended.
"""

from __future__ import annotations

import codecs
import difflib
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from exambank.errors import UsageError
from exambank.file_names import MANIFEST, is_yaml
from exambank.load import is_bank_file, iter_yaml_files, oversize, read_source
from exambank.model import BOOLEAN_KEYS, BOOLEAN_SPELLINGS
from exambank.paths import find_banks
from exambank.round_trip import Loaded, round_trip, tabs_as_spaces
from exambank.schema_words import holds_text, same_text_quoted
from exambank.source import JsonPath, Source, line_and_column
from exambank.tree_edits import comments_after_dashes


class RewriteError(Exception):
    """A file that cannot be rewritten safely; it is left as it was."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class NotSaved(RewriteError):
    """A rewrite that is sound but was not saved: the file cannot be written (a full disk,
    no permission), is read-only, or changed after it was read. The runner's trouble, not
    the file's: exit status 3, as for any file exambank cannot write."""


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

    def lines_changed_besides(self, lines: Collection[int]) -> int:
        """How many lines of ``old_text`` the rewrite changes other than ``lines`` (1-based):
        a fix to a file not in fmt's layout writes it in that layout whole, and a one-letter
        fix then shows as a diff of a hundred lines unless that is said."""
        changed: set[int] = set()
        matcher = difflib.SequenceMatcher(
            None, self.old_text.splitlines(), self.new.splitlines(), autojunk=False
        )
        for tag, start, end, _, _ in matcher.get_opcodes():
            if tag in ("replace", "delete"):
                changed.update(range(start + 1, end + 1))
        return len(changed.difference(lines))


def refuse_oversize(path: Path, size_limit: int | None) -> None:
    """RewriteError, at line 1, for a file of more than ``size_limit`` bytes (None: no
    limit): it is not read at all, let alone rewritten (lint reports it: ``file-size``)."""
    too_big = None if size_limit is None else oversize(path, size_limit)
    if too_big is not None:
        raise RewriteError("; ".join(too_big))


def read(path: Path, raw: bytes | None = None) -> Source:
    """``path`` (or ``raw``, as ``read_source`` says) as lint reads it. RewriteError if
    lint's reader finds any problem in it (the round-trip loader would hide duplicate keys,
    and expand an alias bomb for minutes), or no mapping with an ``id`` at the top: not a
    bank file, whatever its name (a link to some other file, a Compose file)."""
    source, problems = read_source(path, raw=raw)
    if source.data is not None and not is_bank_file(source.data):
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
    _refuse_merge_keys(source)
    raw = path.read_bytes() if raw is None else raw
    text = lf_text(raw)
    if refuse_typed:
        _refuse_typed_values(source, quotable_as_text(source, path.name == MANIFEST, text))
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
    except ValueError as error:  # a number of more digits than Python reads (4,300)
        raise RewriteError(
            "a number of more than 4,300 digits, which the rewriter cannot read: quote it, "
            "or shorten it ('exambank lint' says where)"
        ) from error
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
    comments_after_dashes(tree, text)
    return Loaded(raw, source, tree, text)


def lf_text(raw: bytes) -> str:
    """A bank file's bytes as the rewriter reads them: without a byte-order mark, and with
    LF line endings (ruamel.yaml keeps a CR inside comment tokens)."""
    return raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


_TOKEN_PLACE = re.compile(r"line: (\d+), col: (\d+)")


def _refuse_merge_keys(source: Source) -> None:
    """A merge key (``<<: {difficulty: easy}``) is a key of its own to lint, which reports
    it, but the round-trip reader merges its keys into the mapping: such a file is not
    rewritten, where the two would disagree about what it holds."""
    for path, mark in source.keys.items():
        if path and path[-1] == "<<":
            raise RewriteError(
                "a merge key ('<<') is not supported in bank files: write its keys out in full",
                *source.position(mark),
            )


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


def _refuse_typed_values(source: Source, quotable: Collection[JsonPath]) -> None:
    """The dumper writes numbers, booleans and nulls its own way (``True`` -> ``true``,
    ``+1`` -> ``1``, ``~`` -> nothing): a file holding one is not rewritten at all. The
    error says so where ``lint --fix`` would quote the value (``quotable``)."""
    for where, (kind, text) in source.typed_scalars.items():
        if text in BOOLEAN_SPELLINGS and where[-1] in BOOLEAN_KEYS:
            continue  # a boolean where the format wants one, written back as it is
        if kind != "null" or text:
            line, column = source.where(where)
            read_as = "null" if kind == "null" else f"a {kind}"
            how = "lint --fix quotes it" if where in quotable else "lint shows every such value"
            raise RewriteError(
                f"'{text}' is read as {read_as}; quote it first (exambank {how})",
                line,
                column,
            )


def quotable_as_text(source: Source, manifest: bool, text: str) -> dict[JsonPath, tuple[str, str]]:
    """The values ``lint --fix`` quotes in the file ``source`` read from ``text`` (as
    ``lf_text`` gives it), as (kind, text written): a number or a boolean YAML typed where
    a manifest (or else a section) holds the author's text (``holds_text``), whose text in
    quotes is exactly what was typed and what each reader reads there (``same_text_quoted``:
    21 or true, not 3.10 or null). Not a value a comment follows one space on: its text
    may go on after the '#' (comment-in-text). Lint's hint says so where ``quoted_by_fix``."""
    lines = text.split("\n")
    return {
        where: (kind, written)
        for where, (kind, written) in source.typed_scalars.items()
        if same_text_quoted(kind, written)
        and holds_text(where, manifest)
        and _stands_alone(lines, source.where(where), written)
    }


def _stands_alone(lines: list[str], at: tuple[int, int], written: str) -> bool:
    """Whether ``written`` stands at ``at`` in ``lines`` with no '#' one space or tab after
    it (a comment YAML cut it short at)."""
    row, column = at
    line = lines[row - 1] if 0 < row <= len(lines) else ""
    end = column - 1 + len(written)
    return line[column - 1 : end] == written and not _CUT.match(line, end)


_CUT = re.compile(r"[ \t]#")


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
