"""A value the format allows only a few of, written in the author's language, in another
case or misspelt, gets the one it stands for (review s23-i18n #4)."""

import pytest

from tests.conftest import QUESTION


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("difficulty: leicht", "easy"),
        ("difficulty: fácil", "easy"),
        ("difficulty: Facil", "easy"),
        ("difficulty: mittel", "medium"),
        ("difficulty: difficile", "hard"),
        ("difficulty: сложный", "hard"),
        ("difficulty: Hard", "hard"),
        ("difficulty: meduim", "medium"),
        ("type: múltiple", "multiple"),
        ("type: Single", "single"),
    ],
)
def test_a_value_in_another_language_or_case_gets_the_one_it_means(lint_questions, line, meant):
    [found] = lint_questions(QUESTION + line + "\n")
    assert found.rule == "schema" and found.message.endswith(f"is '{line.split(': ')[1]}'")
    assert found.hint is not None and found.hint.startswith(f"did you mean '{meant}'? use one of:")


def test_a_value_that_stands_for_none_gets_the_list_only(lint_questions):
    [found] = lint_questions(QUESTION + "difficulty: banana\n")
    assert found.hint == "use one of: easy, medium, hard"
