"""all-of-the-above: "All of the above" and its cousins as an option."""

import pytest

from tests.rules.item_writing import SERVICES, found_by, question

RULE = "all-of-the-above"


@pytest.mark.parametrize(
    "text", ["All of the above", "all of these", "Both of the above", "All the options above"]
)
def test_an_option_that_points_back_at_the_others_is_reported(lint_questions, text):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "D": text}))
    assert found.severity == "warning" and found.question == "q1"
    assert found.message.startswith(f'option D is "{text}"')


def test_it_points_at_the_option_line(lint_questions):
    [found] = found_by(
        RULE, lint_questions, question(options={**SERVICES, "C": "All of the above"})
    )
    assert found.line == 9  # the section id, title, questions:, then id, stem, options:, A, B, C


@pytest.mark.parametrize(
    "text", ["All data is encrypted at rest", "Allocate more memory", "Both regions are billed"]
)
def test_options_that_merely_start_with_all_or_both_pass(lint_questions, text):
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "D": text})) == []
