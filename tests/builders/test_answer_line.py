"""The trainer's answer line under each question: "Answer: B", and "Answers: A, D" when a
question has several, in the bank's language, with the question's id at its right."""

from __future__ import annotations

import itertools
import re

import pytest
from weasyprint.formatting_structure.boxes import Box

from exambank.builders.base import Settings
from exambank.builders.handout import handout_html
from exambank.builders.handout_layout import lay_out
from tests.conftest import QUESTION, section_yaml

MULTIPLE = QUESTION.replace("id: q1", "id: q2").replace(
    "answer: A", "type: multiple\nanswer: [A, D]"
)


@pytest.mark.parametrize(
    ("language", "one", "several"),
    [
        ("en", "Answer: A", "Answers: A, D"),
        ("es", "Respuesta: A", "Respuestas: A, D"),
        ("de", "Lösung: A", "Lösungen: A, D"),
        ("fr", "Réponse\u00a0: A", "Réponses\u00a0: A, D"),
        ("ru", "Ответ: A", "Ответы: A, D"),
    ],
)
def test_a_question_with_several_answers_says_answers(make_bank, language, one, several):
    manifest = f"id: b\ntitle: B\nlanguage: {language}\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, MULTIPLE)}, manifest)
    html = handout_html(bank, "trainer", Settings())
    lines = [part.split("</p>")[0] for part in html.split('class="answer-line"')[1:]]
    said = [re.findall(r">([^<]+)<", line + "<") for line in lines]
    assert said == [[one, "q1"], [several, "q2"]]  # each with its id, for the maintainer


def test_the_student_edition_has_no_answer_line_and_no_id(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)})
    html = handout_html(bank, "student", Settings())
    assert 'class="answer-line"' not in html and 'class="question-id"' not in html


@pytest.mark.parametrize("size", [16, 24])
def test_the_id_and_student_page_never_run_into_the_explanation(make_bank, size):
    # At 24 pt "Answer: A", the id and "student edition p. 3" no longer fit one line: the
    # page's words, floated, dropped into the explanation's first line and cut it short
    # ("SageMaker Studio  student edition p. 12 / is the unified ..."), a trainer read
    # them as part of it. They wrap inside the answer line, above the explanation.
    question = QUESTION.replace("id: q1", "id: sagemaker-studio-q12")
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    settings = Settings(large_print=True, large_print_size=size)
    html = handout_html(bank, "trainer", settings, student_pages={1: 3})
    document = lay_out(html, bank.root, settings, {}, "")[1]
    boxes = [box for page in document.pages for box in page._page_box.descendants()]

    def first(name: str) -> Box:
        return next(b for b in boxes if b.element is not None and b.element.get("class") == name)

    page, explanation = first("student-page"), first("explanation")
    assert page.position_y + page.margin_height() <= explanation.position_y


@pytest.mark.parametrize("size", [16, 20, 24])
@pytest.mark.parametrize("question_id", ["q1", "clarify-q1", "sagemaker-studio-q12"])
def test_the_answer_the_student_page_and_the_id_never_overlap(make_bank, size, question_id):
    # Floated, the page's words were set against the answer's where they nearly fitted its
    # line: "Answer: Bstudent edition p. 106" (the seed at 24 pt on A4, 10 questions)
    bank = make_bank(
        {"01-main.yaml": section_yaml(QUESTION.replace("id: q1", f"id: {question_id}"))}
    )
    settings = Settings(large_print=True, large_print_size=size)
    html = handout_html(bank, "trainer", settings, student_pages={1: 53})
    document = lay_out(html, bank.root, settings, {}, "")[1]
    boxes = [box for page in document.pages for box in page._page_box.descendants()]
    line = next(
        b for b in boxes if b.element is not None and b.element.get("class") == "answer-line"
    )
    # the answer, the page and the id: the first box drawing each, floated or not
    parts = [next(b for b in boxes if b.element is child) for child in line.element]
    assert len(parts) == 3, parts
    for one, other in itertools.combinations(parts, 2):
        apart_x = (
            one.position_x + one.margin_width() <= other.position_x
            or other.position_x + other.margin_width() <= one.position_x
        )
        apart_y = (
            one.position_y + one.margin_height() <= other.position_y
            or other.position_y + other.margin_height() <= one.position_y
        )
        assert apart_x or apart_y, (one, other)
