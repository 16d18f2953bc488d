"""``<bank>-questions.csv``: one row per question, for spreadsheets and LMS imports.

RFC 4180 (comma, double quotes, CRLF rows), UTF-8 with a byte order mark so Excel reads
accents right. Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or
CR as a formula; such cells are neutralised as OWASP recommends, with a leading ``'``
(the JSON export keeps the exact text).
"""

from __future__ import annotations

import csv
import io
import string

from exambank.bank import Bank, QuestionRef
from exambank.builders.base import Builder, Output, Settings

MIN_OPTION_COLUMNS = 6  # option_a .. option_f, more only if a question needs them
# OWASP's list, plus line feed and the full-width forms some spreadsheets also read.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(cell: str) -> str:
    """``cell`` as text a spreadsheet will not evaluate."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


class CsvBuilder(Builder):
    name = "csv"
    description = "one spreadsheet row per question"

    def build(self, bank: Bank, settings: Settings) -> list[Output]:
        refs = list(bank.questions())
        widest = max((len(ref.question.options) for ref in refs), default=0)
        letters = string.ascii_uppercase[: max(widest, MIN_OPTION_COLUMNS)]
        header = [
            "id",
            "section",
            "type",
            "stem",
            *(f"option_{letter.lower()}" for letter in letters),
            "answer",
            "explanation",
            "tags",
            "difficulty",
        ]
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        for ref in refs:
            writer.writerow([neutralise(cell) for cell in _row(ref, letters)])
        data = buffer.getvalue().encode("utf-8-sig")
        return [Output(f"{bank.id}-questions.csv", data)]


def _row(ref: QuestionRef, letters: str) -> list[str]:
    question = ref.question
    options = [
        question.option_text(letter) if letter in question.options else "" for letter in letters
    ]
    return [
        question.id,
        ref.section.id,
        question.type,
        question.stem,
        *options,
        ";".join(question.answer_letters),
        question.explanation,
        ";".join(question.tags),
        question.difficulty or "",
    ]
