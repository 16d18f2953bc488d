"""A question's number prints on the page its stem starts on, never alone on the page before.

The number is a heading of no height before the question's body (``handout.css``), kept with
it (a heading's ``break-after: avoid``). A question that starts a page is laid out as the
page's first box, but WeasyPrint lays its body out as a box that follows the number, on a page
that is no longer empty. A body it finds no break in there (a stem that opens with a quote
kept whole and taller than the page), or that runs past the foot by what it did not measure,
it moves to the next page whole; and as it finds no break before the number either, the
question being the first box on its page, it lets the break after the number through ("ignore
this 'avoid' and break anyway", ``_in_flow_layout`` in WeasyPrint's ``layout/block.py``): the
number printed alone on a page, "Continued on the next page" under it, and the question on
the next page, unnumbered. The review of s31 found one in a 20 pt trainer edition: the space
under an explanation's last paragraph, which WeasyPrint does not measure against the foot (it
passes through the explanation to the answer's box), took a question's body 3 px past it.

So the build looks for such a question in each layout and lays the handout out again with
that question's number out of the flow (``position: absolute``, where it was): WeasyPrint then
lays the body out as the page's first box, as it would have on the next page, breaking it
there or letting it run past the foot by what it did not measure (the review's question
prints whole on one page). The number is then drawn after the text of its page: the text
layer (what a copy gets) lists it after the question's first lines, while the tagged PDF,
which a screen reader follows, still reads it first. No other question changes.
"""

from __future__ import annotations

from weasyprint.document import Document
from weasyprint.formatting_structure.boxes import Box, LineBox, ReplacedBox

from exambank.builders.pdf_structure import children, element_id, outermost, page_boxes
from exambank.builders.question_headings import HEADING_CLASS
from exambank.builders.student_pages import pages_of_questions


def stranded_numbers(document: Document) -> set[str]:
    """The anchors (``q-N``) of the questions in ``document`` whose number prints on a page
    that holds nothing else of the question."""
    trees = page_boxes(document)
    if trees is None:
        return set()  # a WeasyPrint that keeps no box tree: printed as laid out
    return {
        anchor
        for anchor, on in pages_of_questions(document).items()
        if len(on) > 1 and number_alone(_first_box(trees[on[0]], anchor))
    }


def numbers_stylesheet(anchors: set[str]) -> str:
    """CSS taking the number of each question in ``anchors`` out of the flow, where it is."""
    return "".join(
        f"#{anchor} > .{HEADING_CLASS} {{ position: absolute }}\n" for anchor in sorted(anchors)
    )


def _first_box(page: Box, anchor: str) -> Box | None:
    """The box of the question whose id is ``anchor`` on ``page`` (the article's own)."""
    return next(outermost(page, lambda box: element_id(box) == anchor), None)


def number_alone(question: Box | None) -> bool:
    """Whether the box of a question on a page holds its number and nothing else it prints
    (then where it fits is not known: laid out again, it starts the next page)."""
    if question is None:
        return False
    return not any(_prints(child) for child in children(question) if not _is_number(child))


def _prints(box: Box) -> bool:
    """Whether ``box`` draws a line of text or an image."""
    return any(isinstance(inner, LineBox | ReplacedBox) for inner in box.descendants())


def _is_number(box: Box) -> bool:
    return box.element is not None and HEADING_CLASS in (box.element.get("class") or "").split()
