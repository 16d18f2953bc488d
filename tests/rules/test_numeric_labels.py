"""numeric-order leaves alone options that label rather than count: phone numbers, found
by a number grouped where another is not ("116 117" beside "19222") or by a stem that
asks for a number to call; and still judges quantities grouped by spaces ("10 000")."""

# ruff: noqa: RUF001  # a Russian stem is the point: its letters look Latin by design

from __future__ import annotations

import pytest

from exambank.diagnostics import Diagnostic
from tests.conftest import LintBank, section_yaml
from tests.rules.item_writing import only, question

NBSP, NNBSP = "\u00a0", "\u202f"


def out_of_order(lint_bank: LintBank, language: str, stem: str, *values: str) -> list[str]:
    """numeric-order's messages on one question, in a bank written in ``language``."""
    manifest = f"id: test-bank\ntitle: Test bank\nlanguage: {language}\nsections: [main]\n"
    options = dict(zip("ABCDEF", values, strict=False))
    sections = {"01-main.yaml": section_yaml(question(stem=stem, options=options))}
    found: list[Diagnostic] = lint_bank(sections, manifest, only("numeric-order")).diagnostics
    return [d.message for d in found if d.rule == "numeric-order"]


@pytest.mark.parametrize(
    ("language", "stem", "values"),
    [
        # the reviewer's question (review DE/ES teacher): "116 117" is no 116,117 of anything
        (
            "de",
            "Welche Nummer wählt man in Deutschland für den Rettungsdienst?",
            ["110", "112", "116 117", "19222"],
        ),
        # grouped beside five ungrouped digits: labels, whatever the stem says
        ("de", "Wie erreicht man den Rettungsdienst?", ["110", "112", "116 117", "19222"]),
        ("de", "Wie erreicht man ihn?", ["110", "112", f"116{NBSP}117", "19222"]),
        ("fr", "Qui appeler ?", ["15", "17", f"116{NNBSP}117", "19222"]),
        # a stem that asks for a number to call
        ("de", "Welche Rufnummer hat der Bereitschaftsdienst?", ["112", "110", "116 117"]),
        ("de", "Welche Nummer hat der Sperr-Notruf?", ["116 116", "110", "116 117"]),
        ("fr", "Quel numéro compose-t-on pour le SAMU ?", ["17", "15", "18", "112"]),
        ("es", "¿Qué número se marca en España para emergencias?", ["911", "112", "999"]),
        ("es", "¿Cuál es el número de emergencias en la Unión Europea?", ["911", "112", "999"]),
        ("nl", "Welk nummer bel je bij brand?", ["911", "112", "999"]),
        ("ru", "Какой номер у скорой помощи?", ["112", "103", "911"]),
        ("en", "Which number do you call in the UK for non-urgent care?", ["112", "999", "111"]),
        ("en", "What is the emergency number in most of Europe?", ["911", "112", "999"]),
        ("en-GB", "Which phone number reaches the NHS?", ["112", "999", "111", "101"]),
        ("en", "Which number do you call in the UK?", ["999", "112", "111", "116 123"]),
    ],
)
def test_phone_numbers_are_labels_not_quantities(
    lint_bank: LintBank, language: str, stem: str, values: list[str]
) -> None:
    assert out_of_order(lint_bank, language, stem, *values) == []


@pytest.mark.parametrize(
    ("language", "stem", "values", "shown"),
    [
        ("de", "Wie lang ist die Strecke?", ["1 000 m", "10 000 m", "500 m"], "1 000; 10 000; 500"),
        ("fr", "Quelle tension ?", ["10 000 V", "1 000 V", "100 000 V"], "10 000; 1 000; 100 000"),
        (
            "de",
            "Wie viele Einwohner hat die Stadt?",
            ["250 000", "2 500 000", "25 000"],
            "250 000; 2 500 000; 25 000",
        ),
        # four digits go ungrouped beside grouped quantities ("5000", "10 000")
        ("de", "Wie viele Einwohner?", ["10 000", "5000", "50 000"], "10 000; 5000; 50 000"),
        # "Anzahl" and "number of" count: the numbers are quantities
        (
            "de",
            "Wie hoch ist die Anzahl der Notrufe am Tag?",
            ["10 000", "1 000", "100 000"],
            "10 000; 1 000; 100 000",
        ),
        (
            "en",
            "What is the maximum number of API calls per second?",
            ["10", "5", "20"],
            "10, 5, 20",
        ),
        ("en", "How many phones can one account pair?", ["10", "5", "20"], "10, 5, 20"),
        ("es", "¿Cuál es el número máximo de zonas?", ["10", "3", "8"], "10; 3; 8"),
        # read-through (helper-180): "ring" as a noun, round grouped quantities beside an
        # ungrouped one, and a count that names a "Nummer"
        (
            "en",
            "What is the default number of ring buffers in the driver?",
            ["64", "8", "256", "16"],
            "64, 8, 256, 16",
        ),
        (
            "de",
            "Wie hoch ist die Spannung?",
            ["10 000", "5000", "20000", "1 000"],
            "10 000; 5000; 20000; 1 000",
        ),
        (
            "de",
            "Wie viele Stellen hat eine Telefonnummer in Berlin mindestens?",
            ["8", "5", "7", "6"],
            "8; 5; 7; 6",
        ),
    ],
)
def test_quantities_grouped_or_counted_are_still_judged(
    lint_bank: LintBank, language: str, stem: str, values: list[str], shown: str
) -> None:
    assert out_of_order(lint_bank, language, stem, *values) == [
        f"the numeric options are out of order ({shown})"
    ]
