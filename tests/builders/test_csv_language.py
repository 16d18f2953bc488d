"""The CSV's ``language`` column: the language each row is written in, so that an importer
working from the CSV alone (an LMS or a quiz tool with a language setting) can tell a German
row from an English one, as the JSON tells it by its manifest's ``language``."""

from __future__ import annotations

import csv
import io
import json

import pytest

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.csv_export import CsvBuilder
from exambank.builders.json_export import JsonBuilder
from tests.builders.test_csv_columns import COLUMNS
from tests.conftest import QUESTION, section_yaml

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
GERMAN = QUESTION.replace(STEM, "stem: Welcher Dienst trainiert Modelle?")
GERMAN_MULTIPLE = (
    GERMAN.replace("id: q1", "id: q2")
    .replace("stem: Welcher Dienst", "stem: Welche Dienste")
    .replace("answer: A", "type: multiple\nanswer: [A, D]")
)
# The 27 columns before ``language``, each in its place (indices 0 .. 26).
BEFORE_LANGUAGE = [
    "id", "section", "type", "stem",
    *(f"option_{letter}" for letter in "abcdef"),
    *(f"feedback_{letter}" for letter in "abcdef"),
    "answer", "explanation", "tags", "difficulty", "shuffle", "section_title", "number",
    "images", "guarded", "image_alts", "instruction",
]  # fmt: skip


def manifest(language: str | None, sections: str = "one") -> str:
    line = "" if language is None else f"language: {language}\n"
    return f"id: b\ntitle: B\n{line}sections: [{sections}]\n"


def csv_rows(bank: Bank, settings: Settings | None = None) -> tuple[list[str], list[list[str]]]:
    table, *_ = CsvBuilder().build(bank, settings or Settings())
    header, *rows = csv.reader(io.StringIO(table.data.decode("utf-8-sig"), newline=""))
    return header, rows


def json_language(bank: Bank) -> str:
    document, *_ = JsonBuilder().build(bank, Settings())
    language: str = json.loads(document.data)["manifest"]["language"]
    return language


def test_language_is_the_28th_column_after_the_27_that_never_move(make_bank):
    bank = make_bank({"01-one.yaml": section_yaml(QUESTION, section_id="one")}, manifest(None))
    header, _ = csv_rows(bank)
    assert header[:27] == BEFORE_LANGUAGE  # no existing column moved for it
    assert header.index("language") == 27  # position 28, right after instruction
    assert header == [*BEFORE_LANGUAGE, "language"] == COLUMNS


@pytest.mark.parametrize("text", ["markdown", "plain"])
def test_every_row_of_a_german_bank_says_de_as_its_json_does(make_bank, text):
    sections = {
        "01-one.yaml": section_yaml(GERMAN, GERMAN_MULTIPLE, section_id="one"),
        "02-two.yaml": section_yaml(GERMAN.replace("id: q1", "id: q3"), section_id="two"),
    }
    bank = make_bank(sections, manifest("de", "one, two"))
    header, rows = csv_rows(bank, Settings(csv_text=text))
    at = header.index("language")
    assert [(row[0], row[at]) for row in rows] == [("q1", "de"), ("q2", "de"), ("q3", "de")]
    assert {row[at] for row in rows} == {json_language(bank)}
    # the handouts' words the row carries are in that language too
    assert rows[1][header.index("instruction")] == "Wählen Sie 2 Antworten."


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("es-MX", "es-MX"),  # a BCP 47 tag with a region, as the manifest writes it
        ("pt-BR", "pt-BR"),
        ("ja", "ja"),  # no handout words in Japanese: still the bank's language
        (None, "en"),  # no language in the manifest: the default, as the JSON says
    ],
)
def test_a_row_carries_the_manifest_s_tag_as_written(make_bank, language, written):
    bank = make_bank({"01-one.yaml": section_yaml(QUESTION, section_id="one")}, manifest(language))
    header, (row,) = csv_rows(bank)
    assert row[header.index("language")] == written == json_language(bank)


def test_a_seventh_option_s_columns_come_after_language(make_bank):
    options = "".join(f"  {letter}: Option {letter}\n" for letter in "ABCDEFG")
    long = f"id: q2\nstem: Welche?\noptions:\n{options}answer: G\nexplanation: Die siebte.\n"
    bank = make_bank({"01-one.yaml": section_yaml(GERMAN, long, section_id="one")}, manifest("de"))
    header, rows = csv_rows(bank)
    assert header[26:] == ["instruction", "language", "option_g", "feedback_g"]
    assert [row[27] for row in rows] == ["de", "de"]
    assert [row[28] for row in rows] == ["", "Option G"]
