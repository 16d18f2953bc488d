"""``exambank lint --fix``: changes that cannot alter what a bank means.

Each fix is a function over a file's data that changes it in place and says what it did.
It runs twice: on the round-trip tree that is written back, and on the data as lint reads
it, which the written file must then read back as. Anything that could change meaning,
such as relettering options, is never done here; lint's hints only suggest it.
"""

from __future__ import annotations

import codecs
import copy
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeGuard

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from exambank.file_names import MANIFEST
from exambank.fix_answer_lists import answer_lists
from exambank.fix_patches import patched, without_line_end_blanks
from exambank.fix_texts_as_keys import quote_texts_read_as_keys
from exambank.fix_unreadable import recover
from exambank.lookalikes import is_foreign_letter, latin_letter, script_of
from exambank.rewrite import Rewrite, RewriteError, load, quotable_as_text, refuse_oversize
from exambank.round_trip import INDENT, dump, keep_escapes
from exambank.schema_answer_texts import marked_letter
from exambank.schema_letters import counts_in_russian_order, fixable_lookalikes
from exambank.schema_words import describe
from exambank.source import JsonPath, Source, value_at
from exambank.tree_edits import indent_comments, replace_value

Change = tuple[JsonPath, str]  # where, and what was done ("answer letter 'b' -> 'B'")
Fix = Callable[[Any], Iterator[Change]]


@dataclass(frozen=True)
class Fixed:
    """One change made to a file, printed as ``path:line:col: fixed what``."""

    path: str
    line: int
    column: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: fixed {self.what}"


_LOWER_LETTER = re.compile(r"^[a-z]$")
_UPPER_LETTER = re.compile(r"^[A-Z]$")


def answer_case(data: Any) -> Iterator[Change]:
    """``answer: b`` where the options are lettered A, B, C...: the author meant B; a
    Cyrillic C there, the Latin C, if each Cyrillic or Greek letter of the answer surely
    stands for one option letter (``fixable_lookalikes``: not a Cyrillic Ve, which is B by
    look, C by place, D by key) and no answer of the file counts in Russian order. Only a
    letter written as text is touched; a missing answer, or one of another type, is the
    schema's to report. A lone letter in typographic quotes, or with an invisible character
    such as a no-break space, is that letter (``marked_letter``)."""
    questions = data.get("questions") if isinstance(data, dict) else None
    questions = questions if isinstance(questions, list) else []
    russian_order = counts_in_russian_order(data)
    for index, question in enumerate(questions):
        options = question.get("options") if isinstance(question, dict) else None
        if not _lettered(options):
            continue
        letters = _answer_letters(question, ("questions", index, "answer"))
        lookalikes = not russian_order and fixable_lookalikes(
            [holder[key] for holder, key, _ in letters], options
        )
        for holder, key, where in letters:
            letter = holder[key]
            latin = latin_letter(letter) if lookalikes and is_foreign_letter(letter) else None
            if _LOWER_LETTER.match(letter) or latin:
                _set_text(holder, key, latin or letter.upper())
                script = f" ({script_of(letter)})" if latin else ""
                yield where, f"answer letter '{letter}'{script} -> '{latin or letter.upper()}'"
            elif holder is question and (marked := marked_letter(letter, options)):
                _set_text(holder, key, marked[0])
                yield where, f"answer letter {marked[0]} written {marked[1]} -> '{marked[0]}'"


def _lettered(options: Any) -> TypeGuard[dict[Any, Any]]:
    """Whether ``options`` is a mapping keyed A, B, C...: only then is ``b`` surely ``B``."""
    return (
        isinstance(options, dict)
        and bool(options)
        and all(isinstance(key, str) and _UPPER_LETTER.match(key) for key in options)
    )


def _answer_letters(question: dict[Any, Any], path: JsonPath) -> list[tuple[Any, Any, JsonPath]]:
    """Where each text letter of the answer is held: the answer itself, or the text items
    of an answer list. Nothing for a missing answer or one of another type."""
    answer = question.get("answer")
    if isinstance(answer, list):
        return [
            (answer, at, (*path, at)) for at, item in enumerate(answer) if isinstance(item, str)
        ]
    return [(question, "answer", path)] if isinstance(answer, str) else []


def trailing_whitespace(
    data: Any, kept: Collection[JsonPath] = (), path: JsonPath = ()
) -> Iterator[Change]:
    """Spaces or tabs at the end of a line of text, which no reader sees. Two spaces before
    a line that continues the paragraph are kept: in Markdown they are a line break. So
    are the texts at ``kept``: double-quoted ones that write a blank as an escape ("\\t"),
    which the author typed on purpose and a reader sees in the file."""
    if not isinstance(data, (dict, list)):
        return
    entries = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in list(entries):
        if isinstance(value, (dict, list)):
            yield from trailing_whitespace(value, kept, (*path, key))
        elif isinstance(value, str) and (*path, key) not in kept:
            stripped = without_line_end_blanks(value)
            if stripped != value:
                _set_text(data, key, stripped)
                name = str(key) if isinstance(data, dict) else f"{_list_name(path)} {key + 1}"
                yield (*path, key), f"trailing whitespace in {name}"


def _list_name(path: JsonPath) -> str:
    """What a list's items are called in a message: the key the list is under."""
    return str(path[-1]) if path else "item"


def typed_text(
    data: Any, quotable: Mapping[JsonPath, tuple[str, str]], source: Source
) -> Iterator[Change]:
    """``A: 21``, ``A: true``: a number or a boolean where the schema wants text, made the
    text typed, in double quotes as ``fmt`` writes them (a plain ``yes`` would still be a
    boolean to YAML 1.1 readers). Only what ``quotable_as_text`` found: quoted, it is
    exactly what the author wrote and what every reader reads there."""
    for where, (kind, text) in quotable.items():
        holder = value_at(data, where[:-1])
        if isinstance(holder, (CommentedMap, CommentedSeq)):
            replace_value(holder, where[-1], DoubleQuotedScalarString(text))
        else:
            holder[where[-1]] = text
        yield where, f'{describe(source, where)}: the {kind} {text} as text -> "{text}"'


def _fixes(source: Source, manifest: bool, text: str) -> tuple[Fix, ...]:
    """The fixes for the file ``source`` was read from (``text``, the file as the rewriter
    reads it; a manifest if ``manifest``), in the order they are made."""
    quotable = quotable_as_text(source, manifest, text)
    return (
        partial(typed_text, quotable=quotable, source=source),
        answer_case,
        answer_lists,
        partial(trailing_whitespace, kept=source.escaped_blanks),
    )


def _set_text(holder: Any, key: Any, text: str) -> None:
    """Replace a text value, keeping how it was written (quotes, block style)."""
    old = holder[key]
    if type(old) is str:
        holder[key] = text
        return
    new = type(old)(text)
    if isinstance(old, FoldedScalarString):  # fold only where the shortened text still can
        kept = [p for p in getattr(old, "fold_pos", []) if p < len(text) - 1]
        new.fold_pos = kept
    replace_value(holder, key, new)


def fix_file(
    path: Path, display: str, size_limit: int | None = None
) -> tuple[Rewrite, list[Fixed], bool]:
    """The safe fixes for one file (RewriteError if it cannot be read or fixed safely, or
    holds more than ``size_limit`` bytes), and whether the file had to be written whole
    to make them, indented as ``fmt`` indents but with its key order and quotes (each
    fixed value is rewritten in place where it can be: ``fix_patches``). A value YAML
    types (``80``) is written back as it is: the other fixes are made. An exam tip YAML
    read as "key: value" is quoted first (``fix_texts_as_keys``)."""
    refuse_oversize(path, size_limit)  # before the scans that read a file lint refuses
    recovered: list[Fixed] = []  # what was fixed to read the file at all
    try:
        loaded = load(path, refuse_typed=False)
        raw = loaded.raw
    except RewriteError as error:
        # only a file lint refuses is scanned; one that is no file to read at all (a
        # dangling link, a folder, a pipe, which would never end) is as load says
        if not path.is_file():
            raise
        try:
            raw = path.read_bytes()
        except OSError:
            raise error from None
        found = recover(path, display, raw)
        if found is None:
            raise
        loaded, changes_to_read = found
        recovered = [Fixed(display, *place, what) for place, what in changes_to_read]
    loaded, quoted = quote_texts_read_as_keys(path, loaded)
    recovered += [Fixed(display, *place, what) for place, what in quoted]
    _keep_typed_as_written(loaded.tree, loaded.source)
    expected = copy.deepcopy(loaded.source.data)
    changes: list[Change] = []
    for fix in _fixes(loaded.source, path.name == MANIFEST, loaded.text):
        on_tree = list(fix(loaded.tree))
        if on_tree != list(fix(expected)):
            raise RewriteError("lint and the writer read this file differently; not fixed")
        changes.extend(on_tree)
    fixed = [Fixed(display, 1, 1, what) for what in _file_fixes(loaded.raw)]
    fixed += [Fixed(display, *loaded.source.where(where), what) for where, what in changes]
    text, in_place = loaded.raw.decode("utf-8-sig"), None
    if fixed:
        edited = [where for where, _ in changes]
        in_place = patched(path, loaded.text, loaded.tree, edited, expected)
        if in_place is None and isinstance(loaded.tree, (CommentedMap, CommentedSeq)):
            keep_escapes(loaded.tree, loaded.source)  # as fmt does: a slip stays in sight
            indent_comments(loaded.tree, INDENT)  # as fmt does: indentation becomes fmt's
        text = dump(loaded.tree, loaded) if in_place is None else in_place
    laid_out = bool(fixed) and in_place is None
    fixed = sorted(recovered + fixed, key=lambda change: (change.line, change.column))
    made_from = loaded.raw if recovered else None
    return Rewrite(path, raw, text, expected, loaded.source, made_from), fixed, laid_out


class AsWritten:
    """A plain value YAML types (``80``, ``True``, ``~``), held in the round-trip tree as
    the text it was written as: written back as it is, where the dumper would write ``1``
    for ``+1``, ``true`` for ``True``, nothing for ``~``. Being no text, fixes skip it,
    and lint still reports it."""

    def __init__(self, text: str) -> None:
        self.text = text


def _represent_as_written(representer: Any, value: AsWritten) -> Any:
    # Tagged as YAML resolves the text, so the emitter may write it plain: as it was.
    tag = representer.dumper.resolver.resolve(ScalarNode, value.text, (True, False))
    return representer.represent_scalar(tag, value.text)


RoundTripRepresenter.add_representer(AsWritten, _represent_as_written)


def _keep_typed_as_written(tree: Any, source: Source) -> None:
    """Replace each value lint read as a number, boolean or null by ``AsWritten``."""
    for where, (_, text) in source.typed_scalars.items():
        if not text:
            continue  # 'key:' with nothing after it: written back as nothing
        try:
            holder = value_at(tree, where[:-1])
            value_at(holder, where[-1:])  # there, as lint read it
        except (KeyError, IndexError, TypeError):
            raise RewriteError("lint and the writer read this file differently") from None
        replace_value(holder, where[-1], AsWritten(text))


def _file_fixes(raw: bytes) -> list[str]:
    """What rewriting the file fixes by itself: it is written as UTF-8 with LF endings."""
    found = []
    if b"\r\n" in raw:
        found.append("line endings: CRLF -> LF")
    elif b"\r" in raw:  # classic Mac OS
        found.append("line endings: CR -> LF")
    if raw.startswith(codecs.BOM_UTF8):
        found.append("byte-order mark removed")
    return found
