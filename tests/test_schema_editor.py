"""What the schemas tell an editor beyond what lint's validator checks.

Some mistakes lint reports by a rule of its own (empty-text, answer-count,
unused-suppression), after the rest of the question is checked; the schemas let an editor
flag them as the author types, in keywords marked for editors only, which lint's validator
leaves out, so lint reports each once, by its rule. An editor validates with the whole
schema, as draft-07 (yaml-language-server before 1.20) or 2020-12.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from jsonschema.exceptions import best_match
from pydantic import ValidationError
from ruamel.yaml import YAML

from exambank import schema
from exambank.config import switchable
from exambank.layout import format_file
from exambank.lint import lint
from exambank.model import EDITOR_ONLY, Question, Section
from exambank.rules import RULES
from exambank.schema_patterns import read_pattern
from tests.conftest import QUESTION, SEED_BANK, section_yaml, write_bank

SECTION_SCHEMA = json.loads((schema.schema_dir() / "section.schema.json").read_text("utf-8"))
EDITORS = [Draft7Validator(SECTION_SCHEMA), Draft202012Validator(SECTION_SCHEMA)]
MULTIPLE = QUESTION.replace("answer: A", "type: multiple\nanswer: [A, C]")
STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
EXPLANATION = "explanation: SageMaker covers the whole ML lifecycle."


def _editor_errors(text: str) -> list[str]:
    """Where an editor flags ``text`` (a section file read as YAML 1.2), by JSON path."""
    data = YAML(typ="safe").load(text)
    found = [
        {
            "/".join(map(str, best_match([error]).absolute_path))  # inside an anyOf's branch
            for error in editor.iter_errors(data)
        }
        for editor in EDITORS
    ]
    assert found[0] == found[1], "draft-07 and 2020-12 editors disagree"
    return sorted(found[0])


def _findings(tmp_path: Path, text: str) -> list[tuple[int, str, str]]:
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    return [(found.line, found.rule, found.message) for found in lint([bank]).diagnostics]


# Each mistake: the question (or section) text, where the editor flags it, and the one
# finding lint gives for it.
CAUGHT_BY_RULES = [
    pytest.param(
        section_yaml(QUESTION.replace(STEM, "stem: ''")),
        "questions/0/stem",
        (5, "empty-text", "stem is blank"),
        id="empty-stem",
    ),
    pytest.param(
        section_yaml(QUESTION.replace(STEM, "stem: ' '")),
        "questions/0/stem",
        (5, "empty-text", "stem is blank"),
        id="blank-stem",
    ),
    pytest.param(
        section_yaml(QUESTION.replace("B: AWS Lambda", "B: ''")),
        "questions/0/options/B",
        (8, "empty-text", "option B is blank"),
        id="empty-option",
    ),
    pytest.param(
        section_yaml(QUESTION.replace("B: AWS Lambda", "B: {text: '  '}")),
        "questions/0/options/B/text",
        (8, "empty-text", "option B is blank"),
        id="blank-option-text",
    ),
    pytest.param(
        section_yaml(QUESTION.replace(EXPLANATION, "explanation: ''")),
        "questions/0/explanation",
        (12, "empty-text", "explanation is blank"),
        id="empty-explanation",
    ),
    pytest.param(
        section_yaml(QUESTION, extra="key_terms:\n  - term: ''\n    definition: Means.\n"),
        "key_terms/0/term",
        (4, "empty-text", "key term 1, term is blank"),
        id="empty-term",
    ),
    pytest.param(
        section_yaml(QUESTION, extra="key_terms:\n  - term: AMT\n    definition: ' '\n"),
        "key_terms/0/definition",
        (5, "empty-text", "key term 1, definition is blank"),
        id="blank-definition",
    ),
    pytest.param(
        section_yaml(QUESTION, extra="exam_tips:\n  - ''\n"),
        "exam_tips/0",
        (4, "empty-text", "exam tip 1 is blank"),
        id="empty-tip",
    ),
    pytest.param(
        section_yaml(QUESTION.replace("answer: A", "answer: [A, B]")),
        "questions/0/answer",
        (11, "answer-count", "a single-answer question has 2 answers"),
        id="single-with-two",
    ),
    pytest.param(
        section_yaml(QUESTION.replace("answer: A", "answer: []")),
        "questions/0/answer",
        (11, "answer-count", "answer is not set yet"),
        id="single-with-none",
    ),
    pytest.param(
        section_yaml(MULTIPLE.replace("answer: [A, C]", "answer: []")),
        "questions/0/answer",
        (12, "answer-count", "answer is not set yet"),
        id="multiple-with-none",
    ),
    pytest.param(
        section_yaml(MULTIPLE.replace("answer: [A, C]", "answer: A")),
        "questions/0/answer",
        (12, "answer-count", "a multiple-answer question has 1 answer"),
        id="multiple-with-a-letter",
    ),
    pytest.param(
        section_yaml(MULTIPLE.replace("answer: [A, C]", "answer: [A]")),
        "questions/0/answer",
        (12, "answer-count", "a multiple-answer question has 1 answer"),
        id="multiple-with-one",
    ),
    pytest.param(
        section_yaml(MULTIPLE.replace("answer: [A, C]", "answer: [A, A]")),
        "questions/0/answer",
        (12, "answer-count", "an answer letter is listed twice"),
        id="multiple-twice",
    ),
    pytest.param(
        section_yaml(QUESTION + "lint: {ignore: [answer-runs], reason: r}\n"),
        "questions/0/lint/ignore/0",
        (13, "unused-suppression", "the suppression names an unknown rule 'answer-runs'"),
        id="misspelt-rule",
    ),
    pytest.param(
        section_yaml(QUESTION + "lint: {ignore: [schema], reason: r}\n"),
        "questions/0/lint/ignore/0",
        (13, "unused-suppression", "'schema' cannot be suppressed"),
        id="rule-that-cannot-be-suppressed",
    ),
    pytest.param(
        section_yaml(QUESTION + "lint: {ignore: [unused-suppression], reason: r}\n"),
        "questions/0/lint/ignore/0",
        (13, "unused-suppression", "'unused-suppression' cannot be suppressed"),
        id="unused-suppression-itself",
    ),
]


@pytest.mark.parametrize(("text", "flagged", "finding"), CAUGHT_BY_RULES)
def test_the_editor_flags_what_lint_reports_once_by_its_rule(tmp_path, text, flagged, finding):
    assert _editor_errors(text) == [flagged]
    found = _findings(tmp_path, text)
    assert finding in found
    assert [rule for _, rule, _ in found if rule in (finding[1], "schema")] == [finding[1]]


@pytest.mark.parametrize(("text", "flagged", "finding"), CAUGHT_BY_RULES)
def test_beside_a_schema_error_lint_still_reports_it_by_its_rule(tmp_path, text, flagged, finding):
    """A schema error elsewhere in the file makes lint explain it with the schema: the
    keywords for editors must not turn the other mistake into a schema error too."""
    text += "    difficulty: Hard\n"  # the question is the last thing in the file
    found = _findings(tmp_path, text)
    assert [message for _, rule, message in found if rule == "schema"] == [
        "question q1, difficulty is 'Hard'"
    ]
    assert finding in found


def test_a_suppression_listing_a_rule_twice_is_flagged_by_both(tmp_path):
    text = section_yaml(QUESTION + "lint: {ignore: [answer-run, answer-run], reason: r}\n")
    assert _editor_errors(text) == ["questions/0/lint/ignore"]
    assert (13, "unused-suppression", "'answer-run' is listed twice") in _findings(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(section_yaml(QUESTION.replace("answer: A", "answer: [A]")), id="single-[A]"),
        pytest.param(section_yaml(MULTIPLE), id="multiple"),
        pytest.param(
            section_yaml(QUESTION.replace("B: AWS Lambda", "B: {text: b, feedback: ''}")),
            id="blank-feedback",
        ),
        pytest.param(section_yaml(QUESTION, extra="summary: ''\n"), id="blank-summary"),
        pytest.param(
            section_yaml(QUESTION + "lint: {ignore: [answer-run], reason: r}\n"), id="rule-name"
        ),
    ],
)
def test_what_lint_lets_pass_the_editor_lets_pass(tmp_path, text):
    assert _editor_errors(text) == []
    assert [found for found in _findings(tmp_path, text) if found[1] != "unused-suppression"] == []


def test_the_seed_bank_is_clean_in_an_editor():
    for path in sorted(SEED_BANK.glob("*.yaml")):
        if path.name != "bank.yaml":
            assert _editor_errors(path.read_text(encoding="utf-8")) == [], path.name


def _editor_only_keywords(node: Any) -> int:
    if isinstance(node, list):
        return sum(map(_editor_only_keywords, node))
    if not isinstance(node, dict):
        return 0
    own = node.get("$comment") == EDITOR_ONLY
    return own + sum(map(_editor_only_keywords, node.values()))


def test_lint_leaves_out_exactly_the_keywords_marked_for_editors():
    assert _editor_only_keywords(SECTION_SCHEMA) == 11  # 8 texts (title too), answer, 2 in lint
    lints = schema.for_lint(SECTION_SCHEMA)
    assert _editor_only_keywords(lints) == 0
    assert '"allOf"' not in json.dumps(lints)
    assert schema.validator("section.schema.json").schema == lints
    export = json.loads((schema.schema_dir() / "export.schema.json").read_text("utf-8"))
    assert _editor_only_keywords(export) == 0, "the export describes what is written"


@pytest.mark.parametrize("letter", ["A\n", "A\n\n"])
def test_lints_validator_reads_a_pattern_as_json_schema_does(letter):
    """Python's "$" matches before a final line break, ECMA's (and pydantic's) does not."""
    document = YAML(typ="safe").load(section_yaml(QUESTION))
    document["questions"][0]["answer"] = letter
    assert not schema.validator("section.schema.json").is_valid(document)
    with pytest.raises(ValidationError):
        Section.model_validate(document, strict=True)
    document["questions"][0]["answer"] = letter.strip()
    assert schema.validator("section.schema.json").is_valid(document)


def test_a_dollar_in_a_character_class_or_escaped_stays_a_dollar():
    assert read_pattern(r"^[a-z$]+\$(x|$)$").pattern == r"^[a-z$]+\$(x|\Z)\Z"


def test_lint_ignore_offers_the_rules_a_suppression_can_switch_off():
    suppression = SECTION_SCHEMA["$defs"]["Suppression"]["properties"]["ignore"]["items"]
    [offered] = suppression["allOf"]
    about_suppressions = ("unused-suppression", "forbidden-suppression")  # no entry silences them
    names = sorted(name for name in RULES if switchable(name) and name not in about_suppressions)
    assert offered["enum"] == names
    assert offered["enumDescriptions"] == [RULES[name].summary() for name in names]
    assert "answer-run" in names and "schema" not in names


def _snippets(where: dict[str, Any]) -> dict[str, Any]:
    return {snippet["label"]: snippet["body"] for snippet in where["defaultSnippets"]}


def _as_inserted(body: dict[str, Any], fills: dict[str, str]) -> str:
    """A snippet's body as yaml-language-server inserts it (block style, two spaces), its
    tab stops filled in as an author would (a choice: its first value)."""

    def lines(node: dict[str, Any]) -> list[str]:
        found = []
        for key, value in node.items():
            if isinstance(value, dict):
                found += [f"{key}:", *(f"  {line}" for line in lines(value))]
            else:
                found.append(f"{key}: {value}")
        return found

    text = "\n".join(lines(body))
    text = re.sub(r"\$\{\d+\|(\w+)[^}]*\}", r"\1", text)
    return re.sub(r"\$(\d+)", lambda stop: fills[stop[1]], text)


def test_a_new_question_from_the_editor_is_as_fmt_writes_it_and_lints_clean(tmp_path):
    question = SECTION_SCHEMA["$defs"]["Question"]
    body = _snippets(question)["new question"]
    assert list(body) == [key for key in Question.model_fields if key in body]
    assert body["answer"] == "${7|" + ",".join(body["options"]) + "|}"
    fills = {
        "1": "amt-q99",
        "2": "Which SageMaker feature searches hyperparameter ranges for the best model?",
        "3": "SageMaker Clarify",
        "4": "SageMaker Automatic Model Tuning",
        "5": "SageMaker Pipelines",
        "6": "SageMaker Feature Store",
        "8": "AMT runs training jobs over the ranges and keeps the best by the metric.",
    }
    inserted = _as_inserted(body, fills).replace("\n", "\n    ")
    bank = tmp_path / "aws-ai-practitioner"
    shutil.copytree(SEED_BANK, bank)
    section = bank / "02-amt.yaml"
    section.write_text(section.read_text(encoding="utf-8") + f"\n  - {inserted}\n", "utf-8")
    assert format_file(section).changed is False
    result = lint([bank])
    assert [found for found in result.diagnostics if found.severity == "error"] == []
    assert "amt-q99" in {ref.question.id for ref in result.banks[0].questions()}


def test_the_options_snippets_are_letters_in_order():
    options = SECTION_SCHEMA["$defs"]["Question"]["properties"]["options"]
    for body in _snippets(options).values():
        assert "".join(body) == "ABCD"[: len(body)]
        assert list(body.values()) == [f"${stop}" for stop in range(1, len(body) + 1)]
