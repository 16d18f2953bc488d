"""A section's reading as printed: the levels of the headings in notes set apart, a key term
whole on its page, and the rule before the practice questions never doubling the running
head's."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.generic import ContentStream

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_large_print import printed_sizes
from tests.builders.test_pdf_layout import HEADER, MM, text_positions
from tests.conftest import QUESTION, section_yaml

LEVELS = """\
notes: |
  # Capabilities

  Body text under the top level.

  ## Model Evaluation

  Body text under the second.

  ### Evaluation Types

  Body text under the third.
"""


def test_a_lower_heading_level_prints_smaller_but_never_smaller_than_the_text(make_bank):
    # "Capabilities" and "Model Evaluation" below it printed alike, as siblings
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, extra=LEVELS)})
    for large_print, body in ((False, 9.5), (True, 16.0)):
        student = PdfBuilder().build(bank, Settings(large_print=large_print))[0].data
        size = {text.strip(): round(points, 1) for text, points in printed_sizes(student)}
        top, second, third = (
            size[t] for t in ("Capabilities", "Model Evaluation", "Evaluation Types")
        )
        assert top > second >= third >= body == size["Body text under the top level."], size


def test_a_key_term_and_its_definition_share_a_page(make_bank):
    # in large print, "SageMaker Studio ... development:" ended a page, "notebooks ..." began
    # the next, which did not say which term it defined
    terms = "".join(
        f"  - {{term: Term {n}, definition: Opening {n} {'words that run on ' * 9}closing {n}.}}\n"
        for n in range(24)
    )
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, extra=f"key_terms:\n{terms}")})
    student = PdfBuilder().build(bank, Settings(large_print=True))[0].data
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(student)).pages]
    assert len([page for page in pages if "Term " in page]) >= 3  # the terms fill pages
    for n in range(24):
        (page,) = [page for page in pages if f"Term {n} Opening {n} " in page]
        assert f"closing {n}." in page, n


def head_and_rules(data: bytes) -> list[list[float]]:
    """On each page, the height of each full-width rule drawn within 3 pt under the top of
    the text area, in points (the running head's own rule lies just above it). WeasyPrint
    draws a rule as a thin clipped rectangle."""
    reader = PdfReader(io.BytesIO(data))
    found = []
    for page in reader.pages:
        operations = ContentStream(page.get_contents(), reader).operations
        heights = []
        for index in range(len(operations) - 4):
            path = operations[index : index + 4]
            clipped = [operator for _, operator in operations[index + 4 : index + 7]]
            if [operator for _, operator in path] != [b"m", b"l", b"l", b"l"]:
                continue
            if b"W" not in clipped and b"W*" not in clipped:
                continue
            # the page's matrix turns it upside down and counts in CSS px (3/4 pt)
            ys = [float(operands[1]) * 0.75 for operands, _ in path]
            xs = [float(operands[0]) * 0.75 for operands, _ in path]
            top, height = min(ys), max(ys) - min(ys)
            under_the_top = 24 * MM - 0.1 <= top < 24 * MM + 3
            if 0 < height <= 1.5 and max(xs) - min(xs) > 150 * MM and under_the_top:
                heights.append(round(height, 2))
        found.append(heights)
    return found


def test_practice_questions_that_start_a_page_take_no_second_rule_under_the_head(seed_dist):
    student = (seed_dist / "aws-ai-practitioner-student.pdf").read_bytes()
    starting = [
        index
        for index, runs in enumerate(text_positions(student))
        if [text.strip() for _, y, text in runs if y < HEADER and text.strip()][:1]
        == ["Practice questions"]
    ]
    assert starting  # the seed has such pages (7, 18 and 21)
    rules = head_and_rules(student)
    assert [page for page in starting if rules[page] != []] == [], rules


def test_a_table_in_notes_prints_at_8_5_pt_in_the_standard_edition(make_bank):
    # at 7.8 pt the comparison table, "a key exam topic", was the smallest text in the book
    table = "notes: |\n  | Option | Latency |\n  | --- | --- |\n  | Serverless | Cold start |\n"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, extra=table)})
    student = PdfBuilder().build(bank, Settings())[0].data
    size = {text.strip(): round(points, 1) for text, points in printed_sizes(student)}
    assert size["Serverless"] == size["Latency"] == 8.5, size
