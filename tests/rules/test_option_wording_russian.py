"""The option rules in a Russian bank (review RU, findings 9, 10 and 14): "Все
перечисленное", "Ни один из вариантов", "Нет правильного ответа", the Russian words around
combined letters ("Только A и C", "Верны A и C", "И A, и C") and Cyrillic letters ("А и
С"), one finding for a question of combined statements, and the clean look-alikes ("Все
порты выше 1024", "Ничего не произойдёт", "Витамины A и C")."""

# ruff: noqa: RUF001, RUF002, RUF003  # Russian options, and Cyrillic letters that look Latin

from __future__ import annotations

import pytest

from exambank.diagnostics import Diagnostic
from exambank.model import Question
from exambank.rules.option_wording import points_at_options
from exambank.shuffle import keeps_its_order
from tests.conftest import LintBank, section_yaml
from tests.rules.item_writing import only, question

RUSSIAN = "id: test-bank\ntitle: Банк\nlanguage: ru\nsections: [main]\n"
STEM = "Какой протокол работает на транспортном уровне?"
PROTOCOLS = {"A": "TCP", "B": "IP", "C": "ARP"}


def found(lint_bank: LintBank, rule: str, *questions: str) -> list[Diagnostic]:
    """What ``rule`` alone finds in a Russian bank holding ``questions``."""
    result = lint_bank({"01-main.yaml": section_yaml(*questions)}, RUSSIAN, only(rule))
    return [finding for finding in result.diagnostics if finding.rule == rule]


def with_option(text: str, stem: str = STEM) -> str:
    return question(stem=stem, options={**PROTOCOLS, "D": text})


@pytest.mark.parametrize(
    "text",
    [
        "Все перечисленное",
        "Всё вышеперечисленное",
        "Все вышеперечисленные",
        "Все перечисленные",
        "Все перечисленное выше",
        "Все из перечисленного",
        "Все вышеуказанные",
        "Все приведённые варианты",
        "Все перечисленные ответы правильные",
        "Все ответы верны",
        "Все варианты верны.",
        "Все варианты ответов верны",
        "Все три варианта",
        "Все три",
        "Верно всё вышеперечисленное",
        "Правильны все ответы",
        "Оба варианта верны",
        "И то, и другое",
    ],
)
def test_russian_all_of_the_above_is_reported(lint_bank: LintBank, text: str) -> None:
    [finding] = found(lint_bank, "all-of-the-above", with_option(text))
    assert finding.message.startswith(f'option D is "{text}"')
    assert found(lint_bank, "none-of-the-above", with_option(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ни один из вариантов",
        "Ни один из перечисленных",
        "Ни одно из утверждений не верно",
        "Ни один из ответов не верен",
        "Ничего из перечисленного",
        "Ничего из вышеперечисленного",
        "Никакой из перечисленных",
        "Нет правильного ответа",
        "Нет верного ответа",
        "Правильного ответа нет",
        "Все ответы неверны",
        "Все перечисленные варианты ошибочны",
        "Все ответы не верны",
        "Ни то, ни другое",
        "Ни A, ни B",
        "Ни один",
        "Никакой",
    ],
)
def test_russian_none_of_the_above_is_reported(lint_bank: LintBank, text: str) -> None:
    [finding] = found(lint_bank, "none-of-the-above", with_option(text))
    assert finding.message.startswith(f'option D is "{text}"')
    assert found(lint_bank, "all-of-the-above", with_option(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Все порты выше 49151",
        "Все ответы сервера кэшируются",
        "Все перечисленные в задании члены экипажа",
        "Всё или ничего",
        "Все граждане старше 18 лет",
        "Ничего не произойдёт",
        "Нет ответа от сервера",
        "Нет содержимого",
        "Ни один из узлов не получит пакет",
        "Оба узла кластера",
    ],
)
def test_an_option_that_says_something_of_its_own_passes(lint_bank: LintBank, text: str) -> None:
    for rule in ("all-of-the-above", "none-of-the-above"):
        assert found(lint_bank, rule, with_option(text)) == []


def test_none_beside_numbers_is_a_value(lint_bank: LintBank) -> None:
    counts = {"A": "Ни одного", "B": "1", "C": "2", "D": "3"}
    stem = "Сколько параметров обязательно указать команде pg_dump?"
    assert found(lint_bank, "none-of-the-above", question(stem=stem, options=counts)) == []


def test_the_russian_wording_is_not_read_in_a_swedish_bank(lint_bank: LintBank) -> None:
    # a language the rule reads none of: it does not run (French it reads, since stop 23)
    swedish = RUSSIAN.replace("language: ru", "language: sv")
    sections = {"01-main.yaml": section_yaml(with_option("Все перечисленное"))}
    result = lint_bank(sections, swedish, only("all-of-the-above"))
    assert result.diagnostics == [] and len(result.notes) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Только A и C",
        "Лишь A и B",
        "Вариант A и B",
        "Варианты A и C",
        "Верны A и C",
        "Верны только A и C",
        "A и C верны",
        "Ответы A и C правильные",
        "Правильные ответы A и C",
        "И A, и C",
        "Оба варианта A и B",
        "А и С",
        "Вариант А и С",
        "А и Б",
        "Б и В",
        "в) и г)",
    ],
)
def test_russian_words_and_letters_around_combined_options_are_reported(
    lint_bank: LintBank, text: str
) -> None:
    options = {"A": "psql", "B": "rac", "C": "pg_dump", "D": "ragent", "E": text}
    [finding] = found(lint_bank, "combination-options", question(options=options))
    assert finding.message == f'option E ("{text}") combines other options'


@pytest.mark.parametrize(
    "text",
    ["Витамины A и C", "Группы крови A и B", "Только A", "Класс A", "В и Д", "Оба"],
)
def test_letters_that_name_something_else_are_no_combination(
    lint_bank: LintBank, text: str
) -> None:
    # "В и Д": Д letters in Russian order, and В (C) and Д (E) are not both options A-D
    options = {"A": "psql", "B": "rac", "C": "pg_dump", "D": text}
    assert found(lint_bank, "combination-options", question(options=options)) == []


STATEMENTS = (
    "Рассмотрите утверждения:\nI. Файловый вариант не требует сервера 1С.\n"
    "II. Клиент-серверный вариант всегда быстрее.\nIII. Данные хранятся в СУБД.\n"
    "Какие из утверждений верны?"
)


def test_a_question_of_combined_statements_is_one_finding(lint_bank: LintBank) -> None:
    options = {"A": "Только I", "B": "I и III", "C": "II и III", "D": "I, II и III"}
    [finding] = found(lint_bank, "combination-options", question(stem=STATEMENTS, options=options))
    assert finding.message == (
        'options B ("I и III"), C ("II и III") and D ("I, II и III") combine other options'
    )
    assert finding.line == 8  # at option B, the first of them


def test_two_combined_options_are_named_with_and(lint_questions) -> None:
    options = {"A": "TCP", "B": "UDP", "C": "Either A or B", "D": "A & B"}
    [finding] = lint_questions(question(options=options), config=only("combination-options"))
    assert finding.message == 'options C ("Either A or B") and D ("A & B") combine other options'


@pytest.mark.parametrize(
    "text", ["Все вышеуказанные", "Ни один из перечисленных", "Только A и C", "А и Б"]
)
def test_a_question_with_such_an_option_keeps_its_order(text: str) -> None:
    options = {**PROTOCOLS, "D": text}
    data = {"id": "q1", "stem": STEM, "options": options, "answer": "D", "explanation": "x"}
    assert points_at_options(text)
    assert keeps_its_order(Question.model_validate(data), "ru")
