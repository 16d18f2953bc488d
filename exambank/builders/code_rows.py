"""A code line wrapped over rows, one line again for search, copy and screen readers.

A code line too long for the page wraps under itself (``code_lines.py``), and the text layer
held its rows as drawn, each a line of its own: a copy of the block held line breaks the
source does not, and poppler's copy and search (pdftotext and the viewers built on it) took
a row ending in "-" for a word hyphenated at a line's end and dropped the hyphen: the role
``AmazonSageMaker-ExecutionRole`` read "AmazonSageMakerExecutionRole". So, as a hyphenated
word is made whole (``hyphenated_words.py``), the first row's marked content, and the
``Span`` holding it, are replaced (``/ActualText``) by the line as written, and each later
row's by nothing. The rows of a line are known from its block (``span.code-wraps``), and
their marked content from their laid-out boxes (``element_boxes.py``); a line whose rows do
not hold it as written (one longer than a page, split across two) is left as it is.
"""

from __future__ import annotations

from typing import Any

from weasyprint.formatting_structure.boxes import Box, TextBox

from exambank.builders.element_boxes import TextMarks, marked_parts
from exambank.builders.pdf_structure import outermost, page_boxes, replace_text

WRAPS_CLASS = "code-wraps"  # code_lines.py's line that may wrap
TEXT_CLASS = "code-text"  # and its text, without its line break


def whole_code_lines(document: Any, marks: TextMarks) -> int:
    """Set ``/ActualText`` on the rows of each code line that wrapped in ``document``'s
    layout (the marked content of its texts: ``marks``), so the text holds it as one line;
    how many lines it set."""
    trees = page_boxes(document)
    if trees is None:
        return 0
    joined = 0
    for tree in trees:
        for line in outermost(tree, _is_wrapping_line):
            parts = list(marked_parts(line))
            rows = [part for part in parts if isinstance(part, TextBox) and part in marks]
            written = _written(line)
            if len(rows) == len(parts) > 1 and "".join(row.text for row in rows) == written:
                replace_text(*marks[rows[0]], written)
                for row in rows[1:]:
                    replace_text(*marks[row], "")
                joined += 1
    return joined


def _is_wrapping_line(box: Box) -> bool:
    """The block of a code line that may wrap (its rows are its lines)."""
    element = box.element
    return element is not None and WRAPS_CLASS in (element.get("class") or "").split()


def _written(line: Box) -> str:
    """The code line ``line`` sets, as its source holds it."""
    text = next((inner for inner in line.element.iter() if inner.get("class") == TEXT_CLASS), None)
    return "".join(text.itertext()) if text is not None else ""
