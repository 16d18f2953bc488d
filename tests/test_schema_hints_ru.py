"""Schema messages for an author on a Russian (or Greek) keyboard (review RU, findings 1, 2
and 5): answer letters, option letters and ids typed with a Cyrillic or Greek letter that
looks Latin. Each message names the letter and the Latin one to write instead.

The questions are ``QUESTION`` in a section: ``id`` on line 4, stem 5, options 6, A-D 7-10,
answer 11, explanation 12. Constructed items: the project has no real Russian bank.
"""

# ruff: noqa: RUF001, RUF003  # Cyrillic and Greek look-alikes are the point

from __future__ import annotations

import pytest

from tests.conftest import QUESTION
from tests.test_schema_hints import question_errors

FIXES = " (exambank lint --fix does this)"
RUSSIAN_OPTIONS = "options:\n  А: S3\n  Б: EBS\n  В: EFS\n  Г: Glacier"


def with_answer(answer: str) -> str:
    multiple = "type: multiple\n" if answer.startswith("[") else ""
    return QUESTION.replace("answer: A", f"{multiple}answer: {answer}")


@pytest.mark.parametrize(
    ("answer", "where", "message", "hint"),
    [
        pytest.param(
            "С",
            (11, 13),
            "answer 'С' is the Cyrillic letter Es (U+0421), not the Latin C",
            f"write answer: C in Latin letters{FIXES}",
            id="capital",
        ),
        pytest.param(
            "в",
            (11, 13),
            "answer 'в' is the Cyrillic small letter Ve (U+0432), not the Latin B",
            "write the Latin letter you meant ('в' may be B as it looks, C by its place in "
            "the Russian alphabet or D as the key that types it on a Russian keyboard)",
            id="small",  # B by look, C by place, D by key: the author must say which
        ),
        pytest.param(
            "Β",
            (11, 13),
            "answer 'Β' is the Greek letter Beta (U+0392), not the Latin B",
            f"write answer: B in Latin letters{FIXES}",
            id="greek",
        ),
        pytest.param(
            "[А, В]",
            (12, 14),
            "answer letters 'А', 'В' are the Cyrillic letters A (U+0410) and Ve (U+0412), "
            "not the Latin A and B",
            "write the Latin letter you meant ('В' may be B as it looks, C by its place in "
            "the Russian alphabet or D as the key that types it on a Russian keyboard)",
            id="list",
        ),
        pytest.param(
            "[A, С]",
            (12, 17),
            "answer 'С' is the Cyrillic letter Es (U+0421), not the Latin C",
            f"write answer: [A, C] in Latin letters{FIXES}",
            id="one-of-a-list",
        ),
        pytest.param(
            "Х",  # looks like X, which is no option: said, not fixed
            (11, 13),
            "answer 'Х' is the Cyrillic letter Ha (U+0425), not the Latin X",
            "write answer: X in Latin letters",
            id="not-an-option",
        ),
        pytest.param(
            "Б",  # no Latin look-alike
            (11, 13),
            "answer 'Б' is the Cyrillic letter Be (U+0411), not a Latin letter",
            "write Latin capital letters (answer: B, or answer: [A, C]): switch the keyboard "
            "to the Latin layout",
            id="no-lookalike",
        ),
        pytest.param(
            "[Б, В]",  # counted in Russian order, so В may be the third: not fixed
            (12, 14),
            "answer letters 'Б', 'В' are the Cyrillic letters Be (U+0411) and Ve (U+0412), "
            "not Latin letters",
            "write Latin capital letters (answer: B, or answer: [A, C]): switch the keyboard "
            "to the Latin layout",
            id="russian-count",
        ),
    ],
)
def test_a_cyrillic_or_greek_answer_letter_is_named_with_its_latin_look_alike(
    tmp_path, answer, where, message, hint
):
    assert question_errors(tmp_path, with_answer(answer)) == [
        (*where, f"question q1, {message}", hint)
    ]


def test_a_latin_answer_in_lower_case_is_still_said_as_before(tmp_path):
    assert question_errors(tmp_path, with_answer("c")) == [
        (
            11,
            13,
            "question q1, answer letters are capitals: 'c' -> 'C'",
            f"write answer: C{FIXES}",
        )
    ]


def test_options_lettered_in_russian_order_are_one_finding_mapped_by_place(tmp_path):
    question = QUESTION.split("options:")[0] + RUSSIAN_OPTIONS + "\nanswer: В\nexplanation: x\n"
    assert question_errors(tmp_path, question) == [
        (
            7,
            7,
            "question q1, options are lettered in Russian order, А, Б, В, Г: option letters "
            "are Latin",
            "letter them A, B, C, D in that order, and the answer too (В is option C, though "
            "it looks like B)",
        ),
        (
            11,
            13,
            "question q1, answer 'В' is the Cyrillic letter Ve (U+0412); the options are "
            "lettered А, Б, В, Г, in Russian order, so the answer is C",
            "letter the options A, B, C, D in that order, and write answer: C",
        ),
    ]


def test_two_russian_options_have_no_look_alike_to_warn_of(tmp_path):
    question = QUESTION.split("options:")[0] + "options:\n  А: S3\n  Б: EBS\nanswer: Б\n"
    [keys, answer] = question_errors(tmp_path, question + "explanation: x\n")
    assert keys[3] == "letter them A, B in that order, and the answer too"
    assert answer[2].endswith("so the answer is B")


@pytest.mark.parametrize(
    ("letter", "message", "hint"),
    [
        (
            "В",
            "the letter 'В' is the Cyrillic letter Ve (U+0412), not the Latin B",
            "write the Latin B: switch the keyboard to the Latin layout",
        ),
        (
            "Б",
            "the letter 'Б' is the Cyrillic letter Be (U+0411), not a Latin letter",
            "write the Latin letter of its place, B",
        ),
    ],
)
def test_one_stray_cyrillic_option_letter_among_latin_ones(tmp_path, letter, message, hint):
    question = QUESTION.replace("  B: AWS Lambda", f"  {letter}: AWS Lambda")
    assert question_errors(tmp_path, question) == [(8, 7, f"question q1, options: {message}", hint)]


def test_a_look_alike_whose_latin_letter_is_taken_is_told_its_place(tmp_path):
    question = QUESTION.replace("  D: Amazon Bedrock", "  С: Amazon Bedrock")  # C is taken
    [(line, _, message, hint)] = question_errors(tmp_path, question)
    assert line == 10 and message.endswith("not the Latin C")
    assert hint == "write the Latin letter of its place, D"


@pytest.mark.parametrize(
    ("written", "message", "suggested"),
    [
        (
            "рg-q1",
            ": 'р' is the Cyrillic small letter Er (U+0440), not the Latin p",
            "pg-q1",
        ),
        ("вопрос-1", "", "vopros-1"),  # Russian: spelled out, nothing looks alike
    ],
)
def test_an_id_with_cyrillic_letters_is_named_and_gets_a_latin_id(
    tmp_path, written, message, suggested
):
    question = QUESTION.replace("id: q1", f"id: {written}")
    assert question_errors(tmp_path, question) == [
        (
            4,
            9,
            f"question {written}, id '{written}' is not a valid id{message}",
            f"ids use lowercase letters, digits and single hyphens; did you mean '{suggested}'?",
        )
    ]


def test_russian_order_in_small_letters_is_mapped_by_place_too(tmp_path):
    options = RUSSIAN_OPTIONS.lower().replace("s3", "S3").replace("ebs", "EBS")
    question = QUESTION.split("options:")[0] + options + "\nanswer: в\nexplanation: x\n"
    [keys, answer] = question_errors(tmp_path, question)
    assert keys[2].startswith("question q1, options are lettered in Russian order, а, б, в, г")
    assert answer[3] == "letter the options A, B, C, D in that order, and write answer: C"
