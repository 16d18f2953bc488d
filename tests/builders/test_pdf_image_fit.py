"""A question with a tall image prints on one page with its answer: its images shrink as far
as that takes (question_fit.py), and no further than a third of the page."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from functools import cache
from types import SimpleNamespace

import pytest
from PIL import Image

from exambank.bank import Bank
from exambank.builders import Output, Settings
from exambank.builders.pdf import PdfBuilder
from exambank.builders.question_fit import _water_level, image_caps
from exambank.lint import lint
from tests.builders.test_pdf_layout import MM, image_boxes, pages
from tests.conftest import section_yaml, write_bank

# The review's question: a 400x3000 px image, which the stylesheet scales to 225 mm (the
# most any image is given), under a line of stem and over two options fits an A4 page; the
# trainer's answer and explanation take it past the foot.
TALL = """\
id: q1
stem: |
  A tall bar:

  ![A tall bar](tall.png)
options:
  A: Tall
  B: Short
answer: A
explanation: The bar is taller than it is wide.
"""
# Eight paragraphs of explanation are more than two thirds of a page in every layout: the
# question fits only with its image below a third of the page, and keeps the image whole.
PARAGRAPH = "This explanation goes on at length so that the answer fills most of a page. " * 5
LONG_EXPLANATION = "explanation: |\n" + textwrap.indent("\n\n".join([PARAGRAPH] * 8), "  ")


@pytest.fixture(scope="module")
def tall_bank(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    runs_over = TALL.replace("id: q1", "id: q2").replace(
        "explanation: The bar is taller than it is wide.", LONG_EXPLANATION
    )
    root = tmp_path_factory.mktemp("tall") / "bank"
    write_bank(root, {"01-main.yaml": section_yaml(TALL, runs_over)})
    Image.new("RGB", (400, 3000), "navy").save(root / "tall.png")
    return lint([root]).banks[0]


@pytest.fixture(scope="module")
def built(tall_bank: Bank) -> Callable[[Settings], list[Output]]:
    """The two editions as ``settings`` say, each built once for the tests that read them."""
    return cache(lambda settings: PdfBuilder().build(tall_bank, settings))


def heights(data: bytes) -> list[tuple[int, float]]:
    """Each image's page index and height in mm, and checks it kept its shape."""
    found = []
    for page, left, bottom, right, top in image_boxes(data):
        assert abs((right - left) / (top - bottom) - 400 / 3000) < 0.01
        found.append((page, (top - bottom) / MM))
    return found


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_tall_image_shrinks_so_the_question_keeps_its_answer(built, paper):
    # (In large print an image shrinks no lower than its standard size: test_large_print_fit)
    settings = Settings(paper=paper)
    student, trainer = built(settings)
    assert not [note for note in student.notes if "question 1 " in note], student.notes
    # Question 2 needs more than its image can give: it runs over, as before, image whole
    [note] = trainer.notes
    assert note.startswith("question 2 is longer than a page"), trainer.notes
    (page, fitted), (_, whole) = heights(trainer.data)
    text = pages(trainer.data)[page]
    for words in ("A tall bar", "B Short", "Answer: A", "q1", "taller than it is wide"):
        assert words in text, (words, text)  # the stem, its image and the answer
    assert fitted < whole and whole == pytest.approx(225, abs=0.5)
    assert fitted >= 233 / 3  # a third of the text area: 233 mm on Letter, 251 on A4


def test_an_image_that_fits_keeps_its_size_in_each_edition(tall_bank, built):
    student, trainer = built(Settings())
    # On A4 the student's question 2 fits with its image whole; question 1 shrinks only to
    # leave room for the section's title above it, the trainer's for its answer too
    [(_, student_first), (_, student_second)] = heights(student.data)
    assert student_second == pytest.approx(225, abs=0.5)
    [(_, trainer_first), _] = heights(trainer.data)
    assert 225 / 3 < trainer_first < student_first < 225
    # Laid out twice, the handout is the same to the byte
    assert PdfBuilder().steps(tall_bank, Settings())[1].make().data == trainer.data


@pytest.mark.parametrize(
    ("lines", "room", "cap"),
    [
        ([850.0], 700.0, 700.0),  # one image: as tall as the room
        ([850.0, 32.0, 850.0], 900.0, 434.0),  # the icon's line keeps its 32
        ([850.0, 400.0], 900.0, 500.0),  # the shorter one is below the cap: kept whole
        ([300.0, 200.0], 600.0, None),  # they fit: no cap
        ([300.0], -5.0, None),  # no room at all
    ],
)
def test_only_the_tallest_images_share_the_cap(lines, room, cap):
    assert _water_level(lines, room) == cap


def test_a_weasyprint_without_a_box_tree_prints_as_laid_out() -> None:
    # ``_page_box`` is private to WeasyPrint: a version without it must not stop the build
    page = SimpleNamespace(anchors={"q-1": None})  # question 1 across two pages
    document = SimpleNamespace(pages=[page, page])
    assert image_caps(document, {"q-2": 100.0}) == {"q-2": 100.0}  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def headed_bank(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    """Two sections that open with the tall question: the first's summary parts its title
    from "Practice questions"; the second's number, title and "Practice questions" are all
    kept with its question (``break-after: avoid``)."""
    tower = TALL.replace("id: q1", "id: q2").replace("A tall bar", "A tall tower")
    root = tmp_path_factory.mktemp("headed") / "bank"
    summary = "summary: A line of summary between the title and the questions.\n"
    sections = {
        "01-first.yaml": section_yaml(TALL, section_id="first", extra=summary),
        "02-second.yaml": section_yaml(tower, section_id="second"),
    }
    write_bank(root, sections)
    Image.new("RGB", (400, 3000), "navy").save(root / "tall.png")
    return lint([root]).banks[0]


@pytest.mark.parametrize("edition", ["student", "trainer"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_heading_kept_with_a_tall_question_prints_on_its_page(headed_bank, edition, paper):
    # WeasyPrint printed "Practice questions" (and a section's number and title) alone on a
    # page when the question under it was taller than the rest of the page: the question's
    # image now shrinks to leave the heading room, as it does for the answer
    steps = PdfBuilder().steps(headed_bank, Settings(paper=paper))
    [output] = [step.make() for step in steps if edition in step.name]
    text = pages(output.data)
    for stem, headings in (
        ("A tall bar", ["practice questions"]),
        ("A tall tower", ["section 2", "practice questions"]),
    ):
        [page] = [page for page in text if stem in page]
        for heading in headings:
            assert heading in page.lower(), (edition, heading, text)
    assert not output.notes, output.notes
    for _, height in heights(output.data):
        assert 233 / 3 <= height <= 225.5  # kept its shape, no less than a third of a page
