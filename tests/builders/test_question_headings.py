"""A question's heading as a screen reader and as a copy get it: the page and its text
show the number alone, and the tagged heading is named as its bookmark is ("Question 1",
in the bank's language) by its description, /Alt, not by words hidden on the page."""

from __future__ import annotations

import re

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf import pages
from tests.builders.test_pdf_reading import two_sections
from tests.builders.test_pdf_tags import Element, read_tags
from tests.conftest import QUESTION, section_yaml


def drawn(element: Element) -> str:
    """The text an element's marked content draws, whatever describes it, whitespace
    collapsed."""
    parts = (part if isinstance(part, str) else drawn(part) for part in element.content)
    return " ".join(" ".join(parts).split())


def test_a_question_s_heading_is_described_as_a_question_and_shows_its_number(make_bank):
    bank = two_sections(make_bank)
    for large_print in (False, True):
        for output in PdfBuilder().build(bank, Settings(large_print=large_print)):
            _, document = read_tags(output.data)
            headings = document.find("H4")
            assert [heading.raw.get("/Alt") for heading in headings] == [
                f"Question {number}" for number in range(1, 15)
            ]
            # a description, not replacement text: what a copy or a search gets is the number
            assert not [heading for heading in headings if "/ActualText" in heading.raw]
            assert [drawn(heading) for heading in headings] == [str(n) for n in range(1, 15)]
            # no word hidden on the page: its text has the number alone
            assert not [text for text in pages(output.data) if re.search(r"Question \d", text)]


def test_a_question_s_heading_is_described_in_the_bank_s_language(make_bank):
    manifest = "id: test-bank\ntitle: Test\nlanguage: de\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    student = PdfBuilder().build(bank, Settings())[0].data
    [heading] = read_tags(student)[1].find("H4")
    assert (heading.raw.get("/Alt"), drawn(heading)) == ("Frage 1", "1")
    [page] = [text for text in pages(student) if "trains, tunes" in text]  # the question's
    assert "Frage" not in page
