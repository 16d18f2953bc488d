"""An option's letter, the one a candidate writes on the answer sheet: as large as the
option's text in either edition, on the baseline of its first line (of code too), and
tagged as its list item's label, the trainer's tick with it, the option's text its body."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_layout import SHAPES
from tests.builders.test_pdf_tags import read_tags, squeeze
from tests.conftest import section_yaml


def sized_runs(data: bytes, page: int) -> dict[str, tuple[float, float]]:
    """A page's text runs: each one's printed size and baseline, in points, by its text."""
    found: dict[str, tuple[float, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found[text.strip()] = (round(size * abs(tm[3]) * abs(cm[3]), 2), y)

    PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("large_print", [False, True], ids=["standard", "large-print"])
def test_an_option_s_letter_is_as_large_as_its_text_and_on_its_line(make_bank, large_print):
    # The letters were the smallest text on the page: 7 pt beside 9.5 pt options, 12 pt
    # beside 16 pt in large print
    bank = make_bank({"01-main.yaml": section_yaml(SHAPES)})
    student = PdfBuilder().build(bank, Settings(large_print=large_print))[0].data
    runs = sized_runs(student, 2)
    (letter, letter_line), (text, text_line) = runs["A"], runs["A paragraph"]
    assert letter >= text == (16.0 if large_print else 9.5), runs
    assert letter_line == pytest.approx(text_line, abs=0.1)  # one baseline
    assert runs["F"][0] >= runs["A wrong one"][0]
    # beside code, on its first line
    assert runs["B"][1] == pytest.approx(runs["[0, 6, 8]"][1], abs=0.5)


# What each option of SHAPES reads as, its letter left out
BODIES = {
    "A": "A paragraph",
    "B": "[0, 6, 8]",
    "C": "\u25e6 item one \u25e6 item two",  # a list inside a list item: circles
    "D": "inline_code()",
    "E": "Col cell",
    "F": "A wrong one",
}


@pytest.mark.parametrize("large_print", [False, True], ids=["standard", "large-print"])
def test_each_option_is_tagged_as_its_letter_for_label_and_its_text_for_body(
    make_bank, large_print
):
    # An option was LI > LBody with its letter inside the body: a screen reader could not
    # announce "B, ..." as the notes' bullets are, label then item
    bank = make_bank({"01-main.yaml": section_yaml(SHAPES)})
    student, trainer = PdfBuilder().build(bank, Settings(large_print=large_print))
    for output, ticked in ((student, ""), (trainer, "ABCDE")):
        [article] = read_tags(output.data)[1].find("Art")
        [options] = [kid for kid in article.kids[1].kids if kid.tag == "L"]
        assert [item.tag for item in options.kids] == ["LI"] * 6
        for item, letter in zip(options.kids, "ABCDEF", strict=True):
            assert [kid.tag for kid in item.kids] == ["Lbl", "LBody"], output.name
            label, body = item.kids
            assert label.words() == (f"\u2713 {letter}" if letter in ticked else letter)
            assert squeeze(body.words()) == squeeze(BODIES[letter])  # and no letter
        # what an option holds stays in its body: option C's list, each item with its bullet
        [inner] = options.kids[2].kids[1].find("L")
        assert [[kid.tag for kid in each.kids] for each in inner.kids] == [["Lbl", "LBody"]] * 2
