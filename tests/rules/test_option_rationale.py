"""option-rationale: an option that carries its own justification."""

import pytest

from tests.rules.item_writing import SERVICES, found_by, question

RULE = "option-rationale"


@pytest.mark.parametrize(
    "text",
    [
        "Batch Transform -- for processing an entire dataset offline",
        "Batch Transform \u2014 it processes whole datasets",
        "Batch Transform, because it processes whole datasets",
        "Batch Transform (because it processes whole datasets)",
        # "as" and "since" that open a clause: a pronoun, or words and then a verb
        "Batch Transform, as it processes whole datasets",
        "Batch Transform; since it needs no endpoint",
        "Batch Transform (as no endpoint is needed)",
        "Batch Transform, as usage in all jobs is pooled",
        "Batch Transform, since the endpoint stopped",
        "Batch Transform, As there is no endpoint",
    ],
)
def test_a_key_that_explains_itself_is_reported(lint_questions, text):
    options = {**SERVICES, "B": text}
    [found] = found_by(RULE, lint_questions, question(options=options, answer="B"))
    assert found.message == "option B explains itself"
    assert "feedback" in (found.hint or "")


@pytest.mark.parametrize(
    "text",
    [
        "Reserved Instances - All Upfront",
        "Because it scales automatically",
        "Serverless Inference",
        "1 - 5 GB",
        # "as" and "since" before no clause, or a clause not of a reason
        "At any time, as long as no music is transmitted",
        "High, as compared to the circuit resistance",
        "In a thin layer, closer to the surface, as frequency increases",
        "Near the radio, as close as it can be",
        "Every log, since 2010",
        "Incremental backups, since the last full backup",
        "Lamps light in order (as per the manual)",
    ],
)
def test_plain_options_pass(lint_questions, text):
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "B": text})) == []


def test_feedback_is_the_place_for_it(lint_questions):
    option = {"text": "Batch Transform", "feedback": "because it processes whole datasets"}
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "B": option})) == []


def test_distractors_that_explain_themselves_beside_such_a_key_are_reported(lint_questions):
    options = {**SERVICES, "A": "SageMaker -- it trains models", "C": "EC2, because it scales"}
    found = found_by(RULE, lint_questions, question(options=options))
    assert [d.message for d in found] == ["option A explains itself", "option C explains itself"]


@pytest.mark.parametrize(
    "options",
    [
        # a distractor's own misconception, the key plain
        {**SERVICES, "D": "None, because only the night side is affected"},
        # dashes that continue a procedure, in distractors only
        {
            "A": "Call CQ, then pause to listen, repeat as necessary",
            "B": 'Say "QTC" and your call sign -- if no answer, change frequency and repeat',
            "C": "Transmit a carrier, then your call sign -- repeat as necessary",
        },
        # every option carries one: none stands out
        {"A": "SageMaker -- it trains models", "B": "Lambda -- it runs functions"},
        # answers to a yes/no question
        {
            "A": "No, the sideband will extend beyond the band edge",
            "B": "Yes, because you were not the station calling CQ",
            "C": "Yes, because the displayed frequency is within the band",
        },
    ],
)
def test_a_justification_that_does_not_single_out_the_key_passes(lint_questions, options):
    assert found_by(RULE, lint_questions, question(options=options)) == []


def test_a_yes_or_no_key_beside_options_of_another_form_is_reported(lint_questions):
    options = {**SERVICES, "A": "Yes, because SageMaker trains models"}
    assert len(found_by(RULE, lint_questions, question(options=options))) == 1
