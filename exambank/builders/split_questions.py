"""What the build says of each question that prints across pages, and why it does.

CSS keeps a question on one page; ``question_fit.py`` lets one break after its images (large
print) or below the heading kept with it, and a question longer than a page breaks all the
same. The author reads the note under the file's line and decides what to shorten.
"""

from __future__ import annotations

from weasyprint.document import Document

from exambank.builders.question_fit import BELOW_HEADING, broken
from exambank.builders.student_pages import pages_of_questions


def split_questions(document: Document, caps: dict[str, float]) -> list[str]:
    """A note for each question that prints across pages: CSS keeps a question whole
    unless it is longer than a page, or ``caps`` broke it after its images or below the
    heading kept with it. A box with an id puts an anchor on every page it is on, so a
    question (``q-N``) split in two has two."""
    return [
        _split_note(anchor[2:], f"{on[0] + 1}-{on[-1] + 1}", caps.get(anchor, 0.0))
        for anchor, on in pages_of_questions(document).items()
        if len(on) > 1
    ]


def _split_note(number: str, pages: str, cap: float) -> str:
    if broken(cap):
        return (
            f"question {number} prints across pages {pages}, broken after its images: on one "
            "page they would print smaller than in the standard edition"
        )
    if cap == BELOW_HEADING:  # it may fit a page of its own, which would hold the heading alone
        return (
            f"question {number} prints across pages {pages}, below its heading: the two "
            "together are longer than a page (shorten it to fit on one page with the heading)"
        )
    return (
        f"question {number} is longer than a page and prints across pages {pages} "
        "(shorten it to fit on one page)"
    )
