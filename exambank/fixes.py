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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.scalarstring import FoldedScalarString

from exambank.rewrite import Rewrite, RewriteError, dump, load, replace_value
from exambank.source import JsonPath

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
_TRAILING_SPACE = re.compile(r"[ \t]+$")


def answer_case(data: Any) -> Iterator[Change]:
    """``answer: b`` where the options are lettered A, B, C...: the author meant B. Only a
    letter written as text is touched; a missing answer, or one of another type, is the
    schema's to report, so it is left as it is."""
    questions = data.get("questions") if isinstance(data, dict) else None
    for index, question in enumerate(questions if isinstance(questions, list) else []):
        if not isinstance(question, dict) or not _lettered(question.get("options")):
            continue
        for holder, key, where in _answer_letters(question, ("questions", index, "answer")):
            letter = holder[key]
            if _LOWER_LETTER.match(letter):
                _set_text(holder, key, letter.upper())
                yield where, f"answer letter '{letter}' -> '{letter.upper()}'"


def _lettered(options: Any) -> bool:
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


def trailing_whitespace(data: Any, path: JsonPath = ()) -> Iterator[Change]:
    """Spaces or tabs at the end of a line of text, which no reader sees. Two spaces before
    a line that continues the paragraph are kept: in Markdown they are a line break."""
    if not isinstance(data, (dict, list)):
        return
    entries = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in list(entries):
        if isinstance(value, (dict, list)):
            yield from trailing_whitespace(value, (*path, key))
        elif isinstance(value, str):
            lines = value.split("\n")
            for number, line in enumerate(lines):
                follows = lines[number + 1] if number + 1 < len(lines) else ""
                if not (line.endswith("  ") and follows.strip()):
                    lines[number] = _TRAILING_SPACE.sub("", line)
            stripped = "\n".join(lines)
            if stripped != value:
                _set_text(data, key, stripped)
                name = str(key) if isinstance(data, dict) else f"{_list_name(path)} {key + 1}"
                yield (*path, key), f"trailing whitespace in {name}"


def _list_name(path: JsonPath) -> str:
    """What a list's items are called in a message: the key the list is under."""
    return str(path[-1]) if path else "item"


FIXES: dict[str, Fix] = {
    "answer-case": answer_case,
    "trailing-whitespace": trailing_whitespace,
}


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


def fix_file(path: Path, display: str) -> tuple[Rewrite, list[Fixed]]:
    """The safe fixes for one file (RewriteError if it cannot be read or fixed safely)."""
    loaded = load(path)
    expected = copy.deepcopy(loaded.source.data)
    changes: list[Change] = []
    for fix in FIXES.values():
        on_tree = list(fix(loaded.tree))
        if on_tree != list(fix(expected)):
            raise RewriteError("lint and the writer read this file differently; not fixed")
        changes.extend(on_tree)
    fixed = [Fixed(display, 1, 1, what) for what in _file_fixes(loaded.raw)]
    fixed += [Fixed(display, *loaded.source.where(where), what) for where, what in changes]
    fixed.sort(key=lambda change: (change.line, change.column))
    text = dump(loaded.tree, loaded) if fixed else loaded.raw.decode("utf-8-sig")
    return Rewrite(path, loaded.raw, text, expected, loaded.source), fixed


def _file_fixes(raw: bytes) -> list[str]:
    """What rewriting the file fixes by itself: it is written as UTF-8 with LF endings."""
    found = []
    if b"\r" in raw:
        found.append("line endings: CRLF -> LF")
    if raw.startswith(codecs.BOM_UTF8):
        found.append("byte-order mark removed")
    return found
