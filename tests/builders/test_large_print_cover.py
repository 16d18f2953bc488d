"""A large-print cover on one page where the type leaves room for it, and never a cover cut
in two: where the description, at the body's size, does not fit under the rest, the first
page still holds the title, the size, the edition and every fact, even at 24 pt with a long
version and seed, and the description starts under them and runs on over more cover pages,
never a short one alone on the second. Nothing on the cover is set smaller than the body.
Laid out alone, as the cover ends its pages (the contents start a page)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

import pytest
from weasyprint.formatting_structure.boxes import TextBox

from exambank.bank import Bank
from exambank.builders import Paper, Settings
from exambank.builders.editions import Edition
from exambank.builders.handout import handout_html
from exambank.builders.handout_layout import lay_out
from exambank.lint import lint
from tests.conftest import QUESTION, SEED_BANK, section_yaml

BUILT = datetime(2026, 1, 1)  # a build date, so the facts have their row for it
PX_PER_PT = 96 / 72  # WeasyPrint's layout is in CSS px
# The seed's description: the first words of its two paragraphs, and its last
SEED_DESCRIPTION = ("Amazon SageMaker for the AWS", "Transcribed from the", "Deep Dive.")
# The review's (s31, findings 7 and 8): a long version, and a long seed
LONG_VERSION = "2025.2 (spring term revision for the Munich and Warsaw training centres, draft 3)"
SHUFFLE_SEED = "spring 2025 midterm, version B"


def cover_pages(bank: Bank, edition: Edition, settings: Settings) -> list[tuple[str, float]]:
    """Each page the cover takes, laid out alone: its text, and its least font size (pt)."""
    html = handout_html(bank, edition, settings)
    html = html[: html.index('<section class="contents"')] + "</body>\n</html>\n"
    document = lay_out(html, bank.root, settings, {}, "")[1]
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


def large_print(paper: Paper, size: int, shuffle_seed: str | None = None) -> Settings:
    return Settings(
        paper=paper,
        build_date=BUILT,
        shuffle_seed=shuffle_seed,
        large_print=True,
        large_print_size=size,
    )


def written_in(bank: Bank, language: str, version: str) -> Bank:
    """The bank as if its manifest gave this language and version."""
    update = {"language": language, "version": version}
    return replace(bank, manifest=bank.manifest.model_copy(update=update))


@pytest.mark.parametrize(
    ("paper", "size"), [("letter", 18), ("a4", 19), ("letter", 19), ("a4", 20)]
)
@pytest.mark.parametrize("edition", ["student", "trainer"])
def test_the_seed_s_large_print_cover_is_one_page(
    seed: Bank, paper: Paper, size: int, edition: Edition
) -> None:
    # Its facts ran onto a second page: at 18 pt on A4 the last, on Letter two or three;
    # then its description, kept whole, went onto one at 19 pt on Letter and 20 on A4
    [(text, smallest)] = cover_pages(seed, edition, large_print(paper, size))
    assert all(words in text for words in SEED_DESCRIPTION), text
    assert "Version 1.0 Built 2026-01-01" in text and "55 practice questions" in text, text
    assert smallest == size  # the description and the facts at the body's size


@pytest.mark.parametrize(("paper", "size"), [("a4", 22), ("a4", 24), ("letter", 24)])
@pytest.mark.parametrize("edition", ["student", "trainer"])
def test_a_cover_too_tall_for_a_page_runs_its_description_on_to_the_next(
    seed: Bank, paper: Paper, size: int, edition: Edition
) -> None:
    # The seed's description went whole onto the second page, and left a third of the
    # first empty; at 24 pt the first once ended in mid-sentence with the facts after it
    pages = cover_pages(seed, edition, large_print(paper, size))
    [(first, smallest), (second, smallest_after)] = pages
    edition_words = "Student edition Name:" if edition == "student" else "Trainer edition"
    assert f"Large print {size} pt {edition_words}" in first, first
    facts = "Version 1.0 Built 2026-01-01 Contents 11 sections, 55 practice questions"
    assert f"{facts} {SEED_DESCRIPTION[0]}" in first, first  # the description under them
    assert second.endswith(SEED_DESCRIPTION[2]), second
    assert smallest == smallest_after == size  # nothing smaller than the body


@pytest.mark.parametrize(
    ("language", "paper", "edition", "facts", "mark"),
    [
        (
            "pl",
            "a4",
            "trainer",
            "Wersja {version} Data 2026-01-01 Zawartość 11 sekcji, 55 pytań ćwiczeniowych "
            "Odpowiedzi wymieszane",
            "Ziarno {seed}",
        ),
        (
            "de",
            "letter",
            "student",
            "Version {version} Erstellt 2026-01-01 Umfang 11 Abschnitte, 55 Übungsfragen "
            "Antworten gemischt",
            "Mischung {seed}",
        ),
    ],
)
def test_a_24_pt_cover_with_a_long_version_and_seed_keeps_every_fact_on_its_first_page(
    seed: Bank, language: str, paper: Paper, edition: Edition, facts: str, mark: str
) -> None:
    # Its contents and options facts started the second page, above the description; the
    # seed was printed twice on the first, in its mark and in the options fact
    bank = written_in(seed, language, LONG_VERSION)
    settings = large_print(paper, 24, shuffle_seed=SHUFFLE_SEED)
    first, *rest = (text for text, _ in cover_pages(bank, edition, settings))
    assert facts.format(version=LONG_VERSION) in first, first
    # the seed stays on the cover, once, where a trainer reads it to print this order again
    assert mark.format(seed=SHUFFLE_SEED) in first and first.count(SHUFFLE_SEED) == 1, first
    assert not any(SHUFFLE_SEED in text for text in rest)


@pytest.mark.parametrize(
    ("language", "paper", "size", "shuffle_seed"),
    [
        ("pl", "letter", 16, SHUFFLE_SEED),
        ("ru", "letter", 20, None),
        ("de", "a4", 20, SHUFFLE_SEED),
    ],
)
def test_a_short_description_starts_under_the_facts_not_alone_on_the_next_page(
    seed: Bank, language: str, paper: Paper, size: int, shuffle_seed: str | None
) -> None:
    # Kept whole, the seed's description (7 to 10 lines) went alone onto the second cover
    # page, which has no heading and no footer, and left the first a third empty
    version = seed.manifest.version if shuffle_seed is None else LONG_VERSION
    bank = written_in(seed, language, version)
    pages = cover_pages(bank, "student", large_print(paper, size, shuffle_seed))
    [(first, _), (second, _)] = pages
    assert SEED_DESCRIPTION[0] in first, first
    assert second.endswith(SEED_DESCRIPTION[2]), second


def test_a_long_description_runs_on_over_more_cover_pages(make_bank: Callable[..., Bank]) -> None:
    starts = [f"Paragraph {number}:" for number in range(1, 13)]
    paragraph = " the handout covers the exam's topics in order." * 8
    description = "".join(f"  {start}{paragraph}\n\n" for start in starts)
    manifest = f"id: test-bank\ntitle: Test\nversion: '2'\ndescription: |\n{description}"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest + "sections: [main]\n")
    pages = cover_pages(bank, "student", large_print("a4", 16))
    assert len(pages) >= 3, pages
    first = pages[0][0]
    assert first.index("Version 2") < first.index(starts[0]), first  # the facts first
    described = " ".join(text for text, _ in pages)
    assert all(start in described for start in starts), described
