"""The cover's band prints where office printers print: 6 mm or more inside the paper's edges
(they leave 4 to 5 mm blank; a band drawn from the edge printed half as wide), on A4 and
Letter, in both editions and in large print. Measured from WeasyPrint's layout of the cover:
each background layer of the page draws its first 5 mm (a gradient to white, then clear)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import pytest

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.handout import handout_html
from exambank.builders.handout_layout import lay_out
from tests.conftest import QUESTION, section_yaml

PX_PER_MM = 96 / 25.4  # WeasyPrint's layout is in CSS px
PAPER_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
BAND_MM = 5  # how wide the band is: where each layer's gradient turns clear


def band(bank: Bank, settings: Settings) -> tuple[float, float, float, float]:
    """Where the cover's band is drawn: left, top, right, bottom, in mm from the paper's
    top-left corner (the union of the page background's layers, each its first 5 mm)."""
    html = handout_html(
        bank, "student", Settings(paper=settings.paper, large_print=settings.large_print)
    )
    _, document = lay_out(html, bank.root, settings, {}, "")
    layers = document.pages[0]._page_box.background.layers
    boxes = []
    for layer in layers:
        x, y, _, _ = layer.positioning_area
        left, top = x + layer.position[0], y + layer.position[1]
        boxes.append((left, top, left + BAND_MM * PX_PER_MM, top + layer.size[1]))
    # the layers overlap into one band: no gap between them
    ordered = sorted(boxes, key=lambda box: box[1])
    assert all(above[3] >= below[1] for above, below in pairwise(ordered))
    return (
        min(box[0] for box in boxes) / PX_PER_MM,
        min(box[1] for box in boxes) / PX_PER_MM,
        max(box[2] for box in boxes) / PX_PER_MM,
        max(box[3] for box in boxes) / PX_PER_MM,
    )


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("large_print", [False, True])
def test_the_cover_band_is_drawn_inside_the_printable_area(
    make_bank: Callable[..., Bank], paper: str, large_print: bool
) -> None:
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)})
    width, height = PAPER_MM[paper]
    left, top, right, bottom = band(bank, Settings(paper=paper, large_print=large_print))  # type: ignore[arg-type]
    assert left == pytest.approx(6, abs=0.01) and right == pytest.approx(11, abs=0.01)
    assert top == pytest.approx(6, abs=0.01)
    assert bottom == pytest.approx(height - 6, abs=0.01)
    assert right < 26 < width  # left of the cover's text, which starts 26 mm in
