"""An answer written as an option's text, its label or a number: the hint names the letter
only where the answer says which option it means, and otherwise shows no letter the author
could copy as the fix (a hint's example "answer: B" reads as "B is right")."""

from __future__ import annotations

import pytest

from tests.conftest import QUESTION, section_yaml
from tests.test_schema_hints import question_errors

NEUTRAL = (
    "write one capital letter (answer: <letter>), or a list for multiple "
    "(answer: [<letter>, <letter>])"
)
PORTS = QUESTION.replace("Amazon SageMaker", "Port 21").replace("AWS Lambda", "Port 22")
PORTS = PORTS.replace("Amazon EC2", "Port 23").replace("Amazon Bedrock", "Port 25")


def _answer_error(tmp_path, answer: str, question: str = PORTS) -> tuple[str, str | None]:
    found = question_errors(tmp_path, question.replace("answer: A", f"answer: {answer}"))
    [(message, hint)] = [(message, hint) for _, _, message, hint in found if "answer" in message]
    return message, hint


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("Port 23", "'Port 23' is option C's text: write answer: C"),
        ("'  port   23 '", "'port   23' is option C's text: write answer: C"),
        ("B)", "'B)' names option B: write answer: B"),
        ("(b)", "'(b)' names option B: write answer: B"),
        ("B) Port 22", "'B) Port 22' names option B: write answer: B"),
    ],
)
def test_an_answer_naming_one_option_by_its_text_or_label_gets_that_letter(tmp_path, answer, hint):
    assert _answer_error(tmp_path, answer)[1] == hint


def test_each_text_in_a_list_is_read_as_its_letter(tmp_path):
    question = PORTS.replace("id: q1", "id: q1\ntype: multiple")
    message, hint = _answer_error(tmp_path, "[A, port 23]", question)
    assert message == 'question q1, answer is a list ["A", "port 23"]'
    assert hint == "'port 23' is option C's text: write answer: [A, C]"


@pytest.mark.parametrize("typed", ["", "\ntype: single"], ids=["no type", "type single"])
def test_two_options_named_in_a_single_answer_question_are_not_a_list_to_copy(
    tmp_path, lint_bank, typed
):
    # answer-count refuses two letters in a single-answer question: the hint offers each
    # letter alone, or the type that keeps both.
    question = PORTS.replace("id: q1", f"id: q1{typed}")
    message, hint = _answer_error(tmp_path, '[B), "port 23"]', question)
    assert message == 'question q1, answer is a list ["B)", "port 23"]'
    assert hint == (
        "'B)' names option B; 'port 23' is option C's text: keep one (answer: B or answer: C), "
        "or set 'type: multiple' to keep both (answer: [B, C])"
    )
    kept_one = question.replace("answer: A", "answer: B")
    made_multiple = PORTS.replace("answer: A", "type: multiple\nanswer: [B, C]")
    for followed in (kept_one, made_multiple):
        assert lint_bank({"01-main.yaml": section_yaml(followed)}).diagnostics == []


def test_one_option_named_twice_in_a_single_answer_question_is_one_letter(tmp_path):
    hint = _answer_error(tmp_path, "[B), port 22]")[1]
    assert hint == "'B)' names option B; 'port 22' is option B's text: write answer: [B]"


def test_a_number_is_not_read_as_a_place(tmp_path):
    """2 may count from 1 (B) or from 0 (C): the hint names no letter."""
    message, hint = _answer_error(tmp_path, "2")
    assert (message, hint) == (
        "question q1, answer is a number 2",
        "write the option's letter, not a number (answer: <letter>)",
    )


def test_a_number_that_is_an_options_text_gets_that_letter(tmp_path):
    question = PORTS.replace("Port 2", "")  # options 1, 2, 3, 5, which lint reports too
    assert _answer_error(tmp_path, "3", question)[1] == "'3' is option C's text: write answer: C"


@pytest.mark.parametrize(
    "answer",
    [
        "Port 24",  # no option's text
        "B) Port 23",  # option B's label, option C's text
        "'[A, C]'",
        "E)",  # no option E
        "A, E",  # letters, one of no option
        "\u2018E\u2019",  # a letter in typographic quotes, of no option
    ],
)
def test_an_answer_that_names_no_one_option_gets_no_letter_to_copy(tmp_path, answer):
    assert _answer_error(tmp_path, answer)[1] == NEUTRAL


def test_an_answer_equal_to_two_options_texts_gets_no_letter(tmp_path):
    question = PORTS.replace("Port 25", "Port 23")
    assert _answer_error(tmp_path, "Port 23", question)[1] == NEUTRAL


@pytest.mark.parametrize("answer", ['""', "' '", ""])
def test_an_empty_answer_is_called_empty(tmp_path, answer):
    assert _answer_error(tmp_path, answer) == ("question q1, answer is empty", NEUTRAL)


def test_no_letter_is_suggested_from_options_not_lettered_in_latin(tmp_path):
    """Options lettered А, Б, В (Cyrillic) are reported on their own; the answer's hint
    must not tell the author to write a Cyrillic letter."""  # noqa: RUF002
    question = PORTS.replace("A: Port", "\u0410: Port").replace("B: Port", "\u0411: Port")
    question = question.replace("C: Port", "\u0412: Port").replace("D: Port", "\u0413: Port")
    assert _answer_error(tmp_path, "Port 23", question)[1] == NEUTRAL


@pytest.mark.parametrize("joined", ["A, C", "A and C", "A & C", "A; C", "a, c", "A, and C"])
def test_letters_written_as_one_text_are_shown_as_a_list(tmp_path, lint_bank, joined):
    """'A, C' is the list the author meant (review s27-author #8): the hint writes it, and
    the question passes once it is written so."""
    question = PORTS.replace("id: q1", "id: q1\ntype: multiple")
    message, hint = _answer_error(tmp_path, joined, question)
    assert (message, hint) == (
        f'question q1, answer is text "{joined}"',
        "write the letters as a list (exambank lint --fix does this): answer: [A, C]",
    )
    followed = question.replace("answer: A", "answer: [A, C]")
    assert lint_bank({"01-main.yaml": section_yaml(followed)}).diagnostics == []


def test_letters_as_one_text_in_a_single_answer_question_keep_one_or_make_it_multiple(tmp_path):
    assert _answer_error(tmp_path, "A and C")[1] == (
        "keep one (answer: A or answer: C), or set 'type: multiple' to keep both (answer: [A, C])"
    )


@pytest.mark.parametrize(
    ("written", "how"),
    [
        ("\u2018C\u2019", "in typographic quotes (\u2018 \u2019)"),
        ("\u201cC\u201d", "in typographic quotes (\u201c \u201d)"),
        ("C\u00a0", "with a no-break space (U+00A0)"),
        ("\u200bC", "with a zero width space (U+200B)"),
        (
            "\u201eC\u201c\u00a0",
            "in typographic quotes (\u201e \u201c) and with a no-break space (U+00A0)",
        ),
    ],
)
def test_one_letter_in_typographic_quotes_or_with_an_invisible_character_is_named(
    tmp_path, written, how
):
    """A letter in Word's quotes, or with a no-break space, shows as the letter: the hint
    names what else is there, and lint --fix takes it away (review s27-author #8)."""
    assert _answer_error(tmp_path, written)[1] == (
        f"the letter C is written {how}, which YAML keeps as part of the text: write answer: C "
        "(exambank lint --fix does this)"
    )


def test_a_letter_in_typographic_quotes_is_not_fixed_among_options_not_all_latin(tmp_path):
    """lint --fix mends an answer only under options lettered A, B, C...: the hint says so
    only there."""
    question = PORTS.replace("D: Port", "\u0413: Port")  # a Cyrillic option letter
    assert _answer_error(tmp_path, "\u2018C\u2019", question)[1] == (
        "the letter C is written in typographic quotes (\u2018 \u2019), which YAML keeps as part "
        "of the text: write answer: C"
    )


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        pytest.param(
            "\ntype: multiple",
            "write each letter as an item, with commas between them (exambank lint --fix does "
            "this): answer: [A, C]",
            id="multiple",
        ),
        pytest.param(
            "",
            "keep one (answer: A or answer: C), or set 'type: multiple' to keep both "
            "(answer: [A, C])",
            id="single",
        ),
    ],
)
def test_letters_parted_by_semicolons_in_brackets_are_told_to_use_commas(tmp_path, typed, hint):
    # '[A; C]' is one item, "A; C" (review s35-author #14)
    question = QUESTION.replace("id: q1", f"id: q1{typed}")
    message, said = _answer_error(tmp_path, "[A; C]", question)
    assert (message, said) == ('question q1, answer is a list ["A; C"]', hint)
    if typed:  # the hint's list, as written, is the answer
        fixed = question.replace("answer: A", f"answer: {hint.rsplit('answer: ', 1)[1]}")
        assert question_errors(tmp_path / "fixed", fixed) == []


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        (
            "\ntype: multiple",
            "write the letters of the right options as a list (answer: [<letter>, <letter>])",
        ),
        ("\ntype: single", "write the letter of the right option (answer: <letter>)"),
        ("", NEUTRAL),
    ],
    ids=["multiple", "single", "no type"],
)
def test_an_empty_answer_is_told_how_its_question_s_type_writes_one(tmp_path, typed, hint):
    question = QUESTION.replace("id: q1", f"id: q1{typed}")
    assert _answer_error(tmp_path, "", question) == ("question q1, answer is empty", hint)
