"""none-of-the-above: "None of the above", "Neither A nor B", a bare "None"."""

import pytest

from tests.rules.item_writing import SERVICES, found_by, question

RULE = "none-of-the-above"


@pytest.mark.parametrize(
    "text",
    ["None of the above", "none of these.", "Neither of the above", "Neither A nor B", "None"],
)
def test_options_that_deny_the_others_are_reported(lint_questions, text):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "D": text}))
    assert "tests what is wrong" in found.message


@pytest.mark.parametrize(
    "text",
    ["Neither service provides pre-trained models", "Nonetheless, Lambda", "No upfront cost"],
)
def test_statements_of_their_own_pass(lint_questions, text):
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "D": text})) == []
