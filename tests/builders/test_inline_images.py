"""An image inside a stem's sentence, and an SVG that gives no size of its own (review s34,
finding 4): the question's number prints beside the stem's first words, and the SVG prints
at its viewBox's size, in CSS px."""

from __future__ import annotations

import pytest

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_layout import MM, text_positions
from tests.builders.test_pdf_tags import read_tags
from tests.conftest import QUESTION, section_yaml

# A narrow SVG of 50x400 units, with no width or height: WeasyPrint made it as wide as the
# column and so 225 mm high (the most any image is given)
NO_SIZE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 50 400"{size}>'
    '<rect x="1" y="1" width="48" height="398" fill="#efe" stroke="blue" stroke-width="2"/>'
    "</svg>"
)
IN_A_SENTENCE = QUESTION.replace(
    "stem: Which AWS service trains, tunes and deploys ML models?",
    'stem: "An SVG with no width or height: ![tall box](box.svg) What does it show?"',
)


def svg_bank(make_bank, size: str = "") -> Bank:
    bank = make_bank({"01-main.yaml": section_yaml(IN_A_SENTENCE)})
    (bank.root / "box.svg").write_text(NO_SIZE.format(size=size), encoding="utf-8")
    return bank


def figure_size(data: bytes) -> tuple[float, float]:
    """The width and height, in mm, of the one image the PDF shows (its Figure's box)."""
    [figure] = read_tags(data)[1].find("Figure")
    left, bottom, right, top = (float(value) for value in figure.raw["/A"]["/BBox"])
    return (right - left) / MM, (top - bottom) / MM


@pytest.mark.parametrize("size", ["", ' width="100%" height="100%"'])
def test_an_svg_without_a_size_prints_at_its_viewbox_size(make_bank, size):
    # 50x400 CSS px is 13.2x105.8 mm, in both editions
    for output in PdfBuilder().build(svg_bank(make_bank, size), Settings()):
        width, height = figure_size(output.data)
        assert abs(width - 50 * 25.4 / 96) < 0.1 and abs(height - 400 * 25.4 / 96) < 0.1, (
            output.name,
            width,
            height,
        )


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("large_print_size", [0, 24])
def test_a_question_number_prints_beside_a_stem_with_an_image_in_its_sentence(
    make_bank, paper, large_print_size
):
    # The number stood at the top of a page and the stem's words at the image's foot, a
    # page below (standard), or on another page than the heading (24 pt trainer, once the
    # SVG had its size): now they share a line, below the heading
    settings = Settings(
        paper=paper, large_print=bool(large_print_size), large_print_size=large_print_size or 16
    )
    for output in PdfBuilder().build(svg_bank(make_bank), settings):
        runs = text_positions(output.data)
        [(page, x, y)] = [
            (page, x, y)
            for page, on_page in enumerate(runs)
            for x, y, text in on_page
            if text.startswith("An SVG with no width")
        ]
        # on the line's baseline, give or take a point (its size is not the stem's)
        beside = [run for run in runs[page] if run[2].strip() == "1" and run[0] < x]
        assert [abs(number_y - y) < 1.5 for _, number_y, _ in beside] == [True], output.name
        # and the heading kept with the question is on its page, not alone on the one before
        assert any(text == "Practice questions" for *_, text in runs[page]), output.name
