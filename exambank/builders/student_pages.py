"""Where the student edition prints each question, for the trainer edition to say.

The trainer edition is longer than the student's (feedback, explanations, answer lines), so
its question 41 is on page 31 where the class's is on page 25: a trainer teaching from it
could not say "turn to page 25". The student edition is laid out first; the page each of
its questions starts on is read from that layout (WeasyPrint's anchors, one per element
with an ``id``) and printed on the trainer's answer line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from weasyprint import Document  # loaded with the layout, never for lint


def question_pages(document: Document) -> dict[int, int]:
    """Each question's number and the page it starts on, counted from 1 as the footer
    counts them (a question that runs over to the next page starts on the first)."""
    pages: dict[int, int] = {}
    for page_number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            if anchor.startswith("q-") and anchor[2:].isdigit():
                pages.setdefault(int(anchor[2:]), page_number)
    return pages


@dataclass
class StudentLayout:
    """What the trainer edition takes from the student edition's layout: the page each
    question starts on (``question_pages``), once the student edition is laid out."""

    pages: dict[int, int] = field(default_factory=dict)
    laid_out: bool = False
