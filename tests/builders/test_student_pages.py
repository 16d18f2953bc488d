"""The trainer edition names the page of the student edition each question is on, so that
a trainer teaching from it can tell the class where to turn (review s27-print, finding 3):
the trainer edition is longer, and its pages are not the students'."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.builders.conftest import SEED_ID
from tests.conftest import QUESTION, section_yaml


def question_pages(data: bytes, word: str = "Question") -> dict[int, int]:
    """Each question's number and the page its bookmark ("Question 7") leads to, counted
    from 1."""
    reader = PdfReader(io.BytesIO(data))
    pages: dict[int, int] = {}

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            elif found := re.fullmatch(rf"{word} (\d+)", item.title):
                pages[int(found[1])] = reader.get_destination_page_number(item) + 1

    walk(reader.outline)
    return pages


def named_pages(data: bytes, words: str = "student edition p.") -> list[int]:
    """The student pages the answer lines name, in the order they are printed."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return [int(page) for page in re.findall(rf"{re.escape(words)}\s(\d+)", text)]


def test_each_answer_line_names_the_page_the_student_edition_prints_the_question_on(
    seed_dist: Path,
):
    student = (seed_dist / f"{SEED_ID}-student.pdf").read_bytes()
    trainer = (seed_dist / f"{SEED_ID}-trainer.pdf").read_bytes()
    on_student_pages = question_pages(student)
    assert len(on_student_pages) == 55
    assert named_pages(trainer) == [on_student_pages[n] for n in sorted(on_student_pages)]
    # the reason for the line: most questions are on another page in the trainer edition
    on_trainer_pages = question_pages(trainer)
    assert sum(on_trainer_pages[n] != on_student_pages[n] for n in on_student_pages) > 40


def test_a_trainer_edition_made_alone_still_names_the_student_pages(make_bank):
    """The build lays the student edition out first and the trainer edition uses its
    pages; made on its own, the trainer edition lays the student edition out itself."""
    long = "Explanation. " * 60
    questions = [
        QUESTION.replace("id: q1", f"id: q{n}").replace(
            "explanation: SageMaker covers the whole ML lifecycle.", f"explanation: {long}"
        )
        for n in range(1, 13)
    ]
    bank = make_bank({"01-main.yaml": section_yaml(*questions)})
    _, trainer = PdfBuilder().steps(bank, Settings())
    alone = trainer.make()
    in_order = [step.make() for step in PdfBuilder().steps(bank, Settings())]
    on_student_pages = question_pages(in_order[0].data)
    expected = [on_student_pages[n] for n in range(1, 13)]
    assert named_pages(alone.data) == expected == named_pages(in_order[1].data)
    assert expected != [question_pages(alone.data)[n] for n in range(1, 13)]


def test_the_line_is_in_the_bank_language(make_bank):
    manifest = "id: test-bank\ntitle: Test bank\nlanguage: de\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    student, trainer = PdfBuilder().build(bank, Settings())
    assert named_pages(trainer.data, "Ausgabe für Lernende S.") == [
        question_pages(student.data, "Frage")[1]
    ]
    assert named_pages(student.data) == named_pages(student.data, "Ausgabe für Lernende S.") == []
