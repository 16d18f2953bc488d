"""Images in large print, enlarged as its text is.

Large print sets the body at 16 pt where the standard edition sets it at 9.5 pt, but the
words in a chart or a diagram are part of the image: printed at the standard size, a label
was barely readable beside the text around it. So large print draws each image
``LARGE_PRINT_SCALE`` times as wide as the standard edition does (as wide as its intrinsic
size: a raster image's pixels as CSS px, an SVG's width and height), keeping its shape, and
no wider than the column it is in: the stylesheet's ``max-width: 100%``, and its scaling
down to fit the page, and ``question_fit.py``'s to fit a question, apply as before.

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
"""

from __future__ import annotations

import re

from weasyprint import HTML
from weasyprint.formatting_structure.boxes import Box, ParentBox, ReplacedBox
from weasyprint.urls import URLFetcher

# The body's size in each edition (handout.css and large-print.css set them on ``html``)
STANDARD_TEXT_PT = 9.5
LARGE_PRINT_TEXT_PT = 16.0
LARGE_PRINT_SCALE = LARGE_PRINT_TEXT_PT / STANDARD_TEXT_PT

# An image as markdown.py writes it: its source, HTML-escaped, in double quotes
_IMAGE_SOURCE = re.compile(r'<img\s[^>]*?\bsrc="([^"]*)"')


def enlarged_images_stylesheet(html: str, base_url: str, fetcher: URLFetcher) -> str:
    """CSS giving each image ``html`` shows its large-print width (at most its column's) as
    its least width; "" if it shows none (or none could be read)."""
    sources = sorted(set(_IMAGE_SOURCE.findall(html)))
    if not sources:
        return ""
    images = "".join(f'<p><img src="{source}"></p>' for source in sources)
    alone = HTML(
        string=f'<html style="font-size: {STANDARD_TEXT_PT}pt"><body>{images}</body></html>',
        base_url=base_url,
        url_fetcher=fetcher,
    ).render()
    widths: dict[str, float] = {}
    for page in alone.pages:
        if not hasattr(page, "_page_box"):  # private to WeasyPrint: without it, as before
            return ""
        for box in _replaced_boxes(page._page_box):
            width, _, _ = box.replacement.get_intrinsic_size(
                box.style["image_resolution"], box.style["font_size"]
            )
            if width:  # an image with no width of its own (an SVG of 100%) fills the column
                widths[box.element.get("src")] = width * LARGE_PRINT_SCALE
    return "".join(
        f'img[src="{_css_string(source)}"] {{ min-width: min({width:.2f}px, 100%) }}\n'
        for source, width in sorted(widths.items())
    )


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
