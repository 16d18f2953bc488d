"""``<bank>-questions.csv``: one row per question, for spreadsheets and LMS imports.

Columns, in an order that no bank changes: ``id, section, type, stem``, ``option_a`` ..
``option_f``, ``feedback_a`` .. ``feedback_f`` (empty where a question has no such option,
or the option no feedback), ``answer``, ``explanation``, ``tags``,
``difficulty``, ``shuffle`` (``true`` or ``false``: the JSON export's value),
``section_title``, ``number`` (as the handouts print it), ``images`` (the paths of the
images the row's texts show, one a line, as the JSON's ``images``), ``guarded`` (below)
and ``image_alts``: on the line of each path in ``images``, the image's description, for an
importer that attaches the files to carry it: the first the row's texts give it, in reading
order (stem, each option's text and feedback, explanation), its alt text or else its title,
as a browser names an image; spaces and line breaks in it as one space, so each stays on its
line; an empty line where no text describes it; ``instruction``: the line the handouts
print under the stem ("Choose 2 answers.", the JSON's ``instruction``), empty where they
print none; and ``language``: the language the row's texts are written in, on every row,
for an importer that reads the CSV alone (an LMS or quiz tool with a language setting):
the bank's, its manifest's ``language`` as written there (a BCP 47 tag: ``de``,
``es-MX``), the JSON's ``manifest.language``, as no section or question has a language of
its own. (``instruction`` is in English where the handouts have no words in that language,
as they print it.) Only where a question has more than six options, their columns follow
all these, two a letter, in letter order: ``option_g, feedback_g, option_h, feedback_h``
.. up to the bank's widest question.
The feedback columns follow the option columns as a block, in the same order, rather than
alternating with them: most banks have no feedback, and alternating would put an empty
column between every two options a reviewer compares. Each of the first six feedback
columns sits the same number of columns to the right of its option. A new column goes
after ``language``, before any seventh option's, so that no column moves for it, and
no long question moves one either: a mapping of columns by their position (Anki's import,
a spreadsheet template) holds for every bank.
The texts (stem, options, feedback, explanation) are as written (Markdown), or, built
with ``--csv-text plain``, as plain text: the JSON's ``_text`` (``plain_text``), for an
importer that would show ``**`` and backticks as they are (Kahoot, Google Forms, plain
Anki, an LMS's CSV import). The images the rows show are written beside the CSV, as
beside the JSON.

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
the source's text back. Built with ``--csv-guard off`` (for an importer, which would keep
the ``'`` as part of the text), no cell gets a ``'`` and ``guarded`` is empty on every row,
as it names only what the guard changed; the column stays, so that none after it moves.
A cell longer than Excel's limit, 32,767 characters, gets a note.
"""

from __future__ import annotations

import csv
import io
import string
import unicodedata
from collections.abc import Callable, Mapping
from functools import partial

from exambank.bank import Bank, QuestionRef
from exambank.builders.answer_instruction import answer_instruction
from exambank.builders.base import Builder, Output, Settings
from exambank.builders.labels import Labels, labels_for
from exambank.export import ExportImageUse, question_image_uses
from exambank.export_images import shown_images
from exambank.plain_text import short_text
from exambank.rules.numbers import reading
from exambank.shuffle import keeps_its_order

EXCEL_CELL_LIMIT = 32_767  # characters in a cell; Excel cuts the rest
FIXED_LETTERS = string.ascii_uppercase[:6]  # option_a .. option_f, in every CSV
CONTROL_STARTS = ("\t", "\r", "\n")  # OWASP's tab and CR, and line feed, at a cell's start
# OWASP's operators and, as a precaution, what Unicode folds into them (NFKC: full-width
# U+FF1D, small U+FE66, superscript U+207A ...) and the minus sign U+2212, which a
# spreadsheet may read as minus.
OPERATORS = ("=", "+", "-", "@", "\u2212")
# The columns every CSV has, in order: a new one goes last, so that none moves for it (a
# seventh option's columns, where a question has one, follow them all).
FIXED_COLUMNS = (
    "id",
    "section",
    "type",
    "stem",
    *(f"option_{letter.lower()}" for letter in FIXED_LETTERS),
    *(f"feedback_{letter.lower()}" for letter in FIXED_LETTERS),
    "answer",
    "explanation",
    "tags",
    "difficulty",
    "shuffle",
    "section_title",
    "number",
    "images",
    "guarded",
    "image_alts",
    "instruction",
    "language",
)


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
    settings = ("csv_text", "csv_guard")

    def build(self, bank: Bank, settings: Settings) -> list[Output]:
        refs = list(bank.questions())
        widest = max((len(ref.question.options) for ref in refs), default=0)
        extra = string.ascii_uppercase[len(FIXED_LETTERS) : widest]  # "G" .. where needed
        header = [
            *FIXED_COLUMNS,
            *(f"{kind}_{letter.lower()}" for letter in extra for kind in ("option", "feedback")),
        ]
        images = shown_images(bank, questions_only=True)
        labels = labels_for(bank.manifest.language)  # the handouts' words, for instruction
        form = _text_form(bank, settings)
        guard = neutralise if settings.csv_guard else str  # off: every cell as it is
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
        writer.writerow(header)
        notes: list[str] = []
        for ref in refs:
            cells = _row(ref, FIXED_LETTERS + extra, images.files, labels, form)
            written = {column: guard(cell) for column, cell in cells.items()}
            guarded = [
                name
                for column in header
                if column in cells and written[column] != cells[column]
                for name in _guarded(column, cells[column], written[column])
            ]
            written["guarded"] = ";".join(guarded)
            writer.writerow([written[column] for column in header])
            notes.extend(
                _cut_by_excel(ref.question.id, column, written[column])
                for column in header
                if _excel_length(written[column]) > EXCEL_CELL_LIMIT
            )
        data = buffer.getvalue().encode("utf-8-sig")
        table = Output(self.file_names(bank.id)[0], data, (*notes, *images.left_out))
        return [table, *(Output(path, image) for path, image in images.files.items())]

    def file_names(self, bank_id: str) -> tuple[str, ...]:
        return (f"{bank_id}-questions.csv",)


def _text_form(bank: Bank, settings: Settings) -> Callable[[str], str]:
    """How the CSV writes a text: as written, or as plain text, as the JSON's ``_text``."""
    if settings.csv_text == "markdown":
        return str
    return partial(short_text, space_groups=reading(bank.manifest.language).space_groups)


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


def _row(
    ref: QuestionRef,
    letters: str,
    images: Mapping[str, bytes],
    labels: Labels,
    form: Callable[[str], str],
) -> dict[str, str]:
    """The row's cells by column (all but ``guarded``), its texts in the ``form`` chosen."""
    question = ref.question
    uses = question_image_uses(question, images)
    paths = sorted({use.path for use in uses})  # as the JSON's images
    options, feedback = {}, {}
    for letter in letters:
        text = question.option_text(letter) if letter in question.options else None
        given = question.option_feedback(letter) if letter in question.options else None
        options[f"option_{letter.lower()}"] = "" if text is None else form(text)
        feedback[f"feedback_{letter.lower()}"] = "" if given is None else form(given)
    return {
        "id": question.id,
        "section": ref.section.id,
        "type": question.type,
        "stem": form(question.stem),
        **options,
        **feedback,
        "answer": ";".join(sorted(set(question.answer_letters))),  # each once, as the JSON
        "explanation": form(question.explanation),
        "tags": ";".join(question.tags),
        "difficulty": question.difficulty or "",
        "shuffle": "false" if keeps_its_order(question, ref.language) else "true",
        "section_title": ref.section.title,
        "number": str(ref.number),
        # one a line: a file name may hold a ";", a Markdown target no line break
        "images": "\n".join(paths),
        "image_alts": "\n".join(_description(path, uses) for path in paths),
        "instruction": answer_instruction(question, labels) or "",
        # the bank's language (``Bank.questions`` gives each question its manifest's), as
        # the JSON's manifest gives it: the CSV alone says what language its rows are in
        "language": ref.language,
    }


def _description(path: str, uses: list[ExportImageUse]) -> str:
    """The first description the ``uses`` give the image at ``path`` (its alt, else its
    title, as a browser names an image), on one line; empty if none gives one."""
    described = (" ".join((use.alt or use.title or "").split()) for use in uses if use.path == path)
    return next((text for text in described if text), "")
