"""The PDF's outline (its bookmarks): the book, its sections, and inside each section the
headings its author wrote, whatever level they were written at, and its questions."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.conftest import QUESTION, section_yaml

MANIFEST = (
    "id: test-bank\ntitle: Test bank\nsections: [one, two]\n"
    "description: |\n  # About this bank\n\n  For the exam.\n"
)
NOTES = "notes: |\n  # Overview\n\n  Text.\n\n  ## Detail\n\n  More.\n"


def outline(data: bytes) -> list[Any]:
    """Each bookmark's title, and after a bookmark the list of those inside it."""

    def titles(items: list[Any]) -> list[Any]:
        return [titles(item) if isinstance(item, list) else item.title for item in items]

    return titles(PdfReader(io.BytesIO(data)).outline)


def test_headings_in_notes_and_the_description_nest_inside_their_part(make_bank):
    bank = make_bank(
        {
            "01-one.yaml": section_yaml(QUESTION, section_id="one", extra=NOTES),
            "02-two.yaml": section_yaml(
                QUESTION.replace("id: q1", "id: q2"), section_id="two", extra="notes: Plain.\n"
            ),
        },
        MANIFEST,
    )
    student = PdfBuilder().build(bank, Settings())[0]
    assert outline(student.data) == [
        "Test bank",
        [
            "About this bank",
            "Contents",
            "Main",
            ["Overview", ["Detail"], "Practice questions", ["Question 1"]],
            "Main",
            ["Practice questions", ["Question 2"]],
            "Answer key",
        ],
    ]


def test_both_editions_open_with_their_bookmarks_shown(make_bank):
    """A handout of dozens of pages is found round by its outline: a viewer shows it
    from the start (review s24-accessibility, finding 8)."""
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)})
    for edition in PdfBuilder().build(bank, Settings()):
        root = PdfReader(io.BytesIO(edition.data)).trailer["/Root"]
        assert root["/Outlines"] and root["/PageMode"] == "/UseOutlines"
