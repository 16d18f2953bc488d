"""A question's number prints beside its stem's first line, and a section's heading over its
first question: neither is left alone at the foot or the top of a page, and the build's note
on a question that breaks says why it does (``handout.css``, ``question_fit.py``)."""

from __future__ import annotations

import pytest

from exambank.builders import Settings
from exambank.builders.labels import ENGLISH
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_continued import marked_pages
from tests.builders.test_pdf_layout import pages
from tests.conftest import QUESTION, section_yaml

_WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi"


def tall_question(question_id: str, long_lines: int) -> str:
    """A question of one-line paragraphs and a paragraph of ``long_lines`` lines, which
    with 10 fits a page's text area to a few pixels: with its rule and the space above it,
    11 px longer than an A4 page (review s29-diff #4); with 8, 25 px shorter."""
    paragraphs = [f"Paragraph line {index} of the long stem." for index in range(30)]
    paragraphs.append(" ".join([_WORDS] * long_lines))
    stem = "\n\n".join(["Kestrel long.", *paragraphs])
    indented = "".join(f"      {line}\n" if line else "\n" for line in stem.split("\n"))
    return (
        f"id: {question_id}\nstem: |\n{indented}"
        "options:\n  A: Amazon SageMaker\n  B: AWS Lambda Osprey\nanswer: A\nexplanation: Short.\n"
    )


@pytest.mark.parametrize("long_lines", [10, 8], ids=["the-review's", "fits-a-page"])
def test_a_section_heading_prints_over_its_first_question_and_the_number_with_its_stem(
    make_bank, long_lines
):
    # The question is too tall for the page below its section's number, title and
    # "Practice questions". WeasyPrint left those alone on one page, the question's number
    # alone on the next (with "Continued on the next page" under it), and the question on
    # a third, and the build called it longer than a page, shorten it as one might.
    bank = make_bank({"01-main.yaml": section_yaml(tall_question("q1", long_lines))})
    for output in PdfBuilder().build(bank, Settings()):
        texts = pages(output.data)
        [heading] = [index for index, text in enumerate(texts) if "Practice questions" in text]
        assert "Practice questions 1 Kestrel long." in texts[heading], (output.name, texts)
        # it breaks below the heading, and its first page says it goes on
        assert marked_pages(output.data, ENGLISH.continued) == [heading], output.name
        [note] = output.notes
        assert note == (
            f"question 1 prints across pages {heading + 1}-{heading + 2}, below its heading: "
            "the two together are longer than a page (shorten it to fit on one page with "
            "the heading)"
        ), output.name


def test_a_question_that_starts_a_page_prints_its_number_beside_its_stem(make_bank):
    # At the top of a page, a question whose text ends just above the foot, the space under
    # its last option just past it: WeasyPrint broke it after its number, alone on the page
    # (a margin that the option's list let through to the question's body went unmeasured)
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, tall_question("q2", 10))})
    for output in PdfBuilder().build(bank, Settings()):
        texts = pages(output.data)
        [start] = [index for index, text in enumerate(texts) if "Kestrel long." in text]
        assert texts[start].startswith("2 Kestrel long."), (output.name, texts[start - 1 :])
        assert marked_pages(output.data, ENGLISH.continued) == [start], output.name
        assert "Osprey" in texts[start + 1], output.name  # its last option
        assert output.notes == (
            f"question 2 is longer than a page and prints across pages {start + 1}-{start + 2} "
            "(shorten it to fit on one page)",
        ), output.name
