"""A German teacher's requests (review DE): "Welche beiden ...?" asks for two answers
(finding 5), and the usual German ways of leaving the count open, with their English,
French, Spanish and Portuguese siblings, ask for none (finding 3)."""

from __future__ import annotations

import pytest

from exambank.rules.answer_requests import hides_count, requested_count
from tests.conftest import QUESTION

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"


@pytest.mark.parametrize(
    ("stem", "count"),
    [
        ("Welche beiden Protokolle arbeiten auf der Transportschicht?", 2),
        ("Markieren Sie die beiden richtigen Antworten.", 2),
        ("Kreuzen Sie beide richtigen Antworten an.", 2),
        # not right after a request: "which of the two", "applies to both"
        ("Welche der beiden Aussagen trifft zu?", None),
        ("Welches Merkmal trifft auf beide Protokolle zu?", None),
        ("Beide Rechner senden gleichzeitig. Was passiert?", None),
    ],
)
def test_welche_beiden_asks_for_two(stem, count):
    assert requested_count(stem) == count


@pytest.mark.parametrize(
    ("answer", "kind", "message"),
    [
        ("A", "single", "the stem asks for 2 answers but the question is single-answer"),
        ("[A, B, C]", "multiple", "the stem asks for 2 answers but 3 are given"),
    ],
)
def test_welche_beiden_is_checked_against_the_key(lint_questions, answer, kind, message):
    question = QUESTION.replace(
        STEM, "stem: Welche beiden Protokolle arbeiten auf der Transportschicht?"
    ).replace("answer: A", f"type: {kind}\nanswer: {answer}")
    [error] = [d for d in lint_questions(question) if d.rule == "answer-count"]
    assert message in error.message


@pytest.mark.parametrize(
    "stem",
    [
        "Welche Protokolle arbeiten auf Schicht 4? Mehrfachnennungen sind möglich.",
        "Welche Protokolle arbeiten auf Schicht 4? Es können mehrere Antworten richtig sein.",
        "Welche Protokolle arbeiten auf Schicht 4? Mehrere Aussagen können zutreffen.",
        "Welche Protokolle arbeiten auf Schicht 4? (Mehrfachauswahl)",
        "Welche Protokolle arbeiten auf Schicht 4? (Mehrfachantworten möglich)",
        "Markieren Sie alle zutreffenden Antworten.",
        "Kreuzen Sie alle richtigen Antworten an.",
        "Wählen Sie alle zutreffenden Aussagen aus.",
        "Welche Aussagen treffen zu? Es ist mindestens eine Antwort richtig.",
        "Welche Aussagen treffen zu? Mehr als eine Antwort ist richtig.",
        "Mark all correct answers.",
        "Select all the true statements.",
        "Which protocols work at layer 4? More than one answer may be correct.",
        "Which protocols work at layer 4? At least one option is correct.",
        "Which protocols work at layer 4? Multiple answers may be correct.",
        "Quels protocoles ? Cochez toutes les bonnes réponses.",
        "Quels protocoles ? Plusieurs réponses peuvent être correctes.",
        "Quels protocoles ? Il y a au moins une bonne réponse.",
        "¿Qué protocolos? Al menos una respuesta es correcta.",
        "Quais protocolos? Assinale todas as alternativas corretas.",
        "Quais protocolos? Pode haver mais de uma resposta correta.",
    ],
)
def test_hides_count_reads_the_usual_open_counts(stem):
    assert hides_count(stem)


@pytest.mark.parametrize(
    "stem",
    [
        "Welche Geräte können mehrere VLANs transportieren?",
        "Welche Bedingung gilt, wenn mindestens eine Aussage wahr ist?",
        "Welche Aussage über Multiple-Choice-Aufgaben trifft zu?",
        "Which flag allows more than one option to be passed?",
        "Which statement is true of all correct implementations?",
        "Multiple options can be set in the file. Which two are required?",
    ],
)
def test_hides_count_is_not_any_mention_of_several_or_all(stem):
    assert not hides_count(stem)
