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
HTML element, so ``element_origins`` reads it from the box each element was made for
(``element_boxes.py``); a page whose elements do not pair with its boxes is left as it is.
It is read first, before the other finishers change the tree. A table is left in one part
per page: each part repeats the table's head, which a reader would hear twice in one table.
"""

from __future__ import annotations

from typing import Any

import pydyf  # type: ignore[import-untyped]
from weasyprint.formatting_structure.boxes import Box, TextBox

from exambank.builders.pdf_structure import PdfObject, referenced, repoint_parent_tree

# The HTML element (an ElementTree element) each structure element was made for, by the
# element's object number; a text's Span has none, and is never joined.
Origins = dict[int, Any]

_UNJOINED = ("/Table",)


def element_origins(paired: list[tuple[Box | None, PdfObject]]) -> Origins:
    """The HTML element of each structure element WeasyPrint made, from the box it was
    made for (``paired``), read before any other finisher changes the tree
    (``element_boxes.py``)."""
    return {
        getattr(element, "number", -1): box.element
        for box, element in paired
        if box is not None and box.element is not None and not isinstance(box, TextBox)
    }


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
