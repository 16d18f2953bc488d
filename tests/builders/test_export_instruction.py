"""What the exports add for a converter to show as the handouts do: each question's
``instruction`` ("Choose 2 answers.", exactly where the handouts print it, in their words),
in the JSON and as the CSV's 27th column, before ``language``; and the manifest's
``description_html``, the cover's description."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from exambank.builders import Settings
from exambank.builders.csv_export import CsvBuilder
from exambank.builders.handout import handout_html
from exambank.builders.json_export import JsonBuilder
from exambank.lint import lint
from tests.builders.test_image_limits import blank_png
from tests.conftest import QUESTION, REPO, section_yaml, write_bank

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
MULTIPLE = QUESTION.replace("answer: A", "type: multiple\nanswer: [A, D]")


def exports(bank):
    """The JSON document and the CSV's rows, as the build writes them."""
    document, *_ = JsonBuilder().build(bank, Settings())
    table, *_ = CsvBuilder().build(bank, Settings())
    rows = list(csv.DictReader(io.StringIO(table.data.decode("utf-8-sig"), newline="")))
    return json.loads(document.data), rows


@pytest.mark.parametrize(
    ("question", "language", "instruction"),
    [
        (MULTIPLE, "en", "Choose 2 answers."),
        (MULTIPLE.replace(STEM, "stem: Which two services train models? (Select TWO.)"), "en",
         None),
        (MULTIPLE.replace(STEM, "stem: Which services train models? (Select THREE.)"), "en",
         "Choose 2 answers."),  # the stem asks for another number: the label stays
        (MULTIPLE.replace(STEM, "stem: Which services train models? Select all that apply."),
         "en", None),
        (QUESTION, "en", None),  # one answer
        (MULTIPLE.replace(STEM, "stem: Welche Dienste trainieren Modelle?"), "de",
         "Wählen Sie 2 Antworten."),
        (MULTIPLE.replace(STEM, "stem: Какие сервисы обучают модели?")
         .replace("[A, D]", "[A, B, D]"), "ru", "Выберите 3 ответа."),
        (MULTIPLE.replace(STEM, "stem: どのサービスがモデルを学習しますか?"), "ja",
         "Choose 2 answers."),  # no labels in Japanese: the handouts' English words
    ],
)  # fmt: skip
def test_each_export_gives_the_instruction_exactly_where_the_handouts_print_it(
    make_bank, question, language, instruction
):
    manifest = f"id: b\ntitle: B\nlanguage: {language}\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(question)}, manifest)
    html = handout_html(bank, "student", Settings())
    assert html.count('class="instruction"') == (instruction is not None)
    assert instruction is None or f">{instruction}</p>" in html
    document, (row,) = exports(bank)
    (exported,) = document["sections"][0]["questions"]
    assert exported["instruction"] == instruction
    assert list(exported)[4:7] == ["stem_html", "stem_text", "instruction"]  # under the stem
    assert list(row).index("instruction") == 26  # a new column comes after it: none moves
    assert row["language"] == language  # in English where no words: still the bank's
    assert row["instruction"] == (instruction or "")


def test_the_manifest_gives_its_description_as_the_cover_prints_it(tmp_path: Path):
    description = (
        "Covers **SageMaker** -- training -> deployment.\n\n# Scope\n\n"
        "![A bar chart](images/chart.png) and ![Logo](https://example.com/logo.png)"
    )
    manifest = f"id: b\ntitle: B\ndescription: {json.dumps(description)}\nsections: [main]\n"
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)}, manifest)
    (root / "images").mkdir()
    (root / "images" / "chart.png").write_bytes(blank_png(4, 4))
    document, _ = exports(lint([root]).banks[0])
    assert list(document["manifest"]) == [
        "id", "title", "language", "exam", "version",
        "description", "description_html", "description_text", "sections",
    ]  # fmt: skip
    assert document["manifest"]["description"] == description
    # headings from h2, as under the cover's h1 title; the handouts' typesetting; an image
    # the export ships as an img, one it does not as its words
    assert document["manifest"]["description_html"] == (
        "<p>Covers <strong>SageMaker</strong>\u00a0\u2013 training \u2192 deployment.</p>\n"
        "<h2>Scope</h2>\n"
        '<p><img src="images/chart.png" alt="A bar chart" /> and Logo</p>\n'
    )  # no class: placing an image above its text is the handouts' layout (print_only)
    assert [resource["path"] for resource in document["resources"]] == ["images/chart.png"]
    schema = json.loads((REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(document)) == []


def test_a_bank_without_a_description_gives_null_and_still_validates(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(MULTIPLE)})
    document, _ = exports(bank)
    assert document["manifest"]["description"] is document["manifest"]["description_html"] is None
    assert document["sections"][0]["questions"][0]["instruction"] == "Choose 2 answers."
    schema = json.loads((REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(document)) == []
