"""What a builder is: a name and one method that turns a validated bank into files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Literal

from exambank.bank import Bank
from exambank.config import LARGE_PRINT_SIZE
from exambank.config import STUDENT_KEYS as STUDENT_KEYS
from exambank.config import Paper as Paper  # re-exported: the settings hold one
from exambank.config import Sections as Sections
from exambank.config import StudentKey as StudentKey

# The form of the CSV's texts (stem, options, feedback, explanation): as written, or as
# plain text, the JSON's ``_text`` (for an importer that shows Markdown literally).
CsvText = Literal["markdown", "plain"]

# The width of the pages' text, the paper less the margins handout.css gives (22 and 20 mm),
# in mm: what images, tables and the large-print footer are measured against
TEXT_WIDTH_MM: dict[str, float] = {"a4": 210 - 42, "letter": 215.9 - 42}


@dataclass(frozen=True)
class Settings:
    """Choices that shape the output; none of them comes from the clock."""

    paper: Paper = "a4"
    build_date: datetime | None = None  # from the sources, for the title page and metadata
    shuffle_seed: str | None = None  # printed formats get their options in this seed's order
    large_print: bool = False  # handouts in large sans serif, for low vision and dyslexia
    large_print_size: int = LARGE_PRINT_SIZE  # its body's size, in points
    csv_text: CsvText = "markdown"  # the CSV's texts as written, or as plain text
    # Whether the CSV's cells get the formula guard's "'": off for an importer, which would
    # keep the "'" as part of the text, not for a file someone may open in a spreadsheet.
    csv_guard: bool = True
    student_key: StudentKey = "end"
    # A sheet the class marks its answers on, in the key's grid (``answer_sheet.py``)
    answer_sheet: bool = False
    # Each section on a new page, or running on after the one before (less paper)
    sections: Sections = "new-page"


@dataclass(frozen=True)
class Output:
    """One file a builder made: its name inside ``dist/<bank-id>/`` and its bytes.
    ``notes`` are things the user should know about it (a font that is missing)."""

    name: str
    data: bytes
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    """A file that takes long to make (a PDF edition: minutes on a big bank), named before
    it is made. The build checks every name first, writes the quick files, then makes and
    writes each step in turn, so it shows progress and holds one such file at a time.
    ``label`` says what it is in the progress line; ``make`` returns the file ``name``."""

    name: str
    label: str
    make: Callable[[], Output]


class Builder:
    """Base of every output format. Builders receive a bank that lint passed and never
    check it again; they return bytes, and the build writes them (atomically)."""

    name: ClassVar[str]
    description: ClassVar[str]
    # Whether the format takes the options in the order ``--shuffle`` gives them, as the
    # printed handouts do; data exports keep the source order, so they stay the reference.
    shuffles_options: ClassVar[bool] = False
    # Whether its files print the build date (and so need a note when there is none).
    prints_date: ClassVar[bool] = False
    # The fields of ``Settings`` its files depend on (the build date aside): an option that
    # sets one is refused where no format built reads it.
    settings: ClassVar[tuple[str, ...]] = ()

    def build(self, bank: Bank, settings: Settings) -> list[Output]:
        raise NotImplementedError

    def steps(self, bank: Bank, settings: Settings) -> list[Step]:
        """The files ``build`` makes, as steps the build takes one at a time after it has
        written the quick files. None by default: ``build`` is quick and runs first."""
        return []

    def file_names(self, bank_id: str) -> tuple[str, ...]:
        """The files the format makes for a bank, whatever is in it (what else ``build``
        returns, such as the images the JSON ships, goes by its path in the bank)."""
        raise NotImplementedError

    def stale_names(self, bank_id: str, settings: Settings) -> list[tuple[str, str]]:
        """The files of its own that an earlier build of this version may have left and
        this one does not make, each with why (the build removes them, if they are its
        own: ``stale_outputs.py``). None by default: a format makes the same files."""
        return []
