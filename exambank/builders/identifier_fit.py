"""A long identifier wraps at its case changes only where it would run past its line.

``identifiers.py`` marks each long identifier (``AmazonRoute53ResolverEndpoint``) with a
``<wbr>`` before each of its parts, and ``handout.css`` sets it on one line, never hyphenated:
so a table column is at least as wide as its longest name, as it would be with no break in
it, and the table's other columns make room. No stylesheet can say "break here only if
nothing else fits": where the break opportunities count, a table's columns narrow to the
longest part ("Endpoint") and a name that had room whole is cut in four. The build therefore
lays each edition out, finds each identifier that does not fit (one wider than its line,
one in a table wider than its column of text, which the names made wider than the page),
lets those wrap at their parts, as an inline block (``display: inline-block``: it still
moves to the next line whole where it fits there), and lays the edition out again. An
edition whose names all fit is laid out once. A long code word without a seam
(``AWSServiceRoleForAmazonSageMakerNotebooks``, a hash: ``code_spans.py``) is one too: the
line breaker takes a soft hyphen before it moves a word, so one that breaks at its case
changes (its soft hyphens) wherever the line ends would never move whole.

The identifiers are numbered in the HTML as it goes to WeasyPrint (``data-identifier``), and
found in WeasyPrint's box tree (a page's ``_page_box``, in CSS pixels); without it (the
attribute is private) they print on one line, as laid out once. Their zero-width spaces are
no part of the name: a bookmark, which is a heading's text, and a link's description
(``render.py``) drop them (``without_breaks``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import count

from weasyprint.document import Document
from weasyprint.formatting_structure.boxes import (
    BlockContainerBox,
    Box,
    InlineBox,
    ParentBox,
    TableBox,
)

# An identifier as ``identifiers.py`` writes it: its escaped text, a <wbr> between its parts;
# or a long code word without a seam, as ``code_spans.py`` does: soft hyphens between them,
# its leading punctuation kept with what follows it
_IDENTIFIER = re.compile(
    r'<span class="(identifier(?: code-long)?)">'
    r'((?:<span class="code-lead">[^<]*</span>)?[^<]*(?:<wbr>[^<]*)*)</span>'
)
ZERO_WIDTH_SPACE = "\u200b"
# What a box may run past its line before it counts as not fitting: rounding, in CSS px
_SLACK_PX = 0.5


def numbered_identifiers(html: str) -> str:
    """``html`` with each identifier numbered in document order (``data-identifier``), and
    its ``<wbr>`` a zero-width space: a break in the text of one box, which the text layer
    drops, and ``hyphenated_words.py`` joins across lines as it joins a hyphenated word
    (a ``<wbr>`` is a box of its own, which the cell's marked content does not pair with)."""
    numbers = count(1)
    return _IDENTIFIER.sub(
        lambda name: (
            f'<span class="{name[1]}" data-identifier="{next(numbers)}">'
            f"{name[2].replace('<wbr>', ZERO_WIDTH_SPACE)}</span>"
        ),
        html,
    )


def without_breaks(text: str) -> str:
    """``text`` (an element's, from the HTML as it goes to WeasyPrint) without the
    zero-width spaces ``numbered_identifiers`` put in its identifiers: the name as written,
    for a bookmark or a link's description."""
    return text.replace(ZERO_WIDTH_SPACE, "")


def whole_bookmarks(document: Document) -> None:
    """Each bookmark of ``document`` with its identifiers as written: a heading's bookmark
    is its text (WeasyPrint's default ``bookmark-label``), which holds their breaks."""
    for page in document.pages:
        page.bookmarks = [
            (level, without_breaks(label), *rest) for level, label, *rest in page.bookmarks
        ]


def wrapping_stylesheet(numbers: set[int]) -> str:
    """CSS letting the identifiers ``numbers`` wrap at their parts (empty for none)."""
    if not numbers:
        return ""
    selector = ", ".join(f'.identifier[data-identifier="{number}"]' for number in sorted(numbers))
    # A code word stays inline, breaking where its line ends (it is wider than a line): an
    # inline block's narrowest width tries each soft hyphen, and a hash has one at each
    # character (a minute's layout for a few).
    return (
        f"{selector} {{ display: inline-block; white-space: normal; }}\n"
        f"code :is({selector}) {{ display: inline; }}\n"
    )


def overflowing_identifiers(document: Document) -> set[int]:
    """The numbers of the identifiers in ``document`` that run past their line, or sit in
    a table that runs past the text beside it."""
    found: set[int] = set()
    for page in document.pages:
        tree = getattr(page, "_page_box", None)
        if tree is None:
            return set()
        for box, right, too_wide in _walk(tree, right=None, too_wide=False):
            number = _number(box)
            if number is not None and (too_wide or _right_edge(box) > right + _SLACK_PX):
                found.add(number)
    return found


def _walk(box: Box, right: float | None, too_wide: bool) -> Iterator[tuple[Box, float, bool]]:
    """Each box under ``box`` with the right edge of the text it is set in (its block's
    content box; a table's is that of the block holding the table), and whether it is in
    a table that runs past that edge."""
    if isinstance(box, TableBox) and right is not None:
        too_wide = too_wide or _right_edge(box) > right + _SLACK_PX
    elif isinstance(box, BlockContainerBox) and not getattr(box, "is_table_wrapper", False):
        right = box.content_box_x() + box.width
    if right is not None:
        yield box, right, too_wide
    if isinstance(box, ParentBox):
        for child in box.children:
            yield from _walk(child, right, too_wide)


def _number(box: Box) -> int | None:
    """The number of the identifier ``box`` sets, if it sets one."""
    element = getattr(box, "element", None)
    if not isinstance(box, InlineBox) or element is None:
        return None
    number = element.get("data-identifier")
    return int(number) if number and number.isdigit() else None


def _right_edge(box: Box) -> float:
    return float(box.border_box_x() + box.border_width())
