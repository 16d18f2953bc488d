"""A word hyphenated at a line's end, whole again for search, copy and screen readers; and so
is a long name wrapped at a case change (``identifier_fit.py``), in a table, a title on the
cover, a heading or a contents entry, and a long code word broken at a seam.

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
each text's marked content is known from its laid-out box (``element_boxes.py``), and a
block's texts are read in order, line by line. A hyphen is the one WeasyPrint adds (the
text's ``hyphenate-character``) only where the block's own text does not hold it there; a
name's break is the zero-width space it wrapped at, inside a word; a long code word's seam
is its soft hyphen, whose hyphenation character is its "↪" (``code_spans.py``). A block
with a text whose marked content is not known is left as it is.
"""

from __future__ import annotations

import re
from typing import Any

from weasyprint.formatting_structure.boxes import BlockContainerBox, Box, LineBox, TextBox

from exambank.builders.element_boxes import TextMarks, marked_parts
from exambank.builders.identifier_fit import ZERO_WIDTH_SPACE
from exambank.builders.pdf_structure import outermost, page_boxes, replace_text


def whole_hyphenated_words(document: Any, marks: TextMarks) -> int:
    """Set ``/ActualText`` on the lines of each word hyphenated or name wrapped in a block
    of ``document``'s layout (the marked content of its texts: ``marks``), so the text
    holds it whole; how many lines it set."""
    trees = page_boxes(document)
    if trees is None:
        return 0
    replaced = 0
    for tree in trees:
        for block in outermost(tree, _holds_lines):
            parts = list(marked_parts(block))
            texts = [part for part in parts if isinstance(part, TextBox)]
            if any(map(_may_break, texts[:-1])) and all(text in marks for text in texts):
                block_text = " ".join("".join(block.element.itertext()).split())
                replaced += _replace(parts, marks, block_text)
    return replaced


def _may_break(box: TextBox) -> bool:
    """Whether ``box``'s text ends as a line ends inside a word: in its hyphenation
    character or a zero-width space (most blocks have neither, and are passed over)."""
    hyphen: str = box.style["hyphenate_character"]
    return box.text.endswith(ZERO_WIDTH_SPACE) or bool(hyphen and box.text.endswith(hyphen))


def _holds_lines(box: Box) -> bool:
    """A block that holds lines of text (a paragraph, a heading, a table cell), whose
    words a line may break."""
    return (
        isinstance(box, BlockContainerBox)
        and box.element is not None
        and any(isinstance(child, LineBox) for child in box.children)
    )


def _replace(parts: list[Box], marks: TextMarks, block_text: str) -> int:
    """Set the replacement text of the block's ``parts`` (its texts and images, in order)
    that a hyphenated word runs across; how many. From the last line up, so that a line
    ending in a word's start takes the rest of it, which the lines below gave up."""
    texts = [box.text if isinstance(box, TextBox) else None for box in parts]
    # what ends a line inside a word: the hyphen WeasyPrint added, or a zero-width space
    # where an identifier wrapped (identifier_fit.py); None where the line ends a word
    joins = [
        _added_hyphen(parts[index], texts[index], texts[index + 1], block_text)
        or _identifier_break(texts[index], texts[index + 1])
        for index in range(len(parts) - 1)
    ] + [None]
    replaced = 0
    rest = ""  # the end of a word, which the line below gave up
    for index in reversed(range(len(parts))):
        text, join = texts[index], joins[index]
        continues = index > 0 and joins[index - 1] is not None  # the line above's word
        if text is None or not (join is not None or continues):
            continue
        whole = text[: len(text) - len(join)] + rest if join is not None else text
        rest = _word_start(whole) if continues else ""
        # an identifier's breaks, and a long code word's seams (code_spans.py): no character
        replaced_by = whole[len(rest) :].replace(ZERO_WIDTH_SPACE, "").replace("\u00ad", "")
        replace_text(*marks[parts[index]], replaced_by)
        replaced += 1
    return replaced


def _added_hyphen(box: Box, text: str | None, following: str | None, block_text: str) -> str:
    """The hyphen WeasyPrint added at the end of ``text``, breaking a word whose rest
    starts ``following`` ("" if it added none): its hyphenation character, where the
    block's text does not hold one."""
    hyphen: str = box.style["hyphenate_character"]
    if text is None or following is None or not hyphen or not text.endswith(hyphen):
        return ""
    start, rest = _word_end(text[: -len(hyphen)]), _word_start(following)
    return hyphen if start and rest and f"{start}{hyphen}{rest}" not in block_text else ""


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
