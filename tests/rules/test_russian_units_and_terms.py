"""Russian numbers and overstatements (review RU, findings 9 and 13): the three forms a
Russian unit takes after a number ("1 час", "2 часа", "5 часов") are one unit to
`numeric-order`, and `absolute-terms` reads "всегда", "никогда", "невозможна" ... in a
Russian bank, each form a whole word."""

# ruff: noqa: RUF001  # Russian options are the point

from __future__ import annotations

import pytest

from exambank.rules.numbers import reading
from exambank.rules.numeric_options import option_number
from tests.conftest import LintBank, section_yaml
from tests.rules.item_writing import only, question

RUSSIAN = "id: test-bank\ntitle: Банк\nlanguage: ru\nsections: [main]\n"


@pytest.mark.parametrize(
    "forms",
    [
        ["1 час", "2 часа", "5 часов"],
        ["1 минута", "2 минуты", "5 минут"],
        ["1 секунда", "3 секунды", "10 секунд"],
        ["1 день", "3 дня", "7 дней"],
        ["1 неделя", "2 недели", "5 недель"],
        ["1 месяц", "3 месяца", "6 месяцев"],
        ["1 год", "3 года", "5 лет"],
        ["1 байт", "2 байта", "8 байтов"],
        ["1 hour", "2 hours"],
        ["Раз в 1 час", "Раз в 12 часов"],
    ],
)
def test_the_forms_of_one_unit_are_one_unit(forms: list[str]) -> None:
    read = reading("ru")
    units = {option_number(text, read)[1] for text in forms}  # type: ignore[index]
    assert len(units) == 1


def test_hours_and_seconds_stay_two_units() -> None:
    read = reading("ru")
    units = {option_number(text, read)[1] for text in ["2 часа", "30 секунд"]}  # type: ignore[index]
    assert len(units) == 2


@pytest.mark.parametrize(
    ("options", "shown"),
    [
        (["12 часов", "2 часа", "1 час", "24 часа"], "12; 2; 1; 24"),
        (["5 лет", "1 год", "3 года", "10 лет"], "5; 1; 3; 10"),
    ],
)
def test_russian_units_out_of_order_are_reported(
    lint_bank: LintBank, options: list[str], shown: str
) -> None:
    item = question(stem="Какой срок?", options=dict(zip("ABCD", options, strict=True)))
    result = lint_bank({"01-main.yaml": section_yaml(item)}, RUSSIAN, only("numeric-order"))
    [finding] = result.diagnostics
    assert finding.message == f"the numeric options are out of order ({shown})"


def test_russian_units_in_order_pass(lint_bank: LintBank) -> None:
    options = {"A": "1 год", "B": "3 года", "C": "5 лет", "D": "10 лет"}
    item = question(stem="Какой срок?", options=options)
    result = lint_bank({"01-main.yaml": section_yaml(item)}, RUSSIAN, only("numeric-order"))
    assert result.diagnostics == []


STEM = "Что верно о команде VACUUM FULL?"


@pytest.mark.parametrize(
    ("distractor", "term"),
    [
        ("Никогда не блокирует таблицу", "никогда"),
        ("Всегда выполняется автоматически", "всегда"),
        ("Невозможна на реплике", "невозможна"),
        ("Полностью заменяет резервное копирование", "полностью"),
        ("Гарантированно ускоряет запросы", "гарантированно"),
        ("Работает при любых условиях", "при любых условиях"),
    ],
)
def test_russian_absolute_terms_in_a_distractor_are_reported(
    lint_bank: LintBank, distractor: str, term: str
) -> None:
    options = {"A": "Переписывает таблицу целиком", "B": distractor, "C": "Удаляет индексы"}
    item = question(stem=STEM, options=options)
    result = lint_bank({"01-main.yaml": section_yaml(item)}, RUSSIAN, only("absolute-terms"))
    [finding] = result.diagnostics
    assert f"(B '{term}')" in finding.message


@pytest.mark.parametrize(
    ("key", "distractor"),
    [
        ("Всегда держит блокировку", "Всегда работает только ночью"),  # the key says it too
        ("Держит блокировку", "Все таблицы блокирует"),  # "все" is left out, as "all" is
        ("Держит блокировку", "Только читает данные"),  # "только" too, as "only"
        ("Держит блокировку", "Всего лишь читает данные"),  # no prefix: "всего" is no "всегда"
        ("Держит блокировку", "Ни при каких условиях не работает"),  # "under no circumstances"
    ],
)
def test_what_is_no_overstatement_passes(lint_bank: LintBank, key: str, distractor: str) -> None:
    options = {"A": key, "B": distractor, "C": "Удаляет индексы"}
    item = question(stem=STEM, options=options)
    result = lint_bank({"01-main.yaml": section_yaml(item)}, RUSSIAN, only("absolute-terms"))
    assert result.diagnostics == []
