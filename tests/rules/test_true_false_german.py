"""Truth values in German (review DE, findings 2 and 6): "richtig" / "falsch" and "Trifft
zu" / "Trifft nicht zu" are a true/false item, and no length cue for `longest-option-key`
in any language; "Falsch positiv" and "Trifft auf IPv4 zu" are answers of their own."""

from __future__ import annotations

import pytest

from exambank.config import Config
from exambank.rules.true_false import _NEGATIVE, _TRUTH_OPTION, is_true_false
from tests.conftest import LintBank, section_yaml
from tests.rules.item_writing import only, question

STEM = "Ein Switch arbeitet auf OSI-Schicht 2."


def manifest(language: str) -> str:
    return f"id: test-bank\ntitle: Testbank\nlanguage: {language}\nsections: [main]\n"


@pytest.mark.parametrize(
    "pair",
    [
        ("richtig", "falsch"),
        ("Wahr", "Falsch"),
        ("Ja", "Nein"),
        ("Trifft zu", "Trifft nicht zu"),
        ("Stimmt", "Stimmt nicht"),
        ("Korrekt", "Inkorrekt"),
        ("korrekt", "nicht korrekt"),
        ("Zutreffend", "Nicht zutreffend"),
        ("Richtig.", "Falsch."),
        ("Zulässig", "Nicht zulässig"),
    ],
)
def test_german_truth_values_are_reported(lint_bank: LintBank, pair: tuple[str, str]) -> None:
    options = dict(zip("AB", pair, strict=True))
    sections = {"01-main.yaml": section_yaml(question(stem=STEM, options=options))}
    result = lint_bank(sections, manifest("de"), only("true-false-options"))
    [finding] = result.diagnostics
    assert f"the options are only {pair[0]} / {pair[1]}" in finding.message


@pytest.mark.parametrize(
    "options",
    [
        {"A": "Richtig positiv", "B": "Falsch positiv", "C": "Richtig negativ"},
        {"A": "Trifft auf IPv4 zu", "B": "Trifft auf IPv6 zu", "C": "Trifft auf beide zu"},
        {"A": "Ja, aber nur mit Zustimmung", "B": "Nein, nie", "C": "Nur samstags"},
        {"A": "Echter Bruch", "B": "Unechter Bruch"},
    ],
)
def test_german_answers_of_their_own_pass(lint_bank: LintBank, options: dict[str, str]) -> None:
    sections = {"01-main.yaml": section_yaml(question(stem=STEM, options=options))}
    assert lint_bank(sections, manifest("de"), only("true-false-options")).diagnostics == []


@pytest.mark.parametrize(
    "texts",
    [
        ["Vrai", "Faux"],
        ["Oui", "Non"],
        ["Verdadero", "Falso"],
        ["Certo", "Errado"],
        ["Sim", "Não"],
        ["Vero", "Falso"],
        ["Waar", "Onwaar"],
        ["Prawda", "Fałsz"],
        ["Верно", "Неверно"],  # Cyrillic on purpose
        ["Да", "Нет"],
    ],
)
def test_the_truth_values_of_the_other_label_languages_are_read(texts: list[str]) -> None:
    assert is_true_false(texts)


def test_every_false_value_passes_the_screen() -> None:
    """The screen keeps every question ``is_true_false`` can hold (exambank/rules/screen.py):
    each has a false option, and the screen finds every false value."""
    assert [word for word in _NEGATIVE if not _TRUTH_OPTION.match("\n" + word)] == []
    assert not is_true_false(["Ja", "Richtig"])  # no false value: no true/false item


@pytest.mark.parametrize(
    ("language", "truth"),
    [
        ("de", ("Trifft zu", "Trifft nicht zu")),
        ("de", ("Stimmt", "Stimmt nicht")),
        ("es", ("Falso", "Verdadero")),
        ("pt", ("Falso", "Verdadeiro")),
    ],
)
def test_longest_option_key_reads_no_length_cue_in_truth_values(
    lint_bank: LintBank, language: str, truth: tuple[str, str]
) -> None:
    """Review DE, finding 6: 32 of 40 "Trifft nicht zu" keys were "the longest option"."""
    options = f"  A: {truth[0]}\n  B: {truth[1]}\n"  # B, the longer, is the key of 32
    questions = [
        f"id: q{n}\nstem: Aussage {n}.\noptions:\n{options}answer: {key}\nexplanation: x\n"
        for n, key in enumerate(["B"] * 32 + ["A"] * 8)
    ]
    config = Config(select={"longest-option-key", "answer-key-balance"})
    result = lint_bank({"01-main.yaml": section_yaml(*questions)}, manifest(language), config)
    assert {finding.rule for finding in result.diagnostics} == {"answer-key-balance"}
