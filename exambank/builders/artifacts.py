"""Marked content taken out of the structure tree, as an artifact: what a reader skips.

PDF/UA has content either in the structure tree or marked as an artifact (ISO 14289-1 7.1):
the running header and footer (``margin_artifacts.py``), an image that says nothing
(``decorative_images.py``). Such content's tag and property list on its page's content
stream become ``/Artifact`` and the artifact's properties, and it leaves the tree's
``ParentTree``, which holds a page's elements by their content's number (MCID): the page's
other marked content is numbered again from 0, in its property lists and in the elements
holding it.
"""

from __future__ import annotations

from typing import Any

from exambank.builders.pdf_structure import PdfObject, referenced


def as_artifacts(
    objects: list[object],
    parent_tree: PdfObject,
    page: PdfObject,
    index: int,
    artifacts: dict[int, dict[str, Any]],
) -> None:
    """Mark the marked content numbered in ``artifacts`` on ``page`` (the ``index``-th) as
    artifacts of their properties, out of ``parent_tree``, and number the rest from 0."""
    _mark_artifacts(objects, page, artifacts)
    holders = _page_holders(parent_tree, page.get("StructParents", index))
    _renumber(objects, page, holders, set(artifacts))


def _mark_artifacts(
    objects: list[object], page: PdfObject, artifacts: dict[int, dict[str, Any]]
) -> None:
    """Turn each marked content numbered in ``artifacts`` on ``page`` into an artifact of
    its properties: its tag, just before its property list, and the list itself."""
    chunks = getattr(referenced(objects, page.get("Contents")), "stream", None) or []
    for at, chunk in enumerate(chunks):
        if isinstance(chunk, dict) and chunk.get("MCID") in artifacts and at > 0:
            properties = artifacts[chunk["MCID"]]
            chunks[at - 1] = "/Artifact"
            chunk.clear()
            chunk.update(properties)


def _page_holders(parent_tree: PdfObject, key: int) -> list[bytes]:
    """The ``ParentTree``'s list of the elements holding each marked content of the
    page whose ``StructParents`` is ``key``, by the content's number."""
    nums = parent_tree["Nums"]
    return next(nums[at + 1] for at in range(0, len(nums), 2) if nums[at] == key)


def _renumber(
    objects: list[object], page: PdfObject, holders: list[bytes], artifacts: set[int]
) -> None:
    """Drop ``artifacts`` from the page's ``holders`` and number the page's other marked
    content from 0 in order, in its property lists and in the elements holding it."""
    kept = [number for number in range(len(holders)) if number not in artifacts]
    renumbered = {old: new for new, old in enumerate(kept)}
    chunks = getattr(referenced(objects, page.get("Contents")), "stream", None) or []
    for chunk in chunks:
        if isinstance(chunk, dict) and chunk.get("MCID") in renumbered:
            chunk["MCID"] = renumbered[chunk["MCID"]]
    for reference in dict.fromkeys(holders[number] for number in kept):
        element = referenced(objects, reference)
        element["K"][:] = [
            renumbered.get(kid, kid) if isinstance(kid, int) else kid for kid in element["K"]
        ]
    holders[:] = [holders[number] for number in kept]
