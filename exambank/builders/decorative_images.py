"""An image without a description, an artifact in the tagged PDF: what a reader skips.

An image written with an empty description (``![](images/divider.svg)``) is tagged by
WeasyPrint 70 as a ``Figure`` with no ``/Alt``, which PDF/UA forbids (ISO 14289-1 7.3,
Matterhorn 13-004): a screen reader announced "graphic" and nothing more, or the words an
SVG draws ("box"), out of their context. An image that says nothing is decoration, and
decoration is an artifact (PDF Association, G3_F03). So once WeasyPrint has built the
structure tree (the finisher in ``render.py``), each ``Figure`` without ``/Alt`` leaves it:
its marked content becomes an artifact (``artifacts.py``), the element is taken from its
parent's kids, and so is a parent it left empty (a paragraph that held only the image).
Lint's ``image-alt`` still asks the author for a description, where the image shows what
the question needs: the build prints it.
"""

from __future__ import annotations

from typing import Any

from exambank.builders.artifacts import as_artifacts
from exambank.builders.pdf_structure import PdfObject, elements, reference_to, referenced


def decorative_images(pdf: Any) -> int:
    """Make each image without a description in ``pdf`` (WeasyPrint's, before it is
    written) an artifact, out of the structure tree; how many it made."""
    objects: list[object] = pdf.objects
    root = referenced(objects, pdf.catalog.get("StructTreeRoot"))
    figures = [figure for figure in elements(objects, "/Figure") if "Alt" not in figure]
    if not isinstance(root, dict) or not figures:
        return 0
    parent_tree = referenced(objects, root.get("ParentTree"))
    for index, page_reference in enumerate(pdf.page_references):
        on_page = [figure for figure in figures if figure.get("Pg") == page_reference]
        artifacts: dict[int, dict[str, Any]] = {
            number: {} for figure in on_page for number in figure["K"] if isinstance(number, int)
        }
        if artifacts:
            page = referenced(objects, page_reference)
            as_artifacts(objects, parent_tree, page, index, artifacts)
    for figure in figures:
        _untag(objects, figure)
    return len(figures)


def _untag(objects: list[object], element: PdfObject) -> None:
    """Take ``element`` out of its parent's kids, and the parent out of its own where it
    holds nothing else; empty it."""
    parent = referenced(objects, element.get("P"))
    if isinstance(parent, dict) and "K" in parent:
        reference = reference_to(element)
        parent["K"][:] = [kid for kid in parent["K"] if kid != reference]
        if not parent["K"] and parent.get("S") != "/Document":
            _untag(objects, parent)
    element.clear()
