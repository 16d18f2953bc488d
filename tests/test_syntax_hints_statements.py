"""Statements "I.", "II." typed at an option's place, below its text: they go on the
option's text, and are no option "I" (review 115, finding 12: a Roman numeral read as an
option letter)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import QUESTION
from tests.test_syntax_hints_lines import problems_of

OPTION_A = "  A: Amazon SageMaker"


@pytest.mark.parametrize("first", ["Which hold?", '"Which hold?"'])
def test_statements_below_an_option_are_told_to_make_a_block(tmp_path: Path, first: str) -> None:
    question = QUESTION.replace(OPTION_A, f"  A: {first}\n  I. One.\n  II. Two.")
    [(line, column, message, hint)] = problems_of(tmp_path, question)
    assert (line, column) == (7, 10)
    assert message == (
        "the text of 'A' goes on at its key's place, where YAML expects a key (lines 8-9)"
    )
    assert hint is not None and hint.startswith("text on several lines: write 'A: |'")
    assert "I:" not in hint


@pytest.mark.parametrize("first", ['"Which \\t hold?"', '"Which hold?" # a note'])
def test_a_statement_below_an_option_the_block_hint_cannot_show_is_never_a_key(
    tmp_path: Path, first: str
) -> None:
    question = QUESTION.replace(OPTION_A, f"  A: {first}\n  I. One.")
    [(line, column, message, hint)] = problems_of(tmp_path, question)
    assert (line, column, message) == (
        8,
        7,
        "'I. One.' is read as a key here, but it goes on the text above",
    )
    assert hint is not None and "'|' block" in hint


def test_the_letter_after_h_is_still_the_next_option(tmp_path: Path) -> None:
    options = "".join(f"  {letter}: Option {letter}\n" for letter in "ABCDEFGH") + "  I) Option I\n"
    question = QUESTION.replace(
        QUESTION[QUESTION.index("  A:") : QUESTION.index("answer:")], options
    )
    [(line, column, message, hint)] = problems_of(tmp_path, question)
    assert (line, column, message, hint) == (15, 7, "missing ':' after 'I'", "write 'I: Option I'")
