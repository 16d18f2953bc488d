"""The option rules in a German bank (review DE, findings 2 and 4): "Alle genannten",
"Keine der genannten Antworten", "Weder A noch B", and the German words around combined
letters ("Sowohl A als auch B", "Nur I und III"), with the clean look-alikes a German
teacher writes ("Alle Ports oberhalb von 1024", "Keine Ahnung", "Klasse B und C")."""

from __future__ import annotations

import pytest

from exambank.diagnostics import Diagnostic
from exambank.model import Question
from exambank.rules.option_wording import points_at_options
from exambank.shuffle import keeps_its_order
from tests.conftest import LintBank, section_yaml
from tests.rules.item_writing import only, question

GERMAN = "id: test-bank\ntitle: Testbank\nlanguage: de\nsections: [main]\n"
STEM = "Welches Protokoll arbeitet auf der Transportschicht?"
PROTOCOLS = {"A": "TCP", "B": "IP", "C": "ARP"}


def found(lint_bank: LintBank, rule: str, *questions: str) -> list[Diagnostic]:
    """What ``rule`` alone finds in a German bank holding ``questions``."""
    result = lint_bank({"01-main.yaml": section_yaml(*questions)}, GERMAN, only(rule))
    return [finding for finding in result.diagnostics if finding.rule == rule]


def with_option(text: str, stem: str = STEM) -> str:
    return question(stem=stem, options={**PROTOCOLS, "D": text})


@pytest.mark.parametrize(
    "text",
    [
        "Alle genannten",
        "Alle oben genannten",
        "alle der genannten",
        "Alle oben genannten Pflichten",
        "Alle drei genannten Maßnahmen",
        "Alles oben Genannte",
        "Alle vorherigen Antworten",
        "Alle aufgeführten Möglichkeiten",
        "Alle obigen Aussagen treffen zu.",
        "Alle Antworten sind richtig.",
        "Alle sind richtig",
        "Beide erstgenannten",
        "Jedes der genannten Geräte",
        "Alle drei",
    ],
)
def test_an_option_for_all_the_others_is_reported(lint_bank: LintBank, text: str) -> None:
    [finding] = found(lint_bank, "all-of-the-above", with_option(text))
    assert finding.message.startswith(f'option D is "{text}"')


@pytest.mark.parametrize(
    "text",
    [
        "Alle Ports oberhalb von 1024",
        "Alle Daten",
        "Alle genannten Ausnahmen gelten nur für Kleinunternehmer.",
        "Alle Gesellschafter haften gesamtschuldnerisch.",
        "Das Alles-oder-nichts-Prinzip",
        "Alles oder nichts",
        "Beide Rechner senden gleichzeitig",
        "Jeder Rechner im Netz",
        "Alle drei Protokolle arbeiten auf Schicht 4",
    ],
)
def test_an_option_that_says_something_of_its_own_about_all_passes(
    lint_bank: LintBank, text: str
) -> None:
    assert found(lint_bank, "all-of-the-above", with_option(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Keine der genannten Antworten",
        "Keine der oben genannten",
        "Keine der oben aufgeführten Adressen",
        "Keine der obigen Aussagen ist richtig.",
        "Keine der Aussagen trifft zu.",
        "Keine Antwort ist richtig.",
        "Keine davon",
        "Keiner davon",
        "Nichts davon trifft zu",
        "Weder A noch B",
        "Alle genannten Antworten sind falsch.",
        "Alle Antworten sind falsch",
        "Keine",
    ],
)
def test_an_option_for_none_of_the_others_is_reported(lint_bank: LintBank, text: str) -> None:
    [finding] = found(lint_bank, "none-of-the-above", with_option(text))
    assert finding.message.startswith(f'option D is "{text}"')
    assert found(lint_bank, "all-of-the-above", with_option(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Keine Verschlüsselung",
        "Keine Ahnung",
        "Kein Anspruch auf Abfindung",
        "Keine Reaktion, da Edelgase reaktionsträge sind",
        "Keiner der Beteiligten, auch nicht die Gesellschaft",
        "Keine der genannten Maßnahmen schützt vor Viren",
        "Nichts",
    ],
)
def test_an_option_that_denies_something_of_its_own_passes(lint_bank: LintBank, text: str) -> None:
    assert found(lint_bank, "none-of-the-above", with_option(text)) == []


def test_keine_beside_numbers_is_the_number_zero(lint_bank: LintBank) -> None:
    counted = question(
        stem="Wie viele Broadcastdomänen trennt ein Hub?",
        options={"A": "0", "B": "1", "C": "2", "D": "Keine"},
    )
    assert found(lint_bank, "none-of-the-above", counted) == []


@pytest.mark.parametrize(
    "text",
    [
        "Sowohl A als auch B",
        "Sowohl A als auch C sind korrekt",
        "Entweder A oder C",
        "Nur A und C",
        "A und B sind richtig",
        "Die Antworten A und C sind richtig.",
        "Antworten A und B",
        "Beide (A und B)",
    ],
)
def test_german_words_around_combined_letters_are_reported(lint_bank: LintBank, text: str) -> None:
    [finding] = found(lint_bank, "combination-options", with_option(text))
    assert finding.message == f'option D ("{text}") combines other options'


STATEMENTS = (
    "Gegeben sind folgende Aussagen:\nI. Ein Router verbindet Netze.\n"
    "II. Ein Switch nutzt IP-Adressen.\nIII. Ein Hub arbeitet auf Schicht 1.\n"
    "Welche Aussagen treffen zu?"
)


@pytest.mark.parametrize(
    "text",
    [
        "Nur I und III",
        "Nur die Aussagen I und III",
        "Aussagen I und III sind richtig",
        "I und III treffen zu",
        "Sowohl I als auch III",
        "Nur I und III sind richtig.",
    ],
)
def test_german_words_around_combined_statements_are_reported(
    lint_bank: LintBank, text: str
) -> None:
    statements = question(stem=STATEMENTS, options={"A": "Nur I", "B": "Nur II", "C": text})
    [finding] = found(lint_bank, "combination-options", statements)
    assert finding.message == f'option C ("{text}") combines other options'


@pytest.mark.parametrize(
    "text", ["Klasse B und C", "Vitamin A und D", "USB Typ A und C", "Nur Schicht 1 und 2"]
)
def test_letters_that_belong_to_a_name_are_no_combination(lint_bank: LintBank, text: str) -> None:
    assert found(lint_bank, "combination-options", with_option(text)) == []


def test_the_german_wrappers_are_read_in_a_bank_of_any_language(lint_questions) -> None:
    # combination-options runs everywhere; an English bank quoting German is read too
    diagnostics = lint_questions(with_option("Nur A und C"), config=only("combination-options"))
    assert [finding.rule for finding in diagnostics] == ["combination-options"]


@pytest.mark.parametrize(
    "text", ["Alle aufgeführten Möglichkeiten", "Keine der obigen", "Sowohl A als auch B"]
)
def test_a_question_with_such_an_option_keeps_its_order(text: str) -> None:
    options = {**PROTOCOLS, "D": text}
    data = {"id": "q1", "stem": STEM, "options": options, "answer": "D", "explanation": "x"}
    assert points_at_options(text)
    assert keeps_its_order(Question.model_validate(data), "de")
