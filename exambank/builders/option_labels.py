"""Each option of a question tagged as a list item is: a label and a body.

In the tagged PDF an option is a list item (``LI``) of its question's list. PDF/UA asks for
an item's label (its letter, and in the trainer's edition the tick beside it) as a ``Lbl``
and its text as an ``LBody``, so that a screen reader announces "B, Amazon SageMaker" as
label and item, as it does a bullet of the notes. WeasyPrint tags as ``Lbl`` only a list
item's ``::marker``, whose box takes none of its own styles (no border, no size): it cannot
hold the letter in its circle, centred, with the tick before it. So the letter is an
element of the option's (``handout.py``: a ``span.letter-cell`` first in the item), which
WeasyPrint tags as a ``Span`` inside the item's ``LBody``, with everything else the item
holds. Once WeasyPrint has built the structure tree, and before the PDF is written (the
finisher in ``render.py``), that ``Span`` becomes the item's ``Lbl``, in front of its body.

An option is found where handout.py puts it: a question is the only ``<article>`` (``Art``),
holding its number and its body (a ``Div``), whose only list (``L``) is its options. An
item's part on a page after the first (a question longer than a page) starts with its text,
not a ``Span``, and is left as it is.
"""

from __future__ import annotations

from typing import Any

from exambank.builders.pdf_structure import PdfObject, elements, kids, referenced


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


def _label(objects: list[object], item: PdfObject) -> int:
    """Move the letter's ``Span``, first in the item's ``LBody``, in front of the body as
    the item's ``Lbl``; 1 if it did, 0 if the item is not laid out so."""
    bodies = list(kids(objects, item, None))
    if len(bodies) != 1 or bodies[0].get("S") != "/LBody" or not bodies[0]["K"]:
        return 0
    body = bodies[0]
    reference = body["K"][0]
    letter = referenced(objects, reference)
    if not isinstance(letter, dict) or letter.get("S") != "/Span":
        return 0
    del body["K"][0]
    item["K"].insert(0, reference)
    letter["S"] = "/Lbl"
    letter["P"] = body["P"]  # the item
    return 1
