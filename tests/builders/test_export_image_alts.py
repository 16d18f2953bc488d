"""An image's description travels with its path in the exports, and an image with none is
never marked decorative: ``alt=""`` says "skip it" to a screen reader and an LMS."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.csv_export import CsvBuilder
from exambank.builders.json_export import JsonBuilder
from exambank.lint import lint
from tests.builders.test_csv_columns import unguarded
from tests.builders.test_image_limits import blank_png
from tests.conftest import QUESTION, REPO, section_yaml, write_bank

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
# Shown twice in one question, with two descriptions; with none; with a title only; a
# description over two lines; a fragment alone (no file) and a file the bank lacks.
QUESTION_WITH_IMAGES = """\
id: q1
stem: |
  Look at ![](images/tiers.svg) and ![A bar
  chart](images/chart.png "Results").
options:
  A: "![Red bar and green bar](images/chart.png)"
  B:
    text: "![ ](images/chart.png)"
    feedback: '![](<images/plot 1.png> "Scatter plot of cost")'
  C: "![=1+1 bars](images/sum.png)"
answer: A
explanation: "![An anchor](#answer) ![Gone](gone.png)"
lint: {ignore: [missing-resource, image-alt], reason: a test}
"""
SECTION_TEXTS = """\
notes: "![](images/tiers.svg)"
key_terms:
  - term: Chart
    definition: "![A chart](images/chart.png)"
exam_tips: ["Tip", "![Tiers](images/tiers.svg)"]
"""
FILES = ("images/tiers.svg", "images/chart.png", "images/plot 1.png", "images/sum.png")


def image_bank(root: Path) -> Bank:
    write_bank(root, {"01-main.yaml": section_yaml(QUESTION_WITH_IMAGES, extra=SECTION_TEXTS)})
    for name in FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(blank_png(4, 4))
    return lint([root]).banks[0]


def exported(tmp_path: Path) -> Any:
    document, *_ = JsonBuilder().build(image_bank(tmp_path / "bank"), Settings())
    return json.loads(document.data)


def use(path: str, alt: str | None, field: str, title: str | None = None) -> dict[str, object]:
    return {"path": path, "alt": alt, "title": title, "field": field}


def test_an_image_with_no_description_has_no_alt_in_the_html(tmp_path):
    document = exported(tmp_path)
    (question,) = document["sections"][0]["questions"]
    assert '<img src="images/tiers.svg" />' in question["stem_html"]
    assert 'alt=\\"\\"' not in json.dumps(document)  # nowhere, notes and tips included
    assert question["options"][1]["text_html"] == '<p><img src="images/chart.png" /></p>\n'
    assert (
        '<img src="images/plot%201.png" title="Scatter plot of cost" />'
        in (question["options"][1]["feedback_html"])
    )
    assert 'alt="Red bar and green bar"' in question["options"][0]["text_html"]


def test_each_use_of_an_image_gives_its_path_description_title_and_text(tmp_path):
    (section,) = exported(tmp_path)["sections"]
    (question,) = section["questions"]
    assert question["image_uses"] == [
        use("images/tiers.svg", None, "/stem"),
        use("images/chart.png", "A bar\nchart", "/stem", "Results"),
        use("images/chart.png", "Red bar and green bar", "/options/0/text"),
        use("images/chart.png", None, "/options/1/text"),
        use("images/plot 1.png", None, "/options/1/feedback", "Scatter plot of cost"),
        use("images/sum.png", "=1+1 bars", "/options/2/text"),
    ]
    assert question["images"] == sorted({entry["path"] for entry in question["image_uses"]})
    assert section["image_uses"] == [
        use("images/tiers.svg", None, "/notes"),
        use("images/chart.png", "A chart", "/key_terms/0/definition"),
        use("images/tiers.svg", "Tiers", "/exam_tips/1"),
    ]


def resolved(node: Any, pointer: str) -> Any:
    """What a JSON Pointer without escapes (no "~" or "/" in a key) points at."""
    for key in pointer.split("/")[1:]:
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


def test_each_field_points_at_the_text_that_shows_the_image(tmp_path):
    (section,) = exported(tmp_path)["sections"]
    for owner in (section, *section["questions"]):
        for entry in owner["image_uses"]:
            text = resolved(owner, entry["field"])
            assert isinstance(text, str) and entry["path"].split("/")[-1] in text, entry


def test_the_document_with_image_uses_validates_against_the_committed_schema(tmp_path):
    schema = json.loads((REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    document = exported(tmp_path)
    assert list(Draft202012Validator(schema).iter_errors(document)) == []
    document["sections"][0]["image_uses"][0]["alt"] = 1
    assert len(list(Draft202012Validator(schema).iter_errors(document))) == 1


def csv_row(bank: Bank) -> dict[str, str]:
    table, *_ = CsvBuilder().build(bank, Settings())
    (row,) = csv.DictReader(io.StringIO(table.data.decode("utf-8-sig"), newline=""))
    return row


def test_a_csv_row_gives_each_image_s_description_on_its_path_s_line(tmp_path):
    row = csv_row(image_bank(tmp_path / "bank"))
    # in their places (a new column goes after language, the last): none moves
    assert list(row)[24:] == ["guarded", "image_alts", "instruction", "language"]
    assert row["images"].split("\n") == [
        "images/chart.png",
        "images/plot 1.png",
        "images/sum.png",
        "images/tiers.svg",
    ]
    assert row["image_alts"].split("\n") == [
        "A bar chart",  # the first description given, on one line
        "Scatter plot of cost",  # a title where no alt is given
        "=1+1 bars",
        "",  # no description: an empty line keeps the others on their paths' lines
    ]
    assert row["guarded"] == ""


def test_a_description_a_spreadsheet_would_evaluate_is_guarded_and_given_back(make_bank):
    question = QUESTION.replace(STEM, "stem: 'Which? ![=1+1 bars](sum.png)'")
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    (bank.root / "sum.png").write_bytes(blank_png(4, 4))
    row = csv_row(bank)
    assert row["image_alts"] == "'=1+1 bars" and row["guarded"] == "image_alts"


def test_the_image_lists_split_into_their_lines_once_the_guard_is_undone(make_bank):
    """An image with no description leaves the first line of ``image_alts`` empty, and a
    cell that starts with a line feed is guarded, as OWASP lists it; a file named
    ``-chart.png`` is guarded too. ``guarded`` names both, so a reader who undoes the guard
    first, as the README says, splits them into the right lines."""
    stem = "stem: 'Which? ![](-chart.png) and ![A bar chart](b.png)'"
    question = QUESTION.replace(STEM, stem).replace(
        "answer: A", "answer: A\nlint: {ignore: [image-alt], reason: a test}"
    )
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    for name in ("-chart.png", "b.png"):
        (bank.root / name).write_bytes(blank_png(4, 4))
    row = csv_row(bank)
    assert row["images"] == "'-chart.png\nb.png" and row["image_alts"] == "'\nA bar chart"
    assert row["guarded"] == "images;image_alts"
    assert unguarded(row)["images"].split("\n") == ["-chart.png", "b.png"]
    assert unguarded(row)["image_alts"].split("\n") == ["", "A bar chart"]
