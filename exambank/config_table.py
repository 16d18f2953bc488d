"""Check the ``[tool.exambank]`` table, key by key, into a Config.

Apart from ``exambank.pyproject``, which finds the file and reads it as TOML: here the TOML
is already read, and every key and value is checked against what exambank takes, each
mistake noted at its key (or its value) for one report of them all.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, TypeVar

from exambank.config import (
    ALL,
    LARGE_PRINT_SIZE,
    LARGE_PRINT_SIZES,
    LARGE_PRINT_SIZES_WORDS,
    MAX_FILE_BYTES,
    PAPERS,
    SECTION_STARTS,
    STUDENT_KEYS,
    Config,
    baseline_path,
    did_you_mean,
    every_rule,
    option_example,
    option_problem,
    switchable,
    unknown_rule,
    unswitchable_rule,
)
from exambank.config_keys import KEYS, unknown_key, unknown_setting
from exambank.diagnostics import Diagnostic
from exambank.rules import RULES
from exambank.toml_source import Locator, TablePath, toml_key

SEVERITIES = ("error", "warning", "off")
Choice = TypeVar("Choice", bound=str)


class TableParser:
    """Turns the ``[tool.exambank]`` table into a Config, noting every mistake."""

    def __init__(self, where: Locator) -> None:
        self.where = where
        self.problems: list[Diagnostic] = []

    def report(self, path: TablePath, token: str | None, message: str, hint: str) -> None:
        """A mistake at ``token`` (a key, a rule's name in a list), or else at the value of
        the key at ``path``."""
        where = ("tool", "exambank", *path)
        line, column = self.where(where, token) if token else self.where.value(where)
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
                self.report((key,), key, *unknown_key(key))
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
        if "large-print-size" in table:
            config.large_print_size = self.large_print_size(table["large-print-size"])
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

    def large_print_size(self, value: Any) -> int | None:
        """The body's size in points of a build in large print, a whole number in range."""
        if isinstance(value, int) and not isinstance(value, bool) and value in LARGE_PRINT_SIZES:
            return value
        self.report(
            ("large-print-size",),
            None,
            f"'large-print-size' must be {LARGE_PRINT_SIZES_WORDS}, not {_shown(value)}",
            f"write large-print-size = 20 (the default, {LARGE_PRINT_SIZE}, is UKAAF's least "
            "for large print; 18 its ideal; 20 to 24 what many readers with low vision need)",
        )
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
            return root / baseline_path(value)
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
        if name.upper() == ALL:  # no table of options is every rule's
            message = f"'{name}' is no rule, so [tool.exambank.rules.{name}] sets nothing"
            hint = (
                "set options rule by rule, each in its own [tool.exambank.rules.NAME] "
                f'(`exambank rules` lists them); ignore = ["{ALL}"] turns every rule off'
            )
            self.report(path, name, message, hint)
            return
        if name not in RULES:
            self.report(path, name, *unknown_rule(name))
            return
        if not isinstance(settings, dict):
            self.report(
                path,
                None,
                f"rules.{name} must be a table",
                f'write {name} = {{severity = "off"}}, or a [tool.exambank.rules.{name}] table',
            )
            return
        defaults = RULES[name].options
        for key, value in settings.items():
            if key == "severity":
                self.severity(config, name, value)
            elif key not in defaults:
                self.report((*path, key), key, *unknown_setting(name, key))
            elif self.option_fits(name, key, value, defaults[key]):
                chosen = float(value) if isinstance(defaults[key], float) else value
                if isinstance(chosen, list):  # of text: " Always" is the word always
                    chosen = [item.strip() for item in chosen]
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
        problem = option_problem(key, value, default, RULES[name].option_least.get(key))
        if problem is not None:
            self.report(
                ("rules", name, key),
                None,
                f"option '{key}' of {name} must be {problem}, not {_shown(value)}",
                f"for example: {key} = {option_example(default)}",
            )
            return False
        if not isinstance(value, list):
            return True
        # An item that is blank would match nothing; a list of nothing else, or of nothing
        # at all, would have the rule check nothing, unsaid. (A list of what to leave out,
        # word-repeat's ignore, is empty by default: empty, it leaves nothing out.)
        blank = [item for item in value if not item.strip()]
        if not blank and (value or not default):
            return True
        hint = (
            f"list what to look for, as in {key} = {option_example(default)}; to turn "
            f'{name} off: severity = "off"'
        )
        if not value:
            message = f"option '{key}' of {name} is an empty list, which matches nothing"
        else:
            them = "it" if len(blank) == 1 else "them"
            shown = [_shown(item) for item in blank]
            items = f"an empty item, {shown[0]}"
            if len(blank) > 1:
                items = f"{len(blank)} empty items ({', '.join(shown[:-1])} and {shown[-1]})"
            if not default or len(blank) < len(value):
                hint = f"remove {them} from the list"
            match = "matches" if len(blank) == 1 else "match"
            message = f"option '{key}' of {name} has {items}, which {match} nothing"
        self.report(("rules", name, key), None, message, hint)
        return False


def _either(words: list[str]) -> str:
    """The choices as a sentence gives them: "a or b", "a, b or c"."""
    return f"{', '.join(words[:-1])} or {words[-1]}"


def _shown(value: Any) -> str:
    """A value as TOML writes it: ``nan`` and ``inf``, not JSON's ``NaN``."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return json.dumps(value, default=str)
