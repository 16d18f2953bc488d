"""Which rules run, at what severity, with which options.

The defaults come from the rules themselves; ``[tool.exambank]`` in ``pyproject.toml``
(read by ``exambank.pyproject``) and then the command line change them.
"""

from __future__ import annotations

import difflib
import fnmatch
import json
import math
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, get_args

from exambank.diagnostics import Diagnostic, Note, Severity
from exambank.rules import RULES
from exambank.rules.base import Least

# Far above any real bank file (the largest seen: 290 kB, 600 questions), and low enough
# that one file cannot hold a CI job for long: fmt --check reads long lines at 20 s per MB.
MAX_FILE_BYTES = 5_000_000
# The paper sizes a handout is laid out for (``build --paper``, ``paper`` in the config)
Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = get_args(Paper)
# Where the student edition's answer key goes: at its end (after a page break), nowhere
# (a quiz in class), or into a PDF of its own, which the trainer keeps and grades with
# (``build --student-key``, ``student-key`` in the config).
StudentKey = Literal["end", "none", "separate"]
STUDENT_KEYS: tuple[StudentKey, ...] = get_args(StudentKey)
# Where a handout's sections start (``build --sections``, ``sections`` in the config): each
# on a new page, or running on after the one before, on a new page only near a page's foot
Sections = Literal["new-page", "run-on"]
SECTION_STARTS: tuple[Sections, ...] = get_args(Sections)
# The large-print body's size in whole points (``build --large-print-size``,
# ``large-print-size`` in the config): UKAAF's least, 16, unless a reader needs more: 18,
# UKAAF's ideal and US large print's (APH, NLS), or up to 24, the top of the 20-24 pt that
# UKAAF's modified large print and RNIB give many readers with low vision. No less: that is
# no longer large print. No more: at 24 pt a question's line on A4 holds about 30
# characters, and 47 of the seed's 55 questions run over a page in the trainer edition;
# larger is for a magnifier or a screen. Above 18 pt the answer key and sheet set four
# answers a row, as five no longer hold a wide letter beside its number (``answer_key.py``).
LARGE_PRINT_SIZE = 16
LARGE_PRINT_SIZES = range(LARGE_PRINT_SIZE, 24 + 1)
LARGE_PRINT_SIZES_WORDS = (
    f"a whole number of points from {LARGE_PRINT_SIZES[0]} to {LARGE_PRINT_SIZES[-1]}"
)


class ConfigError(Exception):
    """The configuration is wrong (exit status 2); ``diagnostics`` say where, when known."""

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.diagnostics = list(diagnostics)


@dataclass
class Config:
    """Defaults: every rule that is on by default, at its own severity and options.

    ``per_file_ignores`` maps a glob, relative to ``root`` (the folder of the
    ``pyproject.toml`` read), to the rules switched off for the files it matches;
    ``baseline`` is the file of known findings lint hides (exambank.baseline), if any;
    ``unsuppressible`` the rules a bank file's ``lint: {ignore: [...]}`` may not switch off
    (exambank.suppression reports such an entry and drops nothing for it);
    ``max_file_bytes`` the size above which a bank file is reported (``file-size``) and
    not read; ``paper`` the handouts' paper size where ``build --paper`` gives none (None:
    A4), ``student_key`` and ``answer_sheet`` likewise for ``build --student-key`` and
    ``--answer-sheet`` (None: the key at the end, no sheet), ``sections`` where the
    handouts' sections start where ``build --sections`` gives none (None: each on a new
    page), ``large_print_size`` the body's size in points of a build in large print where
    ``build --large-print-size`` gives none (None: 16); ``notes`` are what reading the
    configuration found worth saying but not wrong, and ``empty_selection`` the note for
    a configuration that selects no rule that can be switched off, given unless the
    command line selects some (``selection_notes``).
    """

    select: set[str] = field(
        default_factory=lambda: {name for name, rule in RULES.items() if rule.enabled_by_default}
    )
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_file_ignores: dict[str, set[str]] = field(default_factory=dict)
    root: Path = field(default_factory=Path.cwd)
    baseline: Path | None = None
    unsuppressible: set[str] = field(default_factory=set)
    max_file_bytes: int = MAX_FILE_BYTES
    paper: Paper | None = None
    student_key: StudentKey | None = None
    answer_sheet: bool | None = None
    sections: Sections | None = None
    large_print_size: int | None = None
    notes: list[Note] = field(default_factory=list)
    empty_selection: Note | None = None

    def selection_notes(self) -> list[Note]:
        """``empty_selection`` where no rule that can be switched off is selected: a run
        that says "No problems found" has then checked only that the files can be read."""
        if self.empty_selection is None or any(map(switchable, self.select)):
            return []
        return [self.empty_selection]

    def enabled(self, rule: str) -> bool:
        """Problems found while reading a file cannot be switched off: nothing else
        could be checked in their place."""
        return rule in self.select or not switchable(rule)

    def options_for(self, rule: str) -> dict[str, Any]:
        return {**RULES[rule].options, **self.rule_options.get(rule, {})}

    def apply(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """Drop findings of disabled rules and ignored files; set each one's severity."""
        ignored_in: dict[str, frozenset[str]] = {}  # by path: once per file, not per finding
        kept = []
        for found in diagnostics:
            if found.path not in ignored_in:
                ignored_in[found.path] = self.ignored_in_file(found.path)
            if not self.enabled(found.rule) or found.rule in ignored_in[found.path]:
                continue
            severity = self.severity.get(found.rule, found.severity)
            kept.append(found if severity == found.severity else replace(found, severity=severity))
        return kept

    def ignored_in_file(self, path: str) -> frozenset[str]:
        """The rules ``per_file_ignores`` switch off in the file at ``path``."""
        if not self.per_file_ignores:
            return frozenset()
        relative = _relative_to(path, self.root)
        if relative is None:
            return frozenset()
        return frozenset(
            rule
            for glob, rules in self.per_file_ignores.items()
            if matches_glob(relative, glob)
            for rule in rules
        )

    def override(self, select: Iterable[str] | None, ignore: Iterable[str] = ()) -> Config:
        """This configuration with the command line's ``--select`` and ``--ignore``."""
        chosen = set(self.select) if select is None else set(select)
        return replace(self, select=chosen - set(ignore))


def matches_glob(relative: str, glob: str) -> bool:
    """``*`` matches across folders; a glob without ``/`` matches the file name too (one
    written ``./name`` names the file beside the configuration only)."""
    path_glob = normal_glob(glob)
    if fnmatch.fnmatchcase(relative, path_glob):
        return True
    named = "/" not in glob.replace("\\", "/")
    return named and fnmatch.fnmatchcase(relative.rsplit("/", 1)[-1], path_glob)


def normal_glob(glob: str) -> str:
    """A per-file-ignores glob as it is matched against a path relative to the
    configuration's folder: a backslash as '/' (a path copied on Windows), without a
    leading './' (a path copied from a shell)."""
    return _LEADING_DOTS.sub("", glob.replace("\\", "/"))


_LEADING_DOTS = re.compile(r"^(?:\./)+")


def baseline_path(written: str) -> Path:
    """A baseline's path as ``baseline`` in [tool.exambank] or a command line gives it: a
    backslash as '/', as a glob reads it, so that 'ci\\baseline.json' written on Windows
    names the same file in CI, and no file is written whose name Git for Windows cannot
    check out."""
    return Path(written.replace("\\", "/"))


def _relative_to(path: str, root: Path) -> str | None:
    relative = os.path.relpath(Path(path).resolve(), root.resolve())
    return None if relative.startswith("..") else Path(relative).as_posix()


def switchable(rule: str) -> bool:
    """Whether configuration or a suppression may turn ``rule`` off."""
    return rule in RULES and RULES[rule].switchable


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def unknown_rule(name: str) -> tuple[str, str]:
    """Message and hint for a name that is no rule."""
    if name.upper() == ALL:
        return f"unknown rule '{name}'", f"did you mean '{ALL}'? (every rule, in capitals)"
    hint = did_you_mean(name, RULES) or "`exambank rules` lists every rule"
    return f"unknown rule '{name}'", hint


def unswitchable_rule(name: str) -> tuple[str, str]:
    """Message and hint for turning off a rule that cannot be turned off."""
    return (
        f"rule '{name}' cannot be turned off",
        "it reports a file that cannot be read, an id used twice or a control character; "
        "fix the bank instead",
    )


def option_problem(
    key: str, value: Any, default: Any, least: tuple[Least, float] | None = None
) -> str | None:
    """What option ``key`` must be, if ``value`` does not fit its ``default``: the same
    type (a list's items too), and a number in range (``least``: the rule's own least
    value for it, ``Rule.option_least``)."""
    return _type_problem(value, default) or _range_problem(key, value, least)


_KINDS: list[tuple[type, str]] = [
    (bool, "true or false"),
    (int, "a whole number"),
    (float, "a number"),
    (str, "text"),
]


def _type_problem(value: Any, default: Any) -> str | None:
    """What ``value`` must be, if its type is not the default's. A list's items are
    checked too: the rules use them as the default's items (``word.casefold()``)."""
    if isinstance(default, list):
        item = _list_item(default)
        if isinstance(value, list) and all(_same_kind(part, item) for part in value):
            return None
        return f"a list of {_kind(item)}"
    return None if _same_kind(value, default) else _kind(default)


def _list_item(default: list[Any]) -> Any:
    """An item like the ones a list option holds: its default's first; an empty default
    (``ignore``) is a list of words, as every list option is."""
    return default[0] if default else ""


def _kind(default: Any) -> str:
    return next((word for kind, word in _KINDS if isinstance(default, kind)), "a list")


def _same_kind(value: Any, default: Any) -> bool:
    """An int is a fine float; true and false are no numbers, though Python counts them."""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))


def _range_problem(key: str, value: Any, least: tuple[Least, float] | None) -> str | None:
    """Every numeric option is a positive count, ratio or proportion (Rule.options), and
    some have a higher least value (``least``: answer-run's min_run is at least 2).
    TOML's ``nan`` is none of them, and would slip past the comparisons (all false)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    proportion = key in ("p_value", "threshold") or key.endswith("share")
    bound, lowest = least or ("above", 0)
    below = value < lowest or (bound == "above" and value == lowest)
    if math.isnan(value) or value <= 0 or below or (proportion and value > 1):
        return "between 0 and 1" if proportion else f"{bound} {lowest:g}"
    return None


def option_example(default: Any) -> str:
    """A value to copy into the hint: a list option's default may be long, or empty."""
    if isinstance(default, list):
        return json.dumps(default[:2] or ["word"])
    return json.dumps(default)


ALL = "ALL"  # every rule (every rule that may be turned off, where rules are turned off)


def every_rule(turning_off: bool) -> list[str]:
    """What ``ALL`` names: every rule, or every rule configuration may turn off."""
    return [name for name in RULES if not turning_off or switchable(name)]


def parse_rule_list(text: str, *, turning_off: bool) -> list[str]:
    """A command line's comma-separated rule names (``ALL``: every rule); ValueError says
    what is wrong."""
    names = [name.strip() for name in text.split(",")]
    chosen = []
    for name in names:
        if not name:
            raise ValueError(f"empty rule name in '{text}'; separate names with commas")
        if name == ALL:
            chosen += every_rule(turning_off)
            continue
        if name not in RULES:
            message, hint = unknown_rule(name)
            raise ValueError(f"{message}; {hint}")
        if turning_off and not switchable(name):
            message, hint = unswitchable_rule(name)
            raise ValueError(f"{message}: {hint}")
        chosen.append(name)
    return chosen
