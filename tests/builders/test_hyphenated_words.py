"""A word hyphenated in a table, as search, copy and a screen reader get it: whole. The
page shows it across two lines with a hyphen; the marked content of those lines, and the
Spans holding them, carry the word whole as their replacement text (/ActualText)."""

from __future__ import annotations

import io
from itertools import pairwise
from types import SimpleNamespace

from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

from exambank.builders import Settings
from exambank.builders.hyphenated_words import _added_hyphen, _identifier_break
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_tags import Element, read_tags
from tests.builders.test_question_headings import drawn
from tests.conftest import QUESTION, section_yaml

GERMAN = "id: test-bank\ntitle: Test\nlanguage: de\nsections: [main]\n"
WORD = "Barrierefreiheitsstärkungsgesetz"
TABLE = f"""\
notes: |
  | Gesetz | Behörde | Pflicht |
  | --- | --- | --- |
  | Das {WORD} gilt | **Marktüberwachungsbehörde** der Länder | Barrierefreiheitsanforderungen |
"""
# Large print sets a table of three columns too wide for the page as records
# (large_print_tables.py): its table has two
TWO_COLUMNS = f"""\
notes: |
  | Gesetz | Behörde und Pflicht |
  | --- | --- |
  | Das {WORD} gilt | **Marktüberwachungsbehörde** der Länder: Barrierefreiheitsanforderungen |
"""
HYPHEN = "\u2010"  # WeasyPrint's hyphenation character


def replacements(data: bytes) -> list[tuple[int, str]]:
    """The marked content that has replacement text: its MCID and that text, in order."""
    reader = PdfReader(io.BytesIO(data))
    found = []
    for page in reader.pages:
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            properties = operands[1] if operator == b"BDC" and len(operands) > 1 else None
            if isinstance(properties, DictionaryObject) and "/ActualText" in properties:
                found.append((properties["/MCID"], str(properties["/ActualText"])))
    return found


def cells(data: bytes) -> list[Element]:
    """The cells of the table in ``TABLE``'s notes: its second row."""
    found = read_tags(data)[1].find("TD")
    return [cell for cell in found if drawn(cell).startswith(("Das ", "Markt", "Barriere"))]


def test_a_word_hyphenated_in_a_large_print_table_is_whole_for_search_and_speech(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, extra=TWO_COLUMNS)}, GERMAN)
    for output in PdfBuilder().build(bank, Settings(large_print=True)):
        word, rest = cells(output.data)
        # the page hyphenates the word (a large print column is narrow for its text) ...
        assert drawn(word) == f"Das Barrierefreiheitsstär{HYPHEN} kungsgesetz gilt"
        # ... a screen reader hears each word whole, once
        assert word.words() == f"Das {WORD} gilt"
        assert rest.words() == "Marktüberwachungsbehörde der Länder: Barrierefreiheitsanforderungen"
        # and so does the text (search, copy): the line's marked content, not only its tag
        assert (WORD, " gilt") in set(pairwise(text for _, text in replacements(output.data)))


def test_a_table_whose_words_fit_keeps_its_text_as_drawn(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, extra=TABLE)}, GERMAN)
    student = PdfBuilder().build(bank, Settings())[0].data
    assert HYPHEN not in "".join(drawn(cell) for cell in cells(student))
    assert replacements(student) == []


def test_only_the_hyphen_weasyprint_adds_joins_a_word():
    box = SimpleNamespace(style={"hyphenate_character": HYPHEN})
    assert _added_hyphen(box, f"Barrierefreiheitsstär{HYPHEN}", "kungsgesetz", WORD) == HYPHEN
    # a hyphen the author wrote, where the line breaks, stays
    assert _added_hyphen(box, f"E{HYPHEN}", "Mail-Adresse", f"E{HYPHEN}Mail-Adresse") == ""
    assert _added_hyphen(box, f"Barrierefreiheitsstär{HYPHEN}", None, WORD) == ""  # an image
    assert _added_hyphen(box, "Barrierefreiheitsstär", "kungsgesetz", WORD) == ""
    assert _added_hyphen(box, HYPHEN, "kungsgesetz", WORD) == ""  # no word before it


def test_only_a_break_inside_a_name_joins_its_lines():
    assert _identifier_break("Amazon\u200b", "Route53Resolver") == "\u200b"
    # the answer sheet's space between two circles ends in one: no name runs across it
    assert _identifier_break(" \u200b", "B") is None
    assert _identifier_break("Amazon\u200b", " B") is None
