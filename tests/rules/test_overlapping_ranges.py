"""overlapping-ranges: range options that share a value or leave one out."""

import pytest

from tests.rules.item_writing import found_by, question

RULE = "overlapping-ranges"
STEM = "How many Availability Zones does a Region have?"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (["1-3", "3-6", "7-10", "more than 10"], "options A and B overlap (both include 3)"),
        (["1-2", "4-6", "7-10"], "options A and B leave a gap between 2 and 4"),
        (["less than 5", "more than 5"], "options A and B leave a gap between 5 and 5"),
        (["up to 5 GB", "5 to 10 GB", "over 10 GB"], "options A and B overlap (both include 5)"),
        (["between 2 and 4", "1 to 3"], "options B and A overlap (both include 2)"),
    ],
)
def test_ranges_that_overlap_or_leave_gaps_are_reported(lint_questions, values, message):
    options = dict(zip("ABCD", values, strict=False))
    [found] = found_by(RULE, lint_questions, question(stem=STEM, options=options))
    assert found.message == message


@pytest.mark.parametrize(
    "values",
    [
        ["1-2", "3-6", "7-10", "more than 10"],
        ["less than 5", "5 or more"],
        ["under 1.5", "1.5 to 3", "over 3"],
        ["0-9", "10+"],
    ],
)
def test_ranges_that_meet_pass(lint_questions, values):
    options = dict(zip("ABCD", values, strict=False))
    assert found_by(RULE, lint_questions, question(stem=STEM, options=options)) == []


def test_options_that_are_not_all_ranges_are_not_judged(lint_questions):
    options = {"A": "1-3", "B": "3-6", "C": "It depends on the Region"}
    assert found_by(RULE, lint_questions, question(stem=STEM, options=options)) == []
