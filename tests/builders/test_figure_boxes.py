"""An image's box in the tagged PDF (its Figure's /BBox) is where the page draws it: in
points, y upwards from the page's foot, as PDF's default user space is (WeasyPrint wrote
CSS pixels, y downwards from the top, a third too large and often off the page)."""

from __future__ import annotations

from PIL import Image

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_layout import image_boxes
from tests.builders.test_pdf_tags import read_tags
from tests.conftest import QUESTION, section_yaml


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
            [(page, *drawn)] = image_boxes(output.data)
            assert on_page == page
            assert all(
                abs(mine - theirs) < 0.01 for mine, theirs in zip(box, drawn, strict=True)
            ), (box, drawn)
            width, height = (float(value) for value in reader.pages[page].mediabox[2:])
            assert 0 <= box[0] < box[2] <= width and 0 <= box[1] < box[3] <= height
