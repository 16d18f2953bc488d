"""A question's number prints beside its stem's first line, and a section's heading over its
first question: neither is left alone at the foot or the top of a page, and the build's note
on a question that breaks says why it does (``handout.css``, ``question_fit.py``)."""

from __future__ import annotations

import textwrap

import pytest

from exambank.builders import Settings
from exambank.builders.labels import ENGLISH
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_continued import marked_pages
from tests.builders.test_pdf_layout import MM, pages, text_positions
from tests.conftest import QUESTION, section_yaml

_WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi"


def tall_question(question_id: str, long_lines: int) -> str:
    """A question of one-line paragraphs and a paragraph of ``long_lines`` lines, which
    with 10 fits a page's text area to a few pixels: with its rule and the space above it,
    11 px longer than an A4 page (review s29-diff #4); with 8, 25 px shorter."""
    paragraphs = [f"Paragraph line {index} of the long stem." for index in range(30)]
    paragraphs.append(" ".join([_WORDS] * long_lines))
    stem = "\n\n".join(["Kestrel long.", *paragraphs])
    indented = "".join(f"      {line}\n" if line else "\n" for line in stem.split("\n"))
    return (
        f"id: {question_id}\nstem: |\n{indented}"
        "options:\n  A: Amazon SageMaker\n  B: AWS Lambda Osprey\nanswer: A\nexplanation: Short.\n"
    )


@pytest.mark.parametrize(
    ("long_lines", "alone"),
    # 11 px longer than a page; 25 px shorter, but for the trainer's answer and explanation
    [(10, ()), (8, ("student",))],
    ids=["the-review's", "fits-a-page"],
)
def test_a_section_heading_prints_over_its_first_question_and_the_number_with_its_stem(
    make_bank, long_lines, alone
):
    # The question is too tall for the page below its section's number, title and
    # "Practice questions". WeasyPrint left those alone on one page, the question's number
    # alone on the next (with "Continued on the next page" under it), and the question on
    # a third. The note says whether it would fit a page without the heading.
    bank = make_bank({"01-main.yaml": section_yaml(tall_question("q1", long_lines))})
    for output in PdfBuilder().build(bank, Settings()):
        texts = pages(output.data)
        [heading] = [index for index, text in enumerate(texts) if "Practice questions" in text]
        assert "Practice questions 1 Kestrel long." in texts[heading], (output.name, texts)
        # it breaks below the heading, and its first page says it goes on
        assert marked_pages(output.data, ENGLISH.continued) == [heading], output.name
        span = f"{heading + 1}-{heading + 2}"
        below = output.name.removeprefix("test-bank-").removesuffix(".pdf") in alone
        assert output.notes == (
            (
                f"question 1 prints across pages {span}, below its heading: the two "
                "together are longer than a page (shorten it to fit on one page with the "
                "heading)"
            )
            if below
            else f"question 1 is longer than a page and prints across pages {span} "
            "(shorten it to fit on one page)",
        ), output.name


def test_a_question_longer_than_a_page_starts_under_the_one_above_its_number_by_its_stem(
    make_bank,
):
    # Kept whole, it moved to a page of its own and broke there all the same, and the page
    # it left held question 1 alone (review s31-lp #5: at 24 pt, 29 of the seed's 174
    # trainer pages were less than a quarter full). It starts under question 1 and breaks.
    # At the top of a page it once broke after its number, alone on the page (a margin that
    # the option's list let through to the question's body went unmeasured).
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, tall_question("q2", 10))})
    for output in PdfBuilder().build(bank, Settings()):
        texts = pages(output.data)
        number_page, start = _page_of_number(output.data, "2", "Kestrel long.")
        assert number_page == start, output.name
        assert "Which AWS service trains" in texts[start], output.name  # question 1 above
        assert marked_pages(output.data, ENGLISH.continued) == [start], output.name
        assert "Osprey" in texts[start + 1], output.name  # its last option
        assert output.notes == (
            f"question 2 is longer than a page and prints across pages {start + 1}-{start + 2} "
            "(shorten it to fit on one page)",
        ), output.name


def _page_of_number(data: bytes, number: str, stem: str) -> tuple[int, int]:
    """The page (from 0) a question's ``number`` prints on, at the left of the text, and
    that its ``stem``'s first words print on."""
    runs = text_positions(data)
    [stem_page] = [index for index, page in enumerate(runs) if any(stem in t for *_, t in page)]
    stem_left = min(x for x, _, text in runs[stem_page] if stem in text)
    [number_page] = [
        index
        for index, page in enumerate(runs)
        if any(text.strip() == number and x < stem_left for x, _, text in page)
    ]
    return number_page, stem_page


_QUOTE = "\n".join(
    f"  > Quoted line {index} of the scenario the question sets out." for index in range(100)
)
QUOTED = (
    f"id: q2\nstem: |\n{_QUOTE}\n\n  Kestrel asks which service fits.\n"
    "options:\n  A: Amazon SageMaker\n  B: AWS Lambda Osprey\nanswer: A\nexplanation: Short.\n"
)


@pytest.mark.parametrize("large_print", [False, True], ids=["standard", "large-print"])
def test_a_stem_that_opens_with_a_quote_taller_than_a_page_prints_under_its_number(
    make_bank, large_print
):
    # A quote is kept whole; one taller than a page does not fit below the question's
    # number, at the top of a page: WeasyPrint printed the number alone there, "Continued
    # on the next page" under it, and the question, unnumbered, on the next page
    # (stranded_numbers.py). The quote starts under its number, and breaks as it must.
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, QUOTED)})
    for output in PdfBuilder().build(bank, Settings(large_print=large_print)):
        number_page, stem_page = _page_of_number(output.data, "2", "Quoted line 0 ")
        assert number_page == stem_page, output.name
        # the first page that says the question goes on is the one it starts on
        assert marked_pages(output.data, ENGLISH.continued)[0] == stem_page, output.name


def _lines(name: str, count: int) -> str:
    """A paragraph of ``count`` lines, each ended by a line break."""
    return "\\\n".join(f"{name} line {index}." for index in range(count))


def edge_question(stem_paragraphs: int, explanation_paragraphs: int) -> str:
    """A question of 40 lines of stem, and of 6 lines of explanation, some of them (4 pt and
    3 pt more each) a paragraph of their own, which the trainer's A4 edition prints at the
    top of a page: with 2 and 1, 3 and 0, or 0 and 4 its explanation ends 2 to 3 px above the
    foot, less than the space under its last paragraph and inside the answer's box."""
    stem = "\n\n".join(
        [
            "Kestrel long.",
            _lines("Stem", 39 - stem_paragraphs),
            *(f"Stem paragraph {index}." for index in range(stem_paragraphs)),
        ]
    )
    explanation = "\n\n".join(
        [
            _lines("Heron", 6 - explanation_paragraphs),
            *(f"Heron paragraph {index}." for index in range(explanation_paragraphs)),
        ]
    )
    return (
        f"id: q2\nstem: |\n{textwrap.indent(stem, '  ')}\n"
        "options:\n  A: Amazon SageMaker\n  B: AWS Lambda Osprey\nanswer: A\n"
        f"explanation: |\n{textwrap.indent(explanation, '  ')}\n"
    )


@pytest.mark.parametrize("paragraphs", [(2, 1), (3, 0), (0, 4)], ids=lambda p: f"{p[0]}-{p[1]}")
def test_a_trainer_question_that_ends_at_the_foot_prints_whole_under_its_number(
    make_bank, paragraphs
):
    # The review's question (s31, finding 1): the space under its explanation's last
    # paragraph, which WeasyPrint does not measure, took it 3 px past the foot, and its
    # number was printed alone on a page, the question on the next
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, edge_question(*paragraphs))})
    trainer = PdfBuilder().build(bank, Settings())[1]
    number_page, stem_page = _page_of_number(trainer.data, "2", "Kestrel long.")
    assert number_page == stem_page
    # on one page, as it fits: no page says it continues, and no note names it
    assert marked_pages(trainer.data, ENGLISH.continued) == []
    assert trainer.notes == ()
    # its last line less than 3 mm above the foot (22 mm): a layout that moved it off the
    # edge would no longer test this
    lowest = min(y for _, y, text in text_positions(trainer.data)[stem_page] if "Heron" in text)
    assert lowest < 25 * MM, lowest / MM


def paragraphs_question(question_id: str, count: int) -> str:
    """A question of ``count`` one-line paragraphs: at 16 pt on A4, 20 fit a page, but not
    below a section's number, title and "Practice questions"; 30 do not fit a page."""
    stem = "\n\n".join(["Kestrel long.", *(f"Line {index} of the stem." for index in range(count))])
    return (
        f"id: {question_id}\nstem: |\n{textwrap.indent(stem, '  ')}\n"
        "options:\n  A: Amazon SageMaker\n  B: AWS Lambda Osprey\nanswer: A\nexplanation: Short.\n"
    )


def test_large_print_names_apart_a_question_that_fits_a_page_but_not_with_its_heading(make_bank):
    # It breaks below its heading, kept with it: a little shorter, it would print on one
    # page with it, and the note says so. "Nothing to change" is for one longer than a page.
    bank = make_bank(
        {
            "01-first.yaml": section_yaml(paragraphs_question("q1", 20), section_id="first"),
            "02-second.yaml": section_yaml(paragraphs_question("q2", 30), section_id="second"),
        }
    )
    student = PdfBuilder().steps(bank, Settings(large_print=True))[0].make()
    texts = pages(student.data)
    first, second = [index for index, text in enumerate(texts) if "Line 0 of the stem." in text]
    assert "Practice questions 1 Kestrel long." in texts[first], texts
    long, headed = student.notes
    assert long == (
        f"question 2 prints across pages {second + 1}-{second + 2}, longer at 16 pt than "
        "a page; the page it runs over from says it continues (large print needs the room: "
        "nothing to change)"
    )
    assert headed == (
        f"question 1 prints across pages {first + 1}-{first + 2}, below its heading: at "
        "16 pt it fits a page, but not with the heading (shorten it to fit on one page with "
        "the heading)"
    )


def test_an_option_of_a_question_that_breaks_prints_whole_on_one_page(make_bank):
    # Its letter at the foot of one page and its words on the next (24 pt trainer edition)
    options = "".join(
        f"  {letter}: {' '.join(f'{letter}-word{index}' for index in range(60))}\n"
        for letter in "ABCDEFGH"
    )
    long_options = (
        f"id: q2\nstem: Kestrel long options.\noptions:\n{options}answer: A\nexplanation: Short.\n"
    )
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, long_options)})
    for output in PdfBuilder().build(bank, Settings(large_print=True)):
        texts = pages(output.data)
        assert len(marked_pages(output.data, ENGLISH.continued)) >= 2, output.name
        for letter in "ABCDEFGH":
            first, last = f"{letter}-word0", f"{letter}-word59"
            [on] = {index for index, text in enumerate(texts) if first in text or last in text}
            assert first in texts[on] and last in texts[on], (output.name, letter)


def test_a_question_longer_than_a_page_crosses_no_more_page_turns_than_its_length_needs(
    make_bank,
):
    # Begun under a question of 12 lines, one of 34 (at 16 pt a page holds about 20) ran
    # over three pages, across two page turns: it starts the next page, and takes two
    second = paragraphs_question("q2", 34).replace("Kestrel", "Osprey")
    bank = make_bank({"01-main.yaml": section_yaml(paragraphs_question("q1", 12), second)})
    student = PdfBuilder().steps(bank, Settings(large_print=True))[0].make()
    texts = pages(student.data)
    [start] = [index for index, text in enumerate(texts) if "Osprey long." in text]
    assert "Kestrel long." not in texts[start]
    assert student.notes == (
        f"question 2 prints across pages {start + 1}-{start + 2}, longer at 16 pt than a page; "
        "the page it runs over from says it continues (large print needs the room: nothing "
        "to change)",
    )


def test_a_long_first_question_that_would_start_low_moves_with_its_heading(make_bank):
    # Under 17 paragraphs of notes, "Practice questions" and 3 lines of a question of 30
    # ended the page, and the question ran over two more: the heading moves with it
    notes = "notes: |\n" + "".join(f"  Note paragraph {index}.\n\n" for index in range(17))
    section = section_yaml(paragraphs_question("q1", 30), extra=notes)
    bank = make_bank({"01-main.yaml": section})
    student = PdfBuilder().steps(bank, Settings(large_print=True))[0].make()
    texts = pages(student.data)
    [heading] = [index for index, text in enumerate(texts) if "Practice questions" in text]
    assert "Note paragraph" not in texts[heading]
    assert "Practice questions 1 Kestrel long." in texts[heading]
    assert student.notes == (
        f"question 1 prints across pages {heading + 1}-{heading + 2}, longer at 16 pt than a "
        "page; the page it runs over from says it continues (large print needs the room: "
        "nothing to change)",
    )
