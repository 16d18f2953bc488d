"""Each option of a question tagged as a list item is: a label and a body.

In the tagged PDF an option is a list item (``LI``) of its question's list. PDF/UA asks for
an item's label (its letter, and in the trainer's edition the tick beside it) as a ``Lbl``
and its text as an ``LBody``, so that a screen reader announces "B, Amazon SageMaker" as
label and item, as it does a bullet of the notes. WeasyPrint tags as ``Lbl`` only a list
item's ``::marker``, whose box takes none of its own styles (no border, no size): it cannot
hold the letter in its circle, centred, with the tick before it. So the letter is an
element of the option's (``handout_sections.py``: a ``span.letter-cell`` first in the item),
which WeasyPrint tags as a ``Span`` inside the item's ``LBody``, with everything else the
item holds. Once WeasyPrint has built the structure tree, and before the PDF is written (the
finisher in ``render.py``), that ``Span`` becomes the item's ``Lbl``, in front of its body.

An option is found where handout_sections.py puts it: a question is the only ``<article>``
(``Art``), holding its number and its body (a ``Div``), whose only list (``L``) is its
options. An item's part on a page after the first (a question longer than a page) starts
with its text, not a ``Span``, and is left as it is.

So is an item of the answer key and the answer sheet (``answer_key.py``) labelled: its
question's number (``span.key-number``) is its ``Lbl``, its letters its ``LBody``, so that a
reader says "1, B", not "1B". Those items are found by their boxes: each page's list items,
in order, paired with its ``LI`` elements (a page whose counts differ is left as it is).

An item whose text is a block (an exam tip's paragraph, ``<li><p>``) WeasyPrint tags as its
bullet's ``Lbl`` and that block, with no ``LBody``: what follows the label is put in one.
"""

from __future__ import annotations

from typing import Any

import pydyf  # type: ignore[import-untyped]
from weasyprint.formatting_structure.boxes import Box

from exambank.builders.pdf_structure import (
    PdfObject,
    by_page,
    elements,
    kids,
    outermost,
    page_boxes,
    reference_to,
    referenced,
)

KEY_NUMBER_CLASS = "key-number"  # answer_key.py's number of a key's or sheet's item
_ITEM_TAGS = ("li", "dt", "dd")  # the elements WeasyPrint tags as an LI


def label_options(pdf: Any) -> int:
    """Tag the letter of each option in ``pdf`` (WeasyPrint's, before it is written) as its
    item's label; how many were."""
    objects: list[object] = pdf.objects
    labelled = 0
    for article in elements(objects, "/Art"):
        for body in kids(objects, article, "/Div"):
            for options in kids(objects, body, "/L"):
                for item in kids(objects, options, "/LI"):
                    labelled += _label(objects, item)
    return labelled


def _label(objects: list[object], item: PdfObject, in_block: bool = False) -> int:
    """Move the letter's ``Span``, first in the item's ``LBody``, in front of the body as
    the item's ``Lbl``; 1 if it did, 0 if the item is not laid out so. ``in_block``: the
    ``Span`` may be first in a ``NonStruct`` first in the body (the line of an item that
    holds a block too: the answer sheet's "choose 2" under its circles)."""
    bodies = list(kids(objects, item, None))
    if len(bodies) != 1 or bodies[0].get("S") != "/LBody" or not bodies[0]["K"]:
        return 0
    body = holder = bodies[0]
    first = referenced(objects, holder["K"][0])
    if in_block and isinstance(first, dict) and first.get("S") == "/NonStruct" and first["K"]:
        holder = first
    reference = holder["K"][0]
    letter = referenced(objects, reference)
    if not isinstance(letter, dict) or letter.get("S") != "/Span":
        return 0
    del holder["K"][0]
    item["K"].insert(0, reference)
    letter["S"] = "/Lbl"
    letter["P"] = body["P"]  # the item
    return 1


def label_key_numbers(document: Any, pdf: Any) -> int:
    """Tag the question number of each item of the answer key and the answer sheet in
    ``pdf`` as its item's label, as ``_label`` does an option's letter; how many were.
    The items are matched page by page, in order, with the list items the layout of
    ``document`` holds."""
    trees = page_boxes(document)
    if trees is None:
        return 0
    objects: list[object] = pdf.objects
    tagged = by_page(pdf, elements(objects, "/LI"))  # in the order WeasyPrint made them
    labelled = 0
    for number, tree in enumerate(trees):
        boxes = list(outermost(tree, _is_item))
        items = tagged.get(number, [])
        if len(boxes) != len(items):
            continue
        for box, item in zip(boxes, items, strict=True):
            first = next(iter(box.element), None)
            if first is not None and KEY_NUMBER_CLASS in (first.get("class") or "").split():
                labelled += _label(objects, item, in_block=True)
    return labelled


def _is_item(box: Box) -> bool:
    """A list item's box (not the anonymous ones inside sharing its element)."""
    return box.element is not None and box.element_tag in _ITEM_TAGS


def body_list_items(pdf: Any) -> int:
    """Put what follows the label of each list item in ``pdf`` that has no ``LBody`` into
    one; how many items were. An item holding marked content of its own, not elements, is
    left as it is (its content's place in the page's parent tree is the item)."""
    objects: list[object] = pdf.objects
    bodied = 0
    for item in list(elements(objects, "/LI")):
        references = list(item["K"])
        held = [referenced(objects, kid) for kid in references]
        tags = [kid.get("S") if isinstance(kid, dict) else None for kid in held]
        if len(tags) < 2 or tags[0] != "/Lbl" or "/LBody" in tags or None in tags:
            continue
        body = pydyf.Dictionary(
            {
                "Type": "/StructElem",
                "S": "/LBody",
                "K": pydyf.Array(references[1:]),
                "P": reference_to(item),
            }
        )
        if "Pg" in item:
            body["Pg"] = item["Pg"]
        pdf.add_object(body)
        for kid in held[1:]:
            kid["P"] = reference_to(body)
        item["K"] = pydyf.Array([references[0], reference_to(body)])
        bodied += 1
    return bodied
