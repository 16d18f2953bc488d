from __future__ import annotations

import csv
import io

import pytest

from exambank.builders import Settings
from exambank.builders.csv_export import CsvBuilder, neutralise
from tests.builders.conftest import SEED_ID
from tests.conftest import QUESTION, section_yaml

HEADER = [
    "id", "section", "type", "stem",
    "option_a", "option_b", "option_c", "option_d", "option_e", "option_f",
    "answer", "explanation", "tags", "difficulty",
]  # fmt: skip


def read(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark, for Excel"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_seed_bank_gives_55_rows_a_reader_gets_back_exactly(seed_dist, seed_bank):
    data = (seed_dist / f"{SEED_ID}-questions.csv").read_bytes()
    header, *rows = read(data)
    assert header == HEADER
    refs = list(seed_bank.questions())
    assert len(rows) == len(refs) == 55
    for row, ref in zip(rows, refs, strict=True):
        question = ref.question
        options = [question.option_text(letter) for letter in question.options]
        expected = [
            question.id, ref.section.id, question.type, question.stem,
            *options, *[""] * (6 - len(options)),
            ";".join(question.answer_letters), question.explanation,
            ";".join(question.tags), question.difficulty or "",
        ]  # fmt: skip
        assert row == [neutralise(cell) for cell in expected]
    assert data.count(b"\r\n") >= 56  # RFC 4180 rows end in CRLF


@pytest.mark.parametrize(
    "start",
    [
        "=", "+", "-", "@", "\t", "\r", "\n",
        " =", "\u00a0=", "\u3000@", '"=', ' " -',  # after spaces (any) and double quotes
        "\uff1d", "\uff0b", "\uff0d", "\uff20",  # full-width = + - @
        "\ufe66", "\ufe62", "\ufe63", "\ufe6b",  # small = + - @
        "\u207a", "\u2212 ",  # superscript plus, minus sign
        "\u200b=", "\ufeff+", "\u2060 @", "\u200e-", "\u00ad=",  # after invisible characters
        "\u061c=", "\ufff9+", "\U000e0001-",  # Arabic letter mark, annotation, language tag
    ],
)  # fmt: skip
def test_cells_that_a_spreadsheet_would_evaluate_are_neutralised(start):
    assert neutralise(f'{start}HYPERLINK("http://x")') == f'\'{start}HYPERLINK("http://x")'


@pytest.mark.parametrize(
    "safe", ["SageMaker", "'quoted", '"quoted"', "3 - 1", " spaced", "\u2013 en dash", "a;b", ""]
)
def test_other_cells_are_left_alone(safe):
    assert neutralise(safe) == safe


@pytest.mark.parametrize(
    ("cell", "neutralised"),
    [
        ("safe;=2+5+cmd|' /C calc'!A0", "safe;'=2+5+cmd|' /C calc'!A0"),
        ("Because.; @SUM(1)", "Because.;' @SUM(1)"),
        ('ok;""=1+1', 'ok;\'""=1+1'),
        ("=1;-2;x", "'=1;'-2;x"),
    ],
)
def test_each_part_a_semicolon_locale_would_cut_out_is_neutralised(cell, neutralised):
    assert neutralise(cell) == neutralised


def test_formulas_multi_answers_quotes_and_wide_questions(make_bank):
    formula = QUESTION.replace(
        "stem: Which AWS service trains, tunes and deploys ML models?",
        "stem: '=cmd|'' /C calc''!A0'",
    ).replace("  B: AWS Lambda", "  B: '@SUM(1)'")
    multiple = (
        "id: q2\ntype: multiple\nstem: 'Pick two, \"wisely\"'\n"
        "options: {A: a, B: b, C: c, D: d, E: e, F: f, G: '-1'}\n"
        'answer: [A, C]\nexplanation: "Line one.\\n\\nLine two, with a comma."\n'
        "tags: [x, y]\ndifficulty: hard\n"
    )
    bank = make_bank({"01-main.yaml": section_yaml(formula, multiple)})
    (output,) = CsvBuilder().build(bank, Settings())
    assert output.name == "test-bank-questions.csv"
    header, first, second = read(output.data)
    assert header[4:11] == [f"option_{letter}" for letter in "abcdefg"]
    assert first[3] == "'=cmd|' /C calc'!A0" and first[5] == "'@SUM(1)"
    assert second[2:4] == ["multiple", 'Pick two, "wisely"']
    assert second[10] == "'-1"
    assert second[11:] == ["A;C", "Line one.\n\nLine two, with a comma.", "x;y", "hard"]
    assert b'"Pick two, ""wisely"""' in output.data


def test_every_cell_is_quoted_and_a_joined_tag_or_explanation_neutralised(make_bank):
    question = QUESTION.replace(
        "explanation: SageMaker covers the whole ML lifecycle.",
        "explanation: \"Because.;@SUM(1+1)*cmd|' /C calc'!A0\"\ntags: [safe, '=2+5']",
    )
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    (output,) = CsvBuilder().build(bank, Settings())
    header, row = output.data.decode("utf-8-sig").removesuffix("\r\n").split("\r\n")
    assert header.startswith('"id","section","type","stem","option_a",')
    assert row.startswith('"q1","main","single","Which AWS service')
    assert row.endswith('"A","Because.;\'@SUM(1+1)*cmd|\' /C calc\'!A0","safe;\'=2+5",""')
