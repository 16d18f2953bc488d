"""Lint's validator reads the schemas' regular expressions as the model does.

pydantic (its Rust regex) decides whether a file loads; the validator explains why not. A
pattern read otherwise (Python's "$" before a final line break, its "\\s" on U+001C-U+001F)
either leaves a refusal unexplained (pydantic's message, no hint) or reports what loads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError
from pydantic_core import SchemaValidator, core_schema
from ruamel.yaml import YAML

from exambank import schema
from exambank.lint import lint
from exambank.model import Manifest, Section
from exambank.schema_patterns import read_pattern
from tests.conftest import QUESTION, section_yaml, write_bank

# Texts where the readings part: line breaks, the spaces each engine counts apart, digits
# and letters outside ASCII, and what each pattern is written for.
PROBES = [
    *("", "\n", "B", "B\n", "B\n\n", "\nB", "b", "BC", "q1", "q1\n", "amt-q1", "amt--q1"),
    *("en", "pt-BR", "de\n", "de-CH-1996", "e", "0" * 64, "0" * 63 + "\n", "x"),
    *(" ", "\t", "\x0b", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000", "\ufeff"),
    *("\u0663", "\u00e9", "\u0301", "a\x1cb"),
]


def _patterns(node: Any) -> Iterator[str]:
    """Every regular expression in a schema: "pattern" values, "patternProperties" keys."""
    if isinstance(node, list):
        for item in node:
            yield from _patterns(item)
    elif isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            yield node["pattern"]
        yield from node.get("patternProperties", {})
        for value in node.values():
            yield from _patterns(value)


def _every_pattern() -> list[str]:
    found = set()
    for name in schema.MODELS:
        found |= set(_patterns(json.loads((schema.schema_dir() / name).read_text("utf-8"))))
    return sorted(found)


def test_the_schemas_have_the_patterns_this_file_probes() -> None:
    assert {r"^[A-Z]$", r"^[a-z0-9]+(-[a-z0-9]+)*$", r"\S"} <= set(_every_pattern())


@pytest.mark.parametrize("pattern", _every_pattern())
def test_every_schema_pattern_reads_as_the_models_regex_reads_it(pattern: str) -> None:
    """pydantic-core's own regex, as the model's ``pattern`` constraints run it."""
    rust = SchemaValidator(core_schema.str_schema(pattern=pattern))
    for text in PROBES:
        model_accepts = rust.isinstance_python(text)
        assert bool(read_pattern(pattern).search(text)) == model_accepts, (pattern, text)


def _question_document(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = YAML(typ="safe").load(section_yaml(QUESTION))
    document["questions"][0].update(changes)
    return document


def _options_with(key: str) -> dict[str, str]:
    return {"A": "Amazon SageMaker", key: "AWS Lambda", "C": "Amazon EC2"}


SUPPRESSION = {"ignore": ["answer-run"]}


@pytest.mark.parametrize(
    ("document", "model"),
    [
        pytest.param(_question_document(options=_options_with(key)), Section, id=repr(key))
        for key in ("B", "B\n", "B\n\n", "b\n")
    ]
    + [
        pytest.param(_question_document(answer=answer), Section, id=repr(answer))
        for answer in ("A\n", ["A", "C\n"], ["A", "C"])
    ]
    + [
        pytest.param(_question_document(lint={**SUPPRESSION, "reason": r}), Section, id=repr(r))
        for r in ("\x1c", "\x85", "\ufeff", "\n", "x\n")
    ]
    + [
        pytest.param(
            {"id": "b", "title": "B", "sections": ["main"], **changes}, Manifest, id=repr(changes)
        )
        for changes in ({"language": "de\n"}, {"id": "b\n"}, {"sections": ["main\n"]})
    ],
)
def test_lints_validator_refuses_exactly_what_the_model_refuses(
    document: dict[str, Any], model: type[BaseModel]
) -> None:
    name = next(name for name, candidate in schema.MODELS.items() if candidate is model)
    try:
        model.model_validate(deepcopy(document), strict=True)
    except ValidationError:
        model_accepts = False
    else:
        model_accepts = True
    assert schema.validator(name).is_valid(document) == model_accepts


def test_a_reason_the_model_takes_for_text_is_not_called_blank_beside_another_error(
    tmp_path: Path,
) -> None:
    """U+001C is white space to Python's "\\s" only: the reason is no finding, the lower-case
    answer (the file's one real error) is."""
    question = QUESTION.replace("answer: A", "answer: a")
    question += 'lint: {ignore: [answer-run], reason: "\\x1c"}\n'
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    found = [(d.line, d.message) for d in lint([bank]).diagnostics if d.rule == "schema"]
    assert found == [(11, "question q1, answer letters are capitals: 'a' -> 'A'")]


def test_a_reason_of_a_next_line_character_is_blank_to_the_model_and_to_lint(
    tmp_path: Path,
) -> None:
    question = QUESTION + 'lint: {ignore: [answer-run], reason: "\\N"}\n'
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    found = [(d.message, d.hint) for d in lint([bank]).diagnostics if d.rule == "schema"]
    assert found == [("question q1, lint, reason is blank", "write it out")]
