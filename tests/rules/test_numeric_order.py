"""numeric-order: numeric options neither ascending nor descending."""

import pytest

from tests.rules.item_writing import found_by, question

RULE = "numeric-order"
STEM = "How many GB of memory can a Lambda function use at most?"


def test_numbers_out_of_order_are_reported(lint_questions):
    options = {"A": "10", "B": "3", "C": "1", "D": "8"}
    [found] = found_by(RULE, lint_questions, question(stem=STEM, options=options))
    assert found.message == "the numeric options are out of order (10, 3, 1, 8)"


@pytest.mark.parametrize(
    "values",
    [
        ["1", "3", "8", "10"],
        ["10", "8", "3", "1"],
        ["$1,200", "$900", "$45", "$0.50"],
        ["99.9%", "99.99%", "99.999%"],
        ["1 day", "3 days", "7 days"],
        ["1,500", "12,000", "1,250,000"],  # commas that group thousands
        ["-273 °C", "-40 °C", "0 °C", "100 °C"],
        ["\u221240", "\u22121", "0", "1"],  # the minus sign U+2212
        ["\u2212$40", "$0", "$40"],  # a minus before the currency sign (review 122)
        ["$-40", "- $20", "$0"],
    ],
)
def test_ordered_numbers_pass(lint_questions, values):
    options = dict(zip("ABCD", values, strict=False))
    assert found_by(RULE, lint_questions, question(stem=STEM, options=options)) == []


@pytest.mark.parametrize(
    "values",
    [
        ["10", "3", "Lambda", "8"],
        ["10 GB", "3 days", "8 GB"],
        ["10", "3"],
        # decimal commas in a bank that says it is English: no English number ("0,5" is
        # not "05"), so nothing to reorder
        ["0,5 A", "1 A", "2 A", "230 A"],
        ["68,75 \u03a9", "120 \u03a9", "320 \u03a9", "22.000 \u03a9"],
        ["1,2,3", "4,5,6", "0,1,2"],
    ],
)
def test_mixed_or_too_few_numbers_are_not_judged(lint_questions, values):
    options = dict(zip("ABCD", values, strict=False))
    assert found_by(RULE, lint_questions, question(stem=STEM, options=options)) == []


@pytest.mark.parametrize(
    "values",
    [
        ["Symbol 2", "Symbol 5", "Symbol 1", "Symbol 4"],
        ["Figure 3", "Figure 1", "Figure 2"],
        ["Step 2", "Step 3", "Step 1"],
        # civics picks and the FCC pools: amendments, channels, MMSI and Inmarsat numbers
        ["Amendment 4", "Amendment 7", "Amendment 10", "Amendment 3"],
        ["Ch-16", "Ch-70", "Ch-13"],
        ["430326890", "033609991", "303236824", "257326819"],
        ["150036", "430363275", "1502460", "366632824"],
    ],
)
def test_labels_are_not_quantities(lint_questions, values):
    options = dict(zip("ABCD", values, strict=False))
    stem = "Which symbol in figure G7-1 represents a field effect transistor?"
    assert found_by(RULE, lint_questions, question(stem=stem, options=options)) == []


def test_a_quantity_after_a_word_that_labels_nothing_is_still_judged(lint_questions):
    options = {
        "A": "Passing score of 74%",
        "B": "Passing score of 70%",
        "C": "Passing score of 80%",
    }
    [found] = found_by(RULE, lint_questions, question(stem=STEM, options=options))
    assert found.message == "the numeric options are out of order (74, 70, 80)"


def test_numbers_are_shown_as_written(lint_questions):
    options = {"A": "3.9", "B": "3.10", "C": "3.8"}
    [found] = found_by(RULE, lint_questions, question(stem=STEM, options=options))
    assert found.message == "the numeric options are out of order (3.9, 3.10, 3.8)"


def test_large_quantities_with_a_unit_or_separator_are_still_judged(lint_questions):
    options = {"A": "1,000,000", "B": "250,000", "C": "500,000"}
    [found] = found_by(RULE, lint_questions, question(stem=STEM, options=options))
    assert found.message == "the numeric options are out of order (1000000, 250000, 500000)"


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        (["0", "-40", "100", "-273"], "0, -40, 100, -273"),
        (["40", "0", "\u221240", "-1"], "40, 0, -40, -1"),  # U+2212 is a minus too
    ],
)
def test_negative_numbers_are_read_with_their_sign(lint_questions, values, shown):
    """A minus read as a dash made "-40" no number, and U+2212 was dropped (read as 40)."""
    options = dict(zip("ABCD", values, strict=False))
    [found] = found_by(RULE, lint_questions, question(stem=STEM, options=options))
    assert found.message == f"the numeric options are out of order ({shown})"
