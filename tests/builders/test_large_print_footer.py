"""The large-print footer whole on the paper (page_footer.py): the edition line, which wraps
and is never cut, as deep a bottom margin as its lines need at any size, in any language;
and "Page N of M" in a box as wide as its words, on one line, whatever its page count."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from weasyprint.document import Document, Page
from weasyprint.formatting_structure.boxes import MarginBox

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.answer_sheet import answer_sheet_html
from exambank.builders.editions import Edition, footer_text
from exambank.builders.glyphs import text_width
from exambank.builders.handout import handout_html
from exambank.builders.handout_layout import fitted_layout, lay_out
from exambank.builders.key_document import key_document_html
from exambank.builders.labels import LABELS
from exambank.builders.large_print_images import ImageSizes
from exambank.builders.page_footer import PageFooter
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_continued import LONG, SHORT_AFTER
from tests.builders.test_pdf_layout import MM, text_positions
from tests.conftest import QUESTION, section_yaml

PX = 72 / 96  # points in a CSS pixel, WeasyPrint's unit
# A long version and seed: at 24 pt the trainer edition's footer wraps to 4 to 8 lines
VERSION = "2025.11-rc3+build.20251128"
SEED = "spring 2025 midterm, version B, group 7"


def manifest(language: str) -> str:
    return (
        f"id: test-bank\ntitle: Test bank\nlanguage: {language}\n"
        f'version: "{VERSION}"\nsections: [main]\n'
    )


def footer_ends(document: Document) -> list[float]:
    """How far above the paper's edge each page's footer ends (its lowest line), in points."""
    ends = []
    for page in document.pages:
        box = page._page_box
        lines = [
            line
            for margin in box.children
            if isinstance(margin, MarginBox) and margin.at_keyword.startswith("@bottom")
            for line in margin.children
        ]
        if lines:  # not the cover
            lowest = max(line.position_y + line.height for line in lines)
            ends.append((box.margin_height() - lowest) * PX)
    return ends


@pytest.mark.parametrize("language", sorted(LABELS))
def test_a_long_footer_at_24_pt_ends_5_mm_above_the_paper_s_edge_in_every_language(
    make_bank: Callable[..., Bank], language: str
) -> None:
    # At 24 pt the margin held four lines: the fifth and on, the seed that tells loose
    # pages apart, ran off the paper. Each language's trainer edition: its words wrap too.
    sections = {"01-main.yaml": section_yaml(LONG)}  # runs over pages: a line above the footer
    bank = make_bank(sections, manifest(language))
    settings = Settings(large_print=True, large_print_size=24, shuffle_seed=SEED)
    footer = PageFooter.of(bank, "trainer", settings)
    html = handout_html(bank, "trainer", settings)
    document = lay_out(html, bank.root, settings, {}, footer.stylesheet(3))[1]
    ends = footer_ends(document)
    assert min(ends) >= 5 * MM - 0.01, (footer.lines(3), ends)
    # counted, not guessed: on a page a question runs over from, the margin leaves room
    # for a line at most that the footer does not take (a line counted with the glyphs'
    # advances, which kerning narrows, may take one more)
    assert min(ends) < 5 * MM + 2 * footer.line_height, (footer.lines(3), ends)


@pytest.mark.parametrize("document", ["answer-key", "answer-sheet"])
def test_a_key_or_sheet_printed_alone_keeps_no_line_for_continued_words(
    make_bank: Callable[..., Bank], document: Edition
) -> None:
    # No question runs over a page of the key or the sheet, so no page says it continues:
    # the line their footer kept for it took 8.6 mm of each page at 24 pt (review s31-lp #3)
    questions = [QUESTION.replace("id: q1", f"id: q{number}") for number in range(1, 41)]
    bank = make_bank({"01-main.yaml": section_yaml(*questions)}, manifest("de"))
    settings = Settings(large_print=True, large_print_size=24, shuffle_seed=f"{SEED}, {SEED}")
    footer = PageFooter.of(bank, document, settings)
    sheet = key_document_html if document == "answer-key" else answer_sheet_html
    html = sheet(bank, settings)
    ends = footer_ends(lay_out(html, bank.root, settings, {}, footer.stylesheet(3))[1])
    assert footer.margin(3) > footer.LEAST_MARGIN  # a footer the margin is measured for
    assert 5 * MM - 0.01 <= min(ends) < 5 * MM + footer.line_height, (footer.lines(3), ends)


# Longer than a page at 24 pt in the trainer edition alone, which prints the explanation
LONG_EXPLANATION = QUESTION.replace("id: q1", "id: q2").replace(
    "explanation: SageMaker covers the whole ML lifecycle.",
    "explanation: " + "SageMaker covers the whole ML lifecycle, from data to endpoint. " * 30,
)


def test_an_edition_no_question_runs_over_in_keeps_no_line_for_continued_words(
    make_bank: Callable[..., Bank],
) -> None:
    # Kept on every page, the line left the footer's last line a line higher than 5 mm from
    # the paper's edge on each page of a student edition that says "Continued" on none
    # (review s32-lp #4); the trainer edition, whose question runs over, keeps it
    sections = {"01-main.yaml": section_yaml(QUESTION, LONG_EXPLANATION, SHORT_AFTER)}
    bank = make_bank(sections, manifest("de"))
    settings = Settings(large_print=True, large_print_size=24, shuffle_seed=SEED)
    student = PageFooter.of(bank, "student", settings)
    html = handout_html(bank, "student", settings)
    document = fitted_layout(html, bank.root, settings, ImageSizes(), None, None, student)[1]
    assert not [page for page in document.pages if footer_lines(page).get("@bottom-center")]
    ends = footer_ends(document)
    assert 5 * MM - 0.01 <= min(ends) <= max(ends) < 5 * MM + 0.1 * MM, ends
    trainer = PageFooter.of(bank, "trainer", settings)
    html = handout_html(bank, "trainer", settings)
    document = fitted_layout(html, bank.root, settings, ImageSizes(), None, None, trainer)[1]
    continued = [page for page in document.pages if footer_lines(page).get("@bottom-center")]
    assert continued  # the explanation runs over: its pages say so, and have room for it
    for page in document.pages[1:]:
        assert page._page_box.margin_bottom * PX == pytest.approx(trainer.margin(3), abs=0.01)
    assert min(footer_ends(document)) >= 5 * MM - 0.01
    assert min(footer_ends(document)) < 5 * MM + 0.1 * MM  # on a page saying "Continued"


def test_a_student_edition_at_24_pt_prints_its_whole_footer_on_every_page(
    make_bank: Callable[..., Bank], tmp_path: Path
) -> None:
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, LONG, SHORT_AFTER)}, manifest("de"))
    settings = Settings(large_print=True, large_print_size=24, shuffle_seed=SEED)
    [step] = [step for step in PdfBuilder().steps(bank, settings) if "student" in step.name]
    pdf = tmp_path / "student.pdf"
    pdf.write_bytes(step.make().data)
    # what the paper holds of each page: pdftotext leaves out what is drawn past its edge
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
    texts = [" ".join(text.split()) for text in printed.stdout.split("\f")[:-1]]
    # its words whatever the lines they wrap to: Pango breaks "rc3+build." / "20251128" too
    words = "".join(footer_text(bank, "student", settings, LABELS["de"]).split())
    numbers = {number: f"Seite {number} von {len(texts)}" for number in range(1, len(texts) + 1)}
    footed = {number: text for number, text in enumerate(texts, 1) if numbers[number] in text}
    assert len(footed) >= len(texts) - 2  # but the cover, which the seed runs onto a page
    for number, text in footed.items():
        assert words in "".join(text.replace(numbers[number], " ").split()), (number, text)
    lowest = min(y for page in text_positions(pdf.read_bytes())[1:] for _, y, _ in page)
    assert lowest >= 5 * MM  # the last line's baseline: on the paper, where printers print


@pytest.mark.parametrize(("language", "size"), [("ru", 16), ("ru", 24)])
def test_a_page_count_of_more_digits_than_laid_out_for_is_laid_out_again_with_room(
    make_bank: Callable[..., Bank], monkeypatch: pytest.MonkeyPatch, language: str, size: int
) -> None:
    # As a document of 1000 pages or more, laid out for 999: here 10 pages, laid out for 9
    monkeypatch.setattr(PageFooter, "LEAST_DIGITS", 1)
    questions = [QUESTION.replace("id: q1", f"id: q{number}") for number in range(1, 25)]
    bank = make_bank({"01-main.yaml": section_yaml(*questions)}, manifest(language))
    settings = Settings(large_print=True, large_print_size=size)
    footer = PageFooter.of(bank, "student", settings)
    html = handout_html(bank, "student", settings)
    document = fitted_layout(html, bank.root, settings, ImageSizes(), None, None, footer)[1]
    assert len(document.pages) >= 10
    for page in document.pages[1:]:
        boxes = page._page_box.children
        [right] = [box for box in boxes if getattr(box, "at_keyword", "") == "@bottom-right"]
        assert len(right.children) == 1, page  # "Страница 10 из 12" on one line
        assert right.width * PX >= footer.page_number_width(2) - 0.01


def footer_lines(page: Page) -> dict[str, list[tuple[float, str]]]:
    """Each bottom margin box's lines on ``page`` that hold words: how far down the page
    each is (in points) and its words."""
    boxes = [box for box in page._page_box.children if isinstance(box, MarginBox)]
    lines: dict[str, list[tuple[float, str]]] = {}
    for box in boxes:
        if box.at_keyword.startswith("@bottom"):
            texts = [
                (
                    line.position_y * PX,
                    "".join(getattr(part, "text", "") for part in line.descendants()),
                )
                for line in box.children
            ]
            lines[box.at_keyword] = [(y, text) for y, text in texts if text.strip()]
    return lines


@pytest.mark.parametrize(("language", "paper"), [("de", "letter"), ("ru", "a4")])
def test_a_long_edition_line_at_24_pt_goes_across_the_line_under_the_page_number(
    make_bank: Callable[..., Bank], language: str, paper: str
) -> None:
    # Beside the page number's box, a long version and seed wrapped to 5 to 8 lines at 24 pt,
    # and the footer took a quarter of the paper (review s31-lp #2): across the line they
    # take 3 or 4, and the page number one of its own above them, at the right
    sections = {"01-main.yaml": section_yaml(QUESTION, LONG, SHORT_AFTER)}
    bank = make_bank(sections, manifest(language))
    settings = Settings(large_print=True, large_print_size=24, paper=paper, shuffle_seed=SEED)
    footer = PageFooter.of(bank, "trainer", settings)
    html = handout_html(bank, "trainer", settings)
    document = lay_out(html, bank.root, settings, {}, footer.stylesheet(3))[1]
    assert footer.lines(3) <= 6  # with "Continued on the next page"; beside, 6 to 9
    line_width = PageFooter.WIDTH[paper]
    continued = 0
    for page in document.pages[1:]:
        lines = footer_lines(page)
        [(number_y, number)] = lines["@bottom-right"]
        assert number.startswith(LABELS[language].page.split("{")[0]), number
        edition = lines["@bottom-left"]
        # every line of it under the page number, and as many as counted
        assert all(y > number_y for y, _ in edition), (number_y, edition)
        assert len(edition) == footer.edition_lines(3) - 1, edition
        # across the line: wider than the room beside the page number's box
        widest = max(text_width(text, PageFooter.FONT, footer.size) for _, text in edition)
        assert widest > line_width - footer.page_number_width(3)
        # and where a question runs over, the words saying so above the page number
        for words_y, _ in lines.get("@bottom-center", []):
            continued += 1
            assert words_y < number_y
    assert continued >= 1  # the question runs over pages
    assert min(footer_ends(document)) >= 5 * MM - 0.01


@pytest.mark.parametrize(("size", "margin"), [(16, 20.0), (24, 24.75)])
def test_a_short_footer_s_margin_is_as_deep_as_its_lines_and_no_deeper(
    make_bank: Callable[..., Bank], size: int, margin: float
) -> None:
    # "Student edition · v1.0" and the line for "Continued": 28 mm at 16 pt and 42 mm at 24
    # held it, its last line 20 mm above the paper's edge where 5 mm are enough
    # (review s31-lp #6); at 16 pt it needs 19 mm, and the least is 20
    manifest = "id: test-bank\ntitle: Test bank\nlanguage: en\nversion: 1.0\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    settings = Settings(large_print=True, large_print_size=size)
    footer = PageFooter.of(bank, "student", settings)
    document = lay_out(
        handout_html(bank, "student", settings), bank.root, settings, {}, footer.stylesheet(3)
    )[1]
    page = document.pages[1]._page_box
    assert page.margin_bottom * PX / MM == pytest.approx(margin, abs=0.05)


# The footer of review s31-lp: a version and a seed of many words
LONG_VERSION = "2025.2 (spring term revision for the Munich and Warsaw training centres, draft 3)"
SHORT_LAST = "spring 2025 midterm, version B"


@pytest.mark.parametrize(("language", "size", "paper"), [("fr", 24, "letter"), ("de", 20, "a4")])
def test_no_line_of_the_footer_starts_with_its_dot_nor_ends_it_with_a_word_alone(
    make_bank: Callable[..., Bank], language: str, size: int, paper: str
) -> None:
    # In French at 24 pt a line started "· v2025.2", in German at 20 pt the last line held
    # only the seed's "B" (review s31-lp #9)
    manifest = (
        f"id: test-bank\ntitle: Test bank\nlanguage: {language}\n"
        f'version: "{LONG_VERSION}"\nsections: [main]\n'
    )
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    settings = Settings(
        large_print=True, large_print_size=size, paper=paper, shuffle_seed=SHORT_LAST
    )
    footer = PageFooter.of(bank, "trainer", settings)
    html = handout_html(bank, "trainer", settings)
    document = lay_out(html, bank.root, settings, {}, footer.stylesheet(3))[1]
    edition = [text.strip() for _, text in footer_lines(document.pages[1])["@bottom-left"]]
    assert not [line for line in edition if line.startswith("\u00b7")], edition
    assert len(edition[-1].split()) >= 2 or len(edition[-1]) > 3, edition
    # counted as WeasyPrint sets it: a no-break space joins two words on one line
    assert len(edition) == footer.edition_lines(3) - footer.stacked(3), edition


def test_the_large_print_footer_joins_its_dots_and_short_last_word_to_the_word_before(
    make_bank: Callable[..., Bank],
) -> None:
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest("en"))
    large = Settings(large_print=True, shuffle_seed="spring 2025, version B")
    assert footer_text(bank, "student", large, LABELS["en"]) == (
        f"Student edition\u00a0\u00b7 v{VERSION}\u00a0\u00b7 shuffle spring 2025, version\u00a0B"
    )
    assert footer_text(
        bank, "student", replace(large, shuffle_seed="A1 and B12"), LABELS["en"]
    ).endswith("A1 and\u00a0B12")
    # the standard edition's small print as it was: its documents keep their bytes
    standard = Settings(shuffle_seed="spring 2025, version B")
    assert footer_text(bank, "student", standard, LABELS["en"]) == (
        f"Student edition \u00b7 v{VERSION} \u00b7 shuffle spring 2025, version B"
    )
