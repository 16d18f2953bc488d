"""The quick tests some rules make before their full work: where one says there is
nothing to find, the full work finds nothing either (and the usual texts pass it)."""

from __future__ import annotations

from itertools import product
from types import SimpleNamespace

import pytest

from exambank import bank
from exambank.model import Question
from exambank.rules import answer_requests, language, options

OPTION_TEXTS = [
    "Amazon SageMaker",
    "Amazon  SageMaker",
    " Amazon SageMaker",
    "Amazon SageMaker ",
    "Amazon\tSageMaker",
    "Amazon\nSageMaker",
    "Amazon\u00a0SageMaker",
    "Всё перечисленное",
    "A | B",
    "A |B",
    "",
]


@pytest.mark.parametrize("texts", list(product(OPTION_TEXTS, repeat=2)))
def test_options_taken_as_normalised_are(texts: tuple[str, str]) -> None:
    if options._as_normalised(texts):
        assert [options.normalised(text) for text in texts] == list(texts)


def test_usual_options_are_taken_as_normalised() -> None:
    assert options._as_normalised(("Amazon SageMaker", "AWS Lambda", "It's 3.10", "A|B"))


STEMS = [
    "Qu'est-ce que le DNS ?",
    "Was ist der Unterschied, und warum nicht?",
    "Which is `der und ist` in code?",
    "What does 'Das ist nicht mein Auto' mean?",
    "What does «das ist nicht» mean?",
    "x² est le carré de x et le double",
    "Welche 2 Protokolle sind es, und der Port?",
    "Which of the following is true for the service?",
    "Der Hund",
]


@pytest.mark.parametrize("stem", STEMS)
def test_stems_read_as_without_the_quick_test(stem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    quick = language.language_of(stem)
    # words that are not all letters: the quick test is passed over
    monkeypatch.setattr(language, "wording", SimpleNamespace(words=lambda text: ("1",)))
    assert quick == language.language_of(stem)


@pytest.mark.parametrize("text", ["Select", "Wählen", "x²", "two-thirds", "802", "", "Выбери"])
def test_all_letters_is_isalpha(text: str) -> None:
    assert answer_requests._all_letters(text) is text.isalpha()


@pytest.mark.parametrize("place", ["stem", "explanation", "option", "feedback", "none"])
def test_a_question_whose_texts_hold_no_mark_holds_none_in_any(place: str) -> None:
    link = "see [the docs](https://example.com)"
    texts = {name: link if name == place else "plain" for name in ("stem", "explanation")}
    question = Question.model_validate(
        {
            "id": "q1",
            "stem": texts["stem"],
            "explanation": texts["explanation"],
            "options": {
                "A": link if place == "option" else "plain",
                "B": {"text": "plain", "feedback": link if place == "feedback" else "plain"},
                "C": {"text": "plain"},
            },
            "answer": "A",
        }
    )
    assert bank._may_hold_markup(bank._all_texts(question)) is (place != "none")
