"""Every question rule's documented Bad example triggers it and its Good example does not.

The examples are the ones ``exambank rule NAME`` prints, so the documentation cannot drift
from the behaviour. Each block holds only the keys that differ from the default question.
"""

from __future__ import annotations

import inspect
import io
import re
import textwrap
from collections.abc import Callable
from typing import Any

import pytest
from ruamel.yaml import YAML

from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.rules import RULES, QuestionRule
from tests.conftest import QUESTION

EVERY_RULE = Config(select=set(RULES))  # rules that are off by default are documented too
QUESTION_RULES = sorted(name for name, rule in RULES.items() if issubclass(rule, QuestionRule))


def example(rule_name: str, label: str) -> dict[str, Any]:
    doc = inspect.cleandoc(RULES[rule_name].__doc__ or "")
    match = re.search(rf"^{label}:\n((?:[ \t]+.*\n|\n)+)", doc + "\n", re.MULTILINE)
    assert match, f"{rule_name}'s docstring has no {label}: example"
    yaml = YAML(typ="safe", pure=True)
    block = yaml.load(io.StringIO(textwrap.dedent(match.group(1))))
    assert isinstance(block, dict), f"{rule_name}'s {label}: example is not question keys"
    default = yaml.load(io.StringIO(QUESTION))
    return {**default, **block}


def as_yaml(question: dict[str, Any]) -> str:
    stream = io.StringIO()
    YAML(typ="safe", pure=True).dump(question, stream)
    return stream.getvalue()


@pytest.mark.parametrize("rule_name", QUESTION_RULES)
def test_bad_example_triggers_the_rule(
    rule_name: str, lint_questions: Callable[..., list[Diagnostic]]
) -> None:
    found = lint_questions(as_yaml(example(rule_name, "Bad")), config=EVERY_RULE)
    assert rule_name in {d.rule for d in found}, found


@pytest.mark.parametrize("rule_name", QUESTION_RULES)
def test_good_example_passes_the_rule(
    rule_name: str, lint_questions: Callable[..., list[Diagnostic]]
) -> None:
    found = lint_questions(as_yaml(example(rule_name, "Good")), config=EVERY_RULE)
    assert rule_name not in {d.rule for d in found}, found
