"""Large print's tables and running heads at 14-16 pt in a face of normal width, a table
too wide for that as records, and images never smaller than in the standard edition: a
question that would fit on a page only with a smaller image breaks after it instead, and
the build says which images stay below their large-print size (review s27, findings 5, 6)."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.labels import ENGLISH
from exambank.builders.large_print_tables import wide_tables_as_records
from exambank.builders.pdf import PdfBuilder
from exambank.lint import lint
from tests.builders.test_large_print import printed_sizes, sizes_and_fonts
from tests.builders.test_pdf_image_fit import TALL as TALL_BAR
from tests.builders.test_pdf_image_fit import heights
from tests.builders.test_pdf_layout import image_boxes, pages
from tests.builders.test_pdf_tags import read_tags
from tests.conftest import QUESTION, section_yaml, write_bank

WIDE = """\
notes: |
  | Attribute | Real-Time Inference | Serverless Inference | Asynchronous Inference | Batch |
  | --- | --- | --- | --- | --- |
  | Latency | Low (milliseconds) | Low (but possible cold start delay) | Minutes | Hours |
  | Payload Size | Up to 6 MB | Up to 6 MB | Up to 1 GB | 100 MB per mini-batch |

  | Option | Choose it when |
  | --- | --- |
  | Batch | Processing an entire dataset at once |
"""


def test_large_print_sets_tables_and_running_heads_no_smaller_than_14_pt(make_bank):
    # Tables were 13 pt Semi-Condensed, the header, footer and page numbers 12 pt
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, extra=WIDE)})
    student = PdfBuilder().build(bank, Settings(large_print=True))[0]
    sizes, _ = sizes_and_fonts(student.data)
    assert min(sizes) >= 14.0, sizes
    text = "\n".join(pages(student.data))
    # the wide table prints as records: a row's first cell after its header, then each
    # other cell after its header (review s28, finding 9: the first header printed nowhere)
    assert "Attribute: Latency Real-Time Inference: Low (milliseconds)" in text, text
    assert "Serverless Inference: Low (but possible cold" in text, text
    assert "Attribute: Payload Size Real-Time Inference: Up to 6 MB" in text, text
    # a screen reader reads a record's title as one paragraph, header and cell
    titles = [p.words() for p in read_tags(student.data)[1].find("P") if "Attribute" in p.words()]
    assert titles == ["Attribute: Latency", "Attribute: Payload Size"], titles
    found = {text.strip(): round(size, 1) for text, size in printed_sizes(student.data)}
    assert found["Batch"] == found["Processing an entire dataset at once"] == 16.0
    assert {size for text, size in found.items() if text.startswith("Page ")} == {14.0}, found
    # the table's words are set in the face of normal width, as the body is
    for words in ("Batch", "Processing an entire dataset at once", "Latency", "Minutes"):
        assert "Condensed" not in fonts_of(student.data, words), words


def test_only_a_table_too_wide_for_the_page_becomes_records():
    head = "<thead>\n<tr>\n<th>Port</th>\n<th>Use</th>\n<th>Kind</th>\n</tr>\n</thead>"
    body = "<tbody>\n<tr>\n<td>443</td>\n<td>HTTPS</td>\n<td>TCP</td>\n</tr>\n</tbody>"
    narrow = f"<table>\n{head}\n{body}\n</table>"
    assert wide_tables_as_records(narrow) == narrow  # three short columns fit at 16 pt
    wide = narrow.replace("HTTPS", "Encrypted web traffic to every load balancer listener")
    assert wide_tables_as_records(wide) == (
        '<div class="records"><div class="record"><p class="record-title">'
        '<span class="record-name">Port:</span> 443</p>'
        '<p class="record-field"><span class="record-name">Use:</span> Encrypted web traffic '
        "to every load balancer listener</p>"
        '<p class="record-field"><span class="record-name">Kind:</span> TCP</p></div></div>'
    )
    # a first column without a header: its cells title their records alone
    unnamed = wide.replace("<th>Port</th>", "<th></th>")
    assert '<p class="record-title">443</p>' in wide_tables_as_records(unnamed)
    facts = '<table class="facts"><tr><th scope="row">Version</th><td>1</td></tr></table>'
    assert wide_tables_as_records(facts) == facts  # the handout's own tables stay


def fonts_of(data: bytes, words: str) -> str:
    """The fonts the text runs holding ``words`` are set in."""
    fonts: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if words in text and isinstance(font, dict):
            fonts.append(str(font.get("/BaseFont")))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    assert fonts, words
    return " ".join(fonts)


TALL = QUESTION.replace(
    "stem: Which AWS service trains, tunes and deploys ML models?",
    "stem: |\n  The settings screen below shows the configuration. Which service is it?\n\n"
    "  ![A long settings screen](tall.png)",
)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_large_print_image_never_prints_smaller_than_in_the_standard_edition(make_bank, paper):
    # A 600x1400 screenshot printed at 90 % of its standard size to keep its question on a
    # page; now the question breaks after it, and the build says it cannot reach 1.7 times
    bank = make_bank({"01-main.yaml": section_yaml(TALL)})
    Image.new("RGB", (600, 1400), "navy").save(bank.root / "tall.png")
    standard = PdfBuilder().build(bank, Settings(paper=paper))
    large = PdfBuilder().build(bank, Settings(paper=paper, large_print=True))
    for normal, enlarged in zip(standard, large, strict=True):
        [(_, _, bottom, _, top)] = image_boxes(normal.data)
        [(page, _, large_bottom, _, large_top)] = image_boxes(enlarged.data)
        assert large_top - large_bottom >= top - bottom - 0.01, (normal.name, paper)
        text = pages(enlarged.data)
        # the stem on the image's page (if it fits there), the options on the next
        assert "AWS Lambda" not in text[page] and "AWS Lambda" in text[page + 1]
        # and the foot of the stem's page says so, that of the options' page does not
        continued = ENGLISH.continued
        assert continued in text[page] and continued not in text[page + 1], text
        [note] = [note for note in enlarged.notes if note.startswith("tall.png prints at ")]
        assert "% of its large-print size (" in note, note
        assert any("broken after its images" in note for note in enlarged.notes)
    # Laid out again, the handout is the same to the byte
    again = PdfBuilder().steps(bank, Settings(paper=paper, large_print=True))[1].make()
    assert again.data == large[1].data


@pytest.fixture(scope="module")
def headed_bank(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    """Two sections that open with a question showing a 400x3000 px image (as
    test_pdf_image_fit's): a summary parts the first's title from "Practice questions";
    the second's number, title and "Practice questions" are all kept with its question."""
    tower = TALL_BAR.replace("id: q1", "id: q2").replace("A tall bar", "A tall tower")
    root = tmp_path_factory.mktemp("headed") / "bank"
    summary = "summary: A line of summary between the title and the questions.\n"
    sections = {
        "01-first.yaml": section_yaml(TALL_BAR, section_id="first", extra=summary),
        "02-second.yaml": section_yaml(tower, section_id="second"),
    }
    write_bank(root, sections)
    Image.new("RGB", (400, 3000), "navy").save(root / "tall.png")
    return lint([root]).banks[0]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_tall_large_print_question_keeps_its_heading_and_its_standard_size(headed_bank, paper):
    # Its image no longer shrinks below the standard edition's size to keep the question
    # on one page, nor is "Practice questions" (or a section's title) left without it
    standard = PdfBuilder().build(headed_bank, Settings(paper=paper))
    large = PdfBuilder().build(headed_bank, Settings(paper=paper, large_print=True))
    for normal, enlarged in zip(standard, large, strict=True):
        text = pages(enlarged.data)
        for stem, headings in (
            ("A tall bar", ["practice questions"]),
            ("A tall tower", ["section 2", "practice questions"]),
        ):
            [page] = [page for page in text if stem in page]
            for heading in headings:
                assert heading in page.lower(), (enlarged.name, heading, text)
        for (_, before), (_, after) in zip(
            heights(normal.data), heights(enlarged.data), strict=True
        ):
            assert after >= before - 0.01, (enlarged.name, before, after)


# A stem that opens with a 300x4000 px image in a paragraph of its own (review s34, 1)
OPENS_WITH_IMAGE = QUESTION.replace(
    "stem: Which AWS service trains, tunes and deploys ML models?",
    "stem: |\n  ![A tall chart](tall.png)\n\n"
    "  Which AWS service trains, tunes and deploys ML models?",
)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_heading_keeps_a_question_whose_stem_opens_with_a_page_high_image(make_bank, paper):
    # At 24 pt "Section 1 / Main / Practice questions" printed alone on a page, the image
    # on the next and the stem's text on the one after: the question now starts below the
    # heading, its image no smaller than in the standard edition, and runs over
    bank = make_bank({"01-main.yaml": section_yaml(OPENS_WITH_IMAGE)})
    Image.new("RGB", (300, 4000), "navy").save(bank.root / "tall.png")
    standard = PdfBuilder().build(bank, Settings(paper=paper))
    large = PdfBuilder().build(bank, Settings(paper=paper, large_print=True, large_print_size=24))
    for normal, enlarged in zip(standard, large, strict=True):
        text = pages(enlarged.data)
        [(page, _, bottom, _, top)] = image_boxes(enlarged.data)
        assert "Practice questions 1 " in text[page], (enlarged.name, text)
        assert "Which AWS service" in text[page + 1], (enlarged.name, text)
        [(_, _, standard_bottom, _, standard_top)] = image_boxes(normal.data)
        assert top - bottom >= standard_top - standard_bottom - 0.01, enlarged.name
