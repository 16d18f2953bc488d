"""Portuguese requests for a number of answers: the usual Brazilian "Assinale DUAS" and
"Aponte as duas corretas" (review 107, finding 3), and the stems that ask for none."""

from __future__ import annotations

import pytest

from exambank.rules.answer_requests import requested_count
from tests.conftest import QUESTION

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"


@pytest.mark.parametrize(
    ("stem", "count"),
    [
        ("Assinale DUAS opções que são meios guiados.", 2),
        ("Sobre o TCP, assinale as duas alternativas corretas.", 2),
        ("Quais são meios guiados? Assinale duas.", 2),
        ("Assinale os três itens corretos.", 3),
        ("Assinale 2 alternativas.", 2),
        ("Aponte as duas corretas.", 2),
        ("APONTE DOIS protocolos de transporte.", 2),
        # asks for no number
        ("Assinale a alternativa que cita duas camadas.", None),
        ("A ponte dois liga as redes.", None),  # "a ponte" (the bridge) is no "aponte"
        ("Reassinale duas vezes.", None),
        ("Por que duas camadas são necessárias?", None),
        ("Por que dois protocolos de transporte?", None),
        ("Foram instalados cinco servidores, dos quais dois estão offline.", None),
        ("Há três redes, das quais duas usam IPv6. Qual é a máscara?", None),
        ("Dos hosts, pelos quais dois pacotes passam, qual responde?", None),
        # "quais" still asks where a question opens
        ("Em quais dois casos o TCP retransmite?", 2),
        ("Quais duas camadas?", 2),
    ],
)
def test_requested_count_reads_assinale_and_aponte(stem, count):
    assert requested_count(stem) == count


def test_assinale_duas_is_checked_against_the_key(lint_questions):
    question = QUESTION.replace(STEM, "stem: Assinale DUAS opções que são meios guiados.")
    question = question.replace("answer: A", "type: multiple\nanswer: [A, B, C]")
    [error] = [d for d in lint_questions(question) if d.rule == "answer-count"]
    assert "the stem asks for 2 answers but 3 are given" in error.message
