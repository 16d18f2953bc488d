"""The running header's two titles, cut to share one line of the page."""

from __future__ import annotations

from html import escape
from typing import ClassVar

from exambank.builders.base import TEXT_WIDTH_MM, Paper, Settings
from exambank.builders.glyphs import cut_to_width, text_width
from exambank.config import LARGE_PRINT_SIZE


class RunningHead:
    """The words of the running header, the bank's title at the left and the section's in
    bold at the right, cut here to fit one line between them (``handout.css`` sets the
    header; ``large-print.css`` its size, 7/8 of large print's body). Cut by CSS
    (``text-overflow: ellipsis``) the text layer of the PDF said something else: the "…"
    glyph held the words the first cut dropped, on every page ("Dashboard& Feature
    Store"), as a subset font maps a glyph to one text. Each title keeps its whole width
    where the other leaves the room; otherwise the longer one, or both, yield to half."""

    FONT, BOLD = "DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"
    # The pages' text's width on each paper, less the 4 mm set between the two titles, in
    # points
    WIDTH: ClassVar[dict[str, float]] = {
        paper: (width - 4) * 72 / 25.4 for paper, width in TEXT_WIDTH_MM.items()
    }
    SLACK = 0.98  # room left for what the advances miss (rounding, an installed font's glyph)
    STANDARD_SIZE = 7.5
    # In large print, 14 pt beside the 16 pt body, and as much larger as the body is made
    LARGE_PRINT_SHARE = 14 / 16

    def __init__(
        self,
        book_title: str,
        paper: Paper,
        large_print: bool,
        large_print_size: int = LARGE_PRINT_SIZE,
    ):
        self.book_title = book_title
        self.width = self.WIDTH[paper] * self.SLACK
        self.size = large_print_size * self.LARGE_PRINT_SHARE if large_print else self.STANDARD_SIZE

    @classmethod
    def of(cls, book_title: str, settings: Settings) -> RunningHead:
        """The header of a document the build makes with ``settings`` (paper, large print)."""
        return cls(book_title, settings.paper, settings.large_print, settings.large_print_size)

    def attributes(self, section_title: str) -> str:
        """The attributes a heading sets the header's two titles from, for its pages."""
        book, section = self.titles(section_title)
        return f' data-head-book="{escape(book)}" data-head-section="{escape(section)}"'

    def titles(self, section_title: str) -> tuple[str, str]:
        """The bank's title and ``section_title``, cut to share the header's line."""
        book, section = self.book_title, section_title
        book_width = text_width(book, self.FONT, self.size)
        section_width = text_width(section, self.BOLD, self.size)
        if book_width + section_width <= self.width:
            return book, section
        if book_width > self.width / 2 and section_width < self.width / 2:
            book = cut_to_width(book, self.width - section_width, self.FONT, self.size)
            return book, section
        # The bank's title fits in half, or neither does: the section's gets what is left
        book = cut_to_width(book, self.width / 2, self.FONT, self.size)
        left = self.width - text_width(book, self.FONT, self.size)
        return book, cut_to_width(section, left, self.BOLD, self.size)
