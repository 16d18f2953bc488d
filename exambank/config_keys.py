"""The keys of ``[tool.exambank]`` and of a rule's table, and where a key that neither
takes belongs: a rule's option written above the rule's table, or in another rule's, is
sent to the table that takes it.
"""

from __future__ import annotations

import difflib

from exambank.config import did_you_mean
from exambank.rules import RULES
from exambank.rules.base import all_of, either

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
    "large-print-size",
)
# Build options that are chosen for each build, on the command line, and have no key: said
# so, as "did you mean" would send the author to a key of another meaning ("large-print"
# to "large-print-size", which sets only the size of a build run with --large-print).
BUILD_ONLY = {
    "large-print": "--large-print (large-print-size here sets the size such builds use)",
    "shuffle": "--shuffle SEED",
    "only": "--only FORMATS",
    "out": "--out DIR",
    "csv-text": "--csv-text markdown|plain",
    "csv-guard": "--csv-guard on|off",
}


def unknown_key(key: str) -> tuple[str, str]:
    """Message and hint for a key ``[tool.exambank]`` does not take."""
    if key in BUILD_ONLY:
        return (
            f"'{key}' is not a key of [tool.exambank]",
            f"it is chosen for each build: exambank build {BUILD_ONLY[key]}",
        )
    if key == "severity":
        return (
            "'severity' is set rule by rule, not in [tool.exambank]",
            'write it in the rule\'s table: [tool.exambank.rules.NAME], then severity = "warning"',
        )
    if owners := rules_taking(key):
        return (
            f"'{key}' is an option of {all_of(owners)}, not a key of [tool.exambank]",
            f"write it under {_tables(owners)}",
        )
    hint = did_you_mean(key, KEYS)
    options = sorted({option for rule in RULES.values() for option in rule.options})
    meant = None if hint else difflib.get_close_matches(key, options, n=1, cutoff=0.6)
    if meant:  # "min-run": answer-run's min_run
        owners = rules_taking(meant[0])
        hint = (
            f"did you mean '{meant[0]}', an option of {all_of(owners)}? write it under "
            f"{_tables(owners)}"
        )
    return f"unknown key '{key}' in [tool.exambank]", hint or f"known keys: {', '.join(KEYS)}"


def unknown_setting(name: str, key: str) -> tuple[str, str]:
    """Message and hint for a setting rule ``name`` does not take: the rules that take it,
    else a did-you-mean, else what it takes."""
    known = ["severity", *RULES[name].options]
    takes = f"{name} takes: {', '.join(known)}"
    others = [rule for rule in rules_taking(key) if rule != name]
    hint = f"'{key}' is an option of {all_of(others)}; {takes}" if others else None
    message = f"unknown setting '{key}' for rule {name}"
    return message, hint or did_you_mean(key, known) or takes


def rules_taking(key: str) -> list[str]:
    """The rules that have an option ``key``, in the registry's order."""
    return [name for name, rule in RULES.items() if key in rule.options]


def _tables(rules: list[str]) -> str:
    return either([f"[tool.exambank.rules.{name}]" for name in rules])
