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
        (["between 3 and 6", "1 to 3"], "options B and A overlap (both include 3)"),
        (["6 to 3", "1 to 3", "more than 6"], "options B and A overlap (both include 3)"),
        (["0-9", "20-29", "30-39"], "options A and B leave a gap between 9 and 20"),
        (["\u2264 5", "5\u201310", "\u2265 10"], "options A and B overlap (both include 5)"),
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
        ["\u2264 10", "11\u201320", "\u2265 21"],  # the signs of a typeset handout
        ["10 to 1", "20 to 11", "more than 20"],  # descending ranges, normalised
    ],
)
def test_ranges_that_meet_pass(lint_questions, values):
    options = dict(zip("ABCD", values, strict=False))
    assert found_by(RULE, lint_questions, question(stem=STEM, options=options)) == []


def test_options_that_are_not_all_ranges_are_not_judged(lint_questions):
    options = {"A": "1-3", "B": "3-6", "C": "It depends on the Region"}
    assert found_by(RULE, lint_questions, question(stem=STEM, options=options)) == []


@pytest.mark.parametrize(
    ("stem", "values"),
    [
        # ratios, not ranges
        ("What SWR reading indicates a perfect match?", ["2 to 1", "1 to 3", "1 to 1", "10 to 1"]),
        ("What is the turns ratio of the transformer?", ["12.2 to 1", "24.4 to 1", "150 to 1"]),
        # candidate answers that happen to be ranges: band segments far apart
        ("Which segment is used for digital modes?", ["3570 - 3600 kHz", "3500 - 3525 kHz"]),
        (
            "Which segment is used for digital modes?",
            ["14.000 - 14.050 MHz", "14.070 - 14.112 MHz", "14.150 - 14.225 MHz"],
        ),
        # the spectrum a signal occupies: alternatives that start at the same value
        (
            "What range does a 3 kHz USB signal at 14.347 MHz occupy?",
            ["14.347 to 14.647 MHz", "14.347 to 14.350 MHz", "14.344 to 14.347 MHz"],
        ),
        # nested alternatives, each open above
        ("Where is spread spectrum permitted?", ["above 50 MHz", "above 222 MHz", "above 144 MHz"]),
        # descending ranges, nested once normalised
        (
            "Which bands support long-path propagation?",
            ["160 to 40 m", "30 to 10 m", "160 to 10 m"],
        ),
        # a gap wider than the ranges beside it
        ("Which range is best?", ["less than 1", "1 - 2", "10 - 11"]),
    ],
)
def test_ranges_that_are_not_bins_of_one_scale_are_not_judged(lint_questions, stem, values):
    options = dict(zip("ABCD", values, strict=False))
    assert found_by(RULE, lint_questions, question(stem=stem, options=options)) == []
