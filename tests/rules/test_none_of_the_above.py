"""none-of-the-above: "None of the above", "Neither A nor B", a bare "None"."""

import pytest

from exambank.config import Config
from tests.conftest import section_yaml
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


@pytest.mark.parametrize(
    ("language", "options"),
    [
        ("en", {"A": "One", "B": "Two", "C": "Three", "D": "None"}),
        ("de", {"A": "Einen", "B": "Zwei", "C": "Keinen", "D": "Drei"}),  # review s23-i18n #3
        ("es", {"A": "Uno", "B": "Dos", "C": "Tres", "D": "Ninguno"}),
    ],
)
def test_none_beside_numbers_in_words_is_the_quantity_zero(lint_bank, language, options):
    manifest = f"id: b\ntitle: B\nlanguage: {language}\nsections: [main]\n"
    sections = {"01-main.yaml": section_yaml(question(stem="How many?", options=options))}
    result = lint_bank(sections, manifest, Config(select={RULE}))
    assert result.diagnostics == [] and result.notes == []


def test_none_beside_words_that_are_no_numbers_is_reported(lint_bank):
    options = {"A": "Einen Adapter", "B": "Zwei Kabel", "C": "Keinen", "D": "Drei Stecker"}
    manifest = "id: b\ntitle: B\nlanguage: de\nsections: [main]\n"
    sections = {"01-main.yaml": section_yaml(question(stem="Was fehlt?", options=options))}
    assert [d.rule for d in lint_bank(sections, manifest, Config(select={RULE})).diagnostics] == [
        RULE
    ]


@pytest.mark.parametrize("text", ["None of the above", "Neither"])
def test_more_than_the_bare_none_beside_values_is_reported(lint_questions, text):
    options = {"A": "0", "B": "1", "C": "2", "D": text}
    assert len(found_by(RULE, lint_questions, question(options=options))) == 1


# Real wordings the rule missed (review 106, finding 5): alu-pyquest beginner-q48 and
# medium-q51 (MIT), FCC element 5 q192 and element 6 (public domain), and probes.
@pytest.mark.parametrize(
    "text",
    [
        "none of the mentioned",
        " none of the mentioned",
        "None of the listed services",
        "No correct answer is listed",
        "No answer is correct.",
        "Neither A or B",
        "All of the above are incorrect",
        "All of these are wrong",
        "All of the above are false.",
        "Both of the above are not correct",
        "All of these answers are incorrect",
        "Each of the above is invalid",
        "All of the above are all wrong.",
        "All of the options are not valid",
        # the others named as such
        "None of the other options",
        "None of the other answers apply",
        "Neither of the others",
        "All of the other choices are wrong",
    ],
)
def test_other_wordings_that_deny_the_others_are_reported(lint_questions, text):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "D": text}))
    assert found.message.startswith(f'option D is "{text.strip()}": it tests what is wrong')


# Review 122, finding 6: a noun for the options or an aside after the verdict once made
# these all-of-the-above, with the opposite advice.
@pytest.mark.parametrize(
    "text",
    [
        "All of the above are incorrect answers",
        "All of the above are false statements",
        "All of the above are not correct answers",
        "All of the above are incorrect (none applies)",
        "All of the above are incorrect, so none applies",
        "All of these options are wrong choices.",
    ],
)
def test_a_verdict_with_a_noun_or_an_aside_still_denies_every_option(lint_questions, text):
    options = {**SERVICES, "D": text}
    [found] = found_by(RULE, lint_questions, question(options=options))
    assert found.message.startswith(f'option D is "{text}": it tests what is wrong')
    assert found_by("all-of-the-above", lint_questions, question(options=options)) == []


@pytest.mark.parametrize(
    "text",
    [
        "All of the above are correct",
        "No upfront cost is listed",
        "All of the above are correct answers",
        "All of the above are false positives",
        "All of the above are incorrect answers to a different question about cost",
        "None of the other services offer it",
        "All of the other answers",
    ],
)
def test_every_option_being_right_or_a_claim_is_no_none_of_the_above(lint_questions, text):
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "D": text})) == []


def test_none_of_the_mentioned_is_left_to_this_rule_by_absolute_terms(lint_questions):
    """absolute-terms once read "none of the mentioned" as a distractor that overstates."""
    both = Config(select={RULE, "absolute-terms"})
    text = question(options={**SERVICES, "D": "none of the mentioned"})
    assert [found.rule for found in lint_questions(text, config=both)] == [RULE]


def test_all_of_the_other_options_is_all_of_the_above(lint_questions):
    options = {**SERVICES, "D": "All of the other options"}
    [found] = found_by("all-of-the-above", lint_questions, question(options=options))
    assert found.message.startswith('option D is "All of the other options": knowing two')
