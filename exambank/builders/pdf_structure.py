"""Reading WeasyPrint's tagged PDF in the finisher, before it is written.

The finisher (``render.py``) gets the PDF as pydyf objects: the structure tree's elements
are dictionaries in ``pdf.objects``, each naming its kids by reference (b"12 0 R") or, for
marked content on its page, by number (MCID); a page's content stream still holds each
marked content's property list as a dictionary, so what is added to it is written too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pydyf  # type: ignore[import-untyped]
from weasyprint.formatting_structure.boxes import Box, ParentBox

# pydyf (WeasyPrint's PDF writer) ships no types: its objects are dicts and lists, an
# object's reference b"12 0 R", its number the place it has in the PDF's list of objects.
PdfObject = dict[str, Any]


def kids(objects: list[object], element: PdfObject, tag: str | None) -> Iterator[PdfObject]:
    """The structure elements ``element`` holds (of type ``tag``, if given), in order:
    not its marked content (numbers) or annotations."""
    for reference in element.get("K") or []:
        kid = referenced(objects, reference)
        if isinstance(kid, dict) and "S" in kid and (tag is None or kid["S"] == tag):
            yield kid


def elements(objects: list[object], tag: str) -> Iterator[PdfObject]:
    """Every structure element of type ``tag``, in the order the PDF holds them."""
    for found in objects:
        if isinstance(found, dict) and found.get("S") == tag:
            yield found


def marked_contents(objects: list[object], element: PdfObject) -> Iterator[tuple[PdfObject, int]]:
    """The marked content under ``element`` in reading order: each one's number (MCID)
    and the structure element that holds it."""
    for kid in element.get("K") or []:
        if isinstance(kid, int):
            yield element, kid
        else:
            inner = referenced(objects, kid)
            if isinstance(inner, dict) and "S" in inner:
                yield from marked_contents(objects, inner)


def property_lists(objects: list[object], page: PdfObject) -> dict[int, PdfObject]:
    """The property list of each marked content drawn on ``page``, by its number."""
    stream = referenced(objects, page.get("Contents"))
    chunks = getattr(stream, "stream", None) or []
    return {chunk["MCID"]: chunk for chunk in chunks if isinstance(chunk, dict) and "MCID" in chunk}


def referenced(objects: list[object], reference: object) -> Any:
    """The object ``reference`` (b"12 0 R") names, or None if it names none."""
    if not isinstance(reference, bytes):
        return None
    return objects[int(reference.split()[0])]


def reference_to(element: PdfObject) -> bytes:
    """How the PDF names ``element``, one of its objects (b"12 0 R")."""
    added: Any = element  # a pydyf object added to the PDF, which knows its number
    return bytes(added.reference)


def elements_by_page(objects: list[object]) -> dict[bytes, list[PdfObject]]:
    """The structure elements of each page (by its reference), in the order WeasyPrint
    made them, which is the order it walked the page's boxes in."""
    made: dict[bytes, list[PdfObject]] = {}
    for found in objects:
        if isinstance(found, dict) and found.get("Type") == "/StructElem" and "Pg" in found:
            made.setdefault(found["Pg"], []).append(found)
    return made


def repoint_parent_tree(parent_tree: PdfObject, moved: dict[bytes, bytes]) -> None:
    """Map each marked content and annotation the ``ParentTree`` gives to an element
    that was joined into another (``moved``: its reference, and the other's) to that
    other, following joins of joins."""

    def final(reference: object) -> object:
        while isinstance(reference, bytes) and reference in moved:
            reference = moved[reference]
        return reference

    nums = parent_tree["Nums"]
    for at in range(1, len(nums), 2):
        if isinstance(nums[at], list):
            nums[at][:] = [final(reference) for reference in nums[at]]
        else:
            nums[at] = final(nums[at])


def by_page(pdf: Any, found: Iterator[PdfObject]) -> dict[int, list[PdfObject]]:
    """The elements ``found``, in their order, by the number of the page each is on (its
    ``/Pg``; -1 for none), to be matched with the boxes of that page's layout."""
    pages = {reference: number for number, reference in enumerate(pdf.page_references)}
    grouped: dict[int, list[PdfObject]] = {}
    for element in found:
        grouped.setdefault(pages.get(element.get("Pg"), -1), []).append(element)
    return grouped


def page_boxes(document: Any) -> list[Box] | None:
    """Each page's laid-out boxes, the tree the structure tree was built from; None if
    WeasyPrint does not keep them where it used to (they are private to it)."""
    trees = [getattr(page, "_page_box", None) for page in document.pages]
    return None if any(tree is None for tree in trees) else trees


def outermost(box: Box, wanted: Callable[[Box], bool]) -> Iterator[Box]:
    """The boxes under ``box`` that are ``wanted``, in order, but none inside another
    (a box's anonymous parts share its element)."""
    stack = [box]
    while stack:
        box = stack.pop()
        if wanted(box):
            yield box
        elif isinstance(box, ParentBox):
            stack.extend(reversed(box.children))


def children(box: Box) -> list[Box]:
    """The boxes ``box`` holds (none, for a box that holds none)."""
    return list(box.children) if isinstance(box, ParentBox) else []


def element_id(box: Box) -> str:
    """The id of the element ``box`` draws ("" for none)."""
    return (box.element.get("id") or "") if box.element is not None else ""


def pdf_string(text: str) -> object:
    """``text`` as a PDF text string (UTF-16 when it is not ASCII)."""
    return pydyf.String(text)


def replace_text(holder: PdfObject, properties: PdfObject | None, text: str) -> None:
    """Set ``text`` as the replacement (``/ActualText``) of a text's marked content (its
    ``properties``), which text extraction reads, and of the structure element ``holder``
    holding it, which a screen reader reads, if it holds nothing else (a ``Span``)."""
    if properties is not None:
        properties["ActualText"] = pdf_string(text)
    if holder.get("S") == "/Span" and len(holder.get("K") or []) == 1:
        holder["ActualText"] = pdf_string(text)
