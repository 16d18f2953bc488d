"""How many columns of the answer key's grid an answer takes: one, or as many as its
letters need beside their number, so they stay on one line. The answer sheet's item of a
question takes as many as the key's answer, so that its rows hold the key's rows."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from exambank.bank import QuestionRef
from exambank.builders.base import TEXT_WIDTH_MM, Settings
from exambank.builders.glyphs import text_width
from exambank.config import LARGE_PRINT_SIZE
from exambank.model import Question

MM = 72 / 25.4  # points
# The grid's sizes as the CSS sets them: each column 6 mm left of the next (handout.css),
# and in large print at 16 pt, grown with the size (large-print.css), a number's column of
# 3.25 mm a digit (a digit of the key's font is 3.23 mm) and 3 mm between it and the letters
COLUMN_GAP_MM = 6
DIGIT_MM = 3.25
NUMBER_GAP_MM = 3
LETTERS_FONT = "DejaVuSansCondensed-Bold.ttf"  # the key's letters (handout.css: Exambank Sans)
# Kerning, which ``text_width`` leaves out, sets a comma 0.105 mm further from an A or an R
# at 16 pt (and nearer to most other letters): an answer's letters 0.21 mm wider at most
SLACK_MM = 0.25
WIDEST_SPAN = 3  # a longer answer wraps inside three columns, under its first letter
STANDARD_WIDE = 4  # the letters from which an answer takes two columns in the standard edition


@dataclass(frozen=True)
class KeyColumns:
    """The columns of a build's key (``settings``), ``per_row`` a row, beside numbers of up
    to ``digits`` digits, the bank's largest (``key_digits``).

    In the standard edition an answer of four letters or more takes two columns, and one
    of up to three letters one, beside four digits (handout.css): the sheet's item takes
    as many, and where its circles fit it on one line beside its number, the sheet's row
    stands level with the key's.

    In large print an answer takes as many columns as its letters need beside the bank's
    own numbers, at the build's size and paper. A rule by the count of letters, made for a
    W beside four digits, gave every two-letter answer two columns, and left half of each
    such cell looking empty: 742 questions, 189 of two letters, took 197 rows at 16 pt, 35
    of them holding five answers, and 9 pages where the standard key takes 5. Measured
    beside three digits, two of the letters A to E take one column at every size (at 24 pt
    on A4 the number's column and "A, D" take 37.0 mm of 37.5). The letters measured are
    the widest of the question's options, as many as its answer has: shuffling keeps a
    question's options and its count of answers, so every version of a bank has the same
    grid. The large-print sheet stands each number above its circles, which wrap inside
    the item: its rows are taller than the key's whatever their width, and each still
    holds the key's row."""

    settings: Settings
    per_row: int
    digits: int

    def span(self, question: Question) -> int:
        """How many columns the answer of ``question`` takes."""
        count = len(question.answer_letters)
        if not self.settings.large_print:
            return 2 if count >= STANDARD_WIDE else 1
        size = self.settings.large_print_size
        widest = sorted(question.options, key=lambda letter: -text_width(letter, LETTERS_FONT, 1))
        need = text_width(", ".join(widest[:count]), LETTERS_FONT, size) / MM
        scale = size / LARGE_PRINT_SIZE
        number = (self.digits * DIGIT_MM + NUMBER_GAP_MM + SLACK_MM) * scale
        column = (TEXT_WIDTH_MM[self.settings.paper] + COLUMN_GAP_MM) / self.per_row
        for span in range(1, WIDEST_SPAN):
            if number + need <= span * column - COLUMN_GAP_MM:
                return span
        return WIDEST_SPAN

    def width_class(self, ref: QuestionRef) -> str:
        """The class attribute of a question's item in the grid, the key's or the sheet's:
        how many columns its answer takes where it takes more than one (``key-span-2``)."""
        span = self.span(ref.question)
        return f' class="key-span-{span}"' if span > 1 else ""

    def rows(self, refs: list[QuestionRef]) -> int:
        """How many rows the answers of ``refs`` take, a run of rows per section: an answer
        that does not fit the rest of a row starts the next."""
        rows = 0
        for _, run in groupby(refs, key=lambda ref: id(ref.section)):
            left = 0
            for ref in run:
                span = self.span(ref.question)
                if span > left:
                    rows, left = rows + 1, self.per_row
                left -= span
        return rows


def key_digits(refs: list[QuestionRef]) -> int:
    """How many digits the largest of the key's numbers has."""
    return len(str(max((ref.number for ref in refs), default=0)))
