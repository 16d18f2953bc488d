"""A TOML file as its author sees it: where each table header and key is written, and
what the TOML reader's complaints mean, said plainly ("the text error is not in quotes"),
with the line fixed. tomllib gives neither positions for keys nor hints.
"""

from __future__ import annotations

import json
import re
from ast import literal_eval

TablePath = tuple[str, ...]
Position = tuple[int, int]
VALUES = 'a TOML value is "text" in quotes, a number such as 0.5, true or false, or a [list]'

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r"\"[^\"]*\"|'[^']*'"
_KEY_PART = re.compile(rf"{_BARE}|{_QUOTED}")
TABLE_HEADER = re.compile(r"^\s*\[(?!\[)([^\]]+)\]\s*(?:#.*)?$")
KEY_START = re.compile(rf"^\s*((?:{_BARE}|{_QUOTED})(?:\s*\.\s*(?:{_BARE}|{_QUOTED}))*)\s*=")
TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)")
_TUPLE = re.compile(r"\('[^']*'(?:, '[^']*')*,?\)")  # how tomllib names a table
_WORD = re.compile(r"[^\W\d][\w.'\u2019-]*")  # a bare word: "answer-run", "réponse", "it's"
# A value's parts, to quote its bare words: strings, a comment, a word that is no
# inline-table key (not followed by "=") nor part of a number or date, anything else.
_VALUE_TOKEN = re.compile(
    r"(?P<string>\"(?:[^\"\\]|\\.)*\"|'[^']*')|(?P<comment>#.*)"
    r"|(?P<word>(?<![\w.+-])[^\W\d][\w.'\u2019-]*(?![\w.-])(?!\s*=))|."
)
# What opens and closes a list or an inline table; strings and comments, which hide both.
_NESTING_TOKEN = re.compile(
    r"(?P<open>[\[{])|(?P<close>[\]}])|[^\[\]{}\"'#]+"
    r"|\"\"\"(?:[^\\]|\\.)*?\"\"\"|'''.*?'''|\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'|#[^\n]*|.",
    re.DOTALL,
)


def explain_error(
    reason: str, lines: list[str], line: int, column: int
) -> tuple[int, int, str, str | None]:
    """Line, column, message and hint for the TOML reader's complaint at ``line:column``: an
    unquoted text and a table or key written twice said plainly, the rest as it says it
    (a table named as TOML writes it, not as a Python tuple)."""
    if reason == "Invalid value":
        written = lines[line - 1] if line <= len(lines) else ""
        return line, column, *_invalid_value(written[column - 1 :], written)
    if reason.startswith("Cannot declare") or reason == "Cannot overwrite a value":
        twice = _written_twice(lines, line)
        if twice is not None:
            return twice
    named = _TUPLE.sub(lambda key: "[" + dotted(literal_eval(key[0])) + "]", reason)
    return line, column, named, None


def merge_conflicts(text: str) -> list[tuple[int, int, str, str]]:
    """Line, column, message and hint of each merge conflict git left in ``text``, at its
    ``<<<<<<<`` line (a stray ``|||||||`` or ``>>>>>>>`` at its own), found as in a bank
    file: TOML reads no line that starts with a marker, and says only "Invalid statement"."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text:  # as nearly always
        return []
    from exambank.syntax_hints.conflicts import conflicts  # only a conflicted file needs it

    lines = toml_lines(text)
    found = []
    for conflict in conflicts(text):
        line = text.count("\n", 0, conflict.index) + 1
        found.append((line, 1, conflict.message, _resolve(lines[line - 1 :])))
    return found


def _resolve(conflict: list[str]) -> str:
    """How to resolve the conflict whose lines start ``conflict``: its base's lines too, if
    git wrote them (merge.conflictStyle diff3 or zdiff3), between ``|||||||`` and ``=======``."""
    keep = "keep one side's settings, or merge the two (TOML sets a key once), and delete the"
    for line in conflict[1:]:
        if line.startswith(">>>>>>>"):
            break
        if line.startswith("|||||||"):
            return (
                f"{keep} <<<<<<<, |||||||, ======= and >>>>>>> lines and the old settings "
                "between ||||||| and ======="
            )
    return f"{keep} <<<<<<<, ======= and >>>>>>> lines"


def deepest_nesting(text: str) -> tuple[int, int, int]:
    """Line and column where the value whose lists and inline tables nest deepest opens,
    and how deep they nest: tomllib gives up on such a value with a RecursionError, and
    no place."""
    depth = deepest = opened = start = 0
    for token in _NESTING_TOKEN.finditer(text):
        if token.lastgroup == "open":
            depth += 1
            opened = token.start() if depth == 1 else opened
            if depth > deepest:
                deepest, start = depth, opened
        elif token.lastgroup == "close":
            depth = max(depth - 1, 0)
    line_start = text.rfind("\n", 0, start) + 1
    return text.count("\n", 0, start) + 1, start - line_start + 1, deepest


def _invalid_value(rest: str, written: str) -> tuple[str, str]:
    """Message and hint for what TOML cannot read at the start of ``rest``, a part of the
    line ``written``: mostly text without quotes (``severity = error``)."""
    word = _WORD.match(rest)
    if word and word[0].lower() in ("true", "false"):
        fixed = _fixed_line(written) or word[0].lower()
        return f"{word[0]} is not a TOML value", f"true and false are lowercase in TOML: {fixed}"
    if word:
        fixed = _fixed_line(written) or toml_text(word[0])
        return f"the text {word[0]} is not in quotes", f"TOML text needs quotes: {fixed}"
    token = re.match(r"[^\s,\]}#]+|[^\s#]", rest)
    return f"{token[0]} is not a TOML value" if token else "a value is missing", VALUES


def toml_text(text: str) -> str:
    """``text`` as a TOML basic string, written as the author would ("réponse", not an
    escape)."""
    return json.dumps(text, ensure_ascii=False)


def _fixed_line(written: str) -> str | None:
    """The key and value written on a line, the value's bare words quoted (``severity =
    error`` -> ``severity = "error"``) and ``True`` and ``False`` in lowercase; None when
    the line holds no key (an item of a list written over several lines)."""
    key = KEY_START.match(written)
    if key is None:
        return None

    def fixed(token: re.Match[str]) -> str:
        text = token[0]
        if token.lastgroup == "comment":
            return ""
        if token.lastgroup != "word" or text in ("true", "false", "inf", "nan"):
            return text
        return text.lower() if text.lower() in ("true", "false") else toml_text(text)

    value = _VALUE_TOKEN.sub(fixed, written[key.end() :]).rstrip()
    return f"{written[key.start(1) : key.end()]}{value}"


def _written_twice(lines: list[str], line: int) -> tuple[int, int, str, str] | None:
    """Line, column, message and hint when the table or key written at (or last before) ``line``
    was written before: tomllib says "Cannot declare ('tool', 'exambank') twice"."""
    written = Locator.written(lines)
    at = max((number for number in written if number <= line), default=None)
    if at is None:
        return None
    path, column, table = written[at]
    before = {number: other for number, (other, _, _) in written.items() if number < at}
    first = next((number for number, other in before.items() if other == path), None)
    if first is None and path == table:  # a table first made by a dotted key
        first = next((n for n, other in before.items() if other[: len(path)] == path), None)
    if first is None:
        return None
    if path == table:
        message, hint = f"[{dotted(path)}] appears twice", "merge the two tables into one"
    else:
        key = dotted(path[len(table) :])
        message = f"'{key}' is set twice" + (f" in [{dotted(table)}]" if table else "")
        hint = "keep one of the two"
    return at, column, f"{message} (first at line {first})", hint


def dotted(path: tuple[str, ...]) -> str:
    return ".".join(toml_key(part) for part in path)


def toml_lines(text: str) -> list[str]:
    """The lines of a TOML text as TOML counts them: at "\\n" (or CRLF) only, not at
    U+2028 and the other breaks ``str.splitlines`` knows (a lone CR is refused first)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


# Paths are located by their first parts only: every prefix of a path is kept, and a
# header of 10,000 dotted parts would otherwise keep 50 million (436 MB). exambank's own
# keys are five deep ([tool.exambank.rules.RULE] option).
_LOCATED_PARTS = 32


class Locator:
    """Line and column of each table header and key of a TOML text."""

    def __init__(self, text: str, display: str) -> None:
        self.display = display
        self.lines = toml_lines(text)
        self.starts: dict[TablePath, Position] = {}
        self.keys: dict[TablePath, int] = {}  # a key's line, where it opens one ('key = 3')
        for number, (path, column, table) in self.written(self.lines).items():
            for end in range(1, min(len(path), _LOCATED_PARTS) + 1):
                self.starts.setdefault(path[:end], (number, column))
            if path != table:
                self.keys.setdefault(path[:_LOCATED_PARTS], number)

    @staticmethod
    def written(lines: list[str]) -> dict[int, tuple[TablePath, int, TablePath]]:
        """By line number: the full path of the table header or key written there, its
        column, and the table it is in (for a header, its own path)."""
        found: dict[int, tuple[TablePath, int, TablePath]] = {}
        table: TablePath = ()
        for number, line in enumerate(lines, start=1):
            header = TABLE_HEADER.match(line)
            key = None if header else KEY_START.match(line)
            if header:
                table = split_key(header[1])
                found[number] = (table, line.index("[") + 1, table)
            elif key:
                found[number] = ((*table, *split_key(key[1])), key.start(1) + 1, table)
        return found

    def value(self, path: TablePath) -> Position:
        """Where the value of the key at ``path`` starts, if a line starts with that key
        ('paper = 3' gives the 3); else where ``path`` is, as a call says."""
        number = self.keys.get(path[:_LOCATED_PARTS])
        key = None if number is None else KEY_START.match(self.lines[number - 1])
        if number is None or key is None:
            return self(path, None)
        line = self.lines[number - 1]
        return number, len(line) - len(line[key.end() :].lstrip()) + 1

    def __call__(self, path: TablePath, token: str | None) -> Position:
        """Where ``token`` is written at or after ``path``'s line; else ``path`` itself
        (or its nearest enclosing table that is written out)."""
        path = path[:_LOCATED_PARTS]
        while path and path not in self.starts:
            path = path[:-1]
        line, column = self.starts.get(path, (1, 1))
        if token:
            written = re.compile(rf"([\"']){re.escape(token)}\1|(?<![\w-]){re.escape(token)}")
            for number in range(line, len(self.lines) + 1):
                match = written.search(self.lines[number - 1])
                if match:
                    return number, match.start() + 1
        return line, column


def toml_key(key: str) -> str:
    return key if re.fullmatch(_BARE, key) else toml_text(key)


def split_key(dotted: str) -> TablePath:
    return tuple(_key_part(part) for part in _KEY_PART.findall(dotted))


def _key_part(written: str) -> str:
    """A part of a dotted key as TOML reads it: a basic string's escapes (a Windows path's
    backslashes, written twice) read as JSON reads them, which are TOML's but for two rare
    ones (a U or an e after the backslash)."""
    if written.startswith('"'):
        try:
            return str(json.loads(written))
        except ValueError:
            pass
    return written.strip("\"'")
