"""The handout's English words in a bank of another language, tagged as English in the PDF.

A bank in a language with no labels of its own (Swedish, Japanese) prints the handout's
fixed words in English ("Question 1", "Answer key"), and each element holding only them
says so (``lang="en"``, ``Labels.lang_attribute``). WeasyPrint 70 keeps only the document's
language, the catalog's ``/Lang``: a Swedish screen reader read "Answer key" as Swedish.
PDF/UA, and WCAG's technique PDF19, want ``/Lang`` on each structure element in another
language than the document's (it covers the element's ``/Alt`` too: a question heading's
"Question 1"). So once WeasyPrint has built the structure tree (the finisher in
``render.py``), each structure element of a box in another language gets its ``/Lang``,
and so does every element all of whose parts have it (the contents' line holding only
"Answer key" and its page number). A bank whose every element is in its own language is left
exactly as it was. The stats report's PDF (``render_report_pdf``) is tagged so too, the
other way round: its words are English, a bank's titles in the bank's language.

WeasyPrint keeps no link from a box to its structure element but for table cells (``mark``).
It makes a page's elements in the order it walks the page's boxes (``_build_box_tree`` in
``weasyprint/pdf/tags.py``: a box's element before its children's, each text in a line a
``Span`` holding its marked content, but in a link, which holds that itself), so the elements
whose type a box's tag alone decides (``P``, ``H1``-``H6``, ``Span``, ``Link``) are paired in
that order with the boxes that make them, page by page; a text's ``Span`` names the element
holding it (``/P``: a table's header cell, "Version"). A page whose two sequences differ in
any element is left as it is. Besides what the other finishers rely on (the laid-out pages,
``page_boxes``, and an absolutely placed box's ``_box``), this relies on that order alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from weasyprint.formatting_structure.boxes import (
    Box,
    LineBox,
    MarginBox,
    PageBox,
    ParentBox,
    TextBox,
)

from exambank.builders.pdf_structure import (
    PdfObject,
    elements_by_page,
    page_boxes,
    pdf_string,
    referenced,
)

# What WeasyPrint tags a box of these HTML tags as, whatever the box's place; a text in a
# line is a ``Span`` too. Other tags are not paired: ``li`` is an ``LI``, an ``LBody`` or
# neither, by its parent and style, and many tags are ``NonStruct``.
_PAIRED = {"p": "/P", "span": "/Span", **{f"h{level}": f"/H{level}" for level in range(1, 7)}}
_TEXT = "/Span"


def tag_label_language(document: Any, pdf: Any) -> int:
    """Set ``/Lang`` on each structure element in ``pdf`` (WeasyPrint's, before it is
    written) whose box in ``document``'s layout is in another language than the document's
    (``lang``), and on each element all of whose parts are; how many it set."""
    trees = page_boxes(document)
    root = _root_element(trees)
    if trees is None or root is None:
        return 0
    language = root.get("lang")
    if all(element.get("lang") in (None, language) for element in root.iter()):
        return 0  # nothing in another language: the PDF stays as it was
    objects: list[object] = pdf.objects
    made = elements_by_page(objects)
    tagged = 0
    for tree, page in zip(trees, pdf.page_references, strict=True):
        boxes = list(_made_elements(tree, language))
        elements = [element for element in made.get(page, []) if _kind(element) is not None]
        if [kind for kind, _ in boxes] != [_kind(element) for element in elements]:
            continue  # not made as expected: leave the page as it is
        for (kind, box_language), element in zip(boxes, elements, strict=True):
            if box_language == language:
                continue
            tagged += _set_language(element, box_language)
            if kind[1]:  # a text: the element holding it is in its language too
                tagged += _set_language(referenced(objects, element.get("P")), box_language)
    return tagged + _whole_in_one_language(objects) if tagged else 0


def _root_element(trees: list[Box] | None) -> Any:
    """The document's ``<html>`` element, held by the first page's root box."""
    if not trees:
        return None
    return next((box.element for box in trees[0].children if box.element_tag == "html"), None)


Kind = tuple[str, bool]  # an element's type, and whether it is a text's (one marked content)


def _kind(element: PdfObject) -> Kind | None:
    """What pairs ``element`` with a box: its type and whether it holds a text's marked
    content alone; None for a type that is not paired."""
    tag = element.get("S")
    if not isinstance(tag, str) or (tag not in _PAIRED.values() and tag != "/Link"):
        return None
    content = element.get("K") or []
    return tag, tag == _TEXT and len(content) == 1 and isinstance(content[0], int)


def _made_elements(tree: Box, language: str | None) -> Iterator[tuple[Kind, str | None]]:
    """The paired elements WeasyPrint makes for the page ``tree``, in order, each with the
    language of the box it is made for, as ``_build_box_tree`` walks the boxes: the page,
    ``<html>`` and ``<body>`` make none (nor a margin box, which holds the running header
    or footer), a box makes its element before its children's, a line's parts count as its
    box's children, and a text makes a ``Span`` but in a link."""
    stack: list[tuple[Box, str | None]] = [(tree, language)]
    while stack:
        box, inherited = stack.pop()
        box = getattr(box, "_box", box)  # an absolutely placed box
        if box.element is not None:
            inherited = box.element.get("lang") or inherited
        if isinstance(box, TextBox):
            yield (_TEXT, True), inherited
            continue
        tag = None if box.element is None else box.element_tag
        skipped = isinstance(box, PageBox) or tag in ("html", "body")
        if isinstance(box, MarginBox) or (
            skipped and isinstance(box, ParentBox) and not isinstance(box, LineBox)
        ):
            stack.extend((child, inherited) for child in reversed(box.children))
            continue
        made = _PAIRED.get(tag or "") or ("/Link" if tag and tag.split(":")[0] == "a" else "")
        if made:
            yield (made, False), inherited
        parts = [
            part
            for child in (box.children if isinstance(box, ParentBox) else [])
            for part in (child.children if isinstance(child, LineBox) else [child])
            if not (made == "/Link" and isinstance(part, TextBox))  # the link holds it
        ]
        stack.extend((part, inherited) for part in reversed(parts))


def _set_language(element: PdfObject | None, language: str | None) -> int:
    """Give ``element`` its ``/Lang``; 1 if it had none."""
    if not isinstance(element, dict) or "Lang" in element or language is None:
        return 0
    element["Lang"] = pdf_string(language)
    return 1


def _whole_in_one_language(objects: list[object]) -> int:
    """Give ``/Lang`` to each element all of whose parts are elements with the same one,
    but for empty ones (a list item holding only "Answer key", its page number and the
    empty box that keeps room for its dots); how many. Each element is made before the elements
    it holds, so taken last made first, its parts are settled."""
    tagged = 0
    for element in reversed(objects):
        if not isinstance(element, dict) or element.get("Type") != "/StructElem":
            continue
        if "Lang" in element:
            continue
        parts = [referenced(objects, kid) for kid in element.get("K") or []]
        if not all(isinstance(part, dict) and "S" in part for part in parts):
            continue  # it holds marked content or an annotation of its own
        languages = {_language(part) for part in parts if part.get("K")}
        if len(languages) == 1 and (language := languages.pop()) is not None:
            element["Lang"] = pdf_string(language)
            tagged += 1
    return tagged


def _language(element: PdfObject) -> str | None:
    """The language ``element`` says it is in, if it says one."""
    found = element.get("Lang")
    return None if found is None else str(found.string)
