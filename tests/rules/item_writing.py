"""Shared by the item-writing rule tests: questions written from keyword arguments, and
the findings of one rule run on its own."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from ruamel.yaml import YAML

from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import LintResult
from exambank.rules import RULES

SERVICES = {"A": "Amazon SageMaker", "B": "AWS Lambda", "C": "Amazon EC2", "D": "Amazon Bedrock"}
STEM = "Which AWS service trains, tunes and deploys ML models?"
# The item-writing rules of issue 5, beside the foundation's well-formedness rules.
ITEM_WRITING = {
    "all-of-the-above",
    "none-of-the-above",
    "negative-stem",
    "negative-options",
    "absolute-terms",
    "option-length-spread",
    "word-repeat",
    "grammatical-cue",
    "numeric-order",
    "overlapping-ranges",
    "true-false-options",
    "combination-options",
    "fill-in-blank",
    "stem-lead-in",
    "option-rationale",
    "answer-run",
    "near-duplicate",
    "duplicate-question",
    "key-in-other-stem",
    "section-coverage",
    "longest-option-key",
}


def question(
    qid: str = "q1",
    stem: str = STEM,
    options: dict[str, Any] | None = None,
    answer: str | list[str] = "A",
    **extra: Any,
) -> str:
    """One question as YAML text; ``options`` default to four AWS services."""
    data = {
        "id": qid,
        **({"type": "multiple"} if isinstance(answer, list) else {}),
        "stem": stem,
        "options": options or SERVICES,
        "answer": answer,
        "explanation": "See the section notes.",
        **extra,
    }
    yaml = YAML(typ="safe", pure=True)
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.default_flow_style = False
    yaml.width = 4096
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def only(rule: str, **options: Any) -> Config:
    """A configuration that runs ``rule`` alone, with ``options`` over its defaults. A
    name no rule has would run nothing, and a test expecting no finding would pass."""
    assert rule in RULES, f"no rule is named {rule!r}"
    return Config(select={rule}, rule_options={rule: options} if options else {})


def found_by(rule: str, run: Callable[..., list[Diagnostic]], *questions: str) -> list[Diagnostic]:
    """What ``rule`` alone finds in one section holding ``questions``."""
    return [d for d in run(*questions, config=only(rule)) if d.rule == rule]


def bank_findings(rule: str, result: LintResult) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.rule == rule]
