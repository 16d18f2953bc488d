"""A word wider than its line in running text (a long fill-in blank, a row of dashes) breaks
where it must and stays on the paper: before, it ran past the right margin and was cut off
at the paper's edge, with no note (review s30-fuzz #2)."""

from __future__ import annotations

import pytest

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_code_spaces import printed_lines
from tests.conftest import QUESTION, section_yaml

BLANK = "_" * 160
DASHES = "-" * 200


@pytest.mark.parametrize("large_print", [False, True], ids=["standard", "large print"])
def test_a_word_wider_than_its_line_breaks_and_loses_no_character(make_bank, large_print):
    question = QUESTION.replace("stem: ", f"stem: Fill the blank {BLANK} here. ").replace(
        "  B: AWS Lambda", f"  B: two {DASHES}"
    )
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    student = PdfBuilder().steps(bank, Settings(large_print=large_print))[0].make().data
    printed = printed_lines(student)
    for word, character in ((BLANK, "_"), (DASHES, "-")):
        held = [line for line in printed if character * 10 in line]
        assert len(held) >= 2, held  # it broke onto a second line, within the text's width
        assert sum(line.count(character) for line in held) == len(word)  # and lost nothing
