"""The running header: the bank's title at the left, the section's at the right, each cut at
a word with a "…" when both do not fit, and read back from the PDF as printed: a viewer's
search, a copy and an indexer get the words the page shows, not another section's."""

from __future__ import annotations

from fontTools.ttLib import TTFont

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.glyphs import FONTS
from exambank.builders.handout import handout_html
from exambank.builders.pdf import PdfBuilder
from exambank.markdown import typeset
from tests.builders.test_pdf_layout import HEADER, MM, text_positions
from tests.conftest import QUESTION, section_yaml

ELLIPSIS = "\u2026"


def width(text: str, size: float) -> float:
    """How wide ``text`` sets in the header's font (the shipped sans), in points."""
    with TTFont(FONTS / "DejaVuSansCondensed.ttf") as font:
        advances, glyphs = font["hmtx"], font.getBestCmap()
        return sum(advances[glyphs[ord(c)]][0] for c in text) * size / font["head"].unitsPerEm


# Large print's top margin is 18 mm, not 24: its footer's is deeper (large-print.css)
LARGE_PRINT_HEADER = 297 * MM - 18 * MM


def headers(data: bytes, top: float = HEADER) -> list[list[tuple[float, str]]]:
    """Each page's running header: its text runs, left to right, with where they start,
    above ``top`` (the page's text starts below it, in points from the foot of A4)."""
    return [
        sorted((x, text.strip()) for x, y, text in page if y > top) for page in text_positions(data)
    ]


def cut_from(printed: str, title: str) -> bool:
    """Whether ``printed`` is ``title``, or a beginning of it ended at a word with "…"."""
    if printed == title:
        return True
    kept = printed.removesuffix(ELLIPSIS)
    return kept != printed and title.startswith(kept) and title[len(kept)] in " ,;:\u2013-&"


def test_large_print_headers_hold_their_own_section_titles_as_printed(seed_bank: Bank):
    student = PdfBuilder().steps(seed_bank, Settings(large_print=True))[0].make().data
    book = typeset(seed_bank.manifest.title)
    titles = [typeset(section.title) for section in seed_bank.sections] + ["Answer key"]
    reached = 0  # the section the pages have come to: headers follow the sections' order
    cut = 0
    pages = headers(student, LARGE_PRINT_HEADER)
    assert [text for _, text in pages[1]] == [book]  # the contents: no section yet
    for page, runs in enumerate(pages[2:], start=3):
        (left_x, left), (right_x, right) = runs
        assert cut_from(left, book), (page, left)
        own = [index for index, title in enumerate(titles) if cut_from(right, title)]
        assert own and own[0] >= reached, (page, right)  # "Dashboard& Feature Store" was not
        reached = own[0]
        cut += right != titles[reached]
        # the two titles do not run into each other: 4 mm at least between them
        assert left_x + width(left, 12) + 4 * MM <= right_x
    assert reached == len(titles) - 1 and cut > 5  # every section, and long titles were cut


def test_a_long_bank_title_takes_the_room_a_short_section_title_leaves(make_bank):
    title = "US amateur radio Element 2 Technician Class question pool (2018-2022) with notes"
    manifest = f"id: test-bank\ntitle: {title}\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    student = PdfBuilder().steps(bank, Settings())[0].make().data
    assert [text for _, text in headers(student)[2]] == [title, "Main"]
    # whole on the page too, not only in the text: what the header prints is the HTML's
    html = handout_html(bank, "student", Settings())
    assert f'data-head-book="{title}" data-head-section="Main"' in html


def test_titles_too_long_for_the_line_are_cut_at_a_word(make_bank):
    title = "Networking fundamentals for the associate exam, with every protocol in detail"
    section = "Routing and switching: OSPF, BGP, spanning tree, VLANs and the rest of it"
    manifest = f"id: test-bank\ntitle: {title}\nsections: [main]\n"
    body = section_yaml(QUESTION).replace("title: Main", f"title: '{section}'")
    bank = make_bank({"01-main.yaml": body}, manifest)
    student = PdfBuilder().steps(bank, Settings(large_print=True))[0].make().data
    (_, left), (_, right) = headers(student, LARGE_PRINT_HEADER)[2]
    assert left.endswith(ELLIPSIS) and right.endswith(ELLIPSIS), (left, right)
    assert cut_from(left, title) and cut_from(right, section), (left, right)
