"""all-of-the-above: "All of the above" and its cousins as an option."""

import pytest

from exambank.model import Question
from exambank.shuffle import keeps_its_order
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


# Real wordings the rule missed (review 106, finding 5): alu-pyquest beginner-q38 and
# q45 (MIT), the FCC element 6 and 8 pools (public domain), and textbook probes.
@pytest.mark.parametrize(
    "text",
    [
        "All of the mentioned",
        "Any of the above",
        "Any one of these.",
        "Any combination of the above",
        "All three of the above",
        "All of the listed services",
        "All the following",
    ],
)
def test_other_wordings_that_point_back_are_reported(lint_questions, text):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "D": text}))
    assert found.message.startswith(f'option D is "{text}"')


# Review s35, finding 3: the English forms of German "Alle drei" and "Alle sind richtig".
@pytest.mark.parametrize(
    "text",
    ["All three", "All 3", "All are correct", "All four are true.", "Both are correct", "all 3"],
)
def test_a_whole_option_that_says_all_are_right_is_reported(lint_questions, text):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "D": text}))
    assert found.message.startswith(f'option D is "{text}"')


@pytest.mark.parametrize(
    "text",
    [
        "All the given inputs are valid",
        "Each given input",
        "Any previous snapshot can be restored",
        "Any Region",
        "All of the above are incorrect",
        "All of these are wrong",
        "Both of the above are false",
        "All of the above are incorrect answers",
        "All of the above are incorrect (none applies)",
        "All of the above are incorrect, so none applies",
        "All three regions",  # the whole option must say no more than "All three"
        "All 30",
        "All are encrypted",
        "All are correct on Tuesdays",
    ],
)
def test_claims_and_every_option_being_wrong_are_no_all_of_the_above(lint_questions, text):
    """A participle must follow "the" and end the option; "any" needs "of"; "All of the
    above are incorrect" is a none-of-the-above."""
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "D": text})) == []


# Review 114, finding 3: a verdict word later in the option ("false positives", "wrong
# content") once made these none-of-the-above; only a verdict that ends the option does.
@pytest.mark.parametrize(
    "text",
    [
        "All of the above reduce false positives",
        "Any of these can serve wrong content",
        "All of the above are false positives",
        "All of the above are false negatives (missed threats)",
        "All of these reject invalid input",
    ],
)
def test_a_verdict_word_that_does_not_end_the_option_is_subject_matter(lint_questions, text):
    options = {**SERVICES, "D": text}
    [found] = found_by(RULE, lint_questions, question(options=options))
    assert found.message.startswith(f'option D is "{text}": knowing two options are right')
    assert found_by("none-of-the-above", lint_questions, question(options=options)) == []


@pytest.mark.parametrize(
    "text", ["All of the mentioned", "Any of the above", "none of the mentioned", "All three"]
)
def test_a_question_with_such_an_option_keeps_its_order(text):
    """`exambank build --shuffle` once moved these options away from what they point at."""
    options = {"A": "TCP", "B": "UDP", "C": "IP", "D": text}
    data = {"id": "q1", "stem": "Which?", "options": options, "answer": "D"}
    assert keeps_its_order(Question.model_validate({**data, "explanation": "See notes."}))
