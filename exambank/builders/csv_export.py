"""``<bank>-questions.csv``: one row per question, for spreadsheets and LMS imports.

RFC 4180 (comma, double quotes, CRLF rows), UTF-8 with a byte order mark so Excel reads
accents right. Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or
CR as a formula; such cells are neutralised as OWASP recommends, with a leading ``'``
(the JSON export keeps the exact text), and so are cells where an operator or a look-alike
follows leading spaces or invisible characters. Excel where the list separator is ``;``
cuts a row at every ``;``, quotes or not, so each ``;``-separated part of a cell is
neutralised too. Every cell is quoted: a reader that splits at both ``,`` and ``;``
(LibreOffice with both ticked) then keeps each cell whole.
"""

from __future__ import annotations

import csv
import io
import string
import unicodedata

from exambank.bank import Bank, QuestionRef
from exambank.builders.base import Builder, Output, Settings

MIN_OPTION_COLUMNS = 6  # option_a .. option_f, more only if a question needs them
CONTROL_STARTS = ("\t", "\r", "\n")  # OWASP's tab and CR, and line feed
# OWASP's operators and, as a precaution, what Unicode folds into them (NFKC: full-width
# U+FF1D, small U+FE66, superscript U+207A ...) and the minus sign U+2212, which a
# spreadsheet may read as minus.
OPERATORS = ("=", "+", "-", "@", "\u2212")


def _skipped(character: str) -> bool:
    """Whether ``character`` is passed over before a cell's first one is judged: spaces
    (any: no-break too), invisible format characters (Unicode's Cf: zero-width space and
    joiners, byte order mark, soft hyphen, direction marks; a reader may drop them), and
    double quotes (a part after a ";" that starts with one opens a quoted field there, and
    what follows its closing quote is still read)."""
    return character.isspace() or character == '"' or unicodedata.category(character) == "Cf"


def neutralise(cell: str) -> str:
    """``cell`` as text a spreadsheet will not evaluate, whole or cut at each ``;``."""
    return ";".join("'" + part if _is_formula(part) else part for part in cell.split(";"))


def _is_formula(part: str) -> bool:
    if part.startswith(CONTROL_STARTS):
        return True
    first = next((character for character in part if not _skipped(character)), "")
    return unicodedata.normalize("NFKC", first).startswith(OPERATORS)


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
        writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
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
