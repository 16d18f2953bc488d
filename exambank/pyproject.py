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
from pathlib import Path
from typing import Any, TypeVar

from exambank.config import (
    ALL,
    MAX_FILE_BYTES,
    PAPERS,
    SECTION_STARTS,
    STUDENT_KEYS,
    Config,
    ConfigError,
    did_you_mean,
    every_rule,
    matches_glob,
    option_example,
    option_problem,
    switchable,
    unknown_rule,
    unswitchable_rule,
)
from exambank.diagnostics import Diagnostic, Note
from exambank.paths import display_path, yaml_files
from exambank.rules import RULES
from exambank.source import position_of_byte
from exambank.toml_source import (
    TOML_POSITION,
    Locator,
    TablePath,
    deepest_nesting,
    explain_error,
    toml_key,
    toml_lines,
)

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PYPROJECT = "pyproject.toml"
KEYS = (
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "unsuppressible",
    "rules",
    "baseline",
    "max-file-bytes",
    "paper",
    "student-key",
    "answer-sheet",
    "sections",
)
SEVERITIES = ("error", "warning", "off")
Choice = TypeVar("Choice", bound=str)


def load(explicit: Path | None = None, start: Path | None = None) -> Config:
    """The configuration in ``explicit``, else in the nearest ``pyproject.toml`` with a
    ``[tool.exambank]`` table at or above ``start`` (the working folder) and no higher
    than its repository's root, else defaults."""
    if explicit is not None:
        return read(explicit)
    found = find(start or Path.cwd())
    return Config() if found is None else read(found)


def find(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` with a ``[tool.exambank]`` table, at ``start`` or
    above it. The search ends at a repository's root (the folder holding ``.git``, a
    folder or, in a worktree, a file): a table in a parent folder, a home folder's or a
    monorepo's, would configure one author's checkout and not another's."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / PYPROJECT
        if (
            candidate.is_file()
            and _may_configure(candidate)
            and _exambank_table(_read_toml(candidate)[1]) is not None
        ):
            return candidate
        if (folder / ".git").exists():
            return None
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
    parser = _Parser(Locator(text, display))
    config = parser.parse(table, root=path.resolve().parent)
    if parser.problems:
        count = len(parser.problems)
        raise ConfigError(
            f"{count} problem{'s' if count > 1 else ''} in [tool.exambank] of {display}; "
            "nothing was checked",
            sorted(parser.problems),  # as written in the file, not as the keys were read
        )
    config.notes = _unmatched_globs(config, parser.where)
    return config


def _unmatched_globs(config: Config, where: Locator) -> list[Note]:
    """A note at each per-file-ignores glob that matches no YAML file under the
    configuration's folder: misspelt, or left behind when its files went. (Not an error:
    the findings it was to silence still show, or there are none left to silence.)"""
    notes = []
    for glob in config.per_file_ignores:
        if not _matches_a_file(config.root, glob):
            line, column = where(("tool", "exambank", "per-file-ignores", glob), glob)
            message = (
                f"per-file-ignores: '{glob}' matches no YAML file, so it switches nothing "
                f"off (a glob is relative to the folder of {where.display}, and '*' crosses "
                "folders); mend its path, or remove it if its files are gone"
            )
            notes.append(Note(where.display, line, column, message))
    return notes


def _matches_a_file(root: Path, glob: str) -> bool:
    """Whether ``glob`` matches a YAML file lint could read under ``root``. Only the folder
    its fixed part names is searched ('bank/legacy' of 'bank/legacy/*.yaml'), and only
    until a file matches: a repository's other files cost nothing."""
    fixed = re.split(r"[*?\[]", glob, maxsplit=1)[0]
    top = root / fixed.rsplit("/", 1)[0] if "/" in fixed else root
    if not top.is_dir() or not top.resolve().is_relative_to(root.resolve()):
        return False  # no such folder, or outside the root, where no glob applies
    return any(matches_glob(path.relative_to(root).as_posix(), glob) for path in yaml_files(top))


def _read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    display = display_path(path)

    def problem(line: int, column: int, message: str, hint: str | None) -> Diagnostic:
        return Diagnostic(display, line, column, "error", "config", message, hint)

    if path.exists() and not path.is_file() and not path.is_dir():  # /dev/zero: endless
        raise ConfigError(f"cannot read {display}: a device or a pipe, not a file")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"cannot read {display}: {error.strerror}") from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")  # a BOM, as Notepad writes one
    except UnicodeDecodeError as error:  # located, as a bank file's would be
        bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0  # not shown
        line, column = position_of_byte(raw[bom:], error.start - bom)
        found = problem(
            line,
            column,
            f"byte 0x{raw[error.start]:02x} is not valid UTF-8",
            "save the file as UTF-8 (TOML files are UTF-8)",
        )
        raise ConfigError(f"{display} is not UTF-8", [found]) from None
    lone_cr = re.search(r"\r(?!\n)", text)
    if lone_cr:  # TOML ends lines at LF or CRLF; an old Mac editor's CR is neither
        lines = toml_lines(text[: lone_cr.start()])
        found = problem(
            len(lines),
            len(lines[-1]) + 1,
            "not valid TOML: a carriage return (CR) alone is no line end TOML knows",
            "save the file with LF or CRLF line ends (most editors: 'Line endings')",
        )
        raise ConfigError(f"{display} is not valid TOML", [found])
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = TOML_POSITION.search(str(error))
        lines = toml_lines(text.rstrip("\r\n"))
        line, column = len(lines), max(len(lines[-1]), 1)  # "at end of document"
        if where and where[1]:
            line, column = int(where[1]), int(where[2])
        reason = TOML_POSITION.sub("", str(error))
        line, column, message, hint = explain_error(reason, toml_lines(text), line, column)
        found = problem(line, column, f"not valid TOML: {message}", hint)
        raise ConfigError(f"{display} is not valid TOML", [found]) from None
    except RecursionError:  # tomllib reads a nested value by recursing, level by level
        line, column, depth = deepest_nesting(text)
        found = problem(
            line,
            column,
            f"a value nested too deeply to read ({depth} levels of lists or tables)",
            'exambank\'s settings nest two levels at most: ignore = ["answer-run"]',
        )
        raise ConfigError(f"{display} has a value nested too deeply", [found]) from None


def _exambank_table(data: dict[str, Any]) -> Any:
    tool = data.get("tool")
    return tool.get("exambank") if isinstance(tool, dict) else None


class _Parser:
    """Turns the ``[tool.exambank]`` table into a Config, noting every mistake."""

    def __init__(self, where: Locator) -> None:
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
        # named as select names rules: "ALL" forbids every suppression in a bank file
        config.unsuppressible = set(
            self.rules(table.get("unsuppressible", []), ("unsuppressible",))
        )
        if "baseline" in table:
            config.baseline = self.baseline(table["baseline"], root)
        if "max-file-bytes" in table:
            config.max_file_bytes = self.max_file_bytes(table["max-file-bytes"])
        # The build's defaults, where its command line gives none
        if "paper" in table:
            config.paper = self.choice("paper", table["paper"], PAPERS)
        if "student-key" in table:
            config.student_key = self.choice("student-key", table["student-key"], STUDENT_KEYS)
        if "answer-sheet" in table:
            config.answer_sheet = self.switch("answer-sheet", table["answer-sheet"])
        if "sections" in table:
            config.sections = self.choice("sections", table["sections"], SECTION_STARTS)
        return config

    def choice(self, key: str, value: Any, choices: tuple[Choice, ...]) -> Choice | None:
        """One of ``choices`` (the paper size, where the student edition's key goes), read
        as the command line reads it: "Letter" is letter."""
        chosen = next((choice for choice in choices if str(value).lower() == choice), None)
        if isinstance(value, str) and chosen is not None:
            return chosen
        token = value if isinstance(value, str) else None
        shown = [f'{key} = "{choice}"' for choice in choices]
        hint = did_you_mean(str(value).lower(), choices) or f"write {_either(shown)}"
        self.report(
            (key,),
            token,
            f"'{key}' must be {_either([_shown(choice) for choice in choices])}, "
            f"not {_shown(value)}",
            hint,
        )
        return None

    def switch(self, key: str, value: Any) -> bool | None:
        """A choice that is on or off (``answer-sheet``), written true or false."""
        if isinstance(value, bool):
            return value
        token = value if isinstance(value, str) else None
        hint = f"write {key} = true or {key} = false, without quotes"
        self.report((key,), token, f"'{key}' must be true or false, not {_shown(value)}", hint)
        return None

    def max_file_bytes(self, value: Any) -> int:
        """The size above which lint reports a bank file and does not read it."""
        problem = option_problem("max-file-bytes", value, MAX_FILE_BYTES)
        if problem is None:
            return int(value)
        self.report(
            ("max-file-bytes",),
            None,
            f"'max-file-bytes' must be {problem}, not {_shown(value)}",
            f"give the size in bytes: max-file-bytes = 10_000_000 (default {MAX_FILE_BYTES:_})",
        )
        return MAX_FILE_BYTES

    def baseline(self, value: Any, root: Path) -> Path | None:
        """The baseline lint reads (``exambank lint --baseline``), relative to ``root``."""
        if isinstance(value, str) and value.strip():
            return root / value
        hint = 'write baseline = ".exambank-baseline.json" (relative to this file\'s folder)'
        self.report(("baseline",), None, "'baseline' must be the name of a file", hint)
        return None

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
                f'write {toml_key(path[-1])} = ["rule-name", ...]',
            )
            return []
        names = []
        for name in value:
            if name == ALL:
                names += every_rule(turning_off)
            elif name not in RULES:
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


def _either(words: list[str]) -> str:
    """The choices as a sentence gives them: "a or b", "a, b or c"."""
    return f"{', '.join(words[:-1])} or {words[-1]}"


def _shown(value: Any) -> str:
    """A value as TOML writes it: ``nan`` and ``inf``, not JSON's ``NaN``."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return json.dumps(value, default=str)
