from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from exambank import schema_files
from exambank.builders import Settings
from exambank.builders.json_export import JsonBuilder
from exambank.export import SCHEMA_VERSION, ExportDocument, export_document
from tests.builders.conftest import SEED_ID
from tests.conftest import QUESTION, REPO, section_yaml

QUESTION_KEYS = [
    "id",
    "number",
    "type",
    "stem",
    "stem_html",
    "stem_text",
    "instruction",
    "options",
    "answer",
    "explanation",
    "explanation_html",
    "explanation_text",
    "tags",
    "difficulty",
    "shuffle",
    "images",
    "image_uses",
]


def load(seed_dist):
    text = (seed_dist / f"{SEED_ID}.json").read_text(encoding="utf-8")
    return text, json.loads(text)


def test_the_export_validates_against_the_committed_schema(seed_dist):
    _, document = load(seed_dist)
    committed = json.loads((REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(committed).iter_errors(document)) == []
    assert document["schema_version"] == SCHEMA_VERSION == 5
    generated = schema_files.generate()["export.schema.json"]
    assert (REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8") == generated


def test_all_55_questions_round_trip_exactly(seed_dist, seed_bank):
    text, document = load(seed_dist)
    assert ExportDocument.model_validate_json(text) == export_document(seed_bank)
    exported = [question for section in document["sections"] for question in section["questions"]]
    sources = list(seed_bank.questions())
    assert len(exported) == len(sources) == 55
    for row, ref in zip(exported, sources, strict=True):
        question = ref.question
        assert list(row) == QUESTION_KEYS
        assert row["id"] == question.id and row["number"] == ref.number
        assert row["stem"] == question.stem and row["explanation"] == question.explanation
        assert row["answer"] == sorted(question.answer_letters)
        assert [(o["letter"], o["text"], o["feedback"]) for o in row["options"]] == [
            (letter, question.option_text(letter), question.option_feedback(letter))
            for letter in question.options
        ]
        correct = [o["letter"] for o in row["options"] if o["correct"]]
        assert correct == list(question.answer_letters)
    assert document["manifest"]["title"] == seed_bank.manifest.title
    assert [s["id"] for s in document["sections"]] == seed_bank.manifest.sections


def test_text_is_kept_exactly_as_written_in_unicode(make_bank):
    question = QUESTION.replace(
        "stem: Which AWS service trains, tunes and deploys ML models?",
        'stem: "=SUM(A1) **Ελληνικά** café 漢字 <b>raw</b>\\n\\n- a\\n- b"',
    )
    bank = make_bank(
        {"01-main.yaml": section_yaml(question.replace("answer: A", "answer: A\ntags: [x, y]"))}
    )
    (output,) = JsonBuilder().build(bank, Settings())
    assert output.name == "test-bank.json"
    text = output.data.decode("utf-8")
    assert "Ελληνικά" in text and "漢字" in text  # UTF-8, not \u escapes
    row = json.loads(text)["sections"][0]["questions"][0]
    assert row["stem"] == "=SUM(A1) **Ελληνικά** café 漢字 <b>raw</b>\n\n- a\n- b"
    assert row["tags"] == ["x", "y"] and row["difficulty"] is None


def test_shuffle_says_which_questions_a_tool_may_reorder(make_bank):
    both = "id: q2\nstem: Which?\noptions: {A: S3, B: EC2, C: Both A and B}\nanswer: C\n"
    kept = QUESTION.replace("id: q1", "id: q3").replace("answer: A", "answer: A\nshuffle: false")
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, both + "explanation: x\n", kept)})
    (output,) = JsonBuilder().build(bank, Settings())
    rows = json.loads(output.data)["sections"][0]["questions"]
    assert [(row["id"], row["shuffle"]) for row in rows] == [
        ("q1", True),
        ("q2", False),
        ("q3", False),
    ]
    assert json.loads(output.data)["manifest"]["language"] == "en"


def _objects(node):
    """Every object schema in ``node`` (one with "properties"), however deep."""
    if isinstance(node, dict):
        if "properties" in node:
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


def test_the_schema_requires_every_key_the_export_always_writes(seed_dist):
    committed = json.loads((REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    objects = list(_objects(committed))
    assert len(objects) == 8  # the document, its manifest, sections, key terms, questions,
    for node in objects:  # options, image uses and resources
        assert sorted(node["required"]) == sorted(node["properties"]), node["title"]
    manifest = committed["$defs"]["ExportManifest"]["required"]
    assert manifest == [
        "id", "title", "language", "exam", "version", "description", "description_html",
        "description_text", "sections",
    ]  # fmt: skip
    _, document = load(seed_dist)
    for key in ("language", "exam", "version", "description"):
        incomplete = {**document, "manifest": {**document["manifest"]}}
        del incomplete["manifest"][key]
        errors = list(Draft202012Validator(committed).iter_errors(incomplete))
        assert [error.message for error in errors] == [f"'{key}' is a required property"]


@pytest.mark.parametrize(
    ("answer", "message"),
    [(["B", "B"], "has non-unique elements"), ([], "should be non-empty")],
)
def test_the_schema_refuses_an_answer_listed_twice_or_empty(seed_dist, answer, message):
    committed = json.loads((REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    _, document = load(seed_dist)
    document["sections"][0]["questions"][0]["answer"] = answer
    (error,) = Draft202012Validator(committed).iter_errors(document)
    assert message in error.message


def test_answers_are_exported_in_letter_order_whatever_order_the_source_gives(make_bank):
    question = QUESTION.replace("id: q1", "id: q1\ntype: multiple").replace(
        "stem: Which AWS service", "stem: Which two AWS services"
    )
    written = question.replace("answer: A", "answer: [D, A]")
    bank = make_bank({"01-main.yaml": section_yaml(written)})
    assert bank.sections[0].questions[0].answer_letters == ("D", "A")  # as written
    (output,) = JsonBuilder().build(bank, Settings())
    (row,) = json.loads(output.data)["sections"][0]["questions"]
    assert row["answer"] == ["A", "D"]
    assert [option["letter"] for option in row["options"] if option["correct"]] == ["A", "D"]
