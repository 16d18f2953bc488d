"""A question's heading, named for a screen reader as its bookmark is: "Question 37".

The page prints a question's number alone, and so does the text layer (what a search,
a copy or ``pdftotext`` gets). A list of headings that read "1, 2, 3" says nothing of what
they head, so once WeasyPrint has built the structure tree (the finisher in ``render.py``)
each question's heading (``H4``, first in its article, ``Art``) gets the name its bookmark
has (``data-bookmark``, in the bank's words) as its alternate description, ``/Alt``.

``/Alt``, not ``/ActualText``: ISO 32000 makes ``ActualText`` "text that is an exact
replacement for the structure element", what a sighted reader sees ("37"), and text
extraction uses it as the text (a viewer would copy "Question 37"); ``Alt`` is a word or
phrase said in place of the element and its children, which is what a screen reader
announces for a tag that has one (as WCAG's technique PDF13 has it for links). Words set
on the page in a hidden span, as before, reached the text layer too, on a line of their own.
"""

from __future__ import annotations

from typing import Any

from weasyprint.formatting_structure.boxes import Box

from exambank.builders.pdf_structure import (
    by_page,
    elements,
    kids,
    outermost,
    page_boxes,
    pdf_string,
)

HEADING_CLASS = "question-number"  # handout_sections.py's heading of a question


def name_question_headings(document: Any, pdf: Any) -> int:
    """Give each question's heading in ``pdf`` (WeasyPrint's, before it is written) its
    bookmark's words as ``/Alt``; how many it named. The headings are matched page by
    page, in order, with those the layout of ``document`` holds; a page whose counts
    differ is left as it is."""
    trees = page_boxes(document)
    if trees is None:
        return 0
    objects: list[object] = pdf.objects
    articles = elements(objects, "/Art")  # in the order WeasyPrint made them
    tagged = by_page(pdf, (found for one in articles for found in kids(objects, one, "/H4")))
    named = 0
    for number, tree in enumerate(trees):
        names = [box.element.get("data-bookmark") for box in outermost(tree, _is_heading)]
        headings = tagged.get(number, [])
        if len(names) != len(headings):
            continue
        for heading, name in zip(headings, names, strict=True):
            if name:
                heading["Alt"] = pdf_string(name)
                named += 1
    return named


def _is_heading(box: Box) -> bool:
    """A question's heading (its box, not the anonymous ones inside sharing its element)."""
    element = box.element
    return (
        element is not None
        and box.element_tag == "h4"
        and HEADING_CLASS in (element.get("class") or "").split()
    )
