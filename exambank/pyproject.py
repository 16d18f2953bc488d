"""Read ``[tool.exambank]`` from ``pyproject.toml``: every mistake is a located diagnostic.

TOML readers give no positions, so a small scanner notes the line of every table header
and key; a mistake is reported at its key, or at the offending value when it can be found.
"""

from __future__ import annotations

import codecs
import json
import math
import re
import sys
from ast import literal_eval
from pathlib import Path
from typing import Any

from exambank.config import (
    Config,
    ConfigError,
    did_you_mean,
    option_example,
    option_problem,
    switchable,
    unknown_rule,
    unswitchable_rule,
)
from exambank.diagnostics import Diagnostic
from exambank.lint import display_path
from exambank.load import position_of_byte
from exambank.rules import RULES

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PYPROJECT = "pyproject.toml"
KEYS = ("select", "extend-select", "ignore", "per-file-ignores", "rules")
SEVERITIES = ("error", "warning", "off")
TablePath = tuple[str, ...]
VALUES = 'a TOML value is "text" in quotes, a number such as 0.5, true or false, or a [list]'
Position = tuple[int, int]

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r"\"[^\"]*\"|'[^']*'"
_KEY_PART = re.compile(rf"{_BARE}|{_QUOTED}")
_HEADER = re.compile(r"^\s*\[(?!\[)([^\]]+)\]\s*(?:#.*)?$")
_KEY = re.compile(rf"^\s*((?:{_BARE}|{_QUOTED})(?:\s*\.\s*(?:{_BARE}|{_QUOTED}))*)\s*=")
_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)")
_TUPLE = re.compile(r"\('[^']*'(?:, '[^']*')*,?\)")  # how tomllib names a table
_WORD = re.compile(r"[^\W\d][\w.'\u2019-]*")  # a bare word: "answer-run", "réponse", "it's"
# A value's parts, to quote its bare words: strings, a comment, a word that is no
# inline-table key (not followed by "=") nor part of a number or date, anything else.
_VALUE_TOKEN = re.compile(
    r"(?P<string>\"(?:[^\"\\]|\\.)*\"|'[^']*')|(?P<comment>#.*)"
    r"|(?P<word>(?<![\w.+-])[^\W\d][\w.'\u2019-]*(?![\w.-])(?!\s*=))|."
)


def load(explicit: Path | None = None, start: Path | None = None) -> Config:
    """The configuration in ``explicit``, else in the nearest ``pyproject.toml`` with a
    ``[tool.exambank]`` table at or above ``start`` (the working folder), else defaults."""
    if explicit is not None:
        return read(explicit)
    found = find(start or Path.cwd())
    return Config() if found is None else read(found)


def find(start: Path) -> Path | None:
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / PYPROJECT
        if (
            candidate.is_file()
            and _may_configure(candidate)
            and _exambank_table(_read_toml(candidate)[1]) is not None
        ):
            return candidate
    return None


def _may_configure(path: Path) -> bool:
    """Whether ``path`` mentions exambank at all: another project's pyproject.toml above
    the bank, broken or not UTF-8, must not stop a run it has nothing to say about."""
    try:
        return b"exambank" in path.read_bytes()
    except OSError:
        return True  # reading it again reports why it cannot be read


def read(path: Path) -> Config:
    text, data = _read_toml(path)
    table = _exambank_table(data)
    display = display_path(path)
    if table is None:
        raise ConfigError(f"{display} has no [tool.exambank] table")
    parser = _Parser(_Locator(text, display))
    config = parser.parse(table, root=path.resolve().parent)
    if parser.problems:
        count = len(parser.problems)
        raise ConfigError(
            f"{count} problem{'s' if count > 1 else ''} in [tool.exambank] of {display}; "
            "nothing was checked",
            sorted(parser.problems),  # as written in the file, not as the keys were read
        )
    return config


def _read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    display = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"cannot read {display}: {error.strerror}") from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")  # a BOM, as Notepad writes one
    except UnicodeDecodeError as error:  # located, as a bank file's would be
        bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0  # not shown
        line, column = position_of_byte(raw[bom:], error.start - bom)
        problem = Diagnostic(
            display,
            line,
            column,
            "error",
            "config",
            f"byte 0x{raw[error.start]:02x} is not valid UTF-8",
            "save the file as UTF-8 (TOML files are UTF-8)",
        )
        raise ConfigError(f"{display} is not UTF-8", [problem]) from None
    lone_cr = re.search(r"\r(?!\n)", text)
    if lone_cr:  # TOML ends lines at LF or CRLF; an old Mac editor's CR is neither
        lines = _lines(text[: lone_cr.start()])
        problem = Diagnostic(
            display,
            len(lines),
            len(lines[-1]) + 1,
            "error",
            "config",
            "not valid TOML: a carriage return (CR) alone is no line end TOML knows",
            "save the file with LF or CRLF line ends (most editors: 'Line endings')",
        )
        raise ConfigError(f"{display} is not valid TOML", [problem])
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = _TOML_POSITION.search(str(error))
        lines = _lines(text.rstrip("\r\n"))
        line, column = len(lines), max(len(lines[-1]), 1)  # "at end of document"
        if where and where[1]:
            line, column = int(where[1]), int(where[2])
        reason = _TOML_POSITION.sub("", str(error))
        line, column, message, hint = _explain(reason, _lines(text), line, column)
        problem = Diagnostic(
            display, line, column, "error", "config", f"not valid TOML: {message}", hint
        )
        raise ConfigError(f"{display} is not valid TOML", [problem]) from None


def _explain(
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
    named = _TUPLE.sub(lambda key: "[" + _dotted(literal_eval(key[0])) + "]", reason)
    return line, column, named, None


def _invalid_value(rest: str, written: str) -> tuple[str, str]:
    """Message and hint for what TOML cannot read at the start of ``rest``, a part of the
    line ``written``: mostly text without quotes (``severity = error``)."""
    word = _WORD.match(rest)
    if word and word[0].lower() in ("true", "false"):
        fixed = _fixed_line(written) or word[0].lower()
        return f"{word[0]} is not a TOML value", f"true and false are lowercase in TOML: {fixed}"
    if word:
        fixed = _fixed_line(written) or _toml_text(word[0])
        return f"the text {word[0]} is not in quotes", f"TOML text needs quotes: {fixed}"
    token = re.match(r"[^\s,\]}#]+|[^\s#]", rest)
    return f"{token[0]} is not a TOML value" if token else "a value is missing", VALUES


def _toml_text(text: str) -> str:
    """``text`` as a TOML basic string, written as the author would ("réponse", not an
    escape)."""
    return json.dumps(text, ensure_ascii=False)


def _fixed_line(written: str) -> str | None:
    """The key and value written on a line, the value's bare words quoted (``severity =
    error`` -> ``severity = "error"``) and ``True`` and ``False`` in lowercase; None when
    the line holds no key (an item of a list written over several lines)."""
    key = _KEY.match(written)
    if key is None:
        return None

    def fixed(token: re.Match[str]) -> str:
        text = token[0]
        if token.lastgroup == "comment":
            return ""
        if token.lastgroup != "word" or text in ("true", "false", "inf", "nan"):
            return text
        return text.lower() if text.lower() in ("true", "false") else _toml_text(text)

    value = _VALUE_TOKEN.sub(fixed, written[key.end() :]).rstrip()
    return f"{written[key.start(1) : key.end()]}{value}"


def _written_twice(lines: list[str], line: int) -> tuple[int, int, str, str] | None:
    """Line, column, message and hint when the table or key written at (or last before) ``line``
    was written before: tomllib says "Cannot declare ('tool', 'exambank') twice"."""
    written = _Locator.written(lines)
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
        message, hint = f"[{_dotted(path)}] appears twice", "merge the two tables into one"
    else:
        key = _dotted(path[len(table) :])
        message = f"'{key}' is set twice" + (f" in [{_dotted(table)}]" if table else "")
        hint = "keep one of the two"
    return at, column, f"{message} (first at line {first})", hint


def _dotted(path: tuple[str, ...]) -> str:
    return ".".join(_toml_key(part) for part in path)


def _lines(text: str) -> list[str]:
    """The lines of a TOML text as TOML counts them: at "\\n" (or CRLF) only, not at
    U+2028 and the other breaks ``str.splitlines`` knows (a lone CR is refused first)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _exambank_table(data: dict[str, Any]) -> Any:
    tool = data.get("tool")
    return tool.get("exambank") if isinstance(tool, dict) else None


class _Locator:
    """Line and column of each table header and key of a TOML text."""

    def __init__(self, text: str, display: str) -> None:
        self.display = display
        self.lines = _lines(text)
        self.starts: dict[TablePath, Position] = {}
        for number, (path, column, _) in self.written(self.lines).items():
            for end in range(1, len(path) + 1):
                self.starts.setdefault(path[:end], (number, column))

    @staticmethod
    def written(lines: list[str]) -> dict[int, tuple[TablePath, int, TablePath]]:
        """By line number: the full path of the table header or key written there, its
        column, and the table it is in (for a header, its own path)."""
        found: dict[int, tuple[TablePath, int, TablePath]] = {}
        table: TablePath = ()
        for number, line in enumerate(lines, start=1):
            header = _HEADER.match(line)
            key = None if header else _KEY.match(line)
            if header:
                table = _split_key(header[1])
                found[number] = (table, line.index("[") + 1, table)
            elif key:
                found[number] = ((*table, *_split_key(key[1])), key.start(1) + 1, table)
        return found

    def __call__(self, path: TablePath, token: str | None) -> Position:
        """Where ``token`` is written at or after ``path``'s line; else ``path`` itself
        (or its nearest enclosing table that is written out)."""
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


def _toml_key(key: str) -> str:
    return key if re.fullmatch(_BARE, key) else _toml_text(key)


def _split_key(dotted: str) -> TablePath:
    return tuple(part.strip("\"'") for part in _KEY_PART.findall(dotted))


class _Parser:
    """Turns the ``[tool.exambank]`` table into a Config, noting every mistake."""

    def __init__(self, where: _Locator) -> None:
        self.where = where
        self.problems: list[Diagnostic] = []

    def report(self, path: TablePath, token: str | None, message: str, hint: str) -> None:
        line, column = self.where(("tool", "exambank", *path), token)
        self.problems.append(
            Diagnostic(self.where.display, line, column, "error", "config", message, hint)
        )

    def parse(self, table: Any, root: Path) -> Config:
        config = Config(root=root)
        if not isinstance(table, dict):
            self.report((), None, "tool.exambank must be a table", "write [tool.exambank]")
            return config
        for key in table:
            if key not in KEYS:
                hint = did_you_mean(key, KEYS) or f"known keys: {', '.join(KEYS)}"
                self.report((key,), key, f"unknown key '{key}' in [tool.exambank]", hint)
        if "select" in table:
            config.select = set(self.rules(table["select"], ("select",), turning_off=False))
        config.select |= set(self.rules(table.get("extend-select", []), ("extend-select",)))
        ignored = self.rules(table.get("ignore", []), ("ignore",), turning_off=True)
        for glob, names in self.table(table.get("per-file-ignores", {}), "per-file-ignores"):
            path = ("per-file-ignores", glob)
            config.per_file_ignores[glob] = set(self.rules(names, path, turning_off=True))
        for name, settings in self.table(table.get("rules", {}), "rules"):
            self.rule_settings(config, name, settings)
        config.select -= set(ignored)
        return config

    def table(self, value: Any, key: str) -> list[tuple[str, Any]]:
        if isinstance(value, dict):
            return list(value.items())
        self.report((key,), None, f"'{key}' must be a table", f"write [tool.exambank.{key}]")
        return []

    def rules(self, value: Any, path: TablePath, turning_off: bool = False) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.report(
                path,
                None,
                f"'{path[-1]}' must be a list of rule names",
                f'write {_toml_key(path[-1])} = ["rule-name", ...]',
            )
            return []
        names = []
        for name in value:
            if name not in RULES:
                self.report(path, name, *unknown_rule(name))
            elif turning_off and not switchable(name):
                self.report(path, name, *unswitchable_rule(name))
            else:
                names.append(name)
        return names

    def rule_settings(self, config: Config, name: str, settings: Any) -> None:
        path = ("rules", name)
        if name not in RULES:
            self.report(path, name, *unknown_rule(name))
            return
        if not isinstance(settings, dict):
            self.report(
                path,
                name,
                f"rules.{name} must be a table",
                f'write {name} = {{severity = "off"}}, or a [tool.exambank.rules.{name}] table',
            )
            return
        defaults = RULES[name].options
        for key, value in settings.items():
            if key == "severity":
                self.severity(config, name, value)
            elif key not in defaults:
                known = ["severity", *defaults]
                hint = did_you_mean(key, known) or f"{name} takes: {', '.join(known)}"
                self.report((*path, key), key, f"unknown setting '{key}' for rule {name}", hint)
            elif self.option_fits(name, key, value, defaults[key]):
                chosen = float(value) if isinstance(defaults[key], float) else value
                config.rule_options.setdefault(name, {})[key] = chosen

    def severity(self, config: Config, name: str, value: Any) -> None:
        path = ("rules", name, "severity")
        if value not in SEVERITIES:
            token = value if isinstance(value, str) else None
            hint = f"use one of: {', '.join(SEVERITIES)}"
            self.report(path, token, f"severity of {name} is {_shown(value)}", hint)
        elif not switchable(name) and value != "error":
            hint = unswitchable_rule(name)[1]
            self.report(path, value, f"rule '{name}' is always an error", hint)
        elif value == "off":
            config.select.discard(name)
        else:
            config.severity[name] = value

    def option_fits(self, name: str, key: str, value: Any, default: Any) -> bool:
        problem = option_problem(key, value, default)
        if problem is not None:
            self.report(
                ("rules", name, key),
                None,
                f"option '{key}' of {name} must be {problem}, not {_shown(value)}",
                f"for example: {key} = {option_example(default)}",
            )
        return problem is None


def _shown(value: Any) -> str:
    """A value as TOML writes it: ``nan`` and ``inf``, not JSON's ``NaN``."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return json.dumps(value, default=str)
