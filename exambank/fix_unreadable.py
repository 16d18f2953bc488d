"""``lint --fix`` on a file YAML cannot read as it is: one that ends with a DOS end-of-file
mark (Ctrl-Z), has a line that starts with a byte-order mark, or holds lines
``syntax_hints.mends`` mends (text to quote, a dash typed for the '-' of a list item).
They are mended when that alone makes the file readable, and the mended file is read
back: each mended line must read as the author meant it.
"""

from __future__ import annotations

import codecs
from itertools import pairwise
from pathlib import Path

from ruamel.yaml.reader import ReaderError

from exambank.load import dos_end, read_source
from exambank.model import LIST_ITEMS
from exambank.rewrite import RewriteError, load
from exambank.round_trip import Loaded
from exambank.source import OTHER_BREAKS, JsonPath, Position, line_and_column, value_at
from exambank.syntax_hints import first_error, lines_to_mend
from exambank.syntax_hints.byte_order_marks import line_start_marks
from exambank.syntax_hints.mends import Mend, mend
from exambank.syntax_hints.text import DASH_LOOKALIKES, Text, quoted

Recovered = tuple[Position, str]  # where (line, column), and what was fixed
_CTRL_Z = "DOS end-of-file mark (Ctrl-Z)"
_BOM = "byte-order mark (U+FEFF)"


def recover(path: Path, display: str, raw: bytes) -> tuple[Loaded, list[Recovered]] | None:
    """``raw``, the bytes of ``path``, read as fixed to be read at all: without the DOS
    end-of-file mark (Ctrl-Z) that ends it, which YAML refuses and no editor shows, and the
    byte-order marks that start its lines (pasted text's, joined files'), which no editor
    shows either, and with its lines like 'explanation: Réponse : B' mended (None if none
    of it helps): the file as read, and the fixes. RewriteError if something else keeps it
    from being read."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    mark = dos_end(text)
    if mark is not None and not text[:mark].strip():
        return None  # the file holds nothing else: lint says so
    kept = text if mark is None else text[:mark]
    marks = line_start_marks(kept)
    removed = [(line_and_column(text, at), f"{_BOM} removed") for at in marks]
    if mark is not None:
        removed.append((line_and_column(text, mark), f"{_CTRL_Z} removed"))
    if not removed:
        return _load_mended(path, display, raw)
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    pieces = (kept[start + 1 : end] for start, end in pairwise([-1, *marks, len(kept)]))
    raw = bom + "".join(pieces).encode("utf-8")
    try:
        return load(path, raw, refuse_typed=False), removed
    except RewriteError as error:
        mended = _load_mended(path, display, raw)
        if mended is None:
            names = [_BOM] * bool(marks) + [_CTRL_Z] * (mark is not None)
            verb = "are" if len(names) > 1 else "is"
            raise RewriteError(
                f"the {' and the '.join(names)} {verb} removed only once the rest of the "
                f"file reads: mend this first ({error})",
                error.line,
                error.column,
            ) from error
    loaded, mending = mended
    return loaded, removed + mending


def _load_mended(path: Path, display: str, raw: bytes) -> tuple[Loaded, list[Recovered]] | None:
    """``raw`` (the bytes of ``path``) read with each line ``lines_to_mend`` finds mended,
    when YAML refuses those lines and nothing else (None for any other file): the mended
    file as read, and the mending done. The mended file must read as the author meant: each
    quoted text just as written on its line, each retyped dash the start of a list item."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    try:
        error = None if any(map(text.__contains__, OTHER_BREAKS)) else first_error(text)
        found = None if error is None else lines_to_mend(text, error)
        mends = [] if found is None else found.lines
        wrapped = next((at for at, line in enumerate(mends) if line.wrapped), None)
        if found is not None and wrapped is not None:  # the author's to quote, lines and all
            if wrapped:
                waiting = _waits(text, found.lines[0])
                _blocked(path, display, mend(text, found.lines[:wrapped]), waiting)
            return None
        if found is not None and found.lines and not found.parses:
            _blocked(path, display, found.text, _waits(text, found.lines[0]))
    except ReaderError:  # a control character: lint says where; nothing here to mend
        return None
    if found is None or not found.parses:
        return None
    by_hand = [line for line in found.lines if not line.fixable]
    if by_hand and by_hand[0] is not found.lines[0]:
        _by_hand(text, found.lines[0], by_hand[0])
    if by_hand:
        return None  # the first line is the author's: lint's error says why
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    loaded = load(path, bom + found.text.encode("utf-8"), refuse_typed=False)
    at = {(mark.line, mark.column): where for where, mark in loaded.source.values.items()}
    lines = Text(text)
    done: list[Recovered] = []
    for line in found.lines:
        place = (line.row + 1, line.column + 1)
        if line.item_column is not None:
            item = at.get((line.row, line.item_column))
            if item is None or not isinstance(item[-1], int):
                raise RewriteError(
                    "typing '- ' here would change the file; please report this", *place
                )
            done.append((place, _retyped(text[line.start : line.end], item)))
            continue
        meant = text[line.start : line.end]
        where = at.get((line.row, line.column))
        if where is None or value_at(loaded.source.data, where) != meant:
            raise RewriteError("quoting this text would change it; please report this", *place)
        shown = f"{lines.parse(line.row).lead}{quoted(meant)}"
        refused_start = line.explanation.refused_start
        holding = f"starting with '{meant[0]}'" if refused_start else "holding ': '"
        done.append((place, f"unquoted text {holding} -> {shown}"))
    return loaded, done


def _retyped(written: str, item: JsonPath) -> str:
    """What typing '- ' for ``written`` (a dash and a blank) at the start of the list
    item at ``item`` fixed: "'<dash>' (an en dash) starting a question -> '- '"."""
    named = LIST_ITEMS.get(str(item[-2])) if len(item) > 1 else None
    tab = " and a tab" if written.endswith("\t") else ""
    dash = f"'{written[0]}' ({DASH_LOOKALIKES[written[0]]}){tab}"
    return f"{dash} starting a {named[0] if named else 'list item'} -> '- '"


def _waits(text: str, line: Mend) -> str:
    """What ``_blocked`` says waits for the rest of the file to read: the first mend."""
    first = text[line.start]
    if line.item_column is not None:
        return f"'{first}' is typed as '- '"
    if line.explanation.refused_start:
        return f"text starting with '{first}' is quoted"
    return "text holding ': ' is quoted"


def _by_hand(text: str, first: Mend, line: Mend) -> None:
    """Say that the lines from ``first`` on wait for ``line``, which lint reports but
    only the author can mend ('stem: > Which', text wholly in typographic quotes)."""
    said = line.explanation
    because = f"{said.message}; {said.hint}" if said.hint else said.message
    raise RewriteError(
        f"{_waits(text, first)} only once this line is mended by hand: {because}",
        line.row + 1,
        line.column + 1,
    )


def _blocked(path: Path, display: str, mended_text: str, waiting: str) -> None:
    """Say which other syntax error keeps the mended copy ``mended_text`` from being read,
    the first one lint reports in it (mends only lengthen their lines: rows are the
    file's own), if one does: ``waiting`` ("text holding ': ' is quoted") until then."""
    _, problems = read_source(path, display, mended_text.encode("utf-8"))
    syntax = [found for found in problems if found.rule == "yaml-syntax"]
    if not syntax:
        return
    first = min(syntax, key=lambda found: (found.line, found.column))
    raise RewriteError(
        f"{waiting} only once the rest of the file reads: mend this first ({first.message})",
        first.line,
        first.column,
    )
