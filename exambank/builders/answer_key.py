"""The answer key at the end of each handout: question numbers and their letters."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape

from exambank.bank import Bank, QuestionRef
from exambank.builders.base import Settings
from exambank.builders.key_columns import KeyColumns, key_digits
from exambank.builders.labels import Labels
from exambank.builders.running_head import RunningHead
from exambank.identifiers import marked_identifiers
from exambank.markdown import typeset

# The key's answers a row (and the answer sheet's items): five, and in large print above
# 18 pt four. The sheet needs four there: its circles grow with their letters, and four of
# a four-option question fill a column of four (7.5 mm at 24 pt). A key of three-digit
# numbers or more keeps four too: beside three digits, two of the letters A to E fit a
# column of four at every size, and one of five up to 18 pt only (key_columns.py; at 19 pt
# on A4 "A, D" runs 0.5 mm past a fifth of the line, and would take two columns).
# A key whose numbers have two digits at most (the seed bank's 55), built without a sheet,
# takes five a row where that takes fewer rows than four: four left each section of five
# questions a second row holding one answer; five, from 22 pt, give two-letter answers two
# columns each (a bank of 92 questions, 30 of them of two letters, took 26 rows of
# five at 24 pt, 3 of them full, where four take 24). A build that makes a sheet keeps its
# key at the sheet's four, row for row with the sheet.
ANSWERS_A_ROW = 5
FEWER_FROM = 19  # the large-print size from which a row holds four
FEWER_A_ROW = 4
SHORT_NUMBERS = 2  # the most digits of a key's numbers that may keep five answers a row


def items_a_row(settings: Settings) -> int:
    """How many items a row of the answer sheet holds, in a build of ``settings``: five,
    four in large print above 18 pt."""
    if settings.large_print and settings.large_print_size >= FEWER_FROM:
        return FEWER_A_ROW
    return ANSWERS_A_ROW


def answers_a_row(settings: Settings, refs: list[QuestionRef]) -> int:
    """How many answers a row of the key of ``refs`` holds, in a build of ``settings``: the
    sheet's items a row, or five where the key's numbers are short (``SHORT_NUMBERS``), the
    build makes no answer sheet, and five take fewer rows than four. With a sheet, the key
    keeps its rows, so a key laid beside a sheet grades it row by row."""
    fewer = items_a_row(settings)
    digits = key_digits(refs)
    if fewer == ANSWERS_A_ROW or digits > SHORT_NUMBERS or settings.answer_sheet:
        return fewer
    five, four = (KeyColumns(settings, per_row, digits) for per_row in (ANSWERS_A_ROW, fewer))
    return ANSWERS_A_ROW if five.rows(refs) < four.rows(refs) else fewer


def headed_answer_key(
    bank: Bank,
    refs: list[QuestionRef],
    settings: Settings,
    labels: Labels,
    grouped: bool,
    head: RunningHead,
    alone: bool = False,
) -> str:
    """The answer key, its heading setting the running head as a section's does; ``alone``:
    printed alone (``key_document.py``), see ``answer_key_html``."""
    key = answer_key_html(bank, refs, settings, labels, grouped, alone)
    return key.replace("<h2", f"<h2{head.attributes(labels.answer_key)}", 1)


def answer_key_html(
    bank: Bank,
    refs: list[QuestionRef],
    settings: Settings,
    labels: Labels,
    grouped: bool,
    alone: bool = False,
) -> str:
    """The key, a run of columns per section under the section's number and title
    (``key_grid``), so a trainer who set one section as a quiz finds its answers together;
    ``settings`` give its shuffle seed and how many answers a row it holds. Printed
    ``alone``, without a cover, it says a large-print edition's size under its heading, as
    a cover does: a key goes with the sheets of its size."""
    lang = labels.lang_attribute
    shuffle_seed = settings.shuffle_seed
    note = (
        labels.key_note_shuffled.format(seed=shuffle_seed)
        if shuffle_seed is not None
        else labels.key_note
    )
    digits = key_digits(refs)
    per_row = answers_a_row(settings, refs)
    item = partial(_item, columns=KeyColumns(settings, per_row, digits))
    grid = key_grid(bank, refs, grouped, item, per_row, digits)
    return (
        f'<section class="answer-key" id="answer-key"><h2{lang}>{escape(labels.answer_key)}</h2>'
        f"{size_mark(settings, labels) if alone else ''}{shuffle_mark(shuffle_seed, labels)}"
        f'<p class="key-note"{lang}>{escape(note)}</p>'
        f"{grid}</section>\n"
    )


def key_grid(
    bank: Bank,
    refs: list[QuestionRef],
    grouped: bool,
    item: Callable[[QuestionRef], str],
    per_row: int = ANSWERS_A_ROW,
    digits: int | None = None,
) -> str:
    """The questions' ``item``s (the key's answers, the answer sheet's letters to mark),
    ``per_row`` a row, a run per section under its number and title: the key and the answer
    sheet share it, so that where they hold as many a row (all but large print above 18 pt
    with numbers of up to two digits), each of their rows holds the same questions. A bank
    whose questions all sit in one section gets one run and no heading. A run is a table of
    one cell under a header row holding the section's heading: WeasyPrint repeats a table's
    header on every page the table continues on, so a loose page still says which section
    its questions belong to (the list inside keeps one item per question). A list of fewer
    than five a row says how many (``key-row-4``), for the CSS to widen its columns, and the
    key's says how many ``digits`` its largest number has (``key-digits-3``), for the CSS to
    make their column as wide in large print (the sheet's numbers stand above its circles)."""
    classes = [f"key-row-{per_row}"] if per_row != ANSWERS_A_ROW else []
    classes += [f"key-digits-{digits}"] if digits is not None else []
    row_class = f' class="{" ".join(classes)}"' if classes else ""
    runs = []
    for number, section in enumerate(bank.sections, start=1):
        items = "".join(item(ref) for ref in refs if ref.section is section)
        if items:
            heading = (
                # a space after the number, which its column hides, so that a screen
                # reader and a copy say "1 What is ...", not "1What is ..."
                f'<h3 class="key-section"><span class="key-section-number">{number} </span>'
                f"{marked_identifiers(typeset(section.title, grouped))}</h3>"
            )
            runs.append((heading, f"<ol{row_class}>{items}</ol>"))
    return "".join(
        run
        if len(runs) == 1
        else f'<table class="key-run"><thead><tr><th scope="col">{heading}</th></tr></thead>'
        f"<tbody><tr><td>{run}</td></tr></tbody></table>"
        for heading, run in runs
    )


def bank_heading(head: RunningHead, footer: str) -> str:
    """The line naming the bank over a key or sheet printed alone, which has no cover: the
    document's first heading (``h1``), so that its "Answer key" or "Answer sheet" (``h2``)
    and the sections (``h3``) are one rank below it, as a handout's are below its title
    (PDF/UA: the first heading is an H1, and none skips a rank). It looks as a line of the
    page does, not as a title (handout.css), and sets the footer (``footer``, its
    ``data-footer``) as a cover's edition does."""
    return (
        f'<h1 class="key-document-bank" data-footer="{escape(footer)}">'
        f"{marked_identifiers(head.book_title)}</h1>\n"
    )


def shuffle_mark(shuffle_seed: str | None, labels: Labels) -> str:
    """A shuffled version's mark, large under the cover's title and the key's heading, so
    that a trainer tells two stacks (and their keys) apart at a glance: "Shuffle 7"."""
    if shuffle_seed is None:
        return ""
    words = labels.footer_shuffle.format(seed=shuffle_seed)
    return (
        f'<p class="shuffle-mark"{labels.lang_attribute}>'
        f"{escape(words[:1].upper() + words[1:])}</p>"
    )


def size_mark(settings: Settings, labels: Labels) -> str:
    """A large-print edition's size, marked as a shuffled version is and before it, under
    the cover's title and the heading of a key or sheet printed alone, which has no cover:
    "Large print 20 pt". A trainer tells a stack of 20 pt from one of 16 or 18 pt, and
    lays a key beside the sheets of its size (four items a row above 18 pt). Every size
    says it, 16 pt too: stacks of 16 and 18 pt look much alike. Not in the footer, which a
    long seed and the trainer's words already wrap onto several lines (page_footer.py)."""
    if not settings.large_print:
        return ""
    words = labels.large_print.format(size=settings.large_print_size)
    return f'<p class="size-mark"{labels.lang_attribute}>{escape(words)}</p>'


def _item(ref: QuestionRef, columns: KeyColumns) -> str:
    """One answer: its question's number and its letters, as many ``columns`` wide as
    they need."""
    return (
        f'<li{columns.width_class(ref)}><span class="key-number">{ref.number}</span>'
        f'<span class="key-letter">{", ".join(ref.question.answer_letters)}</span></li>'
    )
