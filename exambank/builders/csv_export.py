"""``<bank>-questions.csv``: one row per question, for spreadsheets and LMS imports.

Columns, to be read by name: ``id, section, type, stem``, ``option_a`` .. ``option_f``
(more letters only if a question has more options), ``feedback_a`` .. with the same
letters (empty where an option has none), ``answer``, ``explanation``, ``tags``,
``difficulty``, ``shuffle`` (``true`` or ``false``: the JSON export's value),
``section_title``, ``number`` (as the handouts print it), ``images`` (the paths of the
images the row's texts show, one a line, as the JSON's ``images``), ``guarded`` (below)
and ``image_alts``: on the line of each path in ``images``, the image's description, for an
importer that attaches the files to carry it: the first the row's texts give it, in reading
order (stem, each option's text and feedback, explanation), its alt text or else its title,
as a browser names an image; spaces and line breaks in it as one space, so each stays on its
line; an empty line where no text describes it; and ``instruction``: the line the handouts
print under the stem ("Choose 2 answers.", the JSON's ``instruction``), empty where they
print none.
The feedback columns follow the option columns as a block, in the same order, rather than
alternating with them: most banks have no feedback, and alternating would put an empty
column between every two options a reviewer compares. Each feedback sits the same number
of columns to the right of its option. New columns go last, so no column moves for them.
The images the rows show are written beside the CSV, as beside the JSON.

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

The column ``guarded`` makes the guard reversible (a source may start with ``'``
itself): ``;``-separated, it names each cell that got a ``'`` at its start by its column
(``option_a``), and each part after a ``;`` that got one by its column and the part's
number (``explanation:1`` for the part after the first ``;``). Splitting that cell at
``;`` and dropping the first character of each part named (the start is part 0) gives
the source's text back. A cell longer than Excel's limit, 32,767 characters, gets a note.
"""

from __future__ import annotations

import csv
import io
import string
import unicodedata
from collections.abc import Mapping

from exambank.bank import Bank, QuestionRef
from exambank.builders.answer_instruction import answer_instruction
from exambank.builders.base import Builder, Output, Settings
from exambank.builders.labels import Labels, labels_for
from exambank.export import ExportImageUse, question_image_uses
from exambank.export_images import shown_images
from exambank.shuffle import keeps_its_order

EXCEL_CELL_LIMIT = 32_767  # characters in a cell; Excel cuts the rest
MIN_OPTION_COLUMNS = 6  # option_a .. option_f, more only if a question needs them
CONTROL_STARTS = ("\t", "\r", "\n")  # OWASP's tab and CR, and line feed, at a cell's start
# OWASP's operators and, as a precaution, what Unicode folds into them (NFKC: full-width
# U+FF1D, small U+FE66, superscript U+207A ...) and the minus sign U+2212, which a
# spreadsheet may read as minus.
OPERATORS = ("=", "+", "-", "@", "\u2212")
# Columns that came after ``guarded``: a new column goes last, so that none moves for it.
AFTER_GUARDED = ("image_alts", "instruction")


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
    description = "one spreadsheet row per question, and the images its cells show"

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
            "section_title",
            "number",
            "images",
            *AFTER_GUARDED,
        ]
        after = len(header) - len(AFTER_GUARDED)
        images = shown_images(bank, questions_only=True)
        labels = labels_for(bank.manifest.language)  # the handouts' words, for instruction
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
        writer.writerow([*header[:after], "guarded", *header[after:]])
        notes: list[str] = []
        for ref in refs:
            cells = _row(ref, letters, images.files, labels)
            written = [neutralise(cell) for cell in cells]
            guarded = [
                name
                for column, cell, text in zip(header, cells, written, strict=True)
                if text != cell
                for name in _guarded(column, cell, text)
            ]
            writer.writerow([*written[:after], ";".join(guarded), *written[after:]])
            notes.extend(
                _cut_by_excel(ref.question.id, column, text)
                for column, text in zip(header, written, strict=True)
                if _excel_length(text) > EXCEL_CELL_LIMIT
            )
        data = buffer.getvalue().encode("utf-8-sig")
        table = Output(self.file_names(bank.id)[0], data, (*notes, *images.left_out))
        return [table, *(Output(path, image) for path, image in images.files.items())]

    def file_names(self, bank_id: str) -> tuple[str, ...]:
        return (f"{bank_id}-questions.csv",)


def _guarded(column: str, cell: str, written: str) -> list[str]:
    """How ``guarded`` names the parts of ``cell`` that ``neutralise`` gave a "'": the
    column for its start, the column and the part's number for the part after a ";"."""
    parts = zip(cell.split(";"), written.split(";"), strict=True)
    changed = [number for number, (part, guarded) in enumerate(parts) if part != guarded]
    return [column if number == 0 else f"{column}:{number}" for number in changed]


def _excel_length(cell: str) -> int:
    """The length Excel counts: UTF-16 code units (a character beyond U+FFFF is two)."""
    if len(cell) <= EXCEL_CELL_LIMIT // 2:
        return len(cell)  # short enough whatever it holds: not encoded, most cells
    return len(cell.encode("utf-16-le")) // 2


def _cut_by_excel(question_id: str, column: str, cell: str) -> str:
    return (
        f"question {question_id}: its {column} is {_excel_length(cell):,} characters long; "
        f"Excel cuts a cell at {EXCEL_CELL_LIMIT:,} (the JSON keeps it whole)"
    )


def _row(ref: QuestionRef, letters: str, images: Mapping[str, bytes], labels: Labels) -> list[str]:
    question = ref.question
    uses = question_image_uses(question, images)
    paths = sorted({use.path for use in uses})  # as the JSON's images
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
        ref.section.title,
        str(ref.number),
        # one a line: a file name may hold a ";", a Markdown target no line break
        "\n".join(paths),
        "\n".join(_description(path, uses) for path in paths),
        answer_instruction(question, labels) or "",
    ]


def _description(path: str, uses: list[ExportImageUse]) -> str:
    """The first description the ``uses`` give the image at ``path`` (its alt, else its
    title, as a browser names an image), on one line; empty if none gives one."""
    described = (" ".join((use.alt or use.title or "").split()) for use in uses if use.path == path)
    return next((text for text in described if text), "")
