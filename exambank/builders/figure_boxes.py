"""Each image's bounding box in the tagged PDF, where the image is on its page.

A ``Figure`` element's ``/BBox`` (a layout attribute) is, by ISO 32000, the image's box in
the page's default user space: points, y upwards from the page's foot. Tools that reflow a
page, read it aloud with highlighting or check it (Acrobat, PAC) use it to find the image.
WeasyPrint 70 writes the layout's box instead: CSS pixels, y downwards from the page's top
(``weasyprint/pdf/tags.py``), so the box was a third too large and often off the page. It
is required for a figure on one page, so it is converted, not dropped, with the transform
WeasyPrint draws the page with (``weasyprint/pdf/__init__.py``: a CSS px is 0.75 pt, y from
the page box's top), which leaves it right if WeasyPrint ever adds a bleed.
"""

from __future__ import annotations

from typing import Any

from exambank.builders.pdf_structure import elements

POINTS_PER_CSS_PIXEL = 0.75  # 72 pt per inch / 96 px per inch, at WeasyPrint's zoom 1


def figure_boxes_in_points(document: Any, pdf: Any) -> int:
    """Convert each ``Figure``'s ``/BBox`` in ``pdf`` (WeasyPrint's, before it is written)
    from ``document``'s CSS layout to PDF user space; how many it converted."""
    pages = {reference: number for number, reference in enumerate(pdf.page_references)}
    converted = 0
    for figure in elements(pdf.objects, "/Figure"):
        layout = figure.get("A")
        number = pages.get(figure.get("Pg"))
        if not isinstance(layout, dict) or "BBox" not in layout or number is None:
            continue
        page_height = document.pages[number].height  # CSS px, as the box
        left, top, right, bottom = layout["BBox"]
        layout["BBox"][:] = [
            round(left * POINTS_PER_CSS_PIXEL, 3),
            round((page_height - bottom) * POINTS_PER_CSS_PIXEL, 3),
            round(right * POINTS_PER_CSS_PIXEL, 3),
            round((page_height - top) * POINTS_PER_CSS_PIXEL, 3),
        ]
        converted += 1
    return converted
