"""The trainer's answer line under each question: "Answer: B", and "Answers: A, D" when a
question has several, in the bank's language, with the question's id at its right."""

from __future__ import annotations

import re

import pytest

from exambank.builders.base import Settings
from exambank.builders.handout import handout_html
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
