"""Truth values in Russian (review RU, finding 9): "Верно" / "Неверно", "Да" / "Нет" and the
other Russian pairs are a true/false item in a Russian bank, as is a word against "не" and
that word ("Поддерживает" / "Не поддерживает", "Допустимо" / "Недопустимо"); "Да, но только
..." and "Ложноположительный" are answers of their own."""

# ruff: noqa: RUF001, RUF002  # Russian options are the point

from __future__ import annotations

import pytest

from exambank.rules.true_false import _NEGATIVE, _TRUTH_OPTION, is_true_false
from tests.conftest import LintBank, section_yaml
from tests.rules.item_writing import only, question

RUSSIAN = "id: test-bank\ntitle: Банк\nlanguage: ru\nsections: [main]\n"
STEM = "Реплика в режиме hot_standby выполняет запросы на чтение."


@pytest.mark.parametrize(
    "pair",
    [
        ("Верно", "Неверно"),
        ("Верно", "Не верно"),
        ("Да", "Нет"),
        ("Да.", "Нет."),
        ("Правда", "Ложь"),
        ("Истина", "Ложь"),
        ("Истинно", "Ложно"),
        ("Правильно", "Неправильно"),
        ("Поддерживает", "Не поддерживает"),
        ("Допустимо", "Недопустимо"),
        ("Обязателен", "Необязателен"),
    ],
)
def test_russian_truth_values_are_reported(lint_bank: LintBank, pair: tuple[str, str]) -> None:
    options = dict(zip("AB", pair, strict=True))
    sections = {"01-main.yaml": section_yaml(question(stem=STEM, options=options))}
    [finding] = lint_bank(sections, RUSSIAN, only("true-false-options")).diagnostics
    assert f"the options are only {pair[0]} / {pair[1]}" in finding.message


@pytest.mark.parametrize(
    "options",
    [
        {"A": "Да, но только в режиме single-user", "B": "Нет", "C": "Только через pg_rewind"},
        {"A": "Ложноположительный результат", "B": "Ложноотрицательный результат"},
        {"A": "Синхронный", "B": "Несинхронный и логический"},
        {"A": "Друг", "B": "Недруг"},  # a noun: "не" makes another word
        {"A": "Верно только для IPv4", "B": "Неверно для IPv6", "C": "Верно для обоих"},
    ],
)
def test_russian_answers_of_their_own_pass(lint_bank: LintBank, options: dict[str, str]) -> None:
    sections = {"01-main.yaml": section_yaml(question(stem=STEM, options=options))}
    assert lint_bank(sections, RUSSIAN, only("true-false-options")).diagnostics == []


def test_every_russian_false_value_passes_the_screen() -> None:
    """The screen keeps every question ``is_true_false`` can hold: each has a false option
    (or a negated one), and the screen finds each."""
    russian = [word for word in _NEGATIVE if not word.isascii()]
    assert russian and [word for word in russian if not _TRUTH_OPTION.match("\n" + word)] == []
    assert _TRUTH_OPTION.match("\nне поддерживает") and _TRUTH_OPTION.match("\nнедопустимо")
    assert not is_true_false(["Да", "Верно"])  # no false value: no true/false item
