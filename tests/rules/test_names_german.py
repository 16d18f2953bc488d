"""Names in a language that capitalises every noun (review DE, finding 10): a German key
with nouns is no name for longest-option-key and key-in-other-stem, a real name is."""

from __future__ import annotations

import pytest

from exambank.rules.wording import is_name
from tests.conftest import LintBank, section_yaml
from tests.rules.item_writing import bank_findings, only, question

GERMAN = "id: t\ntitle: T\nlanguage: {language}\nsections: [main]\n"
KEY = "Überbrückung von Stromausfällen für Server und Switches"
OPTIONS = {"A": "Kühlung", "B": "Brandschutz", "C": KEY, "D": "Zutrittskontrolle"}


@pytest.mark.parametrize(
    "phrase",
    [
        KEY,
        "Schutz vor Brand",
        "Die Firewall blockiert Pakete",
        "Bundesamt für Sicherheit in der Informationstechnik",  # a name, read as a phrase
    ],
)
def test_a_german_phrase_is_no_name_for_its_capitalised_nouns(phrase: str) -> None:
    assert is_name(phrase, "de") is False
    assert is_name(phrase, "lb") is False


@pytest.mark.parametrize(
    "name",
    [
        "Amazon Simple Storage Service",
        "AWS Identity and Access Management",
        "Software as a Service",
        "Windows Server 2022",
        "Forschung und Lehre",
    ],
)
def test_a_name_stays_a_name_where_nouns_are_capitalised(name: str) -> None:
    assert is_name(name, "de") is True


def test_other_languages_count_capitals_as_before() -> None:
    assert is_name(KEY) is True  # four capitals of seven words
    assert is_name(KEY, "fr") is True
    assert is_name("Bridging power outages for servers and switches") is False


@pytest.mark.parametrize(("language", "reported"), [("de", 1), ("de-AT", 1), ("en", 0)])
def test_longest_option_key_reads_a_german_key_as_a_phrase(
    lint_bank: LintBank, language: str, reported: int
) -> None:
    sections = {"01-main.yaml": section_yaml(question(options=OPTIONS, answer="C"))}
    result = lint_bank(
        sections,
        GERMAN.format(language=language),
        only("longest-option-key", per_question=True),
    )
    assert len(bank_findings("longest-option-key", result)) == reported


def test_a_german_name_as_the_longest_key_is_still_exempt(lint_bank: LintBank) -> None:
    options = {**OPTIONS, "C": "Amazon Simple Storage Service Glacier Deep Archive"}
    sections = {"01-main.yaml": section_yaml(question(options=options, answer="C"))}
    config = only("longest-option-key", per_question=True)
    result = lint_bank(sections, GERMAN.format(language="de"), config)
    assert bank_findings("longest-option-key", result) == []


def test_key_in_other_stem_reads_a_german_key_as_a_phrase(lint_bank: LintBank) -> None:
    sections = {
        "01-main.yaml": section_yaml(
            question("k1", stem="Wozu dient eine USV?", options=OPTIONS, answer="C"),
            question("k2", stem=f"Ein Gerät sorgt für die {KEY}. Wie heißt es?"),
        )
    }
    result = lint_bank(sections, GERMAN.format(language="de"), only("key-in-other-stem"))
    assert [d.question for d in bank_findings("key-in-other-stem", result)] == ["k1", "k2"]
