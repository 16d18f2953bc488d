"""The CSV's last columns: the section's title and the question's number as the handouts
print them, and ``guarded``, which says where the formula guard added a "'" so that an
importer gets the source's text back; and a note for a cell Excel would cut."""

from __future__ import annotations

import csv
import io
import json

import pytest

from exambank.builders import Settings
from exambank.builders.csv_export import EXCEL_CELL_LIMIT, CsvBuilder
from exambank.export import export_document
from tests.conftest import QUESTION, section_yaml

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
# The columns of every CSV, in their places, whatever its widest question.
COLUMNS = [
    "id", "section", "type", "stem",
    *(f"option_{letter}" for letter in "abcdef"),
    *(f"feedback_{letter}" for letter in "abcdef"),
    "answer", "explanation", "tags", "difficulty", "shuffle", "section_title", "number",
    "images", "guarded", "image_alts", "instruction", "language",
]  # fmt: skip


def rows(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    found = list(reader)
    assert reader.fieldnames is not None
    return list(reader.fieldnames), found


def unguarded(row: dict[str, str]) -> dict[str, str]:
    """The row with every "'" that ``guarded`` names taken out: the recipe the README gives."""
    cells = dict(row)
    for entry in filter(None, row["guarded"].split(";")):
        column, _, number = entry.partition(":")
        parts = cells[column].split(";")
        part = int(number or 0)
        assert parts[part].startswith("'"), entry
        parts[part] = parts[part][1:]
        cells[column] = ";".join(parts)
    return cells


def test_section_title_and_number_come_last_and_number_runs_across_sections(make_bank):
    first = section_yaml(QUESTION, QUESTION.replace("id: q1", "id: q2"), section_id="one")
    second = section_yaml(QUESTION.replace("id: q1", "id: q3"), section_id="two")
    bank = make_bank({"01-one.yaml": first, "02-two.yaml": second.replace("Main", "Two; =x")})
    (output,) = CsvBuilder().build(bank, Settings())
    header, found = rows(output.data)
    assert header[20:] == [
        "shuffle", "section_title", "number", "images", "guarded", "image_alts", "instruction",
        "language",
    ]  # fmt: skip
    assert [(row["section"], row["section_title"], row["number"]) for row in found] == [
        ("one", "Main", "1"),
        ("one", "Main", "2"),
        ("two", "Two;' =x", "3"),
    ]
    assert found[2]["guarded"] == "section_title:1"


# Texts a spreadsheet would evaluate, whole or cut at a ";", next to texts that start
# with a "'" of their own: only the added ones are named.
TEXTS = {
    "stem": "-1 is right; =2+2 is not.",
    "option_a": "'t'",
    "option_b": "-174 dBm",
    "option_c": "'-1",
    "option_d": "for (i = 0; i < n; ++i)",
    "feedback_b": "=a;-b;c;@d",
    "explanation": "'a';\n-b",
}


def test_guarded_names_each_added_quote_and_taking_them_out_gives_the_source(make_bank):
    question = (
        f"id: q1\nstem: {json.dumps(TEXTS['stem'])}\noptions:\n"
        f"  A: {json.dumps(TEXTS['option_a'])}\n"
        f"  B: {{text: {json.dumps(TEXTS['option_b'])}, "
        f"feedback: {json.dumps(TEXTS['feedback_b'])}}}\n"
        f"  C: {json.dumps(TEXTS['option_c'])}\n  D: {json.dumps(TEXTS['option_d'])}\n"
        f"answer: B\nexplanation: {json.dumps(TEXTS['explanation'])}\ntags: [-x, y, '@z']\n"
    )
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    (output,) = CsvBuilder().build(bank, Settings())
    _, (row,) = rows(output.data)
    assert row["guarded"] == (
        "stem;stem:1;option_b;option_d:2;feedback_b;feedback_b:1;feedback_b:3;"
        "explanation:1;tags;tags:2"
    )
    assert row["option_a"] == "'t'" and row["option_c"] == "'-1"  # the source's own
    assert row["option_d"] == "for (i = 0; i < n;' ++i)"
    back = unguarded(row)
    assert {column: back[column] for column in TEXTS} == TEXTS
    assert back["tags"] == "-x;y;@z"
    (exported,) = export_document(bank).sections[0].questions
    assert back["stem"] == exported.stem and back["explanation"] == exported.explanation


def test_a_row_nothing_was_added_to_has_an_empty_guarded(make_bank):
    (output,) = CsvBuilder().build(make_bank({"01-main.yaml": section_yaml(QUESTION)}), Settings())
    _, (row,) = rows(output.data)
    assert row["guarded"] == ""


@pytest.mark.parametrize(
    ("stem", "length"),
    [
        ("x" * (EXCEL_CELL_LIMIT + 1), "32,768"),
        (
            "\U0001f600" * (EXCEL_CELL_LIMIT // 2 + 1),
            "32,768",
        ),  # two UTF-16 units each, as Excel counts
        ("-" + "x" * (EXCEL_CELL_LIMIT - 1), "32,768"),  # with its guard
    ],
)
def test_a_cell_excel_would_cut_gets_a_note(make_bank, stem, length):
    question = QUESTION.replace(STEM, f"stem: {json.dumps(stem, ensure_ascii=False)}")
    (output,) = CsvBuilder().build(make_bank({"01-main.yaml": section_yaml(question)}), Settings())
    assert len(rows(output.data)[1]) == 1
    assert output.notes == (
        f"question q1: its stem is {length} characters long; Excel cuts a cell at 32,767 "
        "(the JSON keeps it whole)",
    )


def test_a_cell_of_excels_limit_gets_none(make_bank):
    stem = "\U0001f600" * (EXCEL_CELL_LIMIT // 2) + "x"
    question = QUESTION.replace(STEM, f"stem: {json.dumps(stem, ensure_ascii=False)}")
    explanation = "x" * EXCEL_CELL_LIMIT
    question = question.replace(
        "explanation: SageMaker covers the whole ML lifecycle.", f"explanation: {explanation}"
    )
    (output,) = CsvBuilder().build(make_bank({"01-main.yaml": section_yaml(question)}), Settings())
    assert len(rows(output.data)[1]) == 1
    assert output.notes == ()


def test_a_long_question_moves_no_column(make_bank):
    """A mapping of columns by position (Anki's CSV import, a sheet template) holds when a
    question of seven or eight options joins the bank: their columns come after all others."""
    short = make_bank({"01-main.yaml": section_yaml(QUESTION)})
    (output,) = CsvBuilder().build(short, Settings())
    header, (row,) = rows(output.data)
    assert header == COLUMNS
    options = "".join(f"  {letter}: Option {letter}\n" for letter in "ABCDEF")
    long = (
        f"id: q2\nstem: Which one?\noptions:\n{options}"
        "  G: {text: Seventh, feedback: '=why'}\n  H: Option H\n"
        "answer: G\nexplanation: The seventh.\n"
    )
    seven = long.replace("id: q2", "id: q3").replace("  H: Option H\n", "")
    grown = make_bank({"01-main.yaml": section_yaml(QUESTION, long, seven)})
    (output,) = CsvBuilder().build(grown, Settings())
    grown_header, (first, second, third) = rows(output.data)
    assert grown_header == [
        *COLUMNS, "option_g", "feedback_g", "option_h", "feedback_h",
    ]  # fmt: skip
    assert list(first.values())[: len(header)] == list(row.values())
    assert [first[column] for column in grown_header[len(header) :]] == ["", "", "", ""]
    assert (second["answer"], second["option_g"], second["feedback_g"]) == ("G", "Seventh", "'=why")
    assert (second["option_h"], third["option_h"], third["feedback_h"]) == ("Option H", "", "")
    assert second["guarded"] == "feedback_g"
