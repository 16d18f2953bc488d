"""A word hyphenated in a table cell, whole again for search, copy and screen readers (and
so is a long identifier wrapped in one at a case change: ``identifier_fit.py``).

A word too long for its column is hyphenated (``handout.css``), more often in large print,
whose columns are narrower for the size of their text. On the page that is right, but the
text layer held the two lines as drawn: "Barrierefreiheitsstär-" and "kungsgesetz", so a
viewer's search for the word failed, a copy held the hyphen and a line break, and a screen
reader read two fragments. PDF's answer (ISO 32000, "replacement text", its example is a
hyphenated word) is ``/ActualText``: the first line's text is replaced by itself with the
whole word, the next one's by what follows the word's end on it ("" if nothing does).

It is set on the marked content of each line, which text extraction reads (poppler,
MuPDF, Acrobat), and on the ``Span`` holding it in the structure tree, which a screen
reader reads. Once WeasyPrint has built the structure tree (the finisher in ``render.py``),
a cell's structure element is known from its laid-out box (WeasyPrint keeps it there,
``mark``), and its lines' marked content are in the same order as the cell's text boxes.
A hyphen is the one WeasyPrint adds (the cell's ``hyphenate-character``) only where the
cell's own text does not hold it there; a cell whose parts do not pair up is left as it is.
A long code word broken at a seam is whole again so too: its "↪" is its hyphenation character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from weasyprint.formatting_structure.boxes import (
    Box,
    LineBox,
    ParentBox,
    ReplacedBox,
    TextBox,
)

from exambank.builders.identifier_fit import ZERO_WIDTH_SPACE
from exambank.builders.pdf_structure import (
    PdfObject,
    marked_contents,
    outermost,
    page_boxes,
    pdf_string,
    property_lists,
    referenced,
)


def whole_hyphenated_words(document: Any, pdf: Any) -> int:
    """Set ``/ActualText`` on the lines of each word hyphenated in a table cell of
    ``pdf`` (WeasyPrint's, before it is written), so the text holds it whole; how many
    lines it set."""
    trees = page_boxes(document)
    if trees is None:
        return 0
    objects: list[object] = pdf.objects
    replaced = 0
    for tree, page_reference in zip(trees, pdf.page_references, strict=True):
        marks = property_lists(objects, referenced(objects, page_reference))
        for cell in outermost(tree, _is_tagged_cell):
            parts = list(_marked_parts(cell))
            contents = list(marked_contents(objects, cell.mark))
            if len(parts) != len(contents):
                continue
            lines = [
                (part, holder, marks.get(number))
                for part, (holder, number) in zip(parts, contents, strict=True)
            ]
            replaced += _replace(lines, " ".join("".join(cell.element.itertext()).split()))
    return replaced


def _is_tagged_cell(box: Box) -> bool:
    """A table cell's box, which WeasyPrint marks with its structure element."""
    return isinstance(getattr(box, "mark", None), dict) and box.element is not None


def _marked_parts(box: Box) -> Iterator[Box]:
    """The text and images under ``box`` in the order WeasyPrint numbers their marked
    content in the structure tree (``weasyprint/pdf/tags.py``: a line's parts in place of
    the line, a box's content before the box itself)."""
    for child in box.children:
        for part in child.children if isinstance(child, LineBox) else [child]:
            part = getattr(part, "_box", part)  # an absolutely placed box
            if isinstance(part, TextBox):
                yield part
            else:
                if isinstance(part, ParentBox):
                    yield from _marked_parts(part)
                if isinstance(part, ReplacedBox):
                    yield part


def _replace(lines: list[tuple[Box, PdfObject, PdfObject | None]], cell_text: str) -> int:
    """Set the replacement text of the cell's ``lines`` (each a text box, the structure
    element holding its marked content, and that content's property list) that a
    hyphenated word runs across; how many. From the last line up, so that a line
    ending in a word's start takes the rest of it, which the lines below gave up."""
    texts = [box.text if isinstance(box, TextBox) else None for box, _, _ in lines]
    # what ends a line inside a word: the hyphen WeasyPrint added, or a zero-width space
    # where an identifier wrapped (identifier_fit.py); None where the line ends a word
    joins = [
        _added_hyphen(lines[index][0], texts[index], texts[index + 1], cell_text)
        or _identifier_break(texts[index], texts[index + 1])
        for index in range(len(lines) - 1)
    ] + [None]
    replaced = 0
    rest = ""  # the end of a word, which the line below gave up
    for index in reversed(range(len(lines))):
        text, join = texts[index], joins[index]
        continues = index > 0 and joins[index - 1] is not None  # the line above's word
        if text is None or not (join is not None or continues):
            continue
        whole = text[: len(text) - len(join)] + rest if join is not None else text
        rest = _word_start(whole) if continues else ""
        _, holder, properties = lines[index]
        _set_actual_text(holder, properties, whole[len(rest) :])
        replaced += 1
    return replaced


def _added_hyphen(box: Box, text: str | None, following: str | None, cell_text: str) -> str:
    """The hyphen WeasyPrint added at the end of ``text``, breaking a word whose rest
    starts ``following`` ("" if it added none): its hyphenation character, where the
    cell's text does not hold one."""
    hyphen: str = box.style["hyphenate_character"]
    if text is None or following is None or not hyphen or not text.endswith(hyphen):
        return ""
    start, rest = _word_end(text[: -len(hyphen)]), _word_start(following)
    return hyphen if start and rest and f"{start}{hyphen}{rest}" not in cell_text else ""


def _identifier_break(text: str | None, following: str | None) -> str | None:
    """The zero-width space ending ``text`` where an identifier wrapped before the word
    ``following`` starts with, else None: inside a word, so not after a space (the answer
    sheet's space between two circles, which ends in one, is none of an identifier's)."""
    if text is None or following is None or not text.endswith(ZERO_WIDTH_SPACE):
        return None
    return (
        ZERO_WIDTH_SPACE
        if _word_end(text[: -len(ZERO_WIDTH_SPACE)]) and _word_start(following)
        else None
    )


def _word_start(text: str) -> str:
    """The word ``text`` starts with ("" if it starts with a space)."""
    return re.split(r"\s", text, maxsplit=1)[0]


def _word_end(text: str) -> str:
    """The word ``text`` ends with ("" if it ends with a space)."""
    return re.split(r"\s", text)[-1]


def _set_actual_text(holder: PdfObject, properties: PdfObject | None, text: str) -> None:
    """Set ``text`` as the replacement of a line's marked content (its ``properties``)
    and of the structure element holding it, if it holds nothing else (a ``Span``)."""
    # an identifier's breaks, and a long code word's seams (code_spans.py): no character
    text = text.replace(ZERO_WIDTH_SPACE, "").replace("\u00ad", "")
    if properties is not None:
        properties["ActualText"] = pdf_string(text)
    if holder.get("S") == "/Span" and len(holder.get("K") or []) == 1:
        holder["ActualText"] = pdf_string(text)
