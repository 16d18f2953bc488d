"""`exambank build --large-print`: handouts whose body is 16 pt sans serif with 1.5 line
spacing, nothing below 12 pt, no italics and no spaced capitals, images enlarged with the
text, laid out as cleanly."""

from __future__ import annotations

import io
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from exambank.cli import main
from tests.builders.test_pdf_layout import MM, image_boxes, pages, text_positions
from tests.conftest import QUESTION, section_yaml, write_bank

EXTRA = """\
notes: |
  | Option | Costs `little` |
  | --- | --- |
  | *Serverless* | Per request |
key_terms:
  - {term: Endpoint, definition: A URL that serves a model.}
"""
LONG = QUESTION.replace(
    "stem: Which AWS service trains, tunes and deploys ML models?",
    "stem: " + "A team trains, tunes and deploys models every week. " * 4 + "Which *one* fits?",
).replace("  B: AWS Lambda", "  B: {text: AWS Lambda, feedback: For serverless compute.}")


def sizes_and_fonts(data: bytes) -> tuple[Counter[float], set[str]]:
    """How many characters each printed size (in points) sets, and the fonts used."""
    sizes: Counter[float] = Counter()
    fonts: set[str] = set()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes[round(size * abs(tm[3]) * abs(cm[3]), 1)] += len(text.strip())
            fonts.add(str(font.get("/BaseFont")) if isinstance(font, dict) else "")

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return sizes, fonts


def test_large_print_is_16_pt_sans_serif_nothing_below_12_pt_and_no_italics(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(LONG, extra=EXTRA)})
    trainer = PdfBuilder().build(bank, Settings(large_print=True))[1].data
    sizes, fonts = sizes_and_fonts(trainer)
    assert sizes.most_common(1)[0][0] == 16.0, sizes  # the body
    assert min(sizes) >= 12.0, sizes  # header, footer, a question's id
    assert not [font for font in fonts if "Serif" in font or "Oblique" in font or "Italic" in font]
    text = " ".join(pages(trainer))
    assert "Section 1" in text and "SECTION" not in text  # as written, not in capitals
    ordinary = sizes_and_fonts(PdfBuilder().build(bank, Settings())[1].data)[0]
    assert ordinary.most_common(1)[0][0] == 9.5, ordinary


def test_large_print_spaces_lines_one_and_a_half_times_their_size(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(LONG)})
    student = PdfBuilder().build(bank, Settings(large_print=True))[0].data
    stem = [y for _, y, text in text_positions(student)[2] if "trains, tunes" in text]
    assert len(stem) >= 3, stem  # the stem wraps
    assert {round(above - below, 1) for above, below in pairwise(stem)} == {24.0}


def test_exambank_build_large_print_writes_large_print_handouts(tmp_path: Path, capsys):
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    out = tmp_path / "dist"
    assert main(["build", str(bank), "--only", "pdf", "--large-print", "--out", str(out)]) == 0
    student = (out / "test-bank" / "test-bank-student.pdf").read_bytes()
    assert sizes_and_fonts(student)[0].most_common(1)[0][0] == 16.0
    assert "wrote" in capsys.readouterr().out


def test_large_print_body_text_is_set_in_a_sans_serif_of_normal_width(make_bank):
    """Clear-print guidance advises against condensed type: the body (stems, options, notes)
    is DejaVu Sans; the normal edition keeps its condensed headings."""
    bank = make_bank({"01-main.yaml": section_yaml(LONG, extra=EXTRA)})
    characters: Counter[str] = Counter()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() and round(size * abs(tm[3]) * abs(cm[3]), 1) == 16.0:
            characters[str(font.get("/BaseFont")) if isinstance(font, dict) else ""] += len(text)

    student = PdfBuilder().steps(bank, Settings(large_print=True))[0].make().data
    for page in PdfReader(io.BytesIO(student)).pages:
        page.extract_text(visitor_text=visit)
    body = characters.most_common(1)[0][0]
    assert "Sans" in body and "Condensed" not in body, characters


PICTURES = """\
notes: |
  ![A wide banner](banner.png)

  ![A diagram](diagram.svg)

  ![A photo](<photos/a photo.png>)

  | Service | Picture | Notes |
  | --- | --- | --- |
  | SageMaker | ![A strip](strip.png) | Builds, trains and deploys models, fully managed, at scale |
"""
DIAGRAM = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    '<text x="10" y="40" font-size="16">Client</text></svg>'
)


def test_large_print_enlarges_images_as_its_text_up_to_the_column(make_bank):
    # The words in a chart or a diagram stayed at the standard size beside 16 pt text
    stem = "stem: Which AWS service trains, tunes and deploys ML models?"
    question = QUESTION.replace(stem, f"{stem} ![A chart](chart.png)")
    bank = make_bank({"01-main.yaml": section_yaml(question, extra=PICTURES)})
    Image.new("RGB", (200, 100), "red").save(bank.root / "chart.png")
    Image.new("RGB", (1200, 60), "blue").save(bank.root / "banner.png")
    Image.new("RGB", (600, 100), "black").save(bank.root / "strip.png")
    (bank.root / "photos").mkdir()
    Image.new("RGB", (90, 60), "green").save(bank.root / "photos" / "a photo.png")
    (bank.root / "diagram.svg").write_text(DIAGRAM, encoding="utf-8")
    drawn: dict[bool, dict[float, float]] = {}  # width by shape, in each edition
    label: dict[bool, float] = {}  # the diagram's word's size
    for large_print in (False, True):
        output = PdfBuilder().build(bank, Settings(large_print=large_print))[0]
        # the two as wide as the column in the standard edition cannot grow: a note each
        wide = ("banner.png", "strip.png") if large_print else ()
        assert [note.split()[0] for note in output.notes] == list(wide), output.notes
        assert all(note.endswith("(as wide as its column)") for note in output.notes)
        boxes = image_boxes(output.data)
        # none runs past the text's right edge: a table holding one keeps to the page
        assert max(right for _, _, _, right, _ in boxes) <= (22 + 168) * MM + 0.01
        drawn[large_print] = {
            round((right - left) / (top - bottom), 1): right - left
            for _, left, bottom, right, top in boxes
        }
        [label[large_print]] = [
            size for text, size in printed_sizes(output.data) if text.strip() == "Client"
        ]
    scale = 16 / 9.5  # as the body text grows
    assert drawn[False][2.0] == pytest.approx(200 * 0.75)  # a pixel is a CSS px, 3/4 pt
    for shape in (2.0, 1.5):  # the chart in the stem, the photo whose name has a space
        assert drawn[True][shape] == pytest.approx(drawn[False][shape] * scale, rel=0.01)
    assert label[True] == pytest.approx(label[False] * scale, rel=0.01)  # an SVG's words
    # an image as wide as the column in the standard edition is as wide, and no wider
    assert drawn[True][20.0] == pytest.approx(drawn[False][20.0]) == pytest.approx(168 * MM)


def printed_sizes(data: bytes) -> list[tuple[str, float]]:
    """Each text run and the size it is printed at, in points."""
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        found.append((text, size * abs(tm[3]) * abs(cm[3])))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return found
