"""Numbers as written, on paper and in the export: German options "2. Normalform" and
"15. April 2024" print as typed, not as "1.", and a list that starts at 2 is numbered from
2 (WeasyPrint numbers every list from 1 unless told to read ``start``)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.json_export import JsonBuilder
from exambank.builders.pdf import PdfBuilder
from tests.conftest import section_yaml

NORMAL_FORMS = """\
id: q1
stem: |
  Eine Tabelle enthält in einer Spalte mehrere Telefonnummern. Gegen welche
  Normalform verstößt sie?
options:
  A: 1. Normalform
  B: 2. Normalform
  C: 3. Normalform
  D: Boyce-Codd-Normalform
answer: A
explanation: |
  Atomare Werte verlangt die
  1. Normalform, die Grundlage aller weiteren.

  Vorgehen:

  1. Tabelle prüfen

  Dann zerlegen:

  2. Spalte auslagern
  3. Schlüssel setzen
"""
DATES = """\
id: q2
stem: Wann endet der Support?
options: {A: "1. März 2024", B: "15. April 2024", C: "30. Juni 2024", D: "1. Oktober 2024"}
answer: B
explanation: Laut Hersteller.
"""
MANIFEST = "id: test-bank\ntitle: Test bank\nlanguage: de\nsections: [main]\n"


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    from exambank.lint import lint
    from tests.conftest import write_bank

    root = tmp_path_factory.mktemp("lists") / "bank"
    write_bank(root, {"01-main.yaml": section_yaml(NORMAL_FORMS, DATES)}, MANIFEST)
    return lint([root]).banks[0]


@pytest.fixture(scope="module")
def trainer(bank: Bank) -> list[str]:
    """The trainer edition's lines as laid out (a list's numbers are drawn apart from its
    text, so only the layout puts them on their items' lines), spaces collapsed."""
    trainer = PdfBuilder().build(bank, Settings())[1]
    return [
        " ".join(line.split())
        for page in PdfReader(io.BytesIO(trainer.data)).pages
        for line in page.extract_text(extraction_mode="layout").splitlines()
    ]


@pytest.mark.parametrize(
    "option",
    [
        *("✓ A 1. Normalform", "B 2. Normalform", "C 3. Normalform"),
        *("A 1. März 2024", "✓ B 15. April 2024", "C 30. Juni 2024", "D 1. Oktober 2024"),
    ],
)
def test_options_print_the_ordinal_written(trainer: list[str], option: str) -> None:
    assert option in trainer


def test_an_ordinal_that_starts_a_line_of_prose_stays_in_its_sentence(trainer: list[str]) -> None:
    assert "Atomare Werte verlangt die 1. Normalform, die Grundlage aller weiteren." in trainer


def test_a_list_that_starts_at_two_is_numbered_from_two(trainer: list[str]) -> None:
    numbered = [line for line in trainer if line[:2] in ("1.", "2.", "3.")]
    assert numbered == ["1. Tabelle prüfen", "2. Spalte auslagern", "3. Schlüssel setzen"]


def test_the_export_gives_the_options_as_the_handouts_print_them(
    bank: Bank, tmp_path: Path
) -> None:
    document = json.loads(JsonBuilder().build(bank, Settings())[0].data)
    first, dates = document["sections"][0]["questions"]
    assert [option["text_html"] for option in first["options"][:3]] == [
        "<p>1. Normalform</p>\n",
        "<p>2. Normalform</p>\n",
        "<p>3. Normalform</p>\n",
    ]
    assert dates["options"][1]["text_html"] == "<p>15. April 2024</p>\n"
    assert '<ol start="2">' in first["explanation_html"]
