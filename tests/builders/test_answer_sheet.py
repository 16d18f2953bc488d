"""The answer sheet (``build --answer-sheet``): what a class marks its answers on, in the
answer key's grid, so that a trainer grades a paper by laying the key beside it; and the
line for a name on the student edition's cover."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from pypdf import PdfReader

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.labels import LABELS
from exambank.builders.pdf import PdfBuilder
from exambank.builders.sheet_words import SHEET_WORDS
from exambank.shuffle import shuffled
from tests.builders.test_pdf_layout import pages, text_positions
from tests.conftest import QUESTION, section_yaml

FIVE = QUESTION.replace("  D: Amazon Bedrock\n", "  D: Amazon Bedrock\n  E: Amazon S3\n")
SIX = FIVE.replace("  E: Amazon S3\n", "  E: Amazon S3\n  F: AWS Glue\n")
TRUE_FALSE = (
    "id: q1\nstem: SageMaker trains models.\noptions:\n  A: 'True'\n  B: 'False'\n"
    "answer: A\nexplanation: It does.\n"
)
CHOOSE_TWO = FIVE.replace("answer: A", "type: multiple\nanswer: [A, C]")
ALL_THAT_APPLY = FIVE.replace("models?", "models? Select all that apply.").replace(
    "answer: A", "type: multiple\nanswer: [A, B, C, E]"
)
FIRST = [QUESTION, QUESTION, SIX, TRUE_FALSE, CHOOSE_TWO, QUESTION, ALL_THAT_APPLY]
SECOND = [QUESTION] * 4
TITLES = ("First part", "Second part")


def _numbered(questions: list[str], start: int) -> list[str]:
    return [
        question.replace("id: q1", f"id: q{number}")
        for number, question in enumerate(questions, start=start)
    ]


@pytest.fixture
def mixed_bank(make_bank: Callable[..., Bank]) -> Bank:
    """Two sections: four, six and five options, true/false, "choose 2", "all that apply"."""
    first = section_yaml(*_numbered(FIRST, 1), section_id="first").replace("Main", TITLES[0])
    second = section_yaml(*_numbered(SECOND, 8), section_id="second").replace("Main", TITLES[1])
    return make_bank({"01-first.yaml": first, "02-second.yaml": second})


def _made(bank: Bank, settings: Settings) -> dict[str, bytes]:
    """The key and the sheet alone (the editions are not made), by file name."""
    steps = PdfBuilder().steps(bank, settings)
    return {step.name: step.make().data for step in steps if "answer-" in step.name}


def _rows(data: bytes) -> list[list[tuple[float, str]]]:
    """The question numbers of each row of the grid, page by page, as (y, number): a run of
    digits on a line that holds no section heading."""
    rows: list[list[tuple[float, str]]] = []
    for runs in text_positions(data):
        headings = {round(y) for _, y, text in runs if text in TITLES}
        lines: dict[int, list[tuple[float, str]]] = {}
        for x, y, text in runs:
            if text.isdigit() and round(y) not in headings and y > 60:  # not the footer
                lines.setdefault(round(y), []).append((x, text))
        rows.extend(
            [(float(y), number) for _, number in sorted(line)]
            for y, line in sorted(lines.items(), reverse=True)
        )
    return rows


@pytest.mark.parametrize(
    ("large_print", "rows"),
    [
        (False, ["1 2 3 4 5", "6 7", "8 9 10 11"]),  # "B, C, D, E" (7) two columns wide
        (True, ["1 2 3 4 5", "6 7", "8 9 10 11"]),  # "A, C" (5) one, 7 two
    ],
)
def test_the_sheet_has_the_key_s_rows_and_each_question_s_own_letters(
    mixed_bank: Bank, large_print: bool, rows: list[str]
) -> None:
    settings = Settings(student_key="separate", answer_sheet=True, large_print=large_print)
    made = _made(mixed_bank, settings)
    key, sheet = made["test-bank-answer-key.pdf"], made["test-bank-answer-sheet.pdf"]
    key_rows = [" ".join(number for _, number in row) for row in _rows(key)]
    assert key_rows == rows
    assert [" ".join(number for _, number in row) for row in _rows(sheet)] == rows
    [text] = pages(sheet)
    assert text.startswith("Test bank Answer sheet Name: Date: ")
    assert "First part 1 A B C D 2 A B C D 3 A B C D E F 4 A True B False" in text
    assert "5 A B C D E choose 2 6 A B C D 7 A B C D E all that apply" in text
    assert "Second part 8 A B C D" in text and text.endswith("Answer sheet Page 1 of 1")
    assert "Answer sheet" in PdfReader(io.BytesIO(sheet)).metadata.title


def test_a_sheet_of_one_line_items_lies_level_with_the_key_row_by_row(
    make_bank: Callable[..., Bank],
) -> None:
    bank = make_bank({"01-main.yaml": section_yaml(*_numbered([QUESTION] * 12, 1))})
    made = _made(bank, Settings(student_key="separate", answer_sheet=True))
    key, sheet = made["test-bank-answer-key.pdf"], made["test-bank-answer-sheet.pdf"]
    key_rows, sheet_rows = _rows(key), _rows(sheet)
    assert [len(row) for row in key_rows] == [5, 5, 2]
    assert sheet_rows == key_rows  # the same numbers at the same heights: tops level


def test_a_shuffled_version_s_sheet_is_named_and_marked_as_its_key(mixed_bank: Bank) -> None:
    settings = Settings(shuffle_seed="7", student_key="separate", answer_sheet=True)
    made = _made(shuffled(mixed_bank, "7"), settings)
    assert sorted(made) == [
        "test-bank-answer-key-shuffle7.pdf",
        "test-bank-answer-sheet-shuffle7.pdf",
    ]
    [text] = pages(made["test-bank-answer-sheet-shuffle7.pdf"])
    assert "Answer sheet Name: Date: Shuffle 7 " in text
    assert text.endswith("Answer sheet · shuffle 7 Page 1 of 1")
    # shuffling moves options, not questions, and keeps their count
    assert "3 A B C D E F" in text and "5 A B C D E choose 2" in text


def test_the_sheet_is_the_same_file_every_build(mixed_bank: Bank) -> None:
    settings = Settings(answer_sheet=True)
    assert _made(mixed_bank, settings) == _made(mixed_bank, settings)


def test_only_the_student_edition_s_cover_has_a_line_for_a_name(mixed_bank: Bank) -> None:
    outputs = {output.name: output.data for output in PdfBuilder().build(mixed_bank, Settings())}
    assert sorted(outputs) == ["test-bank-student.pdf", "test-bank-trainer.pdf"]
    assert pages(outputs["test-bank-student.pdf"])[0].startswith(
        "Test bank Student edition Name: Contents"
    )
    assert "Name:" not in pages(outputs["test-bank-trainer.pdf"])[0]


def test_every_language_of_the_labels_has_the_sheet_s_words() -> None:
    assert set(SHEET_WORDS) == set(LABELS)


def test_the_sheet_speaks_the_bank_s_language(make_bank: Callable[..., Bank]) -> None:
    manifest = "id: test-bank\ntitle: Test\nlanguage: de-CH\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(CHOOSE_TWO)}, manifest)
    [text] = pages(_made(bank, Settings(answer_sheet=True))["test-bank-answer-sheet.pdf"])
    assert text.startswith("Test Antwortbogen Name: Datum: Füllen Sie bei jeder Frage")
    assert "1 A B C D E 2 wählen" in text
