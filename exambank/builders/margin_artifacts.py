"""The running header and footer marked as pagination artifacts, not as content.

WeasyPrint 70 marks the text of the page margins (the running head, the edition, "Page 2
of 31", "Continued on the next page →") as content, ``/Span`` with a number (MCID), and
maps it in the structure tree's ``ParentTree`` to elements that name the ``Document`` as
their parent but that no element lists: it is neither in the tree nor an artifact, which
PDF/UA forbids (ISO 14289-1 7.1, Matterhorn 01-005; Kozea/WeasyPrint#1836). A screen
reader that follows the tree skipped it, but a checker reports it on every page, and a
reader that reflows the page does not know what it is.

So once WeasyPrint has built the structure tree (the finisher in ``render.py``), each such
element's marked content becomes ``/Artifact <</Type /Pagination /Subtype /Header>>`` (or
``/Footer``, by the margin box it was made from), the element and its parts are emptied and
dropped from the ``ParentTree``, and the page's other marked content is numbered again from
0, as the ``ParentTree`` holds a page's elements by their content's number (``artifacts.py``).
The margin's elements are known by what they are, unreachable from the root, not by their
words; their side is known by pairing them, in the order WeasyPrint makes them (a margin
box's children, one element each, after the page's content), with the page's margin boxes:
where that does not pair, they are pagination artifacts with no side.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from weasyprint.formatting_structure.boxes import MarginBox

from exambank.builders.artifacts import as_artifacts
from exambank.builders.pdf_structure import (
    PdfObject,
    kids,
    marked_contents,
    page_boxes,
    referenced,
)

# The side of the page a margin box's at-rule names ("@top-left"), and its artifact's subtype.
_SIDES = {"@top": "/Header", "@bottom": "/Footer"}


def margins_as_artifacts(document: Any, pdf: Any) -> int:
    """Mark the margins' content in ``pdf`` (WeasyPrint's, before it is written) as
    pagination artifacts and drop its elements from the structure tree; how many marked
    contents it marked."""
    objects: list[object] = pdf.objects
    root = referenced(objects, pdf.catalog.get("StructTreeRoot"))
    if not isinstance(root, dict) or len(root.get("K") or []) != 1:
        return 0
    whole = referenced(objects, root["K"][0])
    parent_tree = referenced(objects, root.get("ParentTree"))
    listed = set(whole.get("K") or [])
    unlisted = [
        found
        for found in objects
        if isinstance(found, dict)
        and found.get("Type") == "/StructElem"
        and found.get("P") == whole.reference
        and getattr(found, "reference", None) not in listed
    ]
    sides = _margin_sides(document)
    marked = 0
    for index, page_reference in enumerate(pdf.page_references):
        margins = [element for element in unlisted if element.get("Pg") == page_reference]
        if not margins:
            continue
        page_sides = sides[index] if sides is not None else []
        if len(page_sides) != len(margins):
            page_sides = [None] * len(margins)
        artifacts = {
            number: _pagination(side)
            for element, side in zip(margins, page_sides, strict=True)
            for _, number in marked_contents(objects, element)
        }
        page = referenced(objects, page_reference)
        as_artifacts(objects, parent_tree, page, index, artifacts)
        for element in margins:
            for part in list(_parts(objects, element)):
                part.clear()
        marked += len(artifacts)
    return marked


def _margin_sides(document: Any) -> list[list[str | None]] | None:
    """For each page, the side of each element its margin boxes make, in order."""
    trees = page_boxes(document)
    if trees is None:
        return None
    return [
        [
            next((side for at, side in _SIDES.items() if box.at_keyword.startswith(at)), None)
            for box in tree.children
            if isinstance(box, MarginBox)
            for _ in box.children
        ]
        for tree in trees
    ]


def _pagination(side: str | None) -> dict[str, str]:
    """A pagination artifact's properties, of ``side`` (``/Header``) where it is known."""
    return {"Type": "/Pagination", **({"Subtype": side} if side is not None else {})}


def _parts(objects: list[object], element: PdfObject) -> Iterator[PdfObject]:
    """``element`` and every structure element inside it."""
    yield element
    for kid in kids(objects, element, None):
        yield from _parts(objects, kid)
