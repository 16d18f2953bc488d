"""numeric-order and overlapping-ranges read numbers and ranges as the bank's language
writes them: "1,5 GB" and "10 000" in German or French, "от 1 до 5" in Russian; where
a number could be read two ways they leave it alone."""

# ruff: noqa: RUF001  # Russian options are the point: their letters look Latin by design

from __future__ import annotations

import random

import pytest

from exambank.diagnostics import Diagnostic
from exambank.rules.numbers import _LANGUAGES, reading
from exambank.rules.numeric_options import is_numeric_scale, option_number, option_range
from tests.conftest import LintBank, section_yaml
from tests.rules.item_writing import only, question

NBSP, NNBSP = "\u00a0", "\u202f"


def findings(lint_bank: LintBank, rule: str, language: str, stem: str, *values: str) -> list[str]:
    """The messages of ``rule`` alone on one question with options ``values``, in a bank
    whose manifest says ``language``."""
    manifest = f"id: test-bank\ntitle: Test bank\nlanguage: {language}\nsections: [main]\n"
    options = dict(zip("ABCDEF", values, strict=False))
    sections = {"01-main.yaml": section_yaml(question(stem=stem, options=options))}
    found: list[Diagnostic] = lint_bank(sections, manifest, only(rule)).diagnostics
    return [d.message for d in found if d.rule == rule]


def out_of_order(lint_bank: LintBank, language: str, *values: str) -> list[str]:
    return findings(lint_bank, "numeric-order", language, "Wie viel?", *values)


def overlaps(
    lint_bank: LintBank, language: str, *values: str, stem: str = "Wie viele?"
) -> list[str]:
    return findings(lint_bank, "overlapping-ranges", language, stem, *values)


@pytest.mark.parametrize(
    ("language", "text", "value", "shown"),
    [
        ("de", "1,5 GB", 1.5, "1,5"),
        ("de", "0,25", 0.25, "0,25"),
        ("de", "10.000", 10000, "10.000"),  # shown as the bank groups it (review DE, 12)
        ("de", "1.234,5 €", 1234.5, "1.234,5"),
        ("de", f"10{NBSP}000", 10000, f"10{NBSP}000"),
        ("de", "3.10", 3.1, "3.10"),  # a point before other than three digits: a decimal
        ("de", "0.125", 0.125, "0.125"),  # no one groups a leading 0 as thousands
        ("de-AT", "1,500", 1.5, "1,500"),
        ("fr", f"10{NNBSP}000 octets", 10000, f"10{NNBSP}000"),
        ("fr", "1 000 000", 1000000, "1 000 000"),
        ("fr", "50 %", 50, "50"),
        ("es", "1.000", 1000, "1.000"),
        ("pt-BR", "R$ 1.000,50", 1000.5, "1.000,50"),
        ("ru", "2,5 ГБ", 2.5, "2,5"),
        ("ru", "1 234 567", 1234567, "1 234 567"),
        ("pl", "0,5 s", 0.5, "0,5"),
        ("es-MX", "1,234,567", 1234567, "1,234,567"),  # a separator repeated groups
        ("ja", "1.5", 1.5, "1.5"),
        ("en", "1,500", 1500, "1500"),  # English as it always was
    ],
)
def test_a_number_is_read_as_its_language_writes_it(
    language: str, text: str, value: float, shown: str
) -> None:
    parsed = option_number(text, reading(language))
    assert parsed is not None
    assert (parsed[0], parsed[2]) == (value, shown)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "1.500"),  # a point does not group thousands in Russian, nor start decimals
        ("en-GB", "1,5"),  # a comma groups three digits in English: a decimal comma, a slip
        ("en", "0,75 mm"),
        ("fr", "1.000"),
        ("pl", "2.000"),
        ("es-MX", "1,500"),  # Mexico writes fifteen hundred so, Spain one and a half
        ("de-CH", "1.500"),  # Switzerland writes decimals with a point
        ("ja", "1,500"),  # a language we do not know
        ("ja", "10 000"),
        ("ja", "図3"),  # a word before the number: a label, or a comparison
        ("tr", "Adım 3"),
        ("de", "12345.678"),  # no thousands group has five digits
        ("de", "192.168.1.1"),
        ("de", "Abb. 3"),  # labels in the bank's language, and in English
        ("de", f"Abbildung{NBSP}2"),
        ("fr", "N° 4"),
        ("es", "Paso 2"),
        ("ru", "Рисунок 3"),
        ("ru", "в шаге 2"),
        ("pl", "Krok 1"),
        ("nl", "Stap 4"),
        ("it", "Versione 2"),
        ("de", "Port 443"),
    ],
)
def test_a_number_that_could_be_read_two_ways_or_labels_a_thing_is_not_read(
    language: str, text: str
) -> None:
    assert option_number(text, reading(language)) is None


@pytest.mark.parametrize(
    ("language", "text", "low", "high"),
    [
        ("de", "von 1 bis 5", 1, 5),
        ("de", "mehr als 1,5 GB", 1.5, float("inf")),
        ("de", "höchstens 3", float("-inf"), 3),
        ("de", "Größer als 2", 2, float("inf")),
        ("fr", "de 1 à 5", 1, 5),
        ("fr", "jusqu'à 5 Go", float("-inf"), 5),
        ("fr", "au-delà de 10", 10, float("inf")),
        ("es", "entre 1 y 5", 1, 5),
        ("es", "5 o más", 5, float("inf")),
        ("pt", "de 1 a 5", 1, 5),
        ("pt", "até 5", float("-inf"), 5),
        ("it", "da 1 a 5", 1, 5),
        ("it", "più di 10", 10, float("inf")),
        ("nl", "van 1 tot en met 5", 1, 5),
        ("nl", "meer dan 10", 10, float("inf")),
        ("ru", "от 1 до 5", 1, 5),
        ("ru", "не более 5", float("-inf"), 5),
        ("ru", "от 10 000 до 50 000", 10000, 50000),
        ("pl", "od 1 do 5", 1, 5),
        ("pl", "co najmniej 3", 3, float("inf")),
        ("de", "1,5–2,5", 1.5, 2.5),
        ("ja", "1–5", 1, 5),  # signs in any language
        ("ja", "≤ 5", float("-inf"), 5),
        ("ja", "10+", 10, float("inf")),
    ],
)
def test_a_range_is_read_in_its_language(language: str, text: str, low: float, high: float) -> None:
    parsed = option_range(text, reading(language))
    assert parsed is not None
    assert (parsed[0].low, parsed[0].high) == (low, high)


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "von 1 bis 5"), ("ja", "mehr als 10"), ("ru", "de 1 à 5"), ("tr", "1 ile 5 arası")],
)
def test_range_words_of_another_language_are_not_read(language: str, text: str) -> None:
    assert option_range(text, reading(language)) is None


# Every reading: English, each language with words, one whose decimal sign is not known
# for sure (Mexico, Switzerland), and one with signs only.
EVERY_READING = ("en", *_LANGUAGES, "es-MX", "de-CH", "ja")


@pytest.mark.parametrize("language", EVERY_READING)
def test_a_number_sign_makes_an_option_no_number_nor_range(language: str) -> None:
    read = reading(language)
    for text in ("C# - 5", "# - 5", "5 - #", "between # and 5", "von # bis 5", "#5", "C# 7"):
        assert option_number(text, read) is None, text
        assert option_range(text, read) is None, text


# digits of other scripts (Arabic-Indic, full-width, Devanagari), '#', a NUL, signs ...
ODD_PIECES = (
    *("1", "5", "10", "0,25", "1,500", "1.500", "10 000", f"1{NBSP}000", f"1{NNBSP}000"),
    *("\u0663", "\uff15", "\u0967", "#", "C#", "\x00", "-", "\u2013", "\u2014", "<", ">"),
    *("<=", ">=", "\u2264", "\u2265", "+", "%", "$", "\u20ac", ",", ".", ";", "'", "(", "/"),
    *(" ", NBSP, "\t", "\n", "", "\u0301", "GB", "Abb.", "N°", "\u2116", "Figure", "no."),
)


@pytest.mark.parametrize("language", EVERY_READING)
def test_no_option_text_makes_the_reader_fail(language: str) -> None:
    """Strings of numbers, separators, signs, this language's range words and a '#' in any
    order (the same ones every run): the reader reads or declines, it never raises, and
    each '#' of a shape is one of its numbers."""
    read = reading(language)
    words = sorted({token for shape in read.shapes for token in shape})
    pieces = (*ODD_PIECES, *words, *(word.upper() for word in words))
    generate = random.Random(f"odd options in {language}")
    for _ in range(2000):
        count = generate.randint(0, 7)
        text = "".join(generate.choice(pieces) + generate.choice(("", " ")) for _ in range(count))
        parsed = read.parse(text)
        if parsed is not None:
            assert parsed.shape.count("#") == len(parsed.numbers) == len(parsed.shown), text
        option_number(text, read)
        option_range(text, read)
        is_numeric_scale([text, "1", text], language)


def test_a_word_of_a_range_is_a_unit_where_the_option_is_no_range() -> None:
    assert option_number("5 Go de RAM", reading("fr")) == (5.0, ("go", "de", "ram"), "5")


def test_a_scale_in_the_banks_language_keeps_its_order() -> None:
    scale = ["unter 1 GB", "1 bis 5 GB", "mehr als 5 GB"]
    assert is_numeric_scale(scale, "de")
    assert not is_numeric_scale(scale)  # read as English: words, not a scale


# numeric-order on whole banks


@pytest.mark.parametrize(
    ("language", "values"),
    [
        ("de", ["0,5 GB", "1 GB", "1,5 GB", "2 GB"]),  # read as English: 5, 1, 15, 2
        ("de", ["500", "1.000", "10.000", "100.000"]),  # read as English: 500, 1.0, 10.0 ...
        ("de", ["0.125", "0.25", "0.5", "1"]),  # not 125, 0.25, 0.5, 1
        ("pt-BR", ["R$ 0,99", "R$ 1,50", "R$ 10,00"]),
        ("ru", ["0,25", "0,5", "0,75"]),
        ("fr", ["25 %", "50 %", "75 %"]),
    ],
)
def test_numbers_in_order_in_their_language_pass(
    lint_bank: LintBank, language: str, values: list[str]
) -> None:
    assert out_of_order(lint_bank, language, *values) == []


@pytest.mark.parametrize(
    ("language", "values", "shown"),
    [
        # a semicolon between them, as a decimal comma may be in one: "2,5; 1; 5,3; 4"
        ("de", ["1,5 GB", "0,5 GB", "2 GB"], "1,5; 0,5; 2"),
        ("de", ["2,5", "1", "5,3", "4"], "2,5; 1; 5,3; 4"),
        (
            "fr",
            [f"10{NNBSP}000", f"1{NNBSP}000", f"100{NNBSP}000"],
            f"10{NNBSP}000; 1{NNBSP}000; 100{NNBSP}000",
        ),
        ("ru", ["10 000", "1 000", "100 000"], "10 000; 1 000; 100 000"),
        ("es", ["10.000", "5.000", "20.000"], "10.000; 5.000; 20.000"),  # as written
        ("de", ["50 %", "25 %", "75 %"], "50; 25; 75"),
        ("es-MX", ["2,5", "1", "5,3"], "2,5; 1; 5,3"),  # a comma before other than three digits
        ("ja", ["10", "3", "8"], "10; 3; 8"),  # bare numbers read the same in any language
        ("ja", ["3つ", "1つ", "2つ"], "3; 1; 2"),
        ("en", ["2.5", "1", "5.3", "4"], "2.5, 1, 5.3, 4"),  # English as it always was
    ],
)
def test_numbers_out_of_order_in_their_language_are_reported(
    lint_bank: LintBank, language: str, values: list[str], shown: str
) -> None:
    assert out_of_order(lint_bank, language, *values) == [
        f"the numeric options are out of order ({shown})"
    ]


@pytest.mark.parametrize(
    ("language", "values"),
    [
        ("ru", ["1.500", "500", "2.000"]),  # as English: 1.5, 500, 2.0, out of order
        ("es-MX", ["1,500", "500", "2,000"]),
        ("ja", ["1,500", "500", "2,000"]),
        ("de", ["Abb. 3", "Abb. 1", "Abb. 2"]),
        ("ru", ["Рисунок 2", "Рисунок 3", "Рисунок 1"]),
        ("fr", ["N° 3", "N° 1", "N° 2"]),
        ("pl", ["Krok 2", "Krok 3", "Krok 1"]),
        ("tr", ["Adım 3", "Adım 1", "Adım 2"]),  # unknown words before a number
    ],
)
def test_numbers_that_could_be_read_two_ways_or_are_labels_are_not_judged(
    lint_bank: LintBank, language: str, values: list[str]
) -> None:
    assert out_of_order(lint_bank, language, *values) == []


def test_an_english_bank_still_reads_a_comma_as_thousands(lint_bank: LintBank) -> None:
    assert out_of_order(lint_bank, "en-GB", "1,000", "500", "2,000") == [
        "the numeric options are out of order (1000, 500, 2000)"
    ]


# overlapping-ranges on whole banks


@pytest.mark.parametrize(
    ("language", "values"),
    [
        ("de", ["von 1 bis 5", "von 5 bis 10", "mehr als 10"]),
        ("fr", ["de 1 à 5", "de 5 à 10", "plus de 10"]),
        ("es", ["entre 1 y 5", "entre 5 y 10", "más de 10"]),
        ("pt", ["de 1 a 5", "de 5 a 10", "mais de 10"]),
        ("it", ["da 1 a 5", "da 5 a 10", "più di 10"]),
        ("nl", ["van 1 tot 5", "van 5 tot 10", "meer dan 10"]),
        ("ru", ["от 1 до 5", "от 5 до 10", "более 10"]),
        ("pl", ["od 1 do 5", "od 5 do 10", "powyżej 10"]),
        ("ja", ["1–5", "5–10", "> 10"]),
    ],
)
def test_ranges_in_their_languages_words_that_overlap_are_reported(
    lint_bank: LintBank, language: str, values: list[str]
) -> None:
    assert overlaps(lint_bank, language, *values) == ["options A and B overlap (both include 5)"]


@pytest.mark.parametrize(
    ("language", "values"),
    [
        ("de", ["weniger als 1,5 GB", "1,5–3 GB", "mehr als 3 GB"]),
        ("fr", ["moins de 1", "de 1 à 5", "de 6 à 10", "plus de 10"]),
        ("ru", ["менее 1", "от 1 до 5", "от 6 до 10", "свыше 10"]),
        ("pl", ["do 10 000", "od 10 001 do 50 000", "ponad 50 000"]),
        # a ratio in the word of a language's "to": its question is not judged
        ("es", ["1 a 1", "2 a 5", "5 a 10"]),
        ("pl", ["1 do 1", "2 do 5", "5 do 10"]),
    ],
)
def test_ranges_in_their_languages_words_that_meet_pass(
    lint_bank: LintBank, language: str, values: list[str]
) -> None:
    assert overlaps(lint_bank, language, *values) == []


def test_a_stem_that_asks_for_a_ratio_in_the_banks_language_is_not_judged(
    lint_bank: LintBank,
) -> None:
    values = ["de 1 à 3", "de 3 à 5", "plus de 5"]
    assert overlaps(lint_bank, "fr", *values, stem="Quel est le rapport ?") == []
    assert overlaps(lint_bank, "fr", *values, stem="Combien ?") != []


def test_values_in_a_finding_are_written_as_the_bank_writes_them(lint_bank: LintBank) -> None:
    values = ["unter 1,5 GB", "1,5–3 GB", "2,5–4 GB"]
    assert overlaps(lint_bank, "de", *values) == ["options B and C overlap (both include 2,5)"]
    values = ["до 10 000", "от 10 000 до 50 000", "более 50 000"]
    assert overlaps(lint_bank, "ru", *values) == ["options A and B overlap (both include 10000)"]
