"""A large-print cover on one page where the type leaves room for it, and never a cover cut
in two: where the description, at the body's size, does not fit under the rest, the first
page still holds the title, the size, the edition and every fact, and the description starts
the next cover page whole. A description longer than a page runs on over more cover pages.
Nothing on the cover is set smaller than the body. Laid out alone, as the cover ends its
pages (the contents start a page)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from weasyprint.formatting_structure.boxes import TextBox

from exambank.bank import Bank
from exambank.builders import Paper, Settings
from exambank.builders.handout import Edition, handout_html
from exambank.builders.render import _layout
from exambank.lint import lint
from tests.conftest import QUESTION, SEED_BANK, section_yaml

BUILT = datetime(2026, 1, 1)  # a build date, so the facts have their row for it
PX_PER_PT = 96 / 72  # WeasyPrint's layout is in CSS px
# The seed's description: the first words of its two paragraphs, and its last
SEED_DESCRIPTION = ("Amazon SageMaker for the AWS", "Transcribed from the", "Deep Dive.")


def cover_pages(bank: Bank, edition: Edition, settings: Settings) -> list[tuple[str, float]]:
    """Each page the cover takes, laid out alone: its text, and its least font size (pt)."""
    html = handout_html(bank, edition, settings)
    html = html[: html.index('<section class="contents"')] + "</body>\n</html>\n"
    document = _layout(html, bank.root, settings, {}, "")[1]
    assert {page._page_box.page_type.name for page in document.pages} == {"cover"}
    pages = []
    for page in document.pages:
        boxes = [box for box in page._page_box.descendants() if isinstance(box, TextBox)]
        # each box's words: a full stop after bold words is a box of its own (" .")
        text = " ".join(" ".join(box.text.split()) for box in boxes).replace(" .", ".")
        pages.append((text, min(box.style["font_size"] / PX_PER_PT for box in boxes)))
    return pages


@pytest.fixture(scope="module")
def seed() -> Bank:
    [bank] = lint([SEED_BANK]).banks
    return bank


def large_print(paper: Paper, size: int) -> Settings:
    return Settings(paper=paper, build_date=BUILT, large_print=True, large_print_size=size)


@pytest.mark.parametrize(("paper", "size"), [("letter", 18), ("a4", 19)])
@pytest.mark.parametrize("edition", ["student", "trainer"])
def test_the_seed_s_large_print_cover_is_one_page(
    seed: Bank, paper: Paper, size: int, edition: Edition
) -> None:
    # Its facts ran onto a second page: at 18 pt on A4 the last, on Letter two or three
    [(text, smallest)] = cover_pages(seed, edition, large_print(paper, size))
    assert all(words in text for words in SEED_DESCRIPTION), text
    assert "Version 1.0 Built 2026-01-01" in text and "55 practice questions" in text, text
    assert smallest == size  # the description and the facts at the body's size


@pytest.mark.parametrize(("paper", "size"), [("a4", 20), ("a4", 24), ("letter", 24)])
@pytest.mark.parametrize("edition", ["student", "trainer"])
def test_a_cover_too_tall_for_a_page_starts_its_description_on_the_next_whole(
    seed: Bank, paper: Paper, size: int, edition: Edition
) -> None:
    # The seed's description is 114 mm at 20 pt on A4, the rest of the cover 155 mm of the
    # page's 257. Its second page held the facts alone at 20 pt; at 24 pt the first ended
    # in mid-sentence, the second held the rest of the description and the facts
    pages = cover_pages(seed, edition, large_print(paper, size))
    [(first, smallest), (second, smallest_after)] = pages
    edition_words = "Student edition Name:" if edition == "student" else "Trainer edition"
    assert f"Large print {size} pt {edition_words}" in first, first
    facts = "Version 1.0 Built 2026-01-01 Contents 11 sections, 55 practice questions"
    assert first.endswith(facts), first
    assert second.startswith(SEED_DESCRIPTION[0]) and second.endswith(SEED_DESCRIPTION[2]), second
    assert smallest == smallest_after == size  # nothing smaller than the body


def test_a_long_description_runs_on_over_more_cover_pages(make_bank: Callable[..., Bank]) -> None:
    starts = [f"Paragraph {number}:" for number in range(1, 13)]
    paragraph = " the handout covers the exam's topics in order." * 8
    description = "".join(f"  {start}{paragraph}\n\n" for start in starts)
    manifest = f"id: test-bank\ntitle: Test\nversion: '2'\ndescription: |\n{description}"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest + "sections: [main]\n")
    pages = cover_pages(bank, "student", large_print("a4", 16))
    assert len(pages) >= 3, pages
    first, *rest = (text for text, _ in pages)
    assert "Version 2" in first and "Paragraph" not in first, first  # the facts first
    described = " ".join(rest)
    assert all(start in described for start in starts), described
