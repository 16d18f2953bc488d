"""Code blocks as the handouts print them: each source line a block of its own, so that a
line too long for the page wraps under itself, visibly continued.

A wrapped code line that restarts at the margin reads as a new statement (or as a string
that holds a line break). So each line of a ``<pre><code>`` block becomes a
``<span class="code-line">``, which ``handout.css`` sets with a hanging indent: the rows it
wraps onto start two columns right of the line's own indentation, each after a "↪". The mark
is drawn (``continued-line.svg``), not written: generated text would be in the PDF's text
layer, and a copy of the code, or a search, would hold it. A block whose lines are all
short (``NEVER_WRAPS``) is left as it is. The JSON and CSV exports keep markdown's HTML as
it is: the spans are for print only.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape

from exambank.config import LARGE_PRINT_SIZE

# A code block as markdown-it writes one: its text escaped, so no tag inside it
_CODE_BLOCK = re.compile(r'(<pre><code(?: class="[^"]*")?>)(.*?)(</code></pre>)', re.DOTALL)
TAB_SIZE = 8  # CSS's tab-size, which handout.css leaves as it is
# Rows a wrapped line continues on start no further right than this many columns (then two
# more for the mark): a line indented deeper still gets most of the width for its words.
MAX_HANG = 16
# A line this short never wraps: the narrowest place code prints, a list in an option,
# holds about 84 columns, 44 in large print of 16 pt (each about 40 mm more than these),
# fewer as its size grows. Only a longer line draws the mark, which costs 0.9 kB of PDF (its
# pattern's objects) and some layout a line, and a block whose lines are all this short
# prints as it did.
NEVER_WRAPS = 60
NEVER_WRAPS_LARGE_PRINT = 30  # at 16 pt


def width(line: str) -> int:
    """How many columns ``line`` (escaped, as in HTML) takes, as printed: a tab runs to the
    next tab stop, a wide character (Chinese) takes two, a combining accent none."""
    columns = 0
    for character in unescape(line):
        if character == "\t":
            columns = (columns // TAB_SIZE + 1) * TAB_SIZE
        elif not unicodedata.combining(character):
            columns += 2 if unicodedata.east_asian_width(character) in "WF" else 1
    return columns


def indentation(line: str) -> int:
    """How many columns the spaces and tabs that start ``line`` take, as printed."""
    return width(line[: len(line) - len(line.lstrip(" \t"))])


def _line(line: str, never_wraps: int) -> str:
    """A source line as a block, carrying its indentation (``--indent``) where it has one,
    for the CSS to hang its continued rows two columns right of it. A line longer than
    ``never_wraps`` columns (``code-wraps``) draws the mark on its rows; its text, an inline
    box of its own in the block's colour, hides the mark on its first row."""
    columns = min(indentation(line), MAX_HANG)
    style = f' style="--indent: {columns}ch"' if columns else ""
    # The line break stays in the text, so that a copy of the block keeps its lines
    if width(line) <= never_wraps:
        return f'<span class="code-line"{style}>{line}\n</span>'
    return (
        f'<span class="code-line code-wraps"{style}><span class="code-text">{line}</span>\n</span>'
    )


def code_lines(
    html: str, large_print: bool = False, large_print_size: int = LARGE_PRINT_SIZE
) -> str:
    """``html`` with the text of each code block (``<pre><code>``) that has a line that may
    wrap (``NEVER_WRAPS``, in large print of ``large_print_size`` points fewer columns) split
    into one ``<span class="code-line">`` per line, each ending in its line break."""
    scaled = NEVER_WRAPS_LARGE_PRINT * LARGE_PRINT_SIZE // large_print_size
    never_wraps = scaled if large_print else NEVER_WRAPS

    def split(block: re.Match[str]) -> str:
        opening, code, closing = block.groups()
        lines = code.split("\n")
        if lines[-1] == "":  # markdown-it ends a block's text with a line break
            lines.pop()
        if all(width(line) <= never_wraps for line in lines):
            return block[0]
        return opening + "".join(_line(line, never_wraps) for line in lines) + closing

    return _CODE_BLOCK.sub(split, html)
