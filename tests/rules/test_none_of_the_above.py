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


@pytest.mark.parametrize("text", ["`None`", "`none`", '"None"', "'None'"])
def test_none_as_code_or_a_quotation_is_a_value(lint_questions, text):
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "D": text})) == []


# pyneng-quiz (MIT) and alu-pyquest (MIT): "What is in result?" -- Python's None.
@pytest.mark.parametrize(
    "others",
    [
        {"A": "'4'", "B": "Error", "C": "'3'"},
        {"A": "('100', '1')", "B": "('100', 'a')", "C": "Error"},
        {"A": "0", "B": "-1", "C": "Error"},
        {"A": "10 meter band only", "B": "80 meter band", "C": "30 meter band only"},
    ],
)
def test_none_beside_values_is_a_value(lint_questions, others):
    options = {**others, "D": "None"}
    assert found_by(RULE, lint_questions, question(options=options)) == []


@pytest.mark.parametrize("text", ["None of the above", "Neither"])
def test_more_than_the_bare_none_beside_values_is_reported(lint_questions, text):
    options = {"A": "0", "B": "1", "C": "2", "D": text}
    assert len(found_by(RULE, lint_questions, question(options=options))) == 1
