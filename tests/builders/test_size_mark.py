"""A large-print edition says its size, "Large print 20 pt", under its cover's title, and the
answer key and sheet printed alone say it under their heading, in the bank's language, so
that a trainer tells a stack of 20 pt from one of 16 or 18 pt; a standard edition says
nothing of it. At 16 pt the mark takes its line from the space above the title: the rest of
the cover stays where it was, and a cover that fitted its page still does (above 16 pt the
cover has no such space: test_large_print_cover.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from weasyprint.formatting_structure.boxes import TextBox

import exambank.builders.front_matter as front_matter
from exambank.bank import Bank
from exambank.builders import Paper, Settings
from exambank.builders.answer_sheet import answer_sheet_html
from exambank.builders.handout import handout_html
from exambank.builders.handout_layout import lay_out
from exambank.builders.key_document import key_document_html
from exambank.builders.pdf import PdfBuilder
from exambank.lint import lint
from tests.builders.test_pdf_layout import pages
from tests.conftest import QUESTION, SEED_BANK, section_yaml

PX_PER_MM = 96 / 25.4  # WeasyPrint's layout is in CSS px


def documents(bank: Bank, settings: Settings) -> dict[str, str]:
    """The HTML of each document a build of ``settings`` makes: the editions' covers (their
    own keys are the student's), the key and the sheet printed alone."""
    made = {edition: handout_html(bank, edition, settings) for edition in ("student", "trainer")}
    made["answer-key"] = key_document_html(bank, settings)
    made["answer-sheet"] = answer_sheet_html(bank, settings)
    return made


@pytest.mark.parametrize("size", [16, 18, 20, 24])
def test_every_large_print_document_says_its_size_once(
    make_bank: Callable[..., Bank], size: int
) -> None:
    # 16 pt too: stacks of 16 and 18 pt look much alike
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)})
    settings = Settings(large_print=True, large_print_size=size)
    mark = f'<p class="size-mark">Large print {size}\u00a0pt</p>'
    for name, html in documents(bank, settings).items():
        assert html.count('class="size-mark"') == 1, name
        assert mark in html, name
    cover = documents(bank, settings)["student"].split('<section class="contents"')[0]
    assert mark in cover


def test_a_standard_document_says_nothing_of_a_size(make_bank: Callable[..., Bank]) -> None:
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)})
    for name, html in documents(bank, Settings(shuffle_seed="7")).items():
        assert "size-mark" not in html and "Large print" not in html, name


def test_the_size_is_said_in_the_bank_s_language(make_bank: Callable[..., Bank]) -> None:
    manifest = "id: test-bank\ntitle: Test\nlanguage: pl\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    settings = Settings(large_print=True, large_print_size=22)
    [student] = [step for step in PdfBuilder().steps(bank, settings) if "student" in step.name]
    assert pages(student.make().data)[0].startswith("Test Duży druk 22 pkt Wersja dla uczestników")
    # where the labels stand in for the bank's language, the mark says it is English
    manifest = manifest.replace("language: pl", "language: ja")
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    html = handout_html(bank, "student", settings)
    assert '<p class="size-mark" lang="en">Large print 22\u00a0pt</p>' in html


def edition_line(bank: Bank, settings: Settings, css: str = "") -> tuple[int, float]:
    """The student cover laid out alone (with ``css``): its pages, and the top (mm) of its
    line naming the edition."""
    html = handout_html(bank, "student", settings)
    html = html[: html.index('<section class="contents"')] + "</body>\n</html>\n"
    document = lay_out(html, bank.root, settings, {}, css)[1]
    [top, *_] = [
        box.position_y / PX_PER_MM
        for box in document.pages[0]._page_box.descendants()
        if isinstance(box, TextBox) and box.text == "Student edition"
    ]
    return len(document.pages), top


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_size_mark_leaves_the_rest_of_the_cover_where_it_was(
    monkeypatch: pytest.MonkeyPatch, paper: Paper
) -> None:
    # Set below the space above the title, the mark ran the seed's student cover at 16 pt
    # on Letter onto a second page, its last fact alone there
    [bank] = lint([SEED_BANK]).banks
    settings = Settings(paper=paper, large_print=True, large_print_size=16)
    pages_marked, marked = edition_line(bank, settings)
    monkeypatch.setattr(front_matter, "size_mark", lambda settings, labels: "")
    pages_unmarked, unmarked = edition_line(bank, settings, ".cover { padding-top: 42mm; }")
    assert marked == pytest.approx(unmarked, abs=0.1)
    assert pages_marked == pages_unmarked == 1
