"""``<bank>-questions.csv``: one row per question, for spreadsheets and LMS imports.

Columns, to be read by name: ``id, section, type, stem``, ``option_a`` .. ``option_f``
(more letters only if a question has more options), ``feedback_a`` .. with the same
letters (empty where an option has none), ``answer``, ``explanation``, ``tags``,
``difficulty`` and ``shuffle`` (``true`` or ``false``: the JSON export's value). The
feedback columns follow the option columns as a block, in the same order, rather than
alternating with them: most banks have no feedback, and alternating would put an empty
column between every two options a reviewer compares. Each feedback sits the same number
of columns to the right of its option. ``shuffle`` is last, so no column moved for it.

RFC 4180 (comma, double quotes, CRLF rows), UTF-8 with a byte order mark so Excel reads
accents right (Python's ``csv`` reads it with ``encoding="utf-8-sig"``). Spreadsheets run a
cell that starts with ``=``, ``+``, ``-``, ``@``, tab or CR as a formula; such cells are
neutralised as OWASP recommends, with a leading ``'`` (the JSON export keeps the exact
text), and so are cells that start with a line feed, and cells where an operator or a
look-alike follows leading spaces, invisible characters or double quotes. Excel where the
list separator is ``;`` cuts a row at every ``;``, quotes or not, so a part after a ``;``
gets a ``'`` too when its first character that is not skipped is an operator. Tab, CR and
line feed are skipped there like spaces, and what follows them is judged: ``;`` at a line
end is left alone, ``;\\n=1+1`` is not. Code is changed only where a ``;`` comes before an
operator: ``for (i = 0; i < n; ++i)`` is written ``for (i = 0; i < n;' ++i)``, and so is a
``;`` at a line end before a line starting ``@Override``, ``-- comment`` or ``+``. A code
fence means nothing to a spreadsheet, which would cut and evaluate there all the same;
the JSON keeps the exact text. Every cell is quoted: a reader that splits at both ``,``
and ``;`` (LibreOffice with both ticked) then keeps each cell whole.
"""

from __future__ import annotations

import csv
import io
import string
import unicodedata

from exambank.bank import Bank, QuestionRef
from exambank.builders.base import Builder, Output, Settings
from exambank.shuffle import keeps_its_order

MIN_OPTION_COLUMNS = 6  # option_a .. option_f, more only if a question needs them
CONTROL_STARTS = ("\t", "\r", "\n")  # OWASP's tab and CR, and line feed, at a cell's start
# OWASP's operators and, as a precaution, what Unicode folds into them (NFKC: full-width
# U+FF1D, small U+FE66, superscript U+207A ...) and the minus sign U+2212, which a
# spreadsheet may read as minus.
OPERATORS = ("=", "+", "-", "@", "\u2212")


def _skipped(character: str) -> bool:
    """Whether ``character`` is passed over before a cell's first one is judged: spaces
    (any: no-break, tab and line breaks too), invisible format characters (Unicode's Cf:
    zero-width space and joiners, byte order mark, soft hyphen, direction marks; a reader
    may drop them), and double quotes (a part after a ";" that starts with one opens a
    quoted field there, and what follows its closing quote is still read)."""
    return character.isspace() or character == '"' or unicodedata.category(character) == "Cf"


def neutralise(cell: str) -> str:
    """``cell`` as text a spreadsheet will not evaluate, whole or cut at each ``;``."""
    start, *parts = cell.split(";")
    if start.startswith(CONTROL_STARTS) or _operator_first(start):
        start = "'" + start
    return ";".join([start, *("'" + part if _operator_first(part) else part for part in parts)])


def _operator_first(text: str) -> bool:
    first = next((character for character in text if not _skipped(character)), "")
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
            *(f"feedback_{letter.lower()}" for letter in letters),
            "answer",
            "explanation",
            "tags",
            "difficulty",
            "shuffle",
        ]
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
        writer.writerow(header)
        for ref in refs:
            writer.writerow([neutralise(cell) for cell in _row(ref, letters)])
        data = buffer.getvalue().encode("utf-8-sig")
        return [Output(self.file_names(bank.id)[0], data)]

    def file_names(self, bank_id: str) -> tuple[str, ...]:
        return (f"{bank_id}-questions.csv",)


def _row(ref: QuestionRef, letters: str) -> list[str]:
    question = ref.question
    given = [letter for letter in letters if letter in question.options]
    options = {letter: question.option_text(letter) for letter in given}
    feedback = {letter: question.option_feedback(letter) or "" for letter in given}
    return [
        question.id,
        ref.section.id,
        question.type,
        question.stem,
        *(options.get(letter, "") for letter in letters),
        *(feedback.get(letter, "") for letter in letters),
        ";".join(sorted(set(question.answer_letters))),  # each once, in order, as in the JSON
        question.explanation,
        ";".join(question.tags),
        question.difficulty or "",
        "false" if keeps_its_order(question, ref.language) else "true",
    ]
