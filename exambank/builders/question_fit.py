"""Images shrunk so that a question prints on one page.

``handout.css`` keeps a question on one page and scales every image to fit the page, but no
stylesheet can say "as tall as the page less the rest of this question". So a question with
a tall image (a 400x3000 px PNG) that fits in the student edition ran over in the trainer
edition, whose answer and explanation follow the options, and its answer box was printed
alone on the next page. The build therefore lays each edition out, and for each question
that runs over to another page, measures what its images would have to give up for it to
fit where it starts (the top of a page, after any heading kept with it), caps its images at
that height and lays the edition out again. Only the tallest images of such a question
shrink, to one height, keeping their shape: a small icon beside them keeps its size. A
question that would fit only with its images below a third of the page is left to run
over, unchanged, and the build says so as it does for a question of text too long.

A handout where every question fits is laid out once and comes out as before; each pass
is deterministic, so the PDF is too. The measures come from WeasyPrint's box tree (a page's
``_page_box``), in CSS pixels; a WeasyPrint without it (the attribute is private) prints
the questions as laid out once, as before this module.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from weasyprint.document import Document
from weasyprint.formatting_structure.boxes import Box, LineBox, ParentBox, ReplacedBox

# A question's images shrink to no less than this share of the page's text area: below
# it a diagram is no longer worth printing whole on one page.
SMALLEST_SHARE = 1 / 3
# Left free below a question that fits by shrinking its images: the measures leave out
# margins that a page break drops and lines that move, and 2 mm makes up for them.
SPARE_PX = 2 * 96 / 25.4
# How many more layouts at most: one has fitted every question tried; a second tightens a
# cap that the first measured short.
FIT_PASSES = 2


def image_caps(document: Document, caps: dict[str, float]) -> dict[str, float]:
    """``caps`` (a question's anchor, ``q-N``, to the height its images are capped at, in
    CSS px), with a lower cap for each question in ``document`` that prints across pages
    and would fit on its first page with its images no taller than that."""
    fitted = dict(caps)
    for anchor, (pieces, room, page_height) in _split_questions(document).items():
        lines = [height for piece in pieces for height in _image_lines(piece)]
        if not lines:
            continue
        text = _used_height(pieces) - sum(lines)  # what the images leave of the question
        cap = _water_level(lines, room - text - SPARE_PX)
        if cap is not None and cap >= page_height * SMALLEST_SHARE:
            cap = math.floor(cap * 100) / 100  # as the stylesheet writes it
            fitted[anchor] = min(cap, fitted.get(anchor, cap))
    return fitted


def caps_stylesheet(caps: dict[str, float]) -> str:
    """CSS capping each question's images (``#q-N img``, which outweighs ``img``)."""
    return "".join(f"#{anchor} img {{ max-height: {cap:.2f}px }}\n" for anchor, cap in caps.items())


def _split_questions(document: Document) -> dict[str, tuple[list[Box], float, float]]:
    """Each question on more than one page: its boxes, one a page, the room from its top
    to the foot of its first page, and that page's text area height."""
    pages: dict[str, list[int]] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith("q-"):
                pages.setdefault(anchor, []).append(index)
    split = {anchor: on for anchor, on in pages.items() if len(on) > 1}
    found: dict[str, tuple[list[Box], float, float]] = {}
    if not all(hasattr(page, "_page_box") for page in document.pages):
        return found  # a WeasyPrint that keeps no box tree: print as laid out, unfitted
    for anchor, on in split.items():
        found_on = [_question_box(document.pages[index]._page_box, anchor) for index in on]
        pieces = [piece for piece in found_on if piece is not None]
        if len(pieces) < len(on):  # not drawn as laid out here: nothing to measure by
            continue
        page_box = document.pages[on[0]]._page_box
        foot = page_box.content_box_y() + page_box.height
        room = foot - pieces[0].position_y
        found[anchor] = (pieces, room, page_box.height)
    return found


def _question_box(page_box: Box, anchor: str) -> Box | None:
    """The box of the question whose id is ``anchor`` on this page (the article's own;
    boxes it wraps around its inline content name the same element)."""
    stack: list[Box] = [page_box]
    while stack:
        box = stack.pop()
        if box.element is not None and box.element.get("id") == anchor:
            return box
        if isinstance(box, ParentBox):
            stack.extend(reversed(box.children))
    return None


def _image_lines(piece: Box) -> Iterator[float]:
    """The height each line of images takes in this piece of a question: the tallest of a
    line's images (side by side, they share its height), or a block image's own."""
    stack: list[Box] = [piece]
    while stack:
        box = stack.pop()
        if isinstance(box, ReplacedBox):
            yield box.margin_height()
        elif isinstance(box, LineBox):
            heights = [b.margin_height() for b in box.descendants() if isinstance(b, ReplacedBox)]
            if heights:
                yield max(heights)
        elif isinstance(box, ParentBox):
            stack.extend(box.children)


def _used_height(pieces: list[Box]) -> float:
    """How tall the question is, laid out whole: a piece a page break ends is stretched to
    the foot of its page, so it counts to the foot of its last line; the last counts whole."""
    used = float(pieces[-1].margin_height())
    for piece in pieces[:-1]:
        bottoms = [
            box.position_y + box.margin_height()
            for box in piece.descendants()
            if isinstance(box, LineBox | ReplacedBox)
        ]
        used += max(bottoms, default=piece.position_y) - piece.position_y
    return used


def _water_level(heights: list[float], room: float) -> float | None:
    """The largest cap that brings ``heights``, each cut down to it, within ``room`` in all;
    None if they fit uncut or no cap above nothing does."""
    if sum(heights) <= room:
        return None
    taller = [*sorted(heights, reverse=True), 0.0]
    uncapped = sum(heights)
    for count in range(1, len(heights) + 1):  # cap the ``count`` tallest
        uncapped -= taller[count - 1]
        cap = (room - uncapped) / count
        if cap >= taller[count]:  # the next one is below the cap: it keeps its height
            return cap if cap > 0 else None
    return None
