"""true-false-options on banks written in the other languages whose truth words it reads."""

import pytest

from exambank.config import Config
from tests.conftest import section_yaml

QUESTION = """\
id: q1
stem: "{stem}"
options:
  A: {a}
  B: {b}
answer: A
explanation: x
"""


def _manifest(language):
    return f"id: redes\ntitle: Redes\nlanguage: {language}\nsections: [main]\n"


@pytest.mark.parametrize(
    ("language", "stem", "true", "false"),
    [
        ("es", "TCP garantiza la entrega ordenada.", "Verdadero", "Falso"),
        ("es", "La afirmación es:", "Correcta", "Incorrecta"),
        ("es-MX", "UDP confirma cada datagrama.", "Cierto", "Falso"),
        ("pt-BR", "O TCP é orientado à conexão.", "Correto", "Incorreto"),
        ("fr", "La phrase est :", "Vraie", "Fausse"),
        ("it", "Il TCP è affidabile.", "Corretto", "Sbagliato"),
        ("nl", "TCP is betrouwbaar.", "Juist", "Onjuist"),
        ("pl", "TCP jest niezawodny.", "Prawda", "Fałsz"),
    ],
)
def test_a_true_false_item_is_told_in_its_own_language(lint_bank, language, stem, true, false):
    question = QUESTION.format(stem=stem, a=true, b=false)
    found = lint_bank(
        {"01-main.yaml": section_yaml(question)},
        manifest=_manifest(language),
        config=Config(select={"true-false-options"}),
    )
    assert [(d.rule, d.message.split(":")[0]) for d in found.diagnostics] == [
        ("true-false-options", f"the options are only {true} / {false}")
    ]
    assert not found.notes  # the rule ran: no note that it did not


def test_other_two_option_questions_are_left_alone(lint_bank):
    question = QUESTION.format(stem="¿Qué capa usa TCP?", a="Transporte", b="Red")
    found = lint_bank(
        {"01-main.yaml": section_yaml(question)},
        manifest=_manifest("es"),
        config=Config(select={"true-false-options"}),
    )
    assert found.diagnostics == []
