import pytest

from tests.conftest import QUESTION, rules_of


def test_answer_naming_no_option_is_an_error_at_the_answer_line(lint_questions):
    found = lint_questions(QUESTION.replace("answer: A", "answer: E"))
    [error] = [d for d in found if d.rule == "answer-not-in-options"]
    assert (error.severity, error.line, error.question) == ("error", 11, "q1")
    assert "E" in error.message and "A, B, C, D" in error.message


def test_each_missing_letter_of_a_multiple_answer_is_reported(lint_questions):
    question = QUESTION.replace("answer: A", "type: multiple\nanswer: [A, F, G]")
    found = [d for d in lint_questions(question) if d.rule == "answer-not-in-options"]
    assert [d.message.split()[1] for d in found] == ["F", "G"]


def test_answer_naming_an_option_passes(lint_questions):
    assert "answer-not-in-options" not in rules_of(lint_questions(QUESTION))


def test_the_letter_after_the_last_option_suggests_the_option_was_forgotten(lint_questions):
    question = QUESTION.replace("  D: Amazon Bedrock\n", "").replace("answer: A", "answer: D")
    [error] = [d for d in lint_questions(question) if d.rule == "answer-not-in-options"]
    assert error.message == "answer D names no option (options are A, B, C)"
    assert error.hint == (
        "point the answer at an existing option letter, or add the missing option D"
    )


def test_a_letter_further_on_only_points_at_the_options(lint_questions):
    question = QUESTION.replace("answer: A", "type: multiple\nanswer: [E, F]")
    found = [d for d in lint_questions(question) if d.rule == "answer-not-in-options"]
    assert [d.hint for d in found] == [
        "point the answer at an existing option letter, or add the missing option E",
        "point the answer at an existing option letter",
    ]


@pytest.mark.parametrize(
    ("answer", "written"), [("answer: B", "B"), ("type: multiple\nanswer: [A, C]", "[A, C]")]
)
def test_an_answer_with_no_options_at_all_says_the_question_has_none(
    lint_questions, answer, written
):
    """Not "answer B names no option (options are )" (review s33-newuser #4): once, for
    the whole answer, as no letter of it can name one."""
    lettered = (
        "options:\n  A: Amazon SageMaker\n  B: AWS Lambda\n  C: Amazon EC2\n  D: Amazon Bedrock"
    )
    question = QUESTION.replace(lettered, "options: {}")
    found = lint_questions(question.replace("answer: A", answer))
    [error] = [d for d in found if d.rule == "answer-not-in-options"]
    assert (error.message, error.hint) == (
        f"answer {written} names no option: the question has no options",
        "add the options under 'options:', each a letter and its text (A: ..., B: ...)",
    )
