"""A Spanish teacher's wording read by the build (review ES, findings 1 to 4): letters written
in lower case ("b) y c) son correctas", "la b", "opción c") and the Spanish all/none options
("Todas son correctas", "Ninguna de ellas") keep a question's order under ``--shuffle``; the
Spanish requests ("Marca dos.") and open counts ("Marque todas las correctas.") decide the
handout's "Elija 2 respuestas." label as they do ``answer-count``."""

from __future__ import annotations

import json

import pytest

from exambank.builders import Settings
from exambank.builders.handout import handout_html
from exambank.builders.json_export import JsonBuilder
from exambank.model import Question
from exambank.shuffle import keeps_its_order, shuffled
from tests.conftest import QUESTION, section_yaml

OPTIONS = {
    "A": "Asigna direcciones IP.",
    "B": "Usa el puerto 53.",
    "C": "Entrega la puerta de enlace.",
    "D": "Resuelve nombres.",
}


def question(explanation: str = "DHCP asigna direcciones.", **options: object) -> Question:
    return Question.model_validate(
        {
            "id": "q1",
            "stem": "¿Qué hace DHCP?",
            "options": OPTIONS | options,
            "answer": "A",
            "explanation": explanation,
        }
    )


# The teacher's notes and options (finding 1), then the same forms in other languages.
LOWER_CASE = [
    "La correcta es la b; DHCP (la a) asigna direcciones.",
    "b) y c) son correctas",
    "la b",
    "Es la opción c.",
    "(la a)",
    "Son correctas la a y la c.",
    "Opción b) correcta.",
    "Se marca la c.",
    "Marca las b y d.",
    "La respuesta es d.",
    "Respuesta: a",
    "La opción a es correcta.",
    "Answers a) and c) are both correct.",  # FCC Element 1, question 86
    "The answer is c.",
    "a) und b) sind richtig.",
    "La b est la seule correcte.",
    "(b) est fausse.",
    # review 17, finding 4: as the upper-case letters are named, and two joined after a noun
    "Las opciones a y c son incorrectas.",
    "Options a and c are wrong.",
    "Respuesta correcta: b",
    "Respuesta válida: c",
    "The answer key: b",
    "Las opciones a y c usan UDP.",
    "Options a and c use UDP.",
    "Opción correcta: b.",
    "Correcta: b",
    "Las incorrectas son a y d.",
    "Solo b es correcta.",
    "Solo a es correcta.",
    "b es correcta: DNS.",
    "Only b is correct.",
    "b is correct: DNS.",
    "a et c sont fausses.",
    "b trifft zu.",
    "Ni a ni c resuelven nombres.",
    "Neither a nor c assigns names.",
]


@pytest.mark.parametrize("language", ["es", "en", "de", "fr"])
@pytest.mark.parametrize("text", LOWER_CASE)
def test_a_lower_case_letter_written_as_an_option_letter_keeps_the_order(language, text):
    assert keeps_its_order(question(text), language)
    assert keeps_its_order(question(D=text), language)


# Bare letters that are words, letters of no option, a rule's paragraph, a call's argument
# and a noun followed by a word.
MOVING = [
    "Se conecta a la red y o bien falla.",
    "Y el router también. O bien el switch.",
    "Envía la trama a la puerta de enlace.",
    "La respuesta a la pregunta es DHCP.",
    "To answer a question, read it.",
    "Options a through d are services.",
    "La opción e-mail no aplica.",
    "Véase el apartado f).",  # A to D
    "FCC rule reference 97.119 (a), 97.21(a)(b).",
    "add(a, b) devuelve la suma.",
    "Resuelve x e y.",
    # a word after a noun or a verdict, a conjunction before one, a letter of a name
    "Correct: a firewall blocks traffic.",
    "The answer is a VPN.",
    "Correcta: a partir de la capa 3.",
    "Respuestas o soluciones varían.",
    "Options include a and an index.",
    "Es rápido y es correcto.",
    "É rápido e é correto.",
    "La afirmación o es verdadera o es falsa.",
    "No le gusta ni a él ni a ella.",
    "Neither a nor x is defined.",  # A to D
    "Las soluciones a y f del anexo.",
    "La solución es c++.",
]


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("text", MOVING)
def test_a_lower_case_letter_that_names_no_option_lets_it_move(language, text):
    assert not keeps_its_order(question(text), language)
    assert not keeps_its_order(question(D=text), language)


@pytest.mark.parametrize(
    ("text", "kept"), [("O DHCP é rápido e é correto.", False), ("Apenas e é correta.", True)]
)
def test_a_conjunction_before_a_verdict_is_no_letter(text, kept):
    """Portuguese "e" joins two claims; a question of five options has an e) too."""
    assert keeps_its_order(question(text, E="Envia broadcast."), "pt") == kept


@pytest.mark.parametrize("option", ["a y c", "Sólo b y d", "a, b y c"])
def test_an_option_of_the_questions_lower_case_letters_keeps_the_order(option):
    assert keeps_its_order(question(D=option), "es")


@pytest.mark.parametrize(
    "option",
    [
        "Todas son correctas",
        "Ninguna es correcta",
        "Ninguna de ellas",
        "Todas ellas",
        "Todas son verdaderas",
        "Ninguna es verdadera",
        "Ninguna de las opciones",
        "Todas las opciones",
        "Ninguna opción es correcta",
    ],
)
def test_a_spanish_all_or_none_option_keeps_the_order(option):
    assert keeps_its_order(question(D=option), "es")


@pytest.mark.parametrize("option", ["Todas las capas de red", "Ninguno de los puertos"])
def test_an_option_that_only_starts_like_one_moves(option):
    assert not keeps_its_order(question(D=option), "es")


MANIFEST = "id: t\ntitle: T\nlanguage: es\nsections: [s]\n"
# The teacher's repro: `build --only json` said "shuffle": true for both, and `--shuffle 3`
# printed "C b) y c) son correctas" with B the first option.
REPRO = [
    "id: q1\nstem: ¿Qué protocolo resuelve nombres de dominio?\n"
    "options: {A: DHCP, B: DNS, C: ARP, D: ICMP}\nanswer: B\n"
    "explanation: La correcta es la b; DHCP (la a) asigna direcciones.\n",
    "id: q2\nstem: ¿Qué afirmaciones sobre DHCP son correctas?\noptions:\n"
    "  A: Asigna direcciones IP.\n  B: Usa el puerto 53.\n  C: Entrega la puerta de enlace.\n"
    "  D: b) y c) son correctas\nanswer: D\n"
    "explanation: DHCP asigna direcciones y la puerta de enlace.\n",
    "id: q3\nstem: ¿Qué algoritmo reparte la CPU por turnos?\n"
    "options: {A: FIFO, B: Round Robin, C: SJF, D: Todas son correctas}\nanswer: B\n"
    "explanation: Round Robin reparte la CPU en turnos.\n",
]


def test_the_teachers_questions_are_exported_and_printed_in_order(make_bank):
    bank = make_bank({"01-s.yaml": section_yaml(*REPRO, section_id="s")}, MANIFEST)
    (output,) = JsonBuilder().build(bank, Settings())
    rows = json.loads(output.data)["sections"][0]["questions"]
    assert [row["shuffle"] for row in rows] == [False, False, False]
    written = [ref.question.options for ref in bank.questions()]
    for seed in map(str, range(10)):
        assert [ref.question.options for ref in shuffled(bank, seed).questions()] == written


MULTIPLE = QUESTION.replace("answer: A", "type: multiple\nanswer: [A, C, D]")


@pytest.mark.parametrize(
    ("request_", "label"),
    [
        ("Marca tres.", None),
        ("Señale tres.", None),
        ("Hay tres respuestas correctas.", None),
        ("(3 opciones)", None),
        ("Marque todas las correctas.", None),
        ("Seleccione todas las que correspondan.", None),
        ("Marca todas las que sean correctas.", None),
        ("Puede haber varias respuestas correctas.", None),
        ("(respuesta múltiple)", None),
        ("Puede haber más de una.", None),
        ("Es una pregunta de opción múltiple.", "Elija 3 respuestas."),
        ("Marca dos.", "Elija 3 respuestas."),  # the label stays; answer-count reports it
        ("¿Por qué tres procesos se bloquean?", "Elija 3 respuestas."),  # asks for none
    ],
)
def test_the_count_label_reads_spanish_requests(make_bank, request_, label):
    stem = f"¿Qué protocolos son de transporte? {request_}"
    text = MULTIPLE.replace("stem: Which AWS service trains, tunes and deploys ML models?", "")
    text = text.replace("id: q1\n", f"id: q1\nstem: {json.dumps(stem, ensure_ascii=False)}\n")
    manifest = MANIFEST.replace("sections: [s]", "sections: [main]")
    bank = make_bank({"01-main.yaml": section_yaml(text)}, manifest)
    html = handout_html(bank, "student", Settings())
    assert html.count('class="instruction"') == (label is not None)
    if label:
        assert f">{label}</p>" in html
