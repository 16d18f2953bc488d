"""An image's box in the tagged PDF (its Figure's /BBox) is where the page draws it: in
points, y upwards from the page's foot, as PDF's default user space is (WeasyPrint wrote
CSS pixels, y downwards from the top, a third too large and often off the page)."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_tags import read_tags
from tests.conftest import QUESTION, section_yaml

Matrix = tuple[float, float, float, float, float, float]


def _times(first: Matrix, then: Matrix) -> Matrix:
    a, b, c, d, e, f = first
    g, h, i, j, k, m = then
    return (a * g + b * i, a * h + b * j, c * g + d * i, c * h + d * j,
            e * g + f * i + k, e * h + f * j + m)  # fmt: skip


def drawn_images(data: bytes) -> list[tuple[int, list[float]]]:
    """Each image a page draws: its page (from 0) and the box it fills, [left, bottom,
    right, top] in points, from the transform in force where it is drawn."""
    reader = PdfReader(io.BytesIO(data))
    found = []
    for number, page in enumerate(reader.pages):
        images = {
            name for name, item in (page["/Resources"].get("/XObject") or {}).items()
            if item.get_object()["/Subtype"] == "/Image"
        }  # fmt: skip
        transform: Matrix = (1, 0, 0, 1, 0, 0)
        saved = []
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                saved.append(transform)
            elif operator == b"Q":
                transform = saved.pop()
            elif operator == b"cm":
                transform = _times(tuple(float(value) for value in operands), transform)
            elif operator == b"Do" and operands[0] in images:
                a, _, _, d, e, f = transform
                xs, ys = (e, e + a), (f, f + d)
                found.append((number, [min(xs), min(ys), max(xs), max(ys)]))
    return found


def test_a_figure_s_box_is_where_its_page_draws_the_image(make_bank):
    notes = 'notes: "A chart:\\n\\n![Sales rose](chart.png)"\n'
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, extra=notes)})
    Image.new("RGB", (400, 200), "red").save(bank.root / "chart.png")
    for large_print in (False, True):
        for output in PdfBuilder().build(bank, Settings(large_print=large_print)):
            reader, document = read_tags(output.data)
            page_numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
            [figure] = document.find("Figure")
            box = [float(value) for value in figure.raw["/A"]["/BBox"]]
            on_page = page_numbers[figure.raw.raw_get("/Pg").idnum]
            [(page, drawn)] = drawn_images(output.data)
            assert on_page == page
            assert all(
                abs(mine - theirs) < 0.01 for mine, theirs in zip(box, drawn, strict=True)
            ), (box, drawn)
            width, height = (float(value) for value in reader.pages[page].mediabox[2:])
            assert 0 <= box[0] < box[2] <= width and 0 <= box[1] < box[3] <= height
