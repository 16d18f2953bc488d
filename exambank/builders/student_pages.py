"""Where a handout prints each question; the student edition's, for the trainer edition to say.

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


def pages_of_questions(document: Document) -> dict[str, list[int]]:
    """Each question's anchor ("q-7") and the pages it prints on, counted from 0, in the
    order the questions print: a box with an id puts an anchor on every page it is on, so
    a question split in two has two."""
    pages: dict[str, list[int]] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith("q-"):
                pages.setdefault(anchor, []).append(index)
    return pages


def runs_over(document: Document) -> bool:
    """Whether a question in ``document`` prints across pages, the foot of the page it runs
    over from saying so ("Continued on the next page", handout.css)."""
    return any(len(on) > 1 for on in pages_of_questions(document).values())


def question_pages(document: Document) -> dict[int, int]:
    """Each question's number and the page it starts on, counted from 1 as the footer
    counts them (a question that runs over to the next page starts on the first)."""
    return {
        int(anchor[2:]): on[0] + 1
        for anchor, on in pages_of_questions(document).items()
        if anchor[2:].isdigit()
    }


@dataclass
class StudentLayout:
    """What the trainer edition takes from the student edition's layout: the page each
    question starts on (``question_pages``), once the student edition is laid out."""

    pages: dict[int, int] = field(default_factory=dict)
    laid_out: bool = False
