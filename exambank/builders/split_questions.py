"""What the build says of each question that prints across pages, and why it does.

CSS keeps a question on one page; ``question_fit.py`` lets one break after its images (large
print) or below the heading kept with it, and a question longer than a page breaks all the
same. The author reads the note under the file's line and decides what to shorten. In large
print a page holds half the standard page's words (16 pt) to a quarter (24 pt), and a question
with its explanation often fills more than one: no wording an author would choose keeps it
whole, so those questions get one note, saying so, with no advice to shorten them. One that
would fit a page of its own, and breaks only as the heading kept with it ("Practice
questions", a section's title) leaves it too little room, is not among them: shortened, it
prints on one page with the heading, and a note of their own says so.
"""

from __future__ import annotations

from collections.abc import Iterable

from weasyprint.document import Document

from exambank.builders.base import Settings
from exambank.builders.question_fit import BELOW_HEADING, broken
from exambank.builders.student_pages import pages_of_questions


def split_questions(document: Document, caps: dict[str, float], settings: Settings) -> list[str]:
    """A note for each question that prints across pages: CSS keeps a question whole
    unless it is longer than a page, or ``caps`` broke it after its images or below the
    heading kept with it. A box with an id puts an anchor on every page it is on, so a
    question (``q-N``) split in two has two. In large print (``settings``), the questions
    longer than a page share one note, and those that fit a page but not with their
    heading another."""
    printed = pages_of_questions(document)
    split = [
        (anchor[2:], f"{on[0] + 1}-{on[-1] + 1}", caps.get(anchor, 0.0))
        for anchor, on in printed.items()
        if len(on) > 1
    ]
    if not settings.large_print:
        return [_split_note(number, pages, cap) for number, pages, cap in split]
    size = settings.large_print_size
    notes = [_split_note(number, pages, cap) for number, pages, cap in split if broken(cap)]
    too_long = [(int(number), pages) for number, pages, cap in split if _too_long(cap)]
    if too_long:
        notes.append(_large_print_note(too_long, len(printed), size))
    headed = [(int(number), pages) for number, pages, cap in split if cap == BELOW_HEADING]
    if headed:
        notes.append(_below_heading_note(headed, len(printed), size))
    return notes


def _too_long(cap: float) -> bool:
    """Whether a large-print question with ``cap`` that prints across pages is longer than a
    page: neither broken after its images, nor one that would fit a page but for its heading."""
    return not broken(cap) and cap != BELOW_HEADING


def _split_note(number: str, pages: str, cap: float) -> str:
    if broken(cap):
        return (
            f"question {number} prints across pages {pages}, broken after its images: on one "
            "page they would print smaller than in the standard edition"
        )
    if cap == BELOW_HEADING:  # it fits a page of its own, which would hold the heading alone
        return (
            f"question {number} prints across pages {pages}, below its heading: the two "
            "together are longer than a page (shorten it to fit on one page with the heading)"
        )
    return (
        f"question {number} is longer than a page and prints across pages {pages} "
        "(shorten it to fit on one page)"
    )


def _large_print_note(questions: list[tuple[int, str]], printed: int, size: int) -> str:
    """One note for the ``questions`` (number, pages) of the ``printed`` that large print at
    ``size`` pt runs over a page: "3 questions (1-2, 5) print across pages ...", or "all 55
    questions ..."."""
    return _shared_note(
        questions,
        printed,
        f"longer at {size} pt than a page; the page it runs over from says it continues "
        "(large print needs the room: nothing to change)",
        f"longer at {size} pt than a page; each page they run over from says they continue "
        "(large print needs the room: nothing to change)",
    )


def _below_heading_note(questions: list[tuple[int, str]], printed: int, size: int) -> str:
    """One note for the ``questions`` (number, pages) of the ``printed`` that fit a page at
    ``size`` pt but not with the heading kept with them, so start below it and break."""
    return _shared_note(
        questions,
        printed,
        f"below its heading: at {size} pt it fits a page, but not with the heading (shorten "
        "it to fit on one page with the heading)",
        f"below their heading: at {size} pt each fits a page, but not with the heading "
        "(shorten them to fit on one page with the heading)",
    )


def _shared_note(questions: list[tuple[int, str]], printed: int, one: str, many: str) -> str:
    """ "question 7 prints across pages 12-13, ``one``" for a single question, else
    "3 questions (1-2, 5) print across pages, ``many``"."""
    if len(questions) == 1:
        [(number, pages)] = questions
        return f"question {number} prints across pages {pages}, {one}"
    return f"{_which(questions, printed)} print across pages, {many}"


def _which(questions: list[tuple[int, str]], printed: int) -> str:
    """ "all 55 questions" if ``questions`` are all the ``printed``, else "3 questions (1-2, 5)"."""
    if len(questions) == printed:
        return f"all {printed} questions"
    return f"{len(questions)} questions ({_runs(number for number, _ in questions)})"


def _runs(numbers: Iterable[int]) -> str:
    """``numbers``, in order, with each run of consecutive ones written "4-7"."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    written = [str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs]
    return ", ".join(written)
