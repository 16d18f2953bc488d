"""Images in large print, enlarged as its text is, and never smaller than in the standard
edition.

Large print sets the body at 16 pt (or the size ``--large-print-size`` gives) where the
standard edition sets it at 9.5 pt, but the words in a chart or a diagram are part of the
image: printed at the standard size, a label was barely readable beside the text around it.
So large print draws each image as much wider than the standard edition does as its text
is larger (``large_print_scale``: 16/9.5, about 1.68 times, at 16 pt; the standard width is
its intrinsic size: a raster image's pixels as CSS px, an SVG's width and height), keeping
its shape, and
no wider than the column it is in (the stylesheet's ``max-width: 100%``) nor taller than a
page holds (its ``max-height``).

No stylesheet can say "1.68 times your own width": WeasyPrint's ``image-resolution``
enlarges raster images only (an SVG keeps the size it gives itself). So before the
handout is laid out, the images it shows are laid out alone, as WeasyPrint sizes them at
the standard edition's text size (an SVG may give its size in em), and a rule on each one's
``src`` sets that width, or its column's if that is narrower, as its least width
(``min-width``). Not as its width: WeasyPrint sizes a table's columns by the widths of what
they hold, and a fixed width widened a column holding an image past the page, where a
least width in part of the column leaves the table laid out as before (an image in a table
is as wide as its column, as in the standard edition). Only what the fetcher serves is
measured: an image it refuses gets no rule, and the handout's layout reports it as before.

The same measures give each image's standard size, alone on a standard page (no wider than
its column, no taller than ``STANDARD_MAX_HEIGHT_PX``), from which its large-print size is
reckoned. ``question_fit.py`` shrinks a question's images in large print no lower than
the standard edition prints them in that question (``floors``, from a layout of the
standard edition: a tall screenshot printed at 90 % of that to keep its question on one
page), and breaks the question after them instead. An image that
prints below its large-print size, because its column or the page is too small for it,
gets a note naming it and how large it prints (``size_notes``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.formatting_structure.boxes import Box, ParentBox, ReplacedBox
from weasyprint.urls import URLFetcher

from exambank.builders.base import TEXT_WIDTH_MM
from exambank.config import LARGE_PRINT_SIZE

# The body's size in the standard edition (handout.css sets it on ``html``)
STANDARD_TEXT_PT = 9.5
PX_PER_MM = 96 / 25.4
# The standard edition's column and the most any image is given (handout.css:
# ``img { max-height: 225mm }``), in CSS px
STANDARD_COLUMN_PX = {paper: width * PX_PER_MM for paper, width in TEXT_WIDTH_MM.items()}
STANDARD_MAX_HEIGHT_PX = 225 * PX_PER_MM
# Below this share of its large-print size an image gets a note (rounding aside)
NOTED_BELOW = 0.995

# An image as markdown.py writes it: its source, HTML-escaped, in double quotes
_IMAGE_SOURCE = re.compile(r'<img\s[^>]*?\bsrc="([^"]*)"')


def large_print_scale(size: int) -> float:
    """How many times larger than the standard edition's a large-print body of ``size``
    points is: 16/9.5, about 1.68, at large print's default size."""
    return size / STANDARD_TEXT_PT


@dataclass(frozen=True)
class ImageSizes:
    """Each image's intrinsic width, and (where it has a shape) its intrinsic size and its
    size in the standard edition alone on its page, by its ``src``, in CSS px; and how many
    times that large print draws them."""

    widths: dict[str, float] = field(default_factory=dict)
    intrinsic: dict[str, tuple[float, float]] = field(default_factory=dict)
    standard: dict[str, tuple[float, float]] = field(default_factory=dict)
    scale: float = large_print_scale(LARGE_PRINT_SIZE)  # how much larger large print is

    def stylesheet(self) -> str:
        """CSS giving each image its large-print width (at most its column's) as its least
        width; "" if there is none."""
        return "".join(
            f'img[src="{_css_string(source)}"] '
            f"{{ min-width: min({width * self.scale:.2f}px, 100%) }}\n"
            for source, width in sorted(self.widths.items())
        )

    def floors(self, standard: Document) -> dict[str, dict[str, float]]:
        """The least height each question's images may shrink to in large print (its
        anchor, ``q-N``, to each image's ``src`` and height): what they print at in
        ``standard``, the standard edition laid out; none without its box tree."""
        floors: dict[str, dict[str, float]] = {}
        for page in standard.pages:
            if not hasattr(page, "_page_box"):  # private to WeasyPrint: as before, no floor
                return {}
            for anchor, box in _question_images(page._page_box):
                source = box.element.get("src")
                if source in self.intrinsic:
                    width, height = self.intrinsic[source]
                    drawn = min(box.width / width, box.height / height) * height
                    shown = floors.setdefault(anchor, {})
                    shown[source] = min(drawn, shown.get(source, drawn))
        return floors

    def size_notes(self, document: Document) -> list[str]:
        """A note for each image that prints below its large-print size somewhere in
        ``document``, with the share of it that it reaches where it prints smallest, and why."""
        smallest: dict[str, tuple[float, str]] = {}
        for page in document.pages:
            if not hasattr(page, "_page_box"):  # private to WeasyPrint: no notes without it
                return []
            for box in _replaced_boxes(page._page_box):
                source = box.element.get("src")
                if source not in self.standard:
                    continue
                share, why = self._share(box, source)
                if share < smallest.get(source, (NOTED_BELOW, ""))[0]:
                    smallest[source] = (share, why)
        return [
            f"{source} prints at {share:.0%} of its large-print size ({why})"
            for source, (share, why) in sorted(smallest.items())
        ]

    def _share(self, box: ReplacedBox, source: str) -> tuple[float, str]:
        """How much of its large-print width the image in ``box`` is drawn at (inside its
        box, keeping its shape: ``object-fit: contain``), and what held it back."""
        width, height = self.intrinsic[source]
        across, down = box.width / width, box.height / height
        drawn = min(across, down) * width
        share = drawn / (self.standard[source][0] * self.scale)
        if across <= down:
            return share, "as wide as its column"
        if box.height >= STANDARD_MAX_HEIGHT_PX - 0.5:
            return share, "as tall as a page holds"
        return share, "shrunk to fit on a page with its question"


def measured_images(
    html: str, base_url: str, fetcher: URLFetcher, paper: str, size: int = LARGE_PRINT_SIZE
) -> ImageSizes:
    """The sizes of the images ``html`` shows (none if it shows none or none could be
    read), each laid out alone as the standard edition sizes it on ``paper``, to be drawn
    in large print of ``size`` points."""
    sources = sorted(set(_IMAGE_SOURCE.findall(html)))
    scale = large_print_scale(size)
    if not sources:
        return ImageSizes(scale=scale)
    images = "".join(f'<p><img src="{source}"></p>' for source in sources)
    alone = HTML(
        string=f'<html style="font-size: {STANDARD_TEXT_PT}pt"><body>{images}</body></html>',
        base_url=base_url,
        url_fetcher=fetcher,
    ).render()
    sizes = ImageSizes(scale=scale)
    column = STANDARD_COLUMN_PX.get(paper, STANDARD_COLUMN_PX["a4"])
    for page in alone.pages:
        if not hasattr(page, "_page_box"):  # private to WeasyPrint: without it, as before
            return ImageSizes(scale=scale)
        for box in _replaced_boxes(page._page_box):
            width, height, ratio = box.replacement.get_intrinsic_size(
                box.style["image_resolution"], box.style["font_size"]
            )
            if not width:  # an image with no width of its own (an SVG of 100%) fills the column
                continue
            source = box.element.get("src")
            sizes.widths[source] = width
            if not height and ratio:
                height = width / ratio
            if height:  # as the standard edition's stylesheet scales it, keeping its shape
                shrunk = min(1.0, column / width, STANDARD_MAX_HEIGHT_PX / height)
                sizes.intrinsic[source] = (width, height)
                sizes.standard[source] = (width * shrunk, height * shrunk)
    return sizes


def _question_images(box: Box) -> list[tuple[str, ReplacedBox]]:
    """The images laid out in questions under ``box``, each with its question's anchor."""
    found: list[tuple[str, ReplacedBox]] = []
    stack: list[tuple[str, Box]] = [("", box)]
    while stack:
        anchor, box = stack.pop()
        own = (box.element.get("id") or "") if box.element is not None else ""
        anchor = own if own.startswith("q-") else anchor
        if isinstance(box, ReplacedBox) and anchor:
            found.append((anchor, box))
        elif isinstance(box, ParentBox):
            stack.extend((anchor, child) for child in reversed(box.children))
    return found


def _replaced_boxes(box: Box) -> list[ReplacedBox]:
    """The images laid out under ``box``, in order."""
    found: list[ReplacedBox] = []
    stack = [box]
    while stack:
        box = stack.pop()
        if isinstance(box, ReplacedBox):
            found.append(box)
        elif isinstance(box, ParentBox):
            stack.extend(reversed(box.children))
    return found


def _css_string(text: str) -> str:
    """``text`` inside a double-quoted CSS string: each quote, backslash and line break
    as an escape."""
    return "".join(rf"\{ord(c):x} " if c in '"\\\n\r\f' else c for c in text)
