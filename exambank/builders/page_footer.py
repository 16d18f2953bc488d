"""The large-print page's footer, measured: the page number's box as wide as the widest
number the document prints, and the bottom margin as deep as the footer's lines."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from exambank.bank import Bank
from exambank.builders.base import TEXT_WIDTH_MM, Paper, Settings
from exambank.builders.editions import Edition, footer_text
from exambank.builders.glyphs import covers, line_count, line_height, text_width
from exambank.builders.labels import labels_for
from exambank.builders.running_head import RunningHead

MM = 72 / 25.4  # points


@dataclass(frozen=True)
class PageFooter:
    """The words of a large-print document's footer (``handout.css``, sized by
    ``large-print.css``), measured as ``running_head.py`` measures the header's: at the
    left the edition line, which wraps, never cut (it tells loose pages apart); at the
    right "Page N of M" in the labels' words; and on a page a question runs over from,
    the words saying so on a line above both. At 20 pt and more a long edition line (a
    long seed or version, the trainer edition's words in Polish) wrapped to more lines
    than the margin held, and its last ran off the paper; and a quarter of the line, the
    page number's box, held "Page 100 of 104" at 18 pt but not "Seite 100 von 104", which
    wrapped its "104" onto a line of its own. ``stylesheet`` gives the rules that make
    room for both, and no more room than they need. Where the edition line takes fewer
    lines across the whole line than beside the page number, the page number takes a line
    of its own above it (``stacked``): beside it, a long version and seed wrapped to 7
    lines at 24 pt, and the footer took a quarter of the paper."""

    edition_line: str
    page_words: str  # "Page {page} of {pages}"
    # "Continued on the next page →"; None in the answer key and the answer sheet printed
    # alone, and in an edition whose layout runs no question over a page
    # (handout_layout.py): their footer keeps no line for it
    continued: str | None
    paper: Paper
    large_print_size: int

    # The running header's fonts and size (large-print.css sets both at 7/8 of the body)
    FONT, BOLD = RunningHead.FONT, RunningHead.BOLD
    # The line's width on each paper: the pages' text's
    WIDTH: ClassVar[dict[str, float]] = {paper: mm * MM for paper, mm in TEXT_WIDTH_MM.items()}
    # Room left for what the advances miss: a glyph of an installed font wider than an em
    # (kerning only narrows a line)
    SLACK = 0.99
    # The height of a line holding a character the shipped font lacks, in ems: Noto Sans
    # CJK, which handout.css falls back to, sets its lines 1.448 em tall, DejaVu 1.164
    FALLBACK_LINE = 1.5
    SHARE = RunningHead.LARGE_PRINT_SHARE
    PADDING = 2.5 * MM  # above the footer's first line (handout.css)
    GAP = 4 * MM  # between the edition line and the page number, as between the titles
    # Under its last line: office printers leave 4 to 5 mm of the paper's edge blank
    EDGE = 5 * MM
    # large-print.css's bottom margin, which ``stylesheet`` deepens as the footer needs
    LEAST_MARGIN = 20 * MM
    # The page count the first layout makes room for; a longer one is laid out again
    LEAST_DIGITS = 3

    @classmethod
    def of(cls, bank: Bank, edition: Edition, settings: Settings) -> PageFooter:
        """The footer of ``edition`` of ``bank`` in large print, as the build makes it."""
        labels = labels_for(bank.manifest.language)
        return cls(
            footer_text(bank, edition, settings, labels),
            labels.page,
            f"{labels.continued} \u2192" if edition in ("student", "trainer") else None,
            settings.paper,
            settings.large_print_size,
        )

    @property
    def size(self) -> float:
        """The footer's size, in points."""
        return self.large_print_size * self.SHARE

    @property
    def line_width(self) -> float:
        """The width of the footer's line, in points: the page's, less its margins."""
        return self.WIDTH[self.paper]

    def page_number_width(self, digits: int) -> float:
        """The width of the page number's box, in points: a quarter of the line, as the
        standard edition's, or what "Page 888 of 888" needs at ``digits`` digits (all of
        DejaVu's digits are as wide) and the 4 mm the header leaves between its titles,
        which the box, its words set at its right, keeps at their left: a line of the
        edition that fills its box does not run into them ("nicht für Seite 100")."""
        number = "8" * digits
        words = self.page_words.format(page=number, pages=number)
        needed = text_width(words, self.FONT, self.size) / self.SLACK + self.GAP
        return max(self.line_width / 4, needed)

    def lines(self, digits: int) -> int:
        """The most lines the footer takes on a page: the edition line's (``edition_lines``),
        and the line above them where a question runs over (a line every page makes room
        for: which pages those are, only the layout knows; where it runs none over, it is
        laid out again without it), or the words on it, if they wrap."""
        edition = self.edition_lines(digits)
        if self.continued is None:
            return edition
        continued = line_count(self.continued, self.line_width * self.SLACK, self.BOLD, self.size)
        return max(1 + edition, continued)

    def edition_lines(self, digits: int) -> int:
        """The lines of the edition line beside a page number of ``digits`` digits, or, if
        that takes fewer, stacked: the page number on a line of its own, and the edition
        line under it across the whole width (``stacked``)."""
        return min(self._beside(digits), self._stacked_lines())

    def stacked(self, digits: int) -> bool:
        """Whether the page number takes a line of its own, at the right, over the edition
        line across the whole width: where that takes fewer lines than the edition line
        in the column beside the page number's box (in German at 24 pt, a long version and
        seed 4 across the line and the page number's 1, where they took 7 beside it)."""
        return self._stacked_lines() < self._beside(digits)

    def _beside(self, digits: int) -> int:
        beside = (self.line_width - self.page_number_width(digits)) * self.SLACK
        return line_count(self.edition_line, beside, self.FONT, self.size)

    def _stacked_lines(self) -> int:
        across = self.line_width * self.SLACK
        return 1 + line_count(self.edition_line, across, self.FONT, self.size)

    def margin(self, digits: int) -> float:
        """The bottom margin, in points, that holds the footer's lines above the paper's
        edge, beside a page number of ``digits`` digits."""
        return self.PADDING + self.lines(digits) * self.line_height + self.EDGE

    @property
    def line_height(self) -> float:
        """The height of the footer's lines, in points: the shipped font's, or a fallback
        font's, taller, where the edition line holds a character it lacks (a seed in
        Chinese)."""
        if covers(self.edition_line, self.FONT):
            return line_height(self.FONT, self.size)
        return self.FALLBACK_LINE * self.size

    def stylesheet(self, digits: int) -> str:
        """The rules that deepen the bottom margin and widen the page number's box as the
        footer needs beside a page number of ``digits`` digits, each only where
        ``large-print.css`` falls short (in points, rounded up), and that stack the page
        number over the edition line where that takes fewer lines (``stacked``): the
        edition's box then spans the line, and its first line, beside the page number,
        is left blank."""
        rules = []
        if self.margin(digits) > self.LEAST_MARGIN:
            rules.append(f"margin-bottom: {_points(self.margin(digits))};")
        number_width = self.page_number_width(digits)
        widened = number_width > self.line_width / 4
        if self.stacked(digits):
            rules.append(
                '@bottom-left { width: 100%; content: string(continued-gap, last) "\\A" '
                "string(edition) }"
            )
        elif widened:
            rules.append(f"@bottom-left {{ width: calc(100% - {_points(number_width)}) }}")
        if widened:
            rules.append(f"@bottom-right {{ width: {_points(number_width)} }}")
        return f"@page {{ {' '.join(rules)} }}\n" if rules else ""


def _points(length: float) -> str:
    """``length`` as CSS in points, rounded up to a hundredth: never less than measured."""
    return f"{math.ceil(length * 100) / 100:.2f}pt"
