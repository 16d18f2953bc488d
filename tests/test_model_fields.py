"""Every field of the source model reaches what depends on it: a Markdown field is checked
for raw HTML and links, and every question field has its place in the JSON export.

These fail when the model gains a field that a hand-kept list elsewhere does not know.
"""

from __future__ import annotations

import json
import typing
from pathlib import Path

from pydantic import BaseModel

from exambank.builders import Settings
from exambank.builders.json_export import JsonBuilder
from exambank.export import ExportQuestion
from exambank.model import KeyTerm, Manifest, Markdown, Option, Question, Section
from exambank.syntax_hints.text import PROSE_KEYS
from tests.conftest import write_bank

HTML = "'<b>x</b>'"
MANIFEST = f"id: test-bank\ntitle: Test bank\ndescription: {HTML}\nsections: [main]\n"
# One of each Markdown field, each holding a tag, on a line of its own.
SECTION = f"""\
id: main
title: Main
summary: {HTML}
notes: {HTML}
key_terms:
  - term: Term
    definition: {HTML}
exam_tips:
  - {HTML}
questions:
  - id: q1
    stem: {HTML}
    options:
      A: {HTML}
      B:
        text: {HTML}
        feedback: {HTML}
      C: Amazon EC2
    answer: A
    explanation: {HTML}
"""
CHECKED_LINES = {
    ("bank.yaml", 3),  # description
    *(("01-main.yaml", line) for line in (3, 4, 7, 9, 12, 14, 16, 17, 20)),
}


def _markdown_fields(model: type[BaseModel]) -> set[str]:
    """The fields of ``model`` whose values are, or hold, Markdown text."""

    def holds_markdown(annotation: object) -> bool:
        return annotation == Markdown or any(map(holds_markdown, typing.get_args(annotation)))

    hints = typing.get_type_hints(model, include_extras=True)
    return {name for name in model.model_fields if holds_markdown(hints[name])}


def test_the_markdown_fields_are_the_ones_the_rules_know() -> None:
    """A new Markdown field must be added to ``Bank.markup_fields`` (raw-html and the
    resource rules read it) and to ``PROSE_KEYS`` (syntax hints), and to SECTION above."""
    found = {
        model.__name__: _markdown_fields(model)
        for model in (Manifest, Section, KeyTerm, Option, Question)
    }
    assert found == {
        "Manifest": {"description"},
        "Section": {"summary", "notes", "exam_tips"},
        "KeyTerm": {"definition"},
        "Option": {"text", "feedback"},
        "Question": {"stem", "options", "explanation"},
    }
    assert set().union(*found.values()) - {"exam_tips", "options"} <= PROSE_KEYS


def test_raw_html_is_found_in_every_markdown_field(tmp_path: Path) -> None:
    from exambank.lint import lint

    root = write_bank(tmp_path / "bank", {"01-main.yaml": SECTION}, MANIFEST)
    found = lint([root]).diagnostics
    assert {(Path(d.path).name, d.line) for d in found if d.rule == "raw-html"} == CHECKED_LINES


def test_every_question_field_has_its_place_in_the_export() -> None:
    """``lint`` (suppressions) is for exambank alone; ``number`` is the printed position,
    the ``*_html`` and ``*_text`` fields, ``images`` and ``image_uses`` are read from the
    Markdown, and
    ``instruction`` is the handouts' "Choose 2 answers." under the stem."""
    derived = {"number", "stem_html", "stem_text", "instruction", "explanation_html"}
    derived |= {"explanation_text", "images", "image_uses"}
    assert set(Question.model_fields) - {"lint"} == set(ExportQuestion.model_fields) - derived


def test_optional_fields_reach_the_json_export_as_written(tmp_path: Path) -> None:
    from exambank.lint import lint

    question = SECTION.replace(HTML, "Text").replace(
        "    explanation: Text\n",
        "    explanation: Text\n    tags: [sagemaker, tuning]\n    difficulty: hard\n"
        "    shuffle: false\n",
    )
    manifest = (
        "id: test-bank\ntitle: Test bank\nlanguage: de\nexam: AIF-C01\nversion: '1.2'\n"
        "description: About it.\nsections: [main]\n"
    )
    root = write_bank(tmp_path / "bank", {"01-main.yaml": question}, manifest)
    [bank] = lint([root]).banks
    (output,) = JsonBuilder().build(bank, Settings())
    document = json.loads(output.data)
    assert {key: document["manifest"][key] for key in ("language", "exam", "version")} == {
        "language": "de",
        "exam": "AIF-C01",
        "version": "1.2",
    }
    [section] = document["sections"]
    assert (section["summary"], section["notes"], section["exam_tips"]) == (
        "Text",
        "Text",
        ["Text"],
    )
    assert section["key_terms"] == [
        {
            "term": "Term",
            "definition": "Text",
            "definition_html": "<p>Text</p>\n",
            "definition_text": "Text",
        }
    ]
    [row] = section["questions"]
    assert (row["tags"], row["difficulty"], row["shuffle"]) == (
        ["sagemaker", "tuning"],
        "hard",
        False,
    )
    assert row["options"][1] == {
        "letter": "B",
        "text": "Text",
        "text_html": "<p>Text</p>\n",
        "text_text": "Text",
        "feedback": "Text",
        "feedback_html": "<p>Text</p>\n",
        "feedback_text": "Text",
        "correct": False,
    }
