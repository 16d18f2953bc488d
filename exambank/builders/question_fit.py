"""Images shrunk so that a question prints on one page, with the heading kept above it.

``handout.css`` keeps a question on one page and scales every image to fit the page, but no
stylesheet can say "as tall as the page less the rest of this question". So a question with
a tall image (a 400x3000 px PNG) that fits in the student edition ran over in the trainer
edition, whose answer and explanation follow the options, and its answer box was printed
alone on the next page. Nor does ``break-after: avoid`` keep a heading with a question too
tall for the rest of the page: WeasyPrint printed "Practice questions" (a section's number
and title too, when nothing parts them) alone and the question on the next page. The build
therefore lays each edition out, and for each question that runs over to another page, or
that starts a page while a heading kept with it was left on the page before, measures what
its images would have to give up for it to fit where it starts (the top of a page, after
any heading kept with it), caps its images at that height and lays the edition out again.
Only the tallest images of such a question shrink, to one height, keeping their shape: a
small icon beside them keeps its size. A question that would fit only with its images below
a third of the page is left as laid out, run over, which the build says as it does for a
question of text too long. One that a heading kept with it was left apart from, and that no
cap fits below it, breaks below the heading instead (``BELOW_HEADING``): a page that held
a section's number and title alone, the question on the next, said nothing of why; one that
holds them over the question's start says "Continued on the next page". (WeasyPrint leaves a
heading apart only where the heading starts its page: none of these fits a page with it.)
And one longer than a page that no cap fits on one starts where it is, below the question
above, and breaks (``LONGER_THAN_A_PAGE``), its answer's line kept with its explanation
(each option is kept whole: handout.css): kept whole, it moved to a page of its own and
broke there all the same, and left the end of the question above alone on a page. (Keeping
its stem and options together as well made WeasyPrint break where it had to, ignoring them,
and leave "Practice questions" alone on a page.)

In large print an image never shrinks below its size in the standard edition (``floors``,
from ``large_print_images.py``): a question that would fit only with an image smaller than
that is broken after its images instead (``broken``): it starts a page, its images shrink
(no lower than that) so that its stem fits on that page, and its options follow on the
next; a stem that does not fit even so breaks before its images, which keep their size.
Where a heading is kept with it, a question let break whose first line is a line of images
too tall for the room below the heading (a stem that opens with a 300x4000 px image, at
24 pt) was moved whole to the next page all the same, and the heading printed alone: its
images are capped so that the line fits below the heading (``heading_caps``), below their
floor if they must be.

A handout where every question fits is laid out once and comes out as before; each pass
is deterministic, so the PDF is too. The measures come from WeasyPrint's box tree (a page's
``_page_box``: ``question_boxes.py``), in CSS pixels; a WeasyPrint without it (the attribute
is private) prints the questions as laid out once, as before this module.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping

from weasyprint.document import Document
from weasyprint.formatting_structure.boxes import Box, ReplacedBox

from exambank.builders.pdf_structure import children
from exambank.builders.question_boxes import (
    drawn_height,
    find_box,
    first_line,
    fits_a_page,
    image_lines,
    questions_to_fit,
    used_height,
)
from exambank.builders.stranded_numbers import number_alone

# A question's images shrink to no less than this share of the page's text area: below
# it a diagram is no longer worth printing whole on one page.
SMALLEST_SHARE = 1 / 3
# Left free below a question that fits by shrinking its images: the measures leave out
# margins that a page break drops and lines that move, and 2 mm makes up for them.
SPARE_PX = 2 * 96 / 25.4
# The cap of a question let break where it starts, its images not capped (``runs_on``):
# BELOW_HEADING, one that starts below the heading kept with it, which it would fit a page
# without, and that no cap fits below it; LONGER_THAN_A_PAGE, one longer than a page, which
# no cap fits on one, below a heading or under the question above. The build's note tells
# the two apart (split_questions.py).
BELOW_HEADING = math.inf
LONGER_THAN_A_PAGE = sys.float_info.max
# The least share of a page a question let run on under the one above starts with at the
# foot (``late_starts``): at 24 pt, four lines
LEAST_START = 1 / 5
# How many more layouts at most: one has fitted every question tried; a second tightens a
# cap that the first measured short.
FIT_PASSES = 2


def image_caps(
    document: Document,
    caps: dict[str, float],
    floors: Mapping[str, Mapping[str, float]] | None = None,
) -> dict[str, float]:
    """``caps`` (a question's anchor, ``q-N``, to the height its images are capped at, in
    CSS px), with a lower cap for each question in ``document`` that prints across pages,
    or apart from a heading kept with it, and would fit on its first page, below that
    heading, with its images no taller than that. Given ``floors`` (a question's anchor to
    each of its images' ``src`` and the least height it may be capped at), a question that
    would fit only with an image below it is to break after its images instead: its cap
    is negative (``broken``), minus the height its images are capped at for its stem to
    fit on a page, or -inf if it cannot (its images are then not capped). A question apart
    from its heading that no cap fits below it is to break below it (``BELOW_HEADING``),
    and one longer than a page that no cap fits on one where it starts
    (``LONGER_THAN_A_PAGE``): kept whole, it was moved to a page of its own and broke
    there all the same, and the page it left held only the end of the question above
    (at 24 pt, 29 of the seed's 174 trainer pages were less than a quarter full)."""
    fitted = dict(caps)
    for anchor, (pieces, room, page_height, held) in questions_to_fit(document).items():
        if broken(fitted.get(anchor, 0.0)):
            continue  # broken across pages on purpose
        # Each unless a cap fits it (as capped, it did not fit)
        if held:
            alone = fits_a_page(pieces, page_height)  # as it starts the page: laid out whole
            fitted[anchor] = BELOW_HEADING if alone else LONGER_THAN_A_PAGE
        elif (
            not runs_on(fitted.get(anchor, 0.0))  # told from a layout of it whole
            and not number_alone(pieces[0])  # moved whole, it may fit (stranded_numbers.py)
            and not fits_a_page(pieces, page_height)
        ):
            fitted[anchor] = LONGER_THAN_A_PAGE
        least = (floors or {}).get(anchor, {})
        lines = [line for piece in pieces for line in image_lines(piece, least)]
        if not lines:
            continue
        heights = [height for height, _ in lines]
        text = used_height(pieces) - sum(heights)  # what the images leave of the question
        cap = _water_level(heights, room - text - SPARE_PX)
        if floors is not None and sum(heights) > room - text - SPARE_PX and _below(cap, lines):
            fitted[anchor] = -_stem_cap(pieces, room, least)
            continue
        if cap is not None and cap >= page_height * SMALLEST_SHARE:
            cap = math.floor(cap * 100) / 100  # as the stylesheet writes it
            fitted[anchor] = min(cap, fitted.get(anchor, cap))
    return fitted


def late_starts(document: Document, caps: dict[str, float]) -> set[str]:
    """The anchors of the questions in ``document`` let run on under the question above
    (``LONGER_THAN_A_PAGE`` in ``caps``) that are to start the next page instead: one that
    leaves less than ``LEAST_START`` of a page at the foot (its number and a line or two of
    its stem, the page turn inside the stem), or that crosses more page turns than from the
    top of a page (a question of 1.3 pages begun halfway down runs over three pages)."""
    found = set()
    for anchor, (pieces, room, page_height, held) in questions_to_fit(document).items():
        if caps.get(anchor) != LONGER_THAN_A_PAGE or held or room >= page_height - 1:
            continue  # not run on, or it starts its page
        whole = used_height(pieces) - float(pieces[-1].margin_bottom)
        needed = math.ceil(whole / page_height)
        if drawn_height(pieces[0]) < LEAST_START * page_height or len(pieces) > needed:
            found.add(anchor)
    return found


def starts_stylesheet(anchors: set[str]) -> str:
    """CSS starting each question in ``anchors`` on a page of its own (``late_starts``), or
    the "Practice questions" kept above it, where it is the section's first."""
    return "".join(
        f".question + #{anchor}, h3.practice:has(+ #{anchor}) {{ break-before: page }}\n"
        for anchor in sorted(anchors)
    )


def heading_caps(document: Document, caps: Mapping[str, float]) -> dict[str, float]:
    """The height at which to cap the images of each question in ``document`` that a
    heading kept with it was left apart from, that ``caps`` let break (``runs_on``, or
    broken after images too tall to share a page with its stem's text: -inf), and whose
    first line is a line of images too tall for the room below that heading: as tall as
    lets that line fit there. Let break, such a question was moved whole to the next page
    all the same, as it can break no higher than below its first line, and the heading
    printed alone (a stem that opens with a 300x4000 px image, at 24 pt). The heading is
    never left alone, so the cap may be below an image's floor (``size_notes`` says so)."""
    found = {}
    for anchor, (pieces, room, _, held) in questions_to_fit(document).items():
        cap = caps.get(anchor, 0.0)
        if not held or not (runs_on(cap) or cap == -math.inf):
            continue
        line = first_line(pieces[0])
        if line is None:
            continue
        images = [box for box in line.descendants() if isinstance(box, ReplacedBox)]
        if not images:
            continue  # a first line of text: it fits (WeasyPrint leaves none apart for it)
        over = line.position_y + line.margin_height() - pieces[0].position_y + SPARE_PX - room
        tallest = max(float(image.height) for image in images)
        if 0 < over < tallest:
            found[anchor] = math.floor((tallest - over) * 100) / 100  # as the CSS writes it
    return found


def heading_stylesheet(caps: Mapping[str, float]) -> str:
    """CSS capping the images of each question in ``caps`` (``heading_caps``)."""
    return "".join(f"#{anchor} img {{ max-height: {cap:.2f}px }}\n" for anchor, cap in caps.items())


def broken(cap: float) -> bool:
    """Whether ``cap`` is that of a question broken after its images."""
    return cap < 0


def lets_break(caps: Mapping[str, float]) -> bool:
    """Whether ``caps`` let a question break across pages (``runs_on``, ``broken``): the
    pages it runs over from say so (handout_layout.py lays the footer out for it)."""
    return any(runs_on(cap) or broken(cap) for cap in caps.values())


def runs_on(cap: float) -> bool:
    """Whether ``cap`` is that of a question let break where it starts (``BELOW_HEADING``,
    ``LONGER_THAN_A_PAGE``)."""
    return cap >= LONGER_THAN_A_PAGE


def _below(cap: float | None, lines: list[tuple[float, float]]) -> bool:
    """Whether capping the lines of images at ``cap`` takes one below its floor."""
    return cap is None or any(cap < floor for height, floor in lines if height > cap)


def _stem_cap(pieces: list[Box], room: float, floors: Mapping[str, float]) -> float:
    """The cap that fits a broken question's stem (its text and images) in ``room``, what
    the question has on its first page, keeping each image above its floor (a cap no image
    reaches if it fits as it is); inf if it fits only with an image below its floor (which
    then prints on a page of its own, as large as it is)."""
    stems = [stem[0] for piece in pieces if (stem := find_box(piece, _is_stem)) is not None]
    lines = [line for stem in stems for line in image_lines(stem, floors)]
    if not stems or not lines:
        return math.inf
    heights = [height for height, _ in lines]
    last = pieces[-1]  # what the question keeps below its options, on their page
    below = last.padding_bottom + last.border_bottom_width + last.margin_bottom
    # Each of its parts whole, with its margins (a page break after the stem's text drops
    # the paragraph's, which the page holding both needs), and the line its images are on;
    # a stem that a page break parts counts to the foot of its last line on that page (its
    # paragraph is stretched to the page's foot: a first line alone, an image on the next)
    parts = sum(map(drawn_height, stems[:-1]))
    parts += sum(child.margin_height() for child in children(stems[-1]))
    room_for_images = room - (parts - sum(heights)) - below - SPARE_PX
    cap = (
        room_for_images
        if sum(heights) <= room_for_images
        else _water_level(heights, room_for_images)
    )
    if cap is None or _below(cap, lines):
        return math.inf
    return math.floor(cap * 100) / 100  # as the stylesheet writes it


def _is_stem(box: Box) -> bool:
    return box.element is not None and "stem" in (box.element.get("class") or "").split()


def caps_stylesheet(caps: dict[str, float]) -> str:
    """CSS capping each question's images (``#q-N img``, which outweighs ``img``), letting
    one break where it starts (``runs_on``; one longer than a page keeps its answer's line
    with its explanation), and breaking one broken
    after its images (``broken``) there. It starts a page (unless a
    heading is kept with it: breaking where it started, its stem's text was left at the
    foot of the page before its images), its options are kept together and with their
    instruction, as its answer is, and start the next page, unless its stem is too tall
    for one (cap -inf): then its images print as large as they are, on the next page.
    (Kept whole, a question too tall for a page moved to a page of its own and broke
    after its stem's text, and breaking where it had to before its options, it did so too
    when the page had room for its images by 80 px: WeasyPrint's choice.)"""
    rules = []
    for anchor, cap in caps.items():
        if runs_on(cap):
            rules.append(f"#{anchor} {{ break-inside: auto }}\n")
            if cap == LONGER_THAN_A_PAGE:  # "Answer: B" with the explanation's first lines
                rules.append(f"#{anchor} .answer-line {{ break-after: avoid }}\n")
            continue
        if not broken(cap):
            rules.append(f"#{anchor} img {{ max-height: {cap:.2f}px }}\n")
            continue
        rules.append(
            f"#{anchor} {{ break-inside: auto }}\n"
            f".question + #{anchor} {{ break-before: page }}\n"
            f"#{anchor} :is(.options, .solution) {{ break-inside: avoid }}\n"
            f"#{anchor} .instruction {{ break-after: avoid }}\n"
        )
        if cap > -math.inf:
            rules.append(f"#{anchor} img {{ max-height: {-cap:.2f}px }}\n")
            rules.append(f"#{anchor} .stem + * {{ break-before: page }}\n")
    return "".join(rules)


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
