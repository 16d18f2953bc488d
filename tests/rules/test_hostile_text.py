"""What negative-stem, negative-options and option-length-spread report on hostile text,
at a size where the quadratic code they replaced took minutes (64 KB of "not " about two
minutes; 8 KB of unclosed quotation marks four): lint, build and stats hung on one
question. The time itself is not asserted here (speed lives in ``nox -s bench``); this
pins the findings, so a faster rewrite cannot quietly change them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from exambank.config import Config
from exambank.lint import lint
from tests.conftest import section_yaml, write_bank
from tests.rules.item_writing import SERVICES

SIZE = 64_000  # characters

# Each makes a text of about ``size`` characters; then the rules that report it.
BOTH = ["negative-options", "negative-stem"]
EMPHASISED = ["negative-options"]  # a negative stem in capitals: negative options still count
HOSTILE_STEMS: dict[str, tuple[Callable[[int], str], list[str]]] = {
    "reasons not": (lambda size: "reasons " + "not " * (size // 4) + "?", BOTH),
    "isn't": (lambda size: "isn't " * (size // 6), BOTH),
    "in parentheses": (lambda size: "(" + "not " * (size // 4), []),
    "except for": (lambda size: "except for x " * (size // 13), BOTH),
    "least likely": (lambda size: "least likely " * (size // 13), BOTH),
    "ends because": (lambda size: "Which is not it because" + " " * size + "x?", BOTH),
    "in capitals": (lambda size: "NOT " * (size // 4), EMPHASISED),  # all of them read
    "in bold": (lambda size: "**not** " * (size // 8), EMPHASISED),
    "after a comma": (lambda size: "not, " * (size // 5), BOTH),
    "in order not": (lambda size: "in order not " * (size // 13), []),
    "false": (lambda size: "false " * (size // 6), BOTH),
    "single quotes": (lambda size: " 'not" * (size // 5), BOTH),  # no quotation closes
    "curly quotes": (lambda size: "\u201cnot " * (size // 5), BOTH),
    "closed quotes": (lambda size: '"a" not ' * (size // 8), BOTH),
    "quoted capitals": (lambda size: '"a" NOT ' * (size // 8), EMPHASISED),
    "quoted sentences": (lambda size: "not " + '"a" . B ' * (size // 8), []),
    "code spans": (lambda size: "`not` " * (size // 6), []),  # Python's "not" (review s35)
    "unclosed backticks": (lambda size: "`not " + "``not " * (size // 6), BOTH),
}
HOSTILE_OPTIONS: dict[str, tuple[Callable[[int], str], list[str]]] = {
    "opening parentheses": (lambda size: "(" * size, []),
    "spaced parentheses": (lambda size: " (" * (size // 2), []),
    "spaces before parentheses": (lambda size: "a" + " " * size + "x (y)", []),
    "words in parentheses": (lambda size: "word (x) " * (size // 9), ["option-length-spread"]),
}


def _question(stem: str, options: dict[str, str]) -> str:
    lines = [f"  {letter}: {json.dumps(text)}" for letter, text in options.items()]
    return "\n".join(
        ["id: q1", f"stem: {json.dumps(stem)}", "options:", *lines, "answer: A", "explanation: x"]
    )


def _assert_finds(
    tmp_path: Path, rules: set[str], fields: dict[str, str], found: list[str]
) -> None:
    """Lint the question ``fields`` make; it must give the findings ``found``."""
    stem = fields.pop("stem", "Which service trains models?")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(_question(stem, fields))})
    assert sorted(d.rule for d in lint([root], Config(select=rules)).diagnostics) == found


@pytest.mark.parametrize("name", HOSTILE_STEMS)
def test_a_hostile_stem_gets_its_findings(tmp_path, name):
    make, found = HOSTILE_STEMS[name]
    negated = {**SERVICES, "B": "It does not scale"}  # negative-options reads every option
    rules = {"negative-stem", "negative-options"}
    _assert_finds(tmp_path, rules, {"stem": make(SIZE), **negated}, found)


@pytest.mark.parametrize("name", HOSTILE_OPTIONS)
def test_a_hostile_option_gets_its_findings(tmp_path, name):
    make, found = HOSTILE_OPTIONS[name]
    _assert_finds(tmp_path, {"option-length-spread"}, {**SERVICES, "D": make(SIZE)}, found)
