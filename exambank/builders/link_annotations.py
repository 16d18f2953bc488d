"""Each link annotation held by its link's ``Link`` tag, saying the link's words.

WeasyPrint gives every box inside a link an annotation of its own (a link's ``Contents``,
described by ``render.py``'s finisher, is the words of its box's element), which it tags
under that box's element. A contents entry whose title holds a long name
(``identifiers.py``: a ``span.identifier``, which ``identifier_fit.py`` may let wrap as a
block) so had a third annotation, tagged under a ``Span`` inside the ``Link`` and saying the
name alone: a keyboard or screen reader user met the entry three times, the last without
its first words, and PDF/UA asks that each link annotation be in a ``Link`` tag (ISO
14289-1, 7.18.5). Once the PDF's links are described (the finisher in ``render.py``), each
such annotation is moved to the ``Link`` around it, which the parent tree says it belongs
to, and says what that link's first annotation says. It keeps its place on the page: the
name's lines are where a click on them leads from. And WeasyPrint tags each line of a link
that wraps as a ``Link`` of its own: on a page, they are made one, which holds every
annotation the link has there.
"""

from __future__ import annotations

from typing import Any

from exambank.builders.pdf_structure import (
    PdfObject,
    reference_to,
    referenced,
    repoint_parent_tree,
)


def annotations_in_links(document: Any, pdf: Any) -> int:
    """Move each link annotation of ``pdf`` (WeasyPrint's, before it is written) tagged
    inside a ``Link`` but not directly in it to that ``Link``, and make the ``Link`` tags
    of one link's lines on a page one; how many annotations it moved."""
    objects: list[object] = pdf.objects
    root = referenced(objects, pdf.catalog.get("StructTreeRoot"))
    parent_tree = referenced(objects, root.get("ParentTree")) if root else None
    if parent_tree is None:
        return 0
    numbers: list[Any] = parent_tree["Nums"]
    moved = 0
    for index in range(0, len(numbers) - 1, 2):
        objr, holder = _annotation_and_holder(objects, numbers, index)
        if objr is None or holder is None or holder.get("S") == "/Link":
            continue
        link = _link_around(objects, holder)
        if link is None:
            continue
        holder["K"].remove(objr)
        link["K"].append(objr)
        numbers[index + 1] = reference_to(link)
        annotation = referenced(objects, referenced(objects, objr)["Obj"])
        _describe_as(objects, annotation, link)
        moved += 1
    _join_lines(objects, parent_tree, _links_by_anchor(document, objects))
    return moved


def _links_by_anchor(document: Any, objects: list[object]) -> list[list[PdfObject]]:
    """The ``Link`` tags of each link (``<a>``) of ``document``, on the same page, in order."""
    anchors = {}  # an annotation's object number: the <a> whose box it is for
    for page in document.pages:
        for _, _, _, box in page.links:
            annotation = getattr(box, "link_annotation", None)
            if annotation is not None and box.element is not None and box.element.tag == "a":
                anchors[annotation.reference] = box.element
    groups: dict[tuple[int, object], list[PdfObject]] = {}
    for found in objects:
        if not isinstance(found, dict) or found.get("S") != "/Link":
            continue
        annotations = [
            referenced(objects, kid).get("Obj")
            for kid in found["K"]
            if isinstance(referenced(objects, kid), dict)
        ]
        anchor = next((anchors[a] for a in annotations if a in anchors), None)
        if anchor is not None:
            groups.setdefault((id(anchor), found.get("Pg")), []).append(found)
    return [links for links in groups.values() if len(links) > 1]


def _join_lines(
    objects: list[object], parent_tree: PdfObject, groups: list[list[PdfObject]]
) -> None:
    """Make each group of ``Link`` tags (one link's, on one page) its first: the others'
    content and annotations move to it, and they leave the tree; the parent tree names
    the first where it named them."""
    moved: dict[bytes, bytes] = {}
    for first, *others in groups:
        joined = reference_to(first)
        for other in others:
            gone = reference_to(other)
            for kid in other["K"]:
                held = referenced(objects, kid)
                if isinstance(held, dict) and "S" in held:
                    held["P"] = joined
                first["K"].append(kid)
            referenced(objects, other["P"])["K"].remove(gone)
            moved[gone] = joined
    if moved:
        repoint_parent_tree(parent_tree, moved)


def _annotation_and_holder(
    objects: list[object], numbers: list[Any], index: int
) -> tuple[bytes | None, PdfObject | None]:
    """The reference to the object reference (``OBJR``) of the link annotation the parent
    tree's entry at ``index`` is for, and the structure element holding it; (None, None)
    for a page's entry."""
    holder = referenced(objects, numbers[index + 1])
    if not isinstance(holder, dict):  # a page's list of its marked content
        return None, None
    for kid in holder.get("K") or []:
        objr = referenced(objects, kid)
        if isinstance(objr, dict) and objr.get("Type") == "/OBJR":
            annotation = referenced(objects, objr["Obj"])
            is_link = annotation.get("Subtype") == "/Link"
            if is_link and annotation.get("StructParent") == numbers[index]:
                return kid, holder
    return None, None


def _link_around(objects: list[object], element: PdfObject) -> PdfObject | None:
    """The ``Link`` ``element`` is inside, or None."""
    parent = referenced(objects, element.get("P"))
    while isinstance(parent, dict) and parent.get("S") not in (None, "/Document"):
        if parent.get("S") == "/Link":
            return parent
        parent = referenced(objects, parent.get("P"))
    return None


def _describe_as(objects: list[object], annotation: PdfObject, link: PdfObject) -> None:
    """Give ``annotation`` the description (``Contents``) of ``link``'s first annotation."""
    for kid in link["K"]:
        objr = referenced(objects, kid)
        if isinstance(objr, dict) and objr.get("Type") == "/OBJR":
            first = referenced(objects, objr["Obj"])
            if first is not annotation and "Contents" in first:
                annotation["Contents"] = first["Contents"]
            return
