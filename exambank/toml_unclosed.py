"""A list, an inline table or a text that a TOML file opens and never closes, found where
it opens. The TOML reader notices such a mistake only later, and says so there: at the
next key ("Invalid value"), at the next table ("Unclosed array"), at the line's end
("Illegal character '\\n'"), or at the end of the file. The author needs the place of the
missing bracket or quote, and the line as it was meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exambank.toml_source import KEY_START, TABLE_HEADER, toml_lines

Explained = tuple[int, int, str, str]

# What opens or closes a list, an inline table or a text, or starts a comment
_TOKEN = re.compile(r"\"\"\"|'''|[\"'\[\]{}#]")
# The rest of a text after its opening quote, up to and with its closing one
_TEXT_END = {
    '"': re.compile(r'(?:[^"\\\n]|\\.)*"'),
    "'": re.compile(r"[^'\n]*'"),
    '"""': re.compile(r'(?:[^\\]|\\.)*?"""', re.DOTALL),
    "'''": re.compile(r".*?'''", re.DOTALL),
}
# A line's code, without its comment: a "#" in a text is no comment
_CODE = re.compile(r"(?:\"(?:[^\"\\]|\\.)*\"|'[^']*'|[^#\"'])*")
_NAMES = {"[": "list", "{": "inline table"}
# What may start a list's item (a value), or an inline table's (a key)
_ITEM_START = {
    "[": re.compile(r"[\"'\[{+\-\d]|true|false|inf|nan"),
    "{": re.compile(r"[\w\"'-]"),
}
_CLOSING = {"[": "]", "{": "}"}


@dataclass(frozen=True)
class Opened:
    """A list ("["), an inline table ("{") or a text (its quote) opened at ``line``:``column``."""

    mark: str
    line: int
    column: int


def explain_unclosed(
    reason: str, text: str, line: int, column: int, at_end: bool
) -> Explained | None:
    """Line, column, message and hint for the TOML reader's complaint ``reason`` at
    ``line``:``column`` (``at_end``: at the end of the file) when it is a list, an inline
    table or a text left open before it, said where that opens; None for any other."""
    lines = toml_lines(text)
    end = len(text) if at_end else _offset(text, line, column)
    still_open, text_open = _scan(text, end)
    if text_open is not None and (at_end or text_open.line == line):
        return _unclosed_text(lines, text_open)
    said = lines[line - 1] if line <= len(lines) else ""
    if not still_open:
        return None if at_end else _closes_nothing(said, line, column)
    innermost = still_open[-1]
    if innermost.mark == "{" and (at_end or not said[column - 1 :].strip()):
        one_line = "on its line (TOML writes an inline table on one line)"
        return _unclosed(lines, still_open, one_line)
    if at_end:
        return _unclosed(lines, still_open, "before the file ends")
    if innermost.line < line and (KEY_START.match(said) or TABLE_HEADER.match(said)):
        header = TABLE_HEADER.match(said)
        starts = f"the table [{header[1].strip()}]" if header else "the next setting"
        return _unclosed(lines, still_open, f"before line {line}, which starts {starts}")
    if reason in ("Unclosed array", "Unclosed inline table"):
        return _missing_comma(lines, innermost, line, column)
    return None


def _scan(text: str, end: int) -> tuple[list[Opened], Opened | None]:
    """The lists and inline tables still open at offset ``end`` (outermost first), and the
    first text before it that is not closed: on its line, or (a multi-line one) at all."""
    still_open: list[Opened] = []
    text_open = None
    at = 0
    while token := _TOKEN.search(text, at, end):
        mark, start = token[0], token.start()
        at = token.end()
        if mark == "#":
            at = _line_end(text, start)
        elif mark in _CLOSING:
            still_open.append(_opened(text, mark, start))
        elif mark in "]}":
            if still_open:
                still_open.pop()
        elif closed := _TEXT_END[mark].match(text, at):
            at = closed.end()
        else:
            text_open = text_open or _opened(text, mark, start)
            if len(mark) == 3:  # everything after it is in the text
                break
            at = _line_end(text, start)  # read on as if it were closed there
    return still_open, text_open


def _unclosed(lines: list[str], still_open: list[Opened], where: str) -> Explained:
    """A list or an inline table without its closing bracket."""
    opened = still_open[-1]
    name, closing = _NAMES[opened.mark], _CLOSING[opened.mark]
    message = f"the {name} that opens here has no closing {closing} {where}"
    written = _code(lines[opened.line - 1])
    last = _last_line(lines, opened)
    if last > opened.line:  # a list over several lines: where its end goes
        hint = f"put {closing} after its last item, on line {last}"
    elif written[opened.column :].strip():
        closings = "".join(_CLOSING[other.mark] for other in reversed(still_open))
        hint = f"close it: {written.removesuffix(',').strip()}{closings}"
    else:
        hint = f"list its items after the {opened.mark}, and close it with {closing}"
    return opened.line, opened.column, message, hint


def _last_line(lines: list[str], opened: Opened) -> int:
    """The line of the last item of the list opened at ``opened``: the last line with
    code before the next key, table or the file's end."""
    last = opened.line
    for number in range(opened.line + 1, len(lines) + 1):
        code = _code(lines[number - 1])
        if KEY_START.match(code) or TABLE_HEADER.match(code):
            break
        if code:
            last = number
    return last


def _unclosed_text(lines: list[str], opened: Opened) -> Explained:
    """A text without its closing quote: one in single quotes or double ones ends on its
    line; one in three runs on to them."""
    quote = opened.mark
    if len(quote) == 3:
        message = f"the text that opens with {quote} here is never closed"
        return opened.line, opened.column, message, f"end it with {quote}"
    message = f"the text that opens with {quote} here is not closed on its line"
    written = lines[opened.line - 1]
    rest = written[opened.column :]
    comment = re.search(r"\s+#", rest)
    kept = rest[: comment.start()] if comment else rest.rstrip()
    words = kept.rstrip(" \t]},")  # the brackets after it close a list or a table
    closings = kept[len(words) :].rstrip()
    if not words.strip():
        return opened.line, opened.column, message, f"end the text with {quote} on its line"
    fixed = f"{written[: opened.column]}{words}{quote}{closings}"
    return opened.line, opened.column, message, f"close it: {fixed.strip()}"


def _missing_comma(lines: list[str], opened: Opened, line: int, column: int) -> Explained:
    """Two items of a list, or two keys of an inline table, with no comma between them
    (``["a" "b"]``): said at the second."""
    name, closing = _NAMES[opened.mark], _CLOSING[opened.mark]
    written = lines[line - 1]
    before, after = written[: column - 1], written[column - 1 :].rstrip()
    if not _ITEM_START[opened.mark].match(after):
        message = f"the {name} that opens at {opened.line}:{opened.column} cannot go on here"
        hint = f"separate its items with commas, and close it with {closing}"
        return line, column, message, hint
    item = "item" if opened.mark == "[" else "key"
    message = f"a comma is missing before this {item} of the {name}"
    if _code(before):  # the one before it is on this line
        return line, column, message, f"separate them with commas: {before.strip()}, {after}"
    previous = max(number for number in range(opened.line, line) if _code(lines[number - 1]))
    return line, column, message, f"put a comma after the {item} before it, on line {previous}"


def _closes_nothing(written: str, line: int, column: int) -> Explained | None:
    """A ] or } that closes no list or inline table: one too many (``["a"]]``)."""
    mark = written[column - 1 : column]
    if mark not in ("]", "}"):
        return None
    name = "list" if mark == "]" else "inline table"
    fixed = f"{written[: column - 1]}{written[column:]}".strip()
    return line, column, f"this {mark} closes no {name}", f"remove it: {fixed}"


def _code(line: str) -> str:
    """``line`` without its comment and the spaces after it."""
    code = _CODE.match(line)
    return line if code is None else code[0].rstrip()


def _opened(text: str, mark: str, offset: int) -> Opened:
    line_start = text.rfind("\n", 0, offset) + 1
    return Opened(mark, text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _offset(text: str, line: int, column: int) -> int:
    """The offset in ``text`` of ``line``:``column`` (both from 1; a CRLF's CR is part of
    its line)."""
    starts = [0, *(match.end() for match in re.finditer("\n", text))]
    return min(starts[min(line, len(starts)) - 1] + column - 1, len(text))


def _line_end(text: str, start: int) -> int:
    newline = text.find("\n", start)
    return len(text) if newline < 0 else newline
