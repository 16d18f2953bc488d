"""A German teacher's scales (review DE, finding 11): options that are dates are days on
one scale, and "–10 °C" with an en dash is minus ten; numeric-order checks their order and
the shuffle keeps it."""

# ruff: noqa: RUF001, RUF002  # the en dash is the point

from __future__ import annotations

import pytest

from exambank.diagnostics import Diagnostic
from exambank.rules.numbers import reading
from exambank.rules.numeric_options import is_numeric_scale, option_number
from tests.conftest import LintBank, section_yaml
from tests.rules.item_writing import only, question


def out_of_order(lint_bank: LintBank, language: str, *values: str) -> list[str]:
    manifest = f"id: test-bank\ntitle: Test bank\nlanguage: {language}\nsections: [main]\n"
    options = dict(zip("ABCDEF", values, strict=False))
    sections = {"01-main.yaml": section_yaml(question(stem="Wann?", options=options))}
    found: list[Diagnostic] = lint_bank(sections, manifest, only("numeric-order")).diagnostics
    return [d.message for d in found if d.rule == "numeric-order"]


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("de", "01.03.2024", 20240301),
        ("de", "1.3.2024", 20240301),
        ("de", "2024-03-01", 20240301),
        ("en", "2024-03-01", 20240301),
        ("de", "1. März 2024", 20240301),
        ("de-AT", "1. Jänner 2024", 20240101),
        ("de", "15. APRIL 2024", 20240415),
        ("de", "29.02.2024", 20240229),  # a leap day
        ("de", "–10 °C", -10),
        ("en", "–10", -10),
    ],
)
def test_a_date_or_an_en_dash_minus_is_read(language: str, text: str, value: float) -> None:
    parsed = option_number(text, reading(language))
    assert parsed is not None and parsed[0] == value


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "13.13.2024"),  # no month 13
        ("de", "32.01.2024"),
        ("de", "31.02.2024"),  # no 31 February (review s19diff #4)
        ("de", "29.02.2023"),  # 2023 is no leap year
        ("de", "2023-02-29"),
        ("de", "1.2.3"),  # a version
        ("en", "03.01.2024"),  # the month may come first in English
        ("ja", "01.03.2024"),
        ("en", "1. März 2024"),  # German month names in a German bank only
        ("fr", "1. März 2024"),
        ("de", "– 10 °C"),  # a dash and a space: maybe a dash, not a minus
    ],
)
def test_what_is_no_date_nor_minus_is_not_read(language: str, text: str) -> None:
    assert option_number(text, reading(language)) is None


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        (
            ["12.12.2022", "30.06.2024", "15.11.2023", "01.03.2024"],
            "12.12.2022; 30.06.2024; 15.11.2023; 01.03.2024",
        ),
        (["1. März 2024", "30. Juni 2024", "15. April 2024"], "1. März 2024; 30. Juni 2024; "),
        (["5 °C", "–10 °C", "0 °C", "–5 °C"], "5; -10; 0; -5"),
    ],
)
def test_dates_and_minus_temperatures_out_of_order_are_reported(
    lint_bank: LintBank, values: list[str], shown: str
) -> None:
    [message] = out_of_order(lint_bank, "de", *values)
    assert message.startswith(f"the numeric options are out of order ({shown}")


@pytest.mark.parametrize(
    "values",
    [
        ["12.12.2022", "15.11.2023", "01.03.2024", "30.06.2024"],
        ["1. März 2024", "15. April 2024", "30. Juni 2024", "1. Oktober 2024"],
        ["–10 °C", "–5 °C", "0 °C", "5 °C"],
        ["2024", "01.03.2023", "1999"],  # a year is not compared with a day
    ],
)
def test_dates_and_minus_temperatures_in_order_pass(lint_bank: LintBank, values: list[str]) -> None:
    assert out_of_order(lint_bank, "de", *values) == []


def test_a_list_of_dates_is_a_scale_the_shuffle_keeps() -> None:
    dates = ["12.12.2022", "15.11.2023", "01.03.2024", "30.06.2024"]
    assert is_numeric_scale(dates, "de")
    assert is_numeric_scale(["2022-12-12", "2023-11-15"], "en")
    assert is_numeric_scale(["–10 °C", "0 °C", "5 °C"], "de")
