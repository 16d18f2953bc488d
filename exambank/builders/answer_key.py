"""The answer key at the end of each handout: question numbers and their letters."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from exambank.bank import Bank, QuestionRef
from exambank.builders.base import Settings
from exambank.builders.labels import Labels
from exambank.builders.running_head import RunningHead
from exambank.identifiers import marked_identifiers
from exambank.markdown import typeset

# The key's answers a row (and the answer sheet's items): five, and in large print four
# where five no longer hold the widest answer beside its number. Measured in WeasyPrint's
# boxes with four-digit numbers and the widest letters of the key's font (DejaVu Sans
# Condensed Bold: W, M, Q, O), one letter a column, two or three in two, four to seven in
# three: five a row hold them up to 18 pt on A4 (a W with 1.1 mm to spare; at 19 pt it falls
# below its number, at 20 pt M, Q, O, N, H, D and G too) and 19 pt on Letter (0.8 mm), four
# up to 24 pt on both (0.6 mm on A4), and the sheet's four circles of a four-option question
# on one line. One cut-off for both papers: a size's grid is the same on each.
# A key whose numbers have two digits at most (the seed bank's 55) keeps five a row at every
# size, its numbers' column two digits wide (large-print.css: key-short-numbers), where four
# left a section of five questions a second row holding one answer: at 24 pt a W leaves
# 3.9 mm of its column on A4 (5.1 on Letter), seven letters 2.9 mm of their three. Beside
# three digits a W falls below its number at 24 pt on A4 (0.16 mm short). The answer sheet
# keeps four a row above 18 pt: four circles that grow with their letters fill its column;
# a build that makes a sheet keeps its key at four too, row for row with the sheet.
ANSWERS_A_ROW = 5
FEWER_FROM = 19  # the large-print size from which a row holds four
FEWER_A_ROW = 4
SHORT_NUMBERS = 2  # the most digits of a key's numbers that keep five answers a row


def items_a_row(settings: Settings) -> int:
    """How many items a row of the answer sheet holds, in a build of ``settings``: five,
    four in large print above 18 pt."""
    if settings.large_print and settings.large_print_size >= FEWER_FROM:
        return FEWER_A_ROW
    return ANSWERS_A_ROW


def answers_a_row(settings: Settings, digits: int) -> int:
    """How many answers a row of the key holds, in a build of ``settings`` whose numbers
    run to ``digits`` digits: the sheet's items a row, or five where the numbers are
    short (``SHORT_NUMBERS``) and the build makes no answer sheet. With a sheet, the key
    keeps its rows, so a key laid beside a sheet grades it row by row."""
    if digits <= SHORT_NUMBERS and not settings.answer_sheet:
        return ANSWERS_A_ROW
    return items_a_row(settings)


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
    digits = len(str(max((ref.number for ref in refs), default=0)))
    per_row = answers_a_row(settings, digits)
    # Five a row where the sheet holds fewer: its numbers' column as wide as they are
    short = per_row > items_a_row(settings)
    grid = key_grid(bank, refs, grouped, _item, per_row, short_numbers=short)
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
    short_numbers: bool = False,
) -> str:
    """The questions' ``item``s (the key's answers, the answer sheet's letters to mark),
    ``per_row`` a row, a run per section under its number and title: the key and the answer
    sheet share it, so that where they hold as many a row (all but large print above 18 pt
    with numbers of up to two digits), each of their rows holds the same questions. A bank
    whose questions all sit in one section gets one run and no heading. A run is a table of
    one cell under a header row holding the section's heading: WeasyPrint repeats a table's
    header on every page the table continues on, so a loose page still says which section
    its questions belong to (the list inside keeps one item per question). A list of fewer
    than five a row says how many (``key-row-4``), for the CSS to widen its columns, and one
    of ``short_numbers`` says so (``key-short-numbers``), for the CSS to narrow their column."""
    classes = [f"key-row-{per_row}"] if per_row != ANSWERS_A_ROW else []
    classes += ["key-short-numbers"] if short_numbers else []
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


# An answer of more than one letter is marked by how many it has ("key-wide": four or more).
_WIDTH_CLASS = {2: ' class="key-two"', 3: ' class="key-three"'}


def width_class(ref: QuestionRef) -> str:
    """The class attribute of a question's item in the key's grid, by how many letters
    its answer has: the CSS sets it two columns wide where its letters would not fit one
    (from four letters, and from two in large print), and three in large print from four,
    instead of wrapping them ("A, B, C, / D, E"). The answer sheet's item takes the same
    width, so that its rows stay those of the key."""
    letters = ref.question.answer_letters
    return ' class="key-wide"' if len(letters) > 3 else _WIDTH_CLASS.get(len(letters), "")


def _item(ref: QuestionRef) -> str:
    """One answer: its question's number and its letters."""
    return (
        f'<li{width_class(ref)}><span class="key-number">{ref.number}</span>'
        f'<span class="key-letter">{", ".join(ref.question.answer_letters)}</span></li>'
    )
