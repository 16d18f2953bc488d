from __future__ import annotations

import csv
import io
import json

import pytest

from exambank.builders import Settings
from exambank.builders.csv_export import CsvBuilder, neutralise
from exambank.export import export_document
from tests.builders.conftest import SEED_ID
from tests.conftest import QUESTION, section_yaml

HEADER = [
    "id", "section", "type", "stem",
    "option_a", "option_b", "option_c", "option_d", "option_e", "option_f",
    "feedback_a", "feedback_b", "feedback_c", "feedback_d", "feedback_e", "feedback_f",
    "answer", "explanation", "tags", "difficulty", "shuffle",
    "section_title", "number", "images", "guarded", "image_alts", "instruction",
    "language",
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
    document = export_document(seed_bank)
    exported = [q for section in document.sections for q in section.questions]
    for row, ref, json_question in zip(rows, refs, exported, strict=True):
        question = ref.question
        options = [question.option_text(letter) for letter in question.options]
        feedback = [question.option_feedback(letter) or "" for letter in question.options]
        padding = [""] * (6 - len(options))
        expected = [
            question.id, ref.section.id, question.type, question.stem,
            *options, *padding, *feedback, *padding,
            ";".join(question.answer_letters), question.explanation,
            ";".join(question.tags), question.difficulty or "",
            "true" if json_question.shuffle else "false",
            ref.section.title, str(ref.number), "",
        ]  # fmt: skip
        language = document.manifest.language  # the JSON's, on every row
        assert row == [*(neutralise(cell) for cell in expected), "", "", "", language]
    assert sum(any(row[10:16]) for row in rows) == 11  # the questions with option feedback
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
    "safe",
    [
        "SageMaker", "'quoted", '"quoted"', "3 - 1", " spaced", "\u2013 en dash", "a;b", "",
        "int a = 1;\nint b = a++;", "a;\tb", "a;\r\nb", "a;\n\n  b;\n",  # ";" at a line end
    ],
)  # fmt: skip
def test_other_cells_are_left_alone(safe):
    assert neutralise(safe) == safe


@pytest.mark.parametrize(
    ("cell", "neutralised"),
    [
        ("safe;=2+5+cmd|' /C calc'!A0", "safe;'=2+5+cmd|' /C calc'!A0"),
        ("Because.; @SUM(1)", "Because.;' @SUM(1)"),
        ('ok;""=1+1', 'ok;\'""=1+1'),
        ("=1;-2;x", "'=1;'-2;x"),
        ('a;=HYPERLINK("http://x")', 'a;\'=HYPERLINK("http://x")'),
        ("a;\n=1+1", "a;'\n=1+1"),  # a line feed is skipped like a space, then "=" is seen
        ("a;\t=cmd", "a;'\t=cmd"),
        ("a;\r\n @SUM(1)", "a;'\r\n @SUM(1)"),
        ("a; -1+1", "a;' -1+1"),
        # code too: the part a ";"-locale spreadsheet would make a cell starts with an operator
        ("for (i = 0; i < n; ++i)", "for (i = 0; i < n;' ++i)"),
        ("String s;\n@Override", "String s;'\n@Override"),
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
        'answer: [C, A]\nexplanation: "Line one.\\n\\nLine two, with a comma."\n'
        "tags: [x, y]\ndifficulty: hard\n"
    )
    bank = make_bank({"01-main.yaml": section_yaml(formula, multiple)})
    (output,) = CsvBuilder().build(bank, Settings())
    assert output.name == "test-bank-questions.csv"
    header, *rows = read(output.data)
    letters = "abcdef"  # always six, a seventh option's columns after all the others
    assert header[4:16] == [f"{kind}_{x}" for kind in ("option", "feedback") for x in letters]
    assert header[26:] == ["instruction", "language", "option_g", "feedback_g"]
    first, second = (dict(zip(header, row, strict=True)) for row in rows)
    assert first["stem"] == "'=cmd|' /C calc'!A0" and first["option_b"] == "'@SUM(1)"
    assert first["option_g"] == first["feedback_g"] == ""
    assert (second["type"], second["stem"]) == ("multiple", 'Pick two, "wisely"')
    assert second["option_g"] == "'-1"
    assert [second[name] for name in ("answer", "explanation", "tags", "difficulty")] == [
        "A;C", "Line one.\n\nLine two, with a comma.", "x;y", "hard",
    ]  # fmt: skip  # answers in letter order, as the JSON gives them
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
    empty_options_then_feedback = '"",' * 8
    assert row.endswith(
        f'"Amazon Bedrock",{empty_options_then_feedback}'
        '"A","Because.;\'@SUM(1+1)*cmd|\' /C calc\'!A0","safe;\'=2+5","","true",'
        '"Main","1","","explanation:1;tags:1","","","en"'  # then the bank's language
    )


JAVA = "```java\nint a = 1;\nint b = a++;\nSystem.out.println(b);\n```"
C = '```c\nint main(void) {\n    printf("%d\\n", 1);\n    return 0;\n}\n```'
SQL = "```sql\nSELECT id FROM t;\nUPDATE t SET n = n + 1;\nDELETE FROM t WHERE n > 9;\n```"


def test_code_whose_lines_end_with_semicolons_reads_back_unchanged(make_bank):
    texts = {
        "stem": f"What does this print?\n\n{JAVA}",
        "option_a": C,
        "feedback_b": SQL,
        "explanation": f"{SQL}\n\nand\n\n{C}\n\nInline: `x = 1; y = 2;`.",
    }
    question = (
        f"id: q1\nstem: {json.dumps(texts['stem'])}\n"
        f"options:\n  A: {json.dumps(C)}\n  B: {{text: '2', feedback: {json.dumps(SQL)}}}\n"
        f"  C: '1'\n  D: '0'\nanswer: B\nexplanation: {json.dumps(texts['explanation'])}\n"
    )
    (output,) = CsvBuilder().build(make_bank({"01-main.yaml": section_yaml(question)}), Settings())
    header, row = read(output.data)
    cells = dict(zip(header, row, strict=True))
    assert {name: cells[name] for name in texts} == texts


def test_feedback_columns_and_the_json_exports_shuffle(make_bank):
    feedback = QUESTION.replace(
        "  B: AWS Lambda", "  B: {text: AWS Lambda, feedback: for serverless compute}"
    ).replace("  C: Amazon EC2", "  C: {text: Amazon EC2, feedback: '-for raw compute'}")
    fixed = QUESTION.replace("id: q1", "id: q2") + "shuffle: false\n"
    by_letter = QUESTION.replace("id: q1", "id: q3").replace(
        "  D: Amazon Bedrock", "  D: Both A and B"
    )
    bank = make_bank({"01-main.yaml": section_yaml(feedback, fixed, by_letter)})
    (output,) = CsvBuilder().build(bank, Settings())
    header, *rows = read(output.data)
    first, *_ = (dict(zip(header, row, strict=True)) for row in rows)
    assert [first[f"feedback_{letter}"] for letter in "abcdef"] == [
        "", "for serverless compute", "'-for raw compute", "", "", "",
    ]  # fmt: skip
    shuffle = [row[header.index("shuffle")] for row in rows]
    assert shuffle == ["true", "false", "false"]
    exported = [q for section in export_document(bank).sections for q in section.questions]
    assert shuffle == [str(question.shuffle).lower() for question in exported]


def test_python_reads_the_header_and_every_option_as_written(make_bank, tmp_path):
    options = {"A": "None", "B": "01234", "C": "1/3", "D": "True", "E": "50:50", "F": "NaN"}
    question = QUESTION.split("options:")[0] + (
        f"options: {json.dumps(options)}\nanswer: A\nexplanation: Because.\n"
    )
    (output,) = CsvBuilder().build(make_bank({"01-main.yaml": section_yaml(question)}), Settings())
    path = tmp_path / output.name
    path.write_bytes(output.data)
    with path.open(encoding="utf-8-sig", newline="") as file:  # the README's recipe
        reader = csv.DictReader(file)
        (row,) = reader
    assert reader.fieldnames is not None and reader.fieldnames[0] == "id"
    assert row["id"] == "q1"
    assert [row[f"option_{letter.lower()}"] for letter in options] == list(options.values())
    with path.open(encoding="utf-8", newline="") as file:  # why the recipe names utf-8-sig
        assert next(csv.reader(file))[0] == '\ufeff"id"'


def test_a_letter_given_twice_is_exported_once(make_bank):
    """A question may switch answer-count off; the exports still give each letter once,
    as the export schema promises."""
    twice = (
        "id: q1\ntype: multiple\nstem: Pick two.\noptions: {A: a, B: b, C: c}\n"
        "answer: [C, A, C]\nexplanation: A and C.\n"
        "lint: {ignore: [answer-count], reason: a test}\n"
    )
    bank = make_bank({"01-main.yaml": section_yaml(twice)})
    (output,) = CsvBuilder().build(bank, Settings())
    header, row = read(output.data)
    assert row[header.index("answer")] == "A;C"
    [question] = export_document(bank).sections[0].questions
    assert question.answer == ["A", "C"]
