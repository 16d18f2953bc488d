"""The empty element that ends each question, left out of the tagged PDF.

``handout_sections.py`` ends each question's article with an empty ``div.question-end``: it clears
the words "Continued on the next page" that the question set where it started
(``handout.css``), so that they print at the foot of a page only where a question goes on
over it. WeasyPrint tags it as a ``Div`` of the question's ``Art`` that holds nothing. A
screen reader has nothing to read in it, so it is taken out of the structure tree, and a
question stays what a reader of the tags expects: its number, then its body.
"""

from __future__ import annotations

from typing import Any

from exambank.builders.pdf_structure import elements, referenced


def untag_question_ends(pdf: Any) -> int:
    """Take each empty ``Div`` out of the questions' articles in ``pdf`` (WeasyPrint's,
    before it is written); how many were."""
    objects: list[object] = pdf.objects
    dropped = 0
    for article in elements(objects, "/Art"):
        kept = [reference for reference in article["K"] if not _empty_div(objects, reference)]
        dropped += len(article["K"]) - len(kept)
        article["K"][:] = kept
    return dropped


def _empty_div(objects: list[object], reference: object) -> bool:
    kid = referenced(objects, reference)
    return isinstance(kid, dict) and kid.get("S") == "/Div" and not kid.get("K")
