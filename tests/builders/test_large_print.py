"""`exambank build --large-print`: handouts whose body is 16 pt sans serif with 1.5 line
spacing, nothing below 12 pt, no italics and no spaced capitals, laid out as cleanly."""

from __future__ import annotations

import io
from collections import Counter
from itertools import pairwise
from pathlib import Path

from pypdf import PdfReader

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from exambank.cli import main
from tests.builders.test_pdf_layout import pages, text_positions
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
