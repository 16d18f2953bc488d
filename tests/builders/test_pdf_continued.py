"""A question that breaks across pages says so at the foot of each page it breaks on:
"Continued on the next page →", in the bank's language, under the text and above the
footer; a page where no question breaks says nothing (handout.css, ``continued``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from exambank.builders import Settings, handout_layout
from exambank.builders.editions import footer_text
from exambank.builders.labels import ENGLISH, GERMAN, POLISH
from exambank.builders.pdf import PdfBuilder
from exambank.builders.question_fit import FIT_PASSES
from tests.builders.conftest import SEED_ID
from tests.builders.test_pdf_layout import MM, pages, text_positions
from tests.conftest import QUESTION, section_yaml

# Longer than a page in either edition: 5 options of 14 sentences each
_SENTENCES = " ".join(
    ["This option explains at length why the service would be the right choice for it."] * 14
)
LONG = f"""\
id: q2
stem: Kestrel asks which service fits each of several workloads best.
options:
  A: "Amazon SageMaker. {_SENTENCES}"
  B: "AWS Lambda. {_SENTENCES}"
  C: "Amazon EC2. {_SENTENCES}"
  D: "Amazon Bedrock. {_SENTENCES}"
  E: "Amazon Comprehend. {_SENTENCES} Osprey"
answer: A
explanation: Heron says SageMaker covers the whole ML lifecycle.
"""
SHORT_AFTER = QUESTION.replace("id: q1", "id: q3")


def marked_pages(data: bytes, words: str) -> list[int]:
    """The pages (from 0) whose text holds ``words``, whitespace collapsed."""
    return [index for index, text in enumerate(pages(data)) if words in text]


@pytest.mark.parametrize(
    ("language", "large_print"), [("en", False), ("de", True)], ids=["en", "de-large-print"]
)
def test_a_page_a_question_breaks_on_says_it_continues_and_no_other_does(
    make_bank, language, large_print
):
    labels = ENGLISH if language == "en" else GERMAN
    marker = f"{labels.continued} \u2192"
    manifest = f"id: test-bank\ntitle: Test bank\nlanguage: {language}\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, LONG, SHORT_AFTER)}, manifest)
    for output in PdfBuilder().build(bank, Settings(large_print=large_print)):
        [first] = marked_pages(output.data, "Kestrel")
        # the question ends with its last option, or in the trainer's with its explanation
        [last] = marked_pages(output.data, "Heron" if "trainer" in output.name else "Osprey")
        assert last > first, output.name
        # on each page it breaks on (but its last), and no other: not on the page of the
        # question before it nor on that of the one after it, which fit
        assert marked_pages(output.data, marker) == list(range(first, last)), output.name
        runs = text_positions(output.data)[first]
        [marker_y] = [y for _, y, text in runs if labels.continued in text]
        page_words = labels.page.split("{")[0].strip()  # "Page", "Seite"
        [page_y] = [y for _, y, text in runs if text.strip().startswith(page_words)]
        body = [y for _, y, text in runs if "right choice" in text]
        # under the question's last line, above the page number (in the footer's place)
        assert page_y < marker_y < min(body), (output.name, page_y, marker_y, min(body))


@pytest.mark.parametrize(
    ("large_print", "passes"),
    [(False, FIT_PASSES), (True, FIT_PASSES), (False, 0)],
    ids=["standard", "large-print", "laid-out-once"],
)
def test_the_footer_stands_at_one_height_on_every_page_of_an_edition_a_question_breaks_in(
    make_bank, monkeypatch, large_print, passes
):
    # It stood a line lower on each page saying "Continued" (8.7 pt, in large print 16.3),
    # under the words: through a printed stack the page number jumped up and down (review
    # s36-print #3). It stands under the line the words take, on every page; laid out once
    # too, as where the passes that fit questions run out with one breaking that no cap let.
    monkeypatch.setattr(handout_layout, "FIT_PASSES", passes)
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, LONG, SHORT_AFTER)})
    student = PdfBuilder().steps(bank, Settings(large_print=large_print))[0].make().data
    marked = marked_pages(student, ENGLISH.continued)
    assert marked  # the long question breaks
    footers = []
    for page, runs in enumerate(text_positions(student)[1:], start=1):  # the cover has none
        [page_y] = [y for _, y, text in runs if text.strip().startswith("Page ")]
        [edition_y] = [y for _, y, text in runs if text.strip().startswith("Student edition")]
        footers.append((round(edition_y, 2), round(page_y, 2)))
        if page in marked:
            [marker_y] = [y for _, y, text in runs if ENGLISH.continued in text]
            assert marker_y > page_y + 7, page  # the words on the line above (7 pt type)
    assert len(set(footers)) == 1, footers


def test_no_page_of_the_seed_bank_says_a_question_continues(seed_dist: Path):
    # None of its questions breaks across pages: every one fits on the page it starts on
    for edition in ("student", "trainer"):
        data = (seed_dist / f"{SEED_ID}-{edition}.pdf").read_bytes()
        assert marked_pages(data, ENGLISH.continued) == [], edition


# Long enough for the trainer's footer to wrap to three lines in large print on A4 in Polish
LONG_SEED = "spring 2025 midterm, version B, group 7, room 12 (Tuesday)"


def test_a_large_print_footer_of_three_lines_is_whole_under_the_words_it_continues(
    make_bank, tmp_path
):
    # The words take a line above the footer, in large print a fourth at 14 pt: below the
    # 22 mm bottom margin it ran off the paper, and the seed that tells loose pages apart
    # with it (review s29-diff #2)
    manifest = "id: test-bank\ntitle: Test bank\nlanguage: pl\nversion: 2.0.1\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, LONG, SHORT_AFTER)}, manifest)
    settings = Settings(large_print=True, shuffle_seed=LONG_SEED)
    [step] = [step for step in PdfBuilder().steps(bank, settings) if "trainer" in step.name]
    trainer = step.make()
    footer = " ".join(footer_text(bank, "trainer", settings, POLISH).split())
    pdf = tmp_path / "trainer.pdf"
    pdf.write_bytes(trainer.data)
    # what the paper holds of each page: pdftotext leaves out what is drawn past its edge
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
    texts = [" ".join(text.split()) for text in printed.stdout.split("\f")[:-1]]
    marked = marked_pages(trainer.data, POLISH.continued)
    assert len(marked) >= 2, marked  # the question runs over pages
    for number, text in enumerate(texts[1:], start=2):  # the cover has no footer
        page_words = POLISH.page.format(page=number, pages=len(texts))
        assert footer in " ".join(text.replace(page_words, " ").split()), (number, text[-300:])
        assert (f"{POLISH.continued} \u2192" in text) == (number - 1 in marked), number
    # three lines, as the seed and the trainer's words wrap, the words on a fourth above
    runs = text_positions(trainer.data)[marked[0]]
    [words_y] = [y for _, y, text in runs if POLISH.continued in text]
    lines = {round(y) for _, y, text in runs if y <= words_y and POLISH.page[:6] not in text}
    assert len(lines) == 4, sorted(lines)
    assert min(lines) >= 2 * MM  # its descenders on the paper too
