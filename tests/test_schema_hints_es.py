"""Schema hints for an author who writes in another language than English (a Spanish
teacher's review): ids with accents, keys in their own language, an answer written among
the options, a locale for a language tag, options pasted from a word processor.

The questions are ``QUESTION`` in a section: ``id`` on line 4, stem 5, options 6, A-D 7-10,
answer 11, explanation 12.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.lint import lint
from tests.conftest import QUESTION, section_yaml, write_bank
from tests.test_schema_hints import OPTIONS, question_errors, schema_errors

ID_RULE = "ids use lowercase letters, digits and single hyphens"


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("redes-máscara", f"{ID_RULE}; did you mean 'redes-mascara'?"),
        ("Red Ñ 1", f"{ID_RULE}; did you mean 'red-n-1'?"),
        ("网络", f"{ID_RULE}, e.g. 'amt-q1'"),  # nothing an id can hold: an example
    ],
)
def test_a_question_id_gets_the_id_new_would_suggest(tmp_path, written, hint):
    found = question_errors(tmp_path, QUESTION.replace("id: q1", f"id: {written}"))
    assert found == [(4, 9, f"question {written}, id '{written}' is not a valid id", hint)]


def test_a_section_id_gets_the_id_new_would_suggest(tmp_path):
    text = section_yaml(QUESTION, section_id="Redes Básicas")
    bank = write_bank(tmp_path / "bank", {"redes-basicas.yaml": text})
    found = [(d.line, d.message, d.hint) for d in lint([bank]).diagnostics if d.rule == "schema"]
    assert found == [
        (1, "id 'Redes Básicas' is not a valid id", f"{ID_RULE}; did you mean 'redes-basicas'?")
    ]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("respuesta", "answer"),
        ("Respuesta", "answer"),
        ("explicación", "explanation"),
        ("explicacion", "explanation"),
        ("Erklarung", "explanation"),  # without its accent, as without the others
        ("reponse", "answer"),
        ("Explicación", "explanation"),
        ("opciones", "options"),
        ("resposta", "answer"),
        ("explicação", "explanation"),
        ("Antwort", "answer"),
        ("Erklärung", "explanation"),
        ("réponse", "answer"),
        ("ответ", "answer"),
        ("Ответ", "answer"),
    ],
)
def test_a_required_key_in_another_language_is_one_did_you_mean(tmp_path, written, meant):
    question = QUESTION.replace(f"{meant}:", f"{written}:")
    [(line, column, message, hint)] = question_errors(tmp_path, question)
    assert (message, hint) == (
        f"unknown key '{written}' in question q1",
        f"did you mean '{meant}'?",
    )
    assert (line, column) == ({"answer": 11, "explanation": 12, "options": 6}[meant], 5)


@pytest.mark.parametrize(
    ("written", "meant", "value"),
    [
        ("dificultad", "difficulty", "easy"),
        ("dificuldade", "difficulty", "easy"),
        ("etiquetas", "tags", "[redes]"),
        ("tipo", "type", "single"),
        ("Typ", "type", "single"),
        ("enunciado", "stem", "x"),
        ("pregunta", "stem", "x"),
        ("pergunta", "stem", "x"),
    ],
)
def test_an_optional_key_in_another_language_gets_a_did_you_mean(tmp_path, written, meant, value):
    question = QUESTION + f"{written}: {value}\n"
    assert question_errors(tmp_path, question) == [
        (13, 5, f"unknown key '{written}' in question q1", f"did you mean '{meant}'?")
    ]


def test_a_key_of_another_part_of_the_format_is_not_suggested(tmp_path):
    # 'pregunta' is a question's stem: a section has none, so its own keys are listed
    text = section_yaml(QUESTION, extra="pregunta: x\n")
    [(*_, hint)] = schema_errors(tmp_path, text)
    assert hint == "allowed: exam_tips, id, key_terms, notes, questions, summary, title"


@pytest.mark.parametrize(
    ("written", "value", "shown"),
    [
        ("Respuesta", "B", "answer: B"),
        ("Answer", "B", "answer: B"),
        ("answer", "B", "answer: B"),
        ("Antwort", "B", "answer: B"),
        ("Réponse", "B", "answer: B"),
        ("Resposta", "B", "answer: B"),
        ("Ответ", "B", "answer: B"),
        ("Respuesta", "[A, C]", "answer: [A, C]"),
        ("Respuesta", "", "answer: ..."),  # nothing to show
        (
            "Explicación",
            "Porque SageMaker cubre todo el ciclo.",
            "explanation: Porque SageMaker cubre ...",
        ),
    ],
)
def test_a_question_key_among_the_options_is_told_to_move_out(tmp_path, written, value, shown):
    key = "answer" if shown.startswith("answer") else "explanation"
    question = QUESTION.replace(f"{key}:", "dropped:").replace(
        "  D: Amazon Bedrock", f"  D: Amazon Bedrock\n  {written}: {value}"
    )
    question = "\n".join(line for line in question.splitlines() if "dropped:" not in line)
    assert question_errors(tmp_path, question) == [
        (
            11,
            7,
            f"'{written}' is not an option letter",
            f"move it out of 'options': write '{shown}' indented like 'options:'",
        )
    ]


def test_a_word_among_the_options_that_is_no_question_key_gets_the_letters_rule(tmp_path):
    question = QUESTION.replace("  D: Amazon Bedrock", "  D: Amazon Bedrock\n  Opciones: x")
    [(*_, message, hint)] = question_errors(tmp_path, question)
    assert (message, hint) == (
        "'Opciones' is not an option letter",
        "option letters are single capital letters A-Z",
    )


@pytest.mark.parametrize(
    ("language", "hint"),
    [
        ("es_ES", "write its BCP 47 tag; did you mean 'es-ES'?"),
        ("pt_BR.UTF-8", "write its BCP 47 tag; did you mean 'pt-BR'?"),  # as $LANG has it
        ("de_DE@euro", "write its BCP 47 tag; did you mean 'de-DE'?"),
        ("español", "write its BCP 47 tag; did you mean 'es'?"),  # a language's name
        ("C.UTF-8", "write its BCP 47 tag, e.g. 'en', 'de', 'pt-BR'"),  # no language in it
    ],
)
def test_a_locale_for_the_language_gets_its_tag(tmp_path: Path, language, hint):
    manifest = f"id: test-bank\ntitle: Test bank\nlanguage: {language}\nsections: [main]\n"
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)}, manifest)
    found = [(d.line, d.message, d.hint) for d in lint([bank]).diagnostics if d.rule == "schema"]
    assert found == [(3, f"language '{language}' is not a language tag", hint)]


def _options_as_text(*lines: str) -> str:
    return QUESTION.replace(OPTIONS, "options:\n" + "".join(f"  {line}\n" for line in lines))


TEXT_MESSAGE = "question q1, options is text, not a set of 'key: value' lines"
ON_ITS_OWN_LINE = "write each option on its own line, as a letter and its text: "


@pytest.mark.parametrize(
    "lines",
    [
        ["a) DHCP", "b) DNS", "c) ARP", "d) ICMP"],
        ["A) DHCP", "B) DNS", "C) ARP", "D) ICMP"],
        ["a. DHCP", "b. DNS", "c. ARP", "d. ICMP"],
        ["(a) DHCP", "(b) DNS", "(c) ARP", "(d) ICMP"],
        ["a) DHCP b) DNS", "c) ARP d) ICMP"],
    ],
)
def test_options_pasted_as_lettered_text_are_shown_one_by_one(tmp_path, lines):
    [(line, column, message, hint)] = question_errors(tmp_path, _options_as_text(*lines))
    assert (line, column, message) == (7, 7, TEXT_MESSAGE)
    assert hint == ON_ITS_OWN_LINE + "'A: DHCP', 'B: DNS', 'C: ARP', 'D: ICMP'"


def test_lettered_text_in_a_block_is_shown_one_by_one(tmp_path):
    question = QUESTION.replace(OPTIONS, "options: |\n  a) DHCP\n  b) Domain Name System")
    [(*_, hint)] = question_errors(tmp_path, question)
    assert hint == ON_ITS_OWN_LINE + "'A: DHCP', 'B: Domain Name System'"


@pytest.mark.parametrize(
    ("lines", "example"),
    [
        (["a) DHCP", "c) ARP"], "DHCP c) ARP"),  # no 'b)': no letters to go by
        (["a) DHCP", "B) DNS"], "DHCP B) DNS"),  # two styles: no letters to go by
        (["DHCP b) DNS"], "DHCP b) DNS"),  # no 'a)' to start
        (["(a) DHCP", "b) DNS"], "DHCP b) DNS"),  # two styles again
        (["a) the b) c) and d) variants"], "the b) c) and d) variants"),  # options left empty
    ],
)
def test_text_not_lettered_option_by_option_keeps_one_example(tmp_path, lines, example):
    [(*_, hint)] = question_errors(tmp_path, _options_as_text(*lines))
    assert hint == f"write each option as a letter and its text, e.g. 'A: {example}'"


def test_each_option_shown_is_shortened(tmp_path):
    long = "Dynamic Host Configuration Protocol, que asigna direcciones IP"
    [(*_, hint)] = question_errors(tmp_path, _options_as_text(f"a) {long}", "b) DNS"))
    assert hint == ON_ITS_OWN_LINE + "'A: Dynamic Host Configuration Protocol, ...', 'B: DNS'"
