"""Which laid-out box each structure element of WeasyPrint's tagged PDF was made for.

WeasyPrint 70 keeps no link from a structure element to its box but for table cells
(``mark``). It builds the tree page by page (``_build_box_tree`` in
``weasyprint/pdf/tags.py``), making a page's elements in the order it walks the page's
boxes: a box's element before its children's, each text in a line a ``Span`` holding the
text's marked content, but in a link, which holds that itself. So ``paired_boxes`` walks
each page's boxes as it does and pairs the elements it makes, in that order, with the
boxes that made them; a page whose elements differ in type from that walk is left out.
It is read first in the finisher (``render.py``), before the other finishers change the
tree: ``page_fragments.py`` joins the elements of one HTML element, and
``hyphenated_words.py`` and ``code_rows.py`` give a text's marked content its
replacement text (``text_marks``). Besides the laid-out pages (``page_boxes``) and an
absolutely placed box's ``_box``, this relies on that order alone.
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
    ReplacedBox,
    TextBox,
)
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.pdf.tags import _get_pdf_tag

from exambank.builders.pdf_structure import (
    PdfObject,
    elements_by_page,
    page_boxes,
    property_lists,
    referenced,
)

# A text's marked content: the structure element holding it (its ``Span``, or the ``Link``
# it is in) and its property list on its page's content stream
TextMarks = dict[TextBox, tuple[PdfObject, PdfObject | None]]


def paired_boxes(document: Any, pdf: Any) -> list[tuple[Box | None, PdfObject]]:
    """Each structure element WeasyPrint made in ``pdf`` with the box it made it for
    (None for a form field's), on the pages whose elements pair so."""
    trees = page_boxes(document)
    if trees is None:
        return []
    made = elements_by_page(pdf.objects)
    paired: list[tuple[Box | None, PdfObject]] = []
    for tree, page in zip(trees, pdf.page_references, strict=True):
        walked = list(_made(tree, None))
        elements = made.get(page, [])
        if [f"/{tag}" for tag, _ in walked] != [element["S"] for element in elements]:
            continue  # not made as expected: none of its elements is paired
        paired.extend((box, element) for (_, box), element in zip(walked, elements, strict=True))
    return paired


def text_marks(pdf: Any, paired: list[tuple[Box | None, PdfObject]]) -> TextMarks:
    """The marked content of each text in ``pdf`` whose element is ``paired`` with its
    box (``paired_boxes``): the element holding it and its property list."""
    objects: list[object] = pdf.objects
    contents = {
        reference: property_lists(objects, referenced(objects, reference))
        for reference in pdf.page_references
    }
    marks: TextMarks = {}
    for box, element in paired:
        numbered = contents.get(element.get("Pg"), {})
        if isinstance(box, TextBox) and element["S"] == "/Span":
            numbers = [kid for kid in element["K"] if isinstance(kid, int)]
            if len(numbers) == 1:
                marks[box] = (element, numbered.get(numbers[0]))
        elif box is not None and element["S"] == "/Link":  # it holds its texts' content
            texts = [inner for inner in _inner_boxes(box, "Link") if isinstance(inner, TextBox)]
            numbers = [kid for kid in element["K"] if isinstance(kid, int)]
            if len(texts) == len(numbers):
                marks.update(
                    (text, (element, numbered.get(number)))
                    for text, number in zip(texts, numbers, strict=True)
                )
    return marks


def marked_parts(box: Box) -> Iterator[Box]:
    """The text and images under ``box`` in the order WeasyPrint numbers their marked
    content in the structure tree (a line's parts in place of the line, a box's content
    before the box itself)."""
    for child in box.children:
        for part in child.children if isinstance(child, LineBox) else [child]:
            part = getattr(part, "_box", part)  # an absolutely placed box
            if isinstance(part, TextBox):
                yield part
            else:
                if isinstance(part, ParentBox):
                    yield from marked_parts(part)
                if isinstance(part, ReplacedBox):
                    yield part


def _made(box: Box, parent: str | None) -> Iterator[tuple[str, Box | None]]:
    """The type and box of each structure element WeasyPrint makes for ``box`` under an
    element of type ``parent``, in the order it makes them (``_build_box_tree``): a text's
    ``Span`` is its text's box."""
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
            yield "LI", box
            yield from _made(box, "LI")
            return
    yield tag, box
    if getattr(box, "widget_annotation", None):
        yield "Form", None
    for inner in _inner_boxes(box, tag):
        if isinstance(inner, TextBox):
            if tag != "Link":
                yield "Span", inner
        elif inner.element_tag in ("ul", "ol") and tag == "LI":
            yield from _made(inner, parent)  # a nested list is its parent list's kid
        else:
            yield from _made(inner, tag)


def _inner_boxes(box: Box, tag: str) -> Iterator[Box]:
    """The boxes whose elements (or texts) the element of ``box``, of type ``tag``, holds:
    its children, a line's parts in place of the line, and a table's wrapper's with the
    table's rows in place of the table (``_build_box_tree``)."""
    children = list(getattr(box, "children", []))
    if tag == "Table" and getattr(box, "is_table_wrapper", False):
        table = box.get_wrapped_table()
        if table:
            children = [
                part
                for child in box.children
                for part in (child.children if child is table else [child])
            ]
    for child in children:
        yield from child.children if isinstance(child, LineBox) else [child]
