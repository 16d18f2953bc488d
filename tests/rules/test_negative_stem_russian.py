"""Negative stems in Russian (review RU, finding 9): "не", "нет", "нельзя", "кроме" and "за
исключением" ending the lead-in, "неверно", "неправильный", "ошибочный", "ложный" in the main
clause, in small letters; and the Russian look-alikes that ask positively (a subordinate or
relative clause, "не только", "кроме азота", "не более", "ложноположительный", a question on
spelling)."""

# ruff: noqa: RUF001  # Russian questions are the point

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from exambank.bank import QuestionRef
from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import lint
from exambank.rules import RULES, QuestionRule
from exambank.rules.screen import BankText
from exambank.rules.stem_wording import NegativeStem
from tests.conftest import QUESTION, LintBank, section_yaml, write_bank
from tests.rules.item_writing import only, question

RUSSIAN = "id: test-bank\ntitle: Банк\nlanguage: ru\nsections: [main]\n"
OPTIONS = {"A": "OSPF", "B": "RIP", "C": "BGP", "D": "DHCP"}


def found(lint_bank: LintBank, rule: str, *questions: str) -> list[Diagnostic]:
    result = lint_bank({"01-main.yaml": section_yaml(*questions)}, RUSSIAN, only(rule))
    return [finding for finding in result.diagnostics if finding.rule == rule]


FLAWED = [
    ("Что из перечисленного не является функцией менеджера кластера?", "не"),
    ("Какой из протоколов не относится к протоколам маршрутизации?", "не"),
    ("Все перечисленные утилиты входят в поставку платформы, кроме", "кроме"),
    ("Все перечисленные утверждения верны, кроме одного:", "кроме"),
    ("Все перечисленные формы входят в отчётность, за исключением:", "за исключением"),
    ("Какое утверждение о фотосинтезе неверно?", "неверно"),
    ("Какой из ответов неверен?", "неверен"),
    ("Укажите неправильное утверждение о свойствах воды.", "неправильное"),
    ("Какое из утверждений о договоре является ошибочным?", "ошибочным"),
    ("Какое высказывание о Петре I является ложным?", "ложным"),
    ("Что из перечисленного нельзя делать при ожоге?", "нельзя"),
    ("В каком из городов нет метро?", "нет"),
    ("Не является признаком клинической смерти:", "Не"),
    # after a clause that a comma closes, in the main clause
    ("Если пострадавший без сознания, какое действие не следует выполнять?", "не"),
    ("Какие устройства, которые стоят в сети, не работают на третьем уровне?", "не"),
    # a relative clause that says which answer is asked for is the question
    ("Выберите утверждение, которое не соответствует действительности.", "не"),
    ("Укажите процесс, который не входит в кластер серверов 1С.", "не"),
    ("Какой знак запрещает остановку, но не запрещает стоянку?", "не"),
    ("Какой ответ не правильный?", "не"),
]


@pytest.mark.parametrize(("stem", "word"), FLAWED)
def test_a_negative_in_small_letters_is_reported(lint_bank: LintBank, stem: str, word: str) -> None:
    [finding] = found(lint_bank, "negative-stem", question(stem=stem, options=OPTIONS))
    assert finding.message.startswith(f"the question asks in the negative with '{word}'")
    assert f"write {word.upper()} or **{word}**" in (finding.hint or "")


CLEAN = [
    "Какая из перечисленных СУБД НЕ поддерживается платформой?",
    "Какой из органов **не** относится к эндокринной системе?",
    "Все перечисленные утилиты входят в поставку, КРОМЕ:",
    "Что произойдёт, если сервер не отвечает?",
    "Пока сервер не запущен, какие службы доступны?",
    "Какая команда завершает процессы, которые не отвечают?",
    "Какой командой можно узнать, какие процессы не отвечают?",
    "Какой принцип гласит, что пользователь не должен получать лишних прав?",
    "Что следует сделать, чтобы не потерять данные при сбое питания?",
    "Почему не рекомендуется хранить пароли в открытом виде?",
    "Какой газ, кроме азота, составляет основную часть воздуха?",
    "Какой протокол использует не только TCP, но и UDP?",
    "Какой протокол работает по UDP, а не по TCP?",
    "Сколько дней отпуска положено работнику, не достигшему 18 лет?",
    "Какую продолжительность не должна превышать рабочая неделя?",
    "Не позднее какого срока выплачивается расчёт при увольнении?",
    "Каким образом можно не допустить переполнения журнала?",
    "Какое из слов пишется с частицей не слитно?",
    "Укажите слово, в котором не пишется раздельно с глаголом.",
    "Какой результат теста называют ложноположительным?",
    "Что происходит при вводе неверного пароля три раза подряд?",
    "Что такое ложное срабатывание датчика?",
    "Что в конфигурации указано неверно?",
    "Какая утилита (не входящая в поставку 1С) создаёт дамп?",
    "Какой принцип выражает фраза «Не навреди»?",
    "Включён ли параметр fsync или нет?",
    "Какой параметр необходимо изменить?",
    "Кроме того, какой параметр влияет на размер WAL?",
]


@pytest.mark.parametrize("stem", CLEAN)
def test_a_stem_that_asks_positively_or_emphasises_passes(lint_bank: LintBank, stem: str) -> None:
    assert found(lint_bank, "negative-stem", question(stem=stem, options=OPTIONS)) == []


def test_options_that_are_reasons_answer_a_question_about_a_reason(lint_bank: LintBank) -> None:
    reasons = {
        "A": "Потому что при утечке их прочтут",
        "B": "Так как это запрещено",
        "C": "Чтобы не тратить место",
    }
    stem = "Пароли не хранят в открытом виде:"
    assert found(lint_bank, "negative-stem", question(stem=stem, options=reasons)) == []


def test_an_english_bank_reads_no_russian_negative(lint_questions) -> None:
    stem = question(stem="Какое утверждение о TCP не верно?", options=OPTIONS)
    assert lint_questions(stem, config=only("negative-stem")) == []


@pytest.mark.parametrize(
    ("stem", "options", "letters"),
    [
        (
            "Какое утверждение о протоколе UDP НЕ верно?",
            {"A": "Он не гарантирует доставку", "B": "Он нумерует сегменты", "C": "Он быстр"},
            "A",
        ),
        (
            "Какое правило **не** относится к электробезопасности?",
            {"A": "Никогда не работать под напряжением", "B": "Красить щиток", "C": "Нельзя"},
            "A, C",
        ),
        (
            "Что из перечисленного не является признаком исправной репликации?",
            {"A": "На реплике нет ошибок", "B": "Реплика отстаёт на сутки"},
            "A",
        ),
    ],
)
def test_negative_options_under_a_negative_stem_are_a_double_negative(
    lint_bank: LintBank, stem: str, options: dict[str, str], letters: str
) -> None:
    [finding] = found(lint_bank, "negative-options", question(stem=stem, options=options))
    verb = "negate" if "," in letters else "negates"  # "options A, C negate", "option A negates"
    assert f" {letters} {verb} too: a double negative" in finding.message


@pytest.mark.parametrize(
    ("stem", "options"),
    [
        ("Какой процесс НЕ входит в кластер серверов 1С?", {"A": "ragent", "B": "postgres"}),
        ("Что произойдёт, если реплика отстаёт?", {"A": "Она не получит изменений", "B": "Ничего"}),
        ("Какой орган НЕ относится к ЦНС?", {"A": "Седалищный нерв", "B": "Ни один из вариантов"}),
    ],
)
def test_no_double_negative_without_both(
    lint_bank: LintBank, stem: str, options: dict[str, str]
) -> None:
    assert found(lint_bank, "negative-options", question(stem=stem, options=options)) == []


# Every stem and option above, in four cases: the screen of each rule keeps every Russian
# question its check finds something in (exambank/rules/screen.py).
SCREENED = [
    "negative-stem",
    "negative-options",
    "all-of-the-above",
    "none-of-the-above",
    "true-false-options",
    "combination-options",
    "absolute-terms",
]
POOL_OPTIONS = [
    OPTIONS,
    {"A": "Все перечисленное", "B": "Ни один из вариантов", "C": "Только A и B", "D": "Ни A, ни C"},
    {"A": "Верно", "B": "Неверно"},
    {"A": "Поддерживается", "B": "Не поддерживается"},
    {"A": "Нет правильного ответа", "B": "Все ответы верны", "C": "А и С", "D": "Никакой"},
    {"A": "Нельзя", "B": "Никогда не", "C": "Всегда", "D": "Ни при каких условиях"},
]


@pytest.fixture(scope="module")
def russian_refs(tmp_path_factory: pytest.TempPathFactory) -> list[QuestionRef]:
    default = YAML(typ="safe", pure=True).load(QUESTION)
    stems = [stem for stem, _ in FLAWED] + CLEAN
    items: list[dict[str, Any]] = [
        {"stem": change(stem), "options": {k: change(v) for k, v in options.items()}}
        for stem in stems
        for options in POOL_OPTIONS
        for change in (str, str.upper, str.lower, str.title)
    ]
    texts = [
        json.dumps({**default, **item, "id": f"q{number}"}) for number, item in enumerate(items)
    ]
    root = write_bank(
        Path(tmp_path_factory.mktemp("russian")) / "pool",
        {"01-main.yaml": section_yaml(*texts)},
        RUSSIAN,
    )
    refs = [ref for bank in lint([root], Config(select=set())).banks for ref in bank.questions()]
    assert len(refs) == len(texts)
    return refs


@pytest.mark.parametrize("name", SCREENED)
def test_a_screen_keeps_every_russian_question_its_rule_finds(
    name: str, russian_refs: list[QuestionRef]
) -> None:
    rule = RULES[name]()
    assert isinstance(rule, QuestionRule)
    everywhere = [finding for ref in russian_refs for finding in rule.check(ref, rule.options)]
    screen = rule.screen_in(rule.options, "ru")  # as a lint of the bank searches
    assert screen is not None and everywhere
    kept = BankText(russian_refs).matching(screen)
    assert [finding for ref in kept for finding in rule.check(ref, rule.options)] == everywhere


def test_every_match_of_the_negative_screen_starts_with_one_of_its_openings(
    russian_refs: list[QuestionRef],
) -> None:
    screen = NegativeStem().screen_in(NegativeStem.options, "ru")
    parts = BankText(russian_refs).stem_folded.parts
    matches = [match for part in parts for match in screen.pattern.finditer(part)]
    assert matches
    assert all(match.group().startswith(screen.openings) for match in matches)


# Review s35, finding 1: a negative in code is the code's, in a Russian bank too.
def test_a_negative_inside_a_code_span_does_not_count(lint_bank: LintBank) -> None:
    stem = "Что выведет команда `echo не найдено`?"
    assert found(lint_bank, "negative-stem", question(stem=stem)) == []
