"""A Brazilian teacher's wording under ``--shuffle`` (review 107, finding 4): a note naming
the key as the handout does ("Gabarito: c", "Item c.") and the options that refer to the
others ("N.D.A.", "Nenhuma delas", "As duas primeiras") keep a question's order."""

from __future__ import annotations

import pytest

from exambank.model import Question
from exambank.shuffle import keeps_its_order

OPTIONS = {"A": "HTTP", "B": "FTP", "C": "DNS", "D": "SMTP"}


def question(explanation: str = "O DNS resolve nomes.", **options: object) -> Question:
    return Question.model_validate(
        {
            "id": "q1",
            "stem": "Qual protocolo resolve nomes?",
            "options": OPTIONS | options,
            "answer": "C",
            "explanation": explanation,
        }
    )


@pytest.mark.parametrize("language", ["pt-BR", "en"])
@pytest.mark.parametrize(
    "note", ["Gabarito: c. O DNS resolve nomes.", "gabarito c", "Item c.", "Itens b e c."]
)
def test_a_note_naming_the_key_as_gabarito_or_item_keeps_the_order(note, language):
    assert keeps_its_order(question(note), language)
    assert keeps_its_order(question(D=note), language)


@pytest.mark.parametrize("language", ["pt-BR", "en"])
@pytest.mark.parametrize(
    "option",
    [
        *("N.D.A.", "n.d.a.", "T.D.A.", "N.D.A", "Nenhuma delas", "Todas elas"),
        *("Nenhuma delas está correta.", "As duas primeiras", "As duas últimas"),
        *("Apenas as duas primeiras estão corretas.", "Os dois últimos", "As três primeiras"),
        *("Todas estão corretas.", "Nenhuma é verdadeira", "Todas são corretas"),
        *("Nenhuma está correta", "Nenhuma alternativa está correta."),
    ],
)
def test_an_option_referring_to_the_others_keeps_the_order(option, language):
    assert keeps_its_order(question(D=option), language)


@pytest.mark.parametrize(
    "text",
    [
        "NDA",  # a non-disclosure agreement
        "Todas as camadas usam TCP.",
        "Todas las capas de red",
        "O gabarito da prova",
        "Cada item da lista",
        "Um item a mais no cabeçalho",
    ],
)
@pytest.mark.parametrize("language", ["pt-BR", "en"])
def test_what_only_looks_like_one_lets_it_move(text, language):
    assert not keeps_its_order(question(D=text), language)
    assert not keeps_its_order(question(text), language)
