"""Where a question's boxes are in WeasyPrint's laid-out pages, and how tall they are: the
measures from which ``question_fit.py`` caps a question's images. They come from each page's
box tree (its ``_page_box``, private to WeasyPrint), in CSS pixels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from weasyprint.document import Document
from weasyprint.formatting_structure.boxes import Box, LineBox, ParentBox, ReplacedBox

from exambank.builders.pdf_structure import children, element_id
from exambank.builders.question_headings import HEADING_CLASS
from exambank.builders.student_pages import pages_of_questions

try:  # private to WeasyPrint, as ``_page_box`` is: without it no heading is measured
    from weasyprint.layout.block import block_level_page_break
except ImportError:  # pragma: no cover - a WeasyPrint that moved it
    block_level_page_break = None


def questions_to_fit(document: Document) -> dict[str, tuple[list[Box], float, float, float]]:
    """Each question on more than one page, or set apart from the heading kept with it:
    its boxes, one a page, the room it has on its first page (from its top to the foot,
    less what the heading left on the page before needs), that page's text area height,
    and how tall that heading is (0 if none was left apart from it)."""
    pages = pages_of_questions(document)
    found: dict[str, tuple[list[Box], float, float, float]] = {}
    if not all(hasattr(page, "_page_box") for page in document.pages):
        return found  # a WeasyPrint that keeps no box tree: print as laid out, unfitted
    page_boxes = [page._page_box for page in document.pages]
    split = {anchor for anchor, on in pages.items() if len(on) > 1}
    # Only the first question on a page can have its heading on the page before: found
    # with one search a page, not one a question (742 questions print on 207 pages)
    first = [_first_question(page_box) for page_box in page_boxes]
    starting = {place[0].element.get("id") for place in first if place is not None}
    for anchor, on in pages.items():  # in the order they print: the caps' CSS is the same
        if anchor not in split and anchor not in starting:
            continue
        placed = [_question_box(page_boxes[index], anchor) for index in on]
        if any(place is None for place in placed):  # not drawn as laid out: nothing to measure
            continue
        pieces = [place[0] for place in placed if place is not None]
        parent = placed[0][1] if placed[0] is not None else None
        held = _held_on_page_before(page_boxes[on[0] - 1], pieces[0], parent) if on[0] else 0.0
        if anchor not in split and not held:
            continue  # on one page, with its heading: it fits
        page_box = page_boxes[on[0]]
        foot = page_box.content_box_y() + page_box.height
        room = foot - pieces[0].position_y - held
        found[anchor] = (pieces, room, page_box.height, held)
    return found


def _question_box(page_box: Box, anchor: str) -> tuple[Box, ParentBox | None] | None:
    """The box of the question whose id is ``anchor`` on this page (the article's own;
    boxes it wraps around its inline content name the same element), and the box it is in."""
    return find_box(page_box, lambda box: element_id(box) == anchor)


def first_line(question: Box) -> Box | None:
    """The first line a question's box draws below its number: a line box, or an image
    set as a block (one that opens a paragraph of text)."""
    for child in children(question):
        classes = (child.element.get("class") or "").split() if child.element is not None else []
        found = find_box(child, lambda box: isinstance(box, LineBox | ReplacedBox))
        if found is not None and HEADING_CLASS not in classes:
            return found[0]
    return None


def _first_question(page_box: Box) -> tuple[Box, ParentBox | None] | None:
    """The box of the first question (``q-N``) on this page, and the box it is in."""
    return find_box(page_box, lambda box: element_id(box).startswith("q-"))


def find_box(page_box: Box, wanted: Callable[[Box], bool]) -> tuple[Box, ParentBox | None] | None:
    """The first box on this page, in the order it is drawn, that is ``wanted``, and the
    box it is in."""
    stack: list[tuple[Box, ParentBox | None]] = [(page_box, None)]
    while stack:
        box, parent = stack.pop()
        if wanted(box):
            return box, parent
        if isinstance(box, ParentBox):
            stack.extend((child, box) for child in reversed(box.children))
    return None


def _held_on_page_before(page_before: Box, piece: Box, parent: ParentBox | None) -> float:
    """How tall the boxes kept with the question (``break-after: avoid`` on a heading, or
    ``break-before: avoid``; the stylesheet keeps a section's number, title and "Practice
    questions" with its first question) that were left on the page before it are: the
    question fits with them only in that much less room. 0 if none were left there."""
    if parent is None:
        return 0.0
    after = piece
    for box in reversed(parent.children[: _index_of(parent.children, piece)]):
        if not _kept_together(box, after):
            return 0.0  # what is kept with it starts on its own page
        after = box
    found = find_box(page_before, lambda box: box.element is parent.element)  # its outermost box
    before = found[0] if found is not None else None
    if not isinstance(before, ParentBox):
        return 0.0  # what holds the question starts on its page
    held: list[Box] = []
    for box in reversed(before.children):
        if not _kept_together(box, after):
            break
        held.append(box)
        after = box
    if not held:
        return 0.0
    return float(held[0].position_y + held[0].margin_height() - held[-1].position_y)


def _kept_together(before: Box, after: Box) -> bool:
    """Whether the stylesheet keeps two sibling boxes on one page (as WeasyPrint reads it)."""
    if block_level_page_break is None:
        return False
    return block_level_page_break(before, after) in ("avoid", "avoid-page")


def _index_of(boxes: list[Box], box: Box) -> int:
    """Where ``box`` itself (not one equal to it) is in ``boxes``."""
    return next(index for index, child in enumerate(boxes) if child is box)


def image_lines(piece: Box, floors: Mapping[str, float]) -> Iterator[tuple[float, float]]:
    """The height each line of images takes in this piece of a question (the tallest of a
    line's images: side by side, they share its height; or a block image's own), and the
    least it may be capped at: the highest of its images' ``floors``, no more than the
    image's height."""
    stack: list[Box] = [piece]
    while stack:
        box = stack.pop()
        if isinstance(box, ReplacedBox):
            yield box.margin_height(), _floor(box, floors)
        elif isinstance(box, LineBox):
            images = [b for b in box.descendants() if isinstance(b, ReplacedBox)]
            if images:
                yield (
                    max(image.margin_height() for image in images),
                    max(_floor(image, floors) for image in images),
                )
        elif isinstance(box, ParentBox):
            stack.extend(box.children)


def _floor(image: ReplacedBox, floors: Mapping[str, float]) -> float:
    """The least height ``image`` may be capped at: 0 unless ``floors`` gives one."""
    floor = floors.get(image.element.get("src") if image.element is not None else "", 0.0)
    return min(floor, float(image.height))


def used_height(pieces: list[Box]) -> float:
    """How tall the question is, laid out whole: a piece a page break ends is stretched to
    the foot of its page, so it counts to the foot of its last line; the last counts whole."""
    return float(pieces[-1].margin_height()) + sum(map(drawn_height, pieces[:-1]))


def drawn_height(piece: Box) -> float:
    """How tall a piece of a question is to the foot of its last line or image."""
    bottoms = [
        box.position_y + box.margin_height()
        for box in piece.descendants()
        if isinstance(box, LineBox | ReplacedBox)
    ]
    return float(max(bottoms, default=piece.position_y) - piece.position_y)


def fits_a_page(pieces: list[Box], page_height: float) -> bool:
    """Whether the question laid out in ``pieces`` fits a page's text area on its own (the
    space under it, which the page's foot may take, left out)."""
    return used_height(pieces) - float(pieces[-1].margin_bottom) <= page_height
