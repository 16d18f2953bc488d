"""An element that runs over a page, one structure element again, not one per page.

WeasyPrint 70 builds the structure tree page by page (``_build_box_tree`` in
``weasyprint/pdf/tags.py``): a question that runs over a page became two articles (``Art``),
the second with no heading, and its stem two paragraphs, the first cut mid-sentence; a
section became one ``Sect`` per page (Kozea/WeasyPrint#2902). A screen reader that moves by
article, paragraph or list met a question with no number and a sentence in two. A structure
element may hold content on several pages (ISO 32000 names each kid's page), so once the
tree is built (the finisher in ``render.py``) each element continued on the next page takes
in the element that continues it: its kids, in order, which name it as their parent, and the
marked content it held itself (as a reference naming its page, ``MCR``), which the
``ParentTree`` then maps to it; the emptied element is left out of the tree.

Two elements are one where they come from the same HTML element and have one type, the last
of their parent's kids on one page and the first on the next (and so on inwards, for the
kids that met where they were joined). WeasyPrint keeps no link from an element to its
HTML element, so ``element_origins`` pairs each page's elements, in the order WeasyPrint
makes them, with the boxes that make them, walking the page's boxes as ``_build_box_tree``
does; a page whose elements differ in type from that walk is left as it is. It is read first,
before the other finishers change the tree. A table is left in one part per page: each part
repeats the table's head, which a reader would hear twice in one table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pydyf  # type: ignore[import-untyped]
from weasyprint.formatting_structure.boxes import (
    Box,
    LineBox,
    MarginBox,
    PageBox,
    ParentBox,
    TextBox,
)
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.pdf.tags import _get_pdf_tag

from exambank.builders.pdf_structure import (
    PdfObject,
    elements_by_page,
    page_boxes,
    referenced,
    repoint_parent_tree,
)

# The HTML element (an ElementTree element) each structure element was made for, by the
# element's object number; a text's Span has none, and is never joined.
Origins = dict[int, Any]

_UNJOINED = ("/Table",)


def element_origins(document: Any, pdf: Any) -> Origins:
    """The HTML element of each structure element WeasyPrint made in ``pdf``, read before
    any other finisher changes the tree."""
    trees = page_boxes(document)
    if trees is None:
        return {}
    made = elements_by_page(pdf.objects)
    origins: Origins = {}
    for tree, page in zip(trees, pdf.page_references, strict=True):
        walked = list(_made(tree, None))
        elements = made.get(page, [])
        tags = [f"/{tag}" for tag, _ in walked]
        if tags != [element["S"] for element in elements]:
            continue  # not made as expected: its elements stay apart
        for (_, html), element in zip(walked, elements, strict=True):
            if html is not None:
                origins[getattr(element, "number", -1)] = html
    return origins


def join_fragments(pdf: Any, origins: Origins) -> int:
    """Join each structure element in ``pdf`` continued on the next page with the element
    continuing it (their ``origins``, read by ``element_origins``); how many it joined."""
    objects: list[object] = pdf.objects
    root = referenced(objects, pdf.catalog.get("StructTreeRoot"))
    if not origins or not isinstance(root, dict) or len(root.get("K") or []) != 1:
        return 0
    whole = referenced(objects, root["K"][0])
    moved: dict[bytes, bytes] = {}
    for at in reversed(range(1, len(whole["K"]))):
        _join(objects, origins, whole, at, moved)
    if moved:
        repoint_parent_tree(referenced(objects, root.get("ParentTree")), moved)
    return len(moved)


def _join(
    objects: list[object], origins: Origins, parent: PdfObject, at: int, moved: dict[bytes, bytes]
) -> None:
    """Join ``parent``'s kid at ``at`` into the one before it, if it continues it on the
    next page, and then the kids that meet there."""
    first, then = (referenced(objects, kid) for kid in parent["K"][at - 1 : at + 1])
    if not (_is_element(first) and _is_element(then)):
        return
    origin = origins.get(getattr(first, "number", -1))
    if (
        origin is None
        or origin is not origins.get(getattr(then, "number", -1))
        or first["S"] != then["S"]
        or first["S"] in _UNJOINED
        or first.get("Pg") == then.get("Pg")
    ):
        return
    meeting = len(first["K"])
    for kid in then["K"]:
        inner = referenced(objects, kid)
        if _is_element(inner):
            inner["P"] = first.reference
        # its own marked content is drawn on its page, which the joined element does not name
        first["K"].append(_on_page(kid, then["Pg"]) if isinstance(kid, int) else kid)
    del parent["K"][at]
    moved[then.reference] = first.reference
    then.clear()
    if 0 < meeting < len(first["K"]):
        _join(objects, origins, first, meeting, moved)


def _on_page(number: int, page: bytes) -> object:
    """A reference to the marked content ``number`` drawn on ``page`` (``MCR``)."""
    return pydyf.Dictionary({"Type": "/MCR", "Pg": page, "MCID": number})


def _is_element(found: object) -> bool:
    return isinstance(found, dict) and "S" in found


def _made(box: Box, parent: str | None) -> Iterator[tuple[str, Any]]:
    """The type and HTML element of each structure element WeasyPrint makes for ``box``
    under an element of type ``parent``, in the order it makes them (``_build_box_tree``)."""
    if isinstance(box, AbsolutePlaceholder):
        box = box._box
    element_tag = None if box.element is None else box.element_tag
    tag = _get_pdf_tag(element_tag)
    if element_tag in ("html", "body") or isinstance(box, PageBox):
        if isinstance(box, ParentBox) and not isinstance(box, LineBox):
            for child in box.children:
                yield from _made(child, parent)
            return
    elif isinstance(box, MarginBox):
        for child in box.children:
            yield from _made(child, parent)
        return
    elif tag in ("TD", "TH") and parent in ("TD", "TH"):
        tag = "NonStruct"
    elif tag == "LI":
        bulleted = "list-item" in box.style["display"] and box.style["list_style_type"] != "none"
        if parent == "LI":
            tag = "LBody"
        elif parent == "LBody":
            tag = "NonStruct"
        elif box.element_tag in ("dt", "dd") or (box.element_tag == "li" and not bulleted):
            yield "LI", box.element
            yield from _made(box, "LI")
            return
    yield tag, box.element
    if getattr(box, "widget_annotation", None):
        yield "Form", None
    for child in _children(box, tag):
        for inner in child.children if isinstance(child, LineBox) else [child]:
            if isinstance(inner, TextBox):
                if tag != "Link":
                    yield "Span", None
            elif inner.element_tag in ("ul", "ol") and tag == "LI":
                yield from _made(inner, parent)  # a nested list is its parent list's kid
            else:
                yield from _made(inner, tag)


def _children(box: Box, tag: str) -> list[Box]:
    """The boxes whose elements ``box``'s element holds: a table's wrapper's, with the
    table's rows in place of the table (``_build_box_tree``)."""
    if tag == "Table" and getattr(box, "is_table_wrapper", False):
        table = box.get_wrapped_table()
        if table:
            return [
                part
                for child in box.children
                for part in (child.children if child is table else [child])
            ]
    return list(getattr(box, "children", []))
