"""option-letters, too-few-options and duplicate-option (lines are file lines: a question's
first key sits on line 4 of the section file)."""

from tests.conftest import QUESTION, rules_of


def with_options(options: str, answer: str = "A") -> str:
    head = QUESTION.split("options:")[0]
    return f"{head}options: {options}\nanswer: {answer}\nexplanation: Because.\n"


def only(rule, found):
    return [d for d in found if d.rule == rule]


def test_gap_in_letters_is_reported_at_the_options(lint_questions):
    [error] = only("option-letters", lint_questions(with_options("{A: a, B: b, D: d}")))
    assert error.line == 6 and "A, B, D" in error.message and "A, B, C" in (error.hint or "")


def test_letters_out_of_order_are_reported(lint_questions):
    [error] = only("option-letters", lint_questions(with_options("{B: b, A: a, C: c}")))
    assert "order" in error.message


def test_consecutive_letters_pass(lint_questions):
    assert "option-letters" not in rules_of(lint_questions(with_options("{A: a, B: b, C: c}")))


def test_one_option_is_too_few(lint_questions):
    [error] = only("too-few-options", lint_questions(with_options("{A: only}")))
    assert error.severity == "error" and "1 option" in error.message


def test_two_options_are_enough(lint_questions):
    assert "too-few-options" not in rules_of(lint_questions(with_options("{A: yes it is, B: b}")))


def test_options_equal_after_spacing_are_duplicates(lint_questions):
    found = lint_questions(with_options('{A: Amazon SageMaker, B: "Amazon   SageMaker ", C: c}'))
    [error] = only("duplicate-option", found)
    assert error.line == 6 and "option B repeats option A" in error.message


def test_options_that_differ_only_in_case_are_different_answers(lint_questions):
    # The amateur-radio pool asks for the abbreviation of megahertz (public domain, NCVEC).
    found = lint_questions(with_options("{A: mHz, B: mhZ, C: Mhz, D: MHz}"))
    assert "duplicate-option" not in rules_of(found)


def test_feedback_does_not_make_options_different(lint_questions):
    options = "{A: {text: SageMaker, feedback: right}, B: {text: SageMaker, feedback: wrong}}"
    assert "duplicate-option" in rules_of(lint_questions(with_options(options)))


def test_distinct_options_pass(lint_questions):
    assert "duplicate-option" not in rules_of(lint_questions(QUESTION))
