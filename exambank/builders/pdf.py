"""PDF handouts: a student and a trainer edition of every bank, ready to print; with
``--student-key separate`` the answer key alone, and with ``--answer-sheet`` the sheet a
class marks its answers on.

WeasyPrint is imported only when a PDF is built, so linting never pays for loading it.
Each file is a step of its own: the build writes one before laying out the next.
"""

from __future__ import annotations

import hashlib
import re
from functools import partial

from exambank.bank import Bank
from exambank.builders.answer_sheet import answer_sheet_html
from exambank.builders.base import Builder, Output, Settings, Step
from exambank.builders.editions import EDITIONS, Edition
from exambank.builders.handout import handout_html
from exambank.builders.key_document import key_document_html
from exambank.builders.labels import english_words_note
from exambank.builders.page_footer import PageFooter
from exambank.builders.student_pages import StudentLayout
from exambank.builders.system_libraries import loading_weasyprint

# The documents besides the two editions, as the progress line names them
_LABELS: dict[Edition, str] = {"answer-key": "the answer key", "answer-sheet": "the answer sheet"}

# What a machine without Pango can still build
_WITHOUT_PANGO = "build the exports alone, which need no Pango: exambank build --only json,csv"

# What of a seed goes into a file name as it is: letters, digits, "-" and "_"; a run of
# anything else becomes one "-" ("spring 2025/B" -> "spring-2025-B").
_UNSAFE_IN_NAMES = re.compile(r"[^\w-]+")
_LONGEST_SEED_IN_NAMES = 40
_ENDS_AS_DIGEST = re.compile(r"-[0-9a-f]{8}$")  # as "-559aead0" ends a seed's name


class PdfBuilder(Builder):
    name = "pdf"
    description = "student and trainer handouts, ready to print"
    shuffles_options = True
    prints_date = True
    settings = (
        "paper",
        "sections",
        "large_print",
        "large_print_size",
        "shuffle_seed",
        "student_key",
        "answer_sheet",
    )

    def build(self, bank: Bank, settings: Settings) -> list[Output]:
        return [step.make() for step in self.steps(bank, settings)]

    def steps(self, bank: Bank, settings: Settings) -> list[Step]:
        documents = _documents(settings)
        named = [(document, file_name(bank.id, document, settings)) for document in documents]
        # Where the student edition prints each question, filled as it is laid out, for
        # the trainer edition's answer lines (student_pages.py)
        student = StudentLayout()
        return [
            Step(
                name, _label(document), partial(_document, bank, document, name, settings, student)
            )
            for document, name in named
        ]

    def file_names(self, bank_id: str) -> tuple[str, ...]:
        # Unshuffled; a shuffled build's names hold its seed (``file_name``)
        return tuple(f"{bank_id}-{document}.pdf" for document in (*EDITIONS, *_LABELS))

    def stale_names(self, bank_id: str, settings: Settings) -> list[tuple[str, str]]:
        """The key and the sheet of this version (the same seed, or none) that an earlier
        build wrote and this one does not: the key is now in the student edition or left
        out, the sheet no longer asked for. Another seed's are another version's."""
        made = _documents(settings)
        return [
            (file_name(bank_id, document, settings), _why_stale(document, settings))
            for document in _LABELS
            if document not in made
        ]


def _documents(settings: Settings) -> list[Edition]:
    """The documents a build makes: both editions, and the key and the sheet if asked."""
    documents: list[Edition] = list(EDITIONS)
    if settings.student_key == "separate":
        documents.append("answer-key")
    if settings.answer_sheet:
        documents.append("answer-sheet")
    return documents


def _why_stale(document: Edition, settings: Settings) -> str:
    if document == "answer-sheet":
        return "this build makes no answer sheet (--answer-sheet)"
    if settings.student_key == "end":
        return "this build prints the key at the end of the student edition (--student-key)"
    return "this build prints the key in the trainer edition alone (--student-key none)"


def file_name(bank_id: str, document: Edition, settings: Settings) -> str:
    """``<bank>-student.pdf``; shuffled, ``<bank>-student-shuffle7.pdf``, so that the
    versions of a class (and each version's key) sit side by side in one folder, told
    apart by name, none replacing another."""
    seed = settings.shuffle_seed
    if seed is None:
        return f"{bank_id}-{document}.pdf"
    return f"{bank_id}-{document}-shuffle{_seed_in_names(seed)}.pdf"


def _seed_in_names(seed: str) -> str:
    """The seed as a file name can hold it on every system; a seed with nothing of it
    left, or a long one, by the start of its SHA-256 (or with it, after its first words).
    A seed with capitals gains it too: macOS and Windows ignore case in file names, where
    versions "A" and "a" would be one file. A seed kept as it is reads the same written in
    capitals and folded back ("7", "b"; not "B", nor "ß", which folds to "ss"), so no two
    such names are one there, however the system folds case; and it does not end as a
    digest does, so a seed typed as another's name ("a-559aead0", as "A" is named) gains
    one too."""
    kept = _UNSAFE_IN_NAMES.sub("-", seed).strip("-")
    caseless = seed.upper().casefold() == seed
    plain = kept == seed and caseless and not _ENDS_AS_DIGEST.search(seed)
    if plain and len(seed) <= _LONGEST_SEED_IN_NAMES:
        return seed
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:8]
    short = kept[:_LONGEST_SEED_IN_NAMES].rstrip("-")
    return f"{short}-{digest}" if short else digest


def _label(document: Edition) -> str:
    return _LABELS.get(document, f"the {document} handout")


def _document(
    bank: Bank, document: Edition, name: str, settings: Settings, student: StudentLayout
) -> Output:
    """The PDF ``document``; the student edition's layout gives ``student`` its question
    pages, and the trainer edition prints them (laying the student edition out first
    itself, if it is made alone)."""
    with loading_weasyprint(_WITHOUT_PANGO):
        from exambank.builders.render import render_pdf  # WeasyPrint loads in about 0.35 s

    footer = _footer(bank, document, settings)
    words = english_words_note(bank.manifest.language)  # said under each PDF
    said = (words,) if words else ()
    if document in ("answer-key", "answer-sheet"):
        sheet = key_document_html if document == "answer-key" else answer_sheet_html
        html = sheet(bank, settings)
        data, notes = render_pdf(html, bank.root, settings, footer=footer)
        return Output(name, data, (*notes, *said))
    if document == "trainer" and not student.laid_out:
        html = _handout(bank, "student", settings)
        render_pdf(html, bank.root, settings, student.pages, _footer(bank, "student", settings))
        student.laid_out = True
    shown, filled = (student.pages, None) if document == "trainer" else (None, student.pages)
    html = _handout(bank, document, settings, shown)
    data, notes = render_pdf(html, bank.root, settings, filled, footer)
    student.laid_out |= document == "student"
    return Output(name, data, (*notes, *said))


def _footer(bank: Bank, document: Edition, settings: Settings) -> PageFooter | None:
    """The footer a large-print document makes room for (``page_footer.py``); the
    standard edition's margins hold its small print."""
    return PageFooter.of(bank, document, settings) if settings.large_print else None


def _handout(
    bank: Bank, edition: Edition, settings: Settings, student_pages: dict[int, int] | None = None
) -> str:
    return handout_html(
        bank,
        edition,
        settings,
        with_key=edition == "trainer" or settings.student_key == "end",
        student_pages=student_pages,
    )
