"""Tables in large print: set at the body's size, and as records where they would not fit.

UKAAF's large print asks for text of 16 pt at least, labels included, and for fewer
columns. A table is the most exam-relevant text of many notes (a comparison of the options
an exam asks to choose between), and set at 16 pt in five columns on A4 its words no longer
fit their columns. So in large print a table whose cells, each on one line at the body's
size (16 pt, or what ``--large-print-size`` gives), are wider together than the page's text
is set as records when it has three
columns or more: a block for each row, its first cell as the block's title after its
column's header, then each other cell on a line of its own after its column's header
("Attribute: Latency" / "Real-Time Inference: Low (milliseconds)" ...). The first
column's header is in each title, not once above the records: a record read alone (at the
top of a page, or found by a screen reader's search) still says what its title is, as a
table's header says it of each cell; the title keeps its weight and colour, the header's
name in it is set lighter, so that the records' titles still stand out. A title whose
column has no header is the cell alone. A table of two columns (a term and its meaning), or
one that fits, stays a table. The widths are measured with the shipped fonts' advances
(``glyphs.py``); only the tables Markdown writes (no attributes on ``<table>``) are
rewritten, not the title page's facts nor the answer key's runs.
"""

from __future__ import annotations

import re
from html import unescape

from exambank.builders.base import TEXT_WIDTH_MM
from exambank.builders.glyphs import text_width
from exambank.config import LARGE_PRINT_SIZE

TEXT_WIDTH_PT = {paper: width * 72 / 25.4 for paper, width in TEXT_WIDTH_MM.items()}
CELL_PADDING_PT = 8.0  # 4 pt each side (handout.css)
FEWEST_COLUMNS = 3  # a table of two columns wraps its cells well at any size
EMPTY_CELL = "\u2013"  # an en dash, so that a record shows the column has nothing

_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<(th|td)\b[^>]*>(.*?)</\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_CODE = re.compile(r"<code\b[^>]*>(.*?)</code>", re.DOTALL)


def wide_tables_as_records(html: str, paper: str = "a4", size: int = LARGE_PRINT_SIZE) -> str:
    """``html`` with each table too wide for the page in large print of ``size`` points as
    records."""
    width = TEXT_WIDTH_PT.get(paper, TEXT_WIDTH_PT["a4"])
    return _TABLE.sub(lambda table: _records_if_wide(table, width, size), html)


def _records_if_wide(table: re.Match[str], width: float, size: int) -> str:
    rows = [[cell for _, cell in _CELL.findall(row)] for row in _ROW.findall(table.group(1))]
    if len(rows) < 2 or len(rows[0]) < FEWEST_COLUMNS:
        return table.group(0)
    header, body = rows[0], rows[1:]
    columns = len(header)
    if any(len(row) != columns for row in body) or _one_line_width(rows, size) <= width:
        return table.group(0)
    records = []
    title_name = f'<span class="record-name">{header[0]}:</span> ' if header[0].strip() else ""
    for row in body:
        title = f'<p class="record-title">{title_name}{row[0]}</p>' if row[0].strip() else ""
        fields = "".join(
            f'<p class="record-field"><span class="record-name">{name}:</span> '
            f"{cell if cell.strip() else EMPTY_CELL}</p>"
            for name, cell in zip(header[1:], row[1:], strict=True)
        )
        records.append(f'<div class="record">{title}{fields}</div>')
    return f'<div class="records">{"".join(records)}</div>'


def _one_line_width(rows: list[list[str]], size: int) -> float:
    """How wide the table is with each cell on one line at ``size`` points: its columns'
    widest cells."""
    widths = [0.0] * len(rows[0])
    for number, row in enumerate(rows):
        for column, cell in enumerate(row):
            font = "DejaVuSans-Bold.ttf" if number == 0 else "DejaVuSans.ttf"
            widths[column] = max(widths[column], _cell_width(cell, font, size) + CELL_PADDING_PT)
    return sum(widths)


def _cell_width(cell: str, font: str, size: int) -> float:
    """How wide a cell's text sets on one line, its code in the monospaced font."""
    code = "".join(unescape(_TAG.sub("", part)) for part in _CODE.findall(cell))
    text = unescape(_TAG.sub("", _CODE.sub("", cell)))
    # large-print.css sets code at the text's size (``code { font-size: 1em }``)
    mono = text_width(code, "DejaVuSansMono.ttf", size)
    return text_width(text, font, size) + mono
