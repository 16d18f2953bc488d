"""The answer sheet (``build --answer-sheet``): a page the class marks its answers on, set
in the answer key's grid, so that a trainer lays the key beside a sheet and grades it row
by row.

It carries a line for a name and a date, the version it belongs to (a shuffled version's
"Shuffle 7" mark, as the key has, and the footer's edition, version and seed), in large
print its size ("Large print 20 pt", as the key printed alone has it), and for each
question its number and its option letters in circles to fill in: as many as that
question has, "choose 2" under a multiple-answer question's, a true/false question's
values beside its letters. The questions are grouped under the key's section headings,
five a row, four in large print above 18 pt (``items_a_row``), each item as wide as the
key's answer of that question (``key_grid`` and ``key_columns.py``, shared with the key): row
for row, the sheet and the key hold the same questions, but in large print above 18 pt
where the key's numbers are short enough to keep five answers a row (``answers_a_row``).
Shuffling moves options, never questions, and keeps each question's count of options: the
sheet of every version holds the same questions and letters; it is built from the
shuffled bank all the same, and marked as its version."""

from __future__ import annotations

from functools import partial
from html import escape

from exambank.bank import Bank, QuestionRef
from exambank.builders.answer_key import (
    bank_heading,
    items_a_row,
    key_grid,
    shuffle_mark,
    size_mark,
)
from exambank.builders.base import Settings
from exambank.builders.editions import footer_text
from exambank.builders.handout import document_head
from exambank.builders.key_columns import KeyColumns, key_digits
from exambank.builders.labels import Labels, labels_for
from exambank.builders.running_head import RunningHead
from exambank.builders.sheet_words import SheetWords, name_line, sheet_words_for
from exambank.markdown import typeset
from exambank.rules.answer_requests import hides_count
from exambank.rules.numbers import reading
from exambank.rules.true_false import is_true_false


def answer_sheet_html(bank: Bank, settings: Settings) -> str:
    """The sheet, under a line naming the bank, with the handouts' running header and
    footer, as the key printed alone has them (``key_document.py``)."""
    labels = labels_for(bank.manifest.language)
    words = sheet_words_for(labels)
    lang = labels.lang_attribute
    grouped = reading(bank.manifest.language).space_groups
    refs = list(bank.questions())
    head = RunningHead.of(typeset(bank.manifest.title, grouped), settings)
    build_date, shuffle_seed = settings.build_date, settings.shuffle_seed
    document_start = document_head(
        bank, "answer-sheet", build_date, len(str(len(refs))), labels, grouped
    )
    # The sheet's own look in large print is set by handout.css, by this class
    classes = "key-document answer-sheet-document" + (
        " large-print" if settings.large_print else ""
    )
    footer = footer_text(bank, "answer-sheet", settings, labels)
    per_row = items_a_row(settings)
    columns = KeyColumns(settings, per_row, key_digits(refs))  # the key's columns
    item = partial(_item, words=words, labels=labels, columns=columns)
    grid = key_grid(bank, refs, grouped, item, per_row)
    return "".join(
        [
            document_start.replace('<body class="', f'<body class="{classes} ', 1),
            bank_heading(head, footer),
            # The name line beside the heading: the grid starts where the key's does
            '<section class="answer-key answer-sheet"><div class="sheet-head">'
            f"<h2{head.attributes(words.answer_sheet)}{lang}>{escape(words.answer_sheet)}</h2>"
            f"{name_line(labels, with_date=True)}</div>",
            size_mark(settings, labels),
            shuffle_mark(shuffle_seed, labels),
            f'<p class="key-note"{lang}>{escape(words.note)}</p>{grid}</section>\n',
            "</body>\n</html>\n",
        ]
    )


def _item(ref: QuestionRef, words: SheetWords, labels: Labels, columns: KeyColumns) -> str:
    """One question: its number, then a circle for each of its option letters, in the
    ``columns`` its answer takes in the key."""
    question = ref.question
    letters = list(question.options)
    texts = [question.option_text(letter) for letter in letters]
    # A true/false question's values, as its options print them, beside their letters
    values = [f'<span class="sheet-value">{escape(text.strip())}</span>' for text in texts]
    if not is_true_false(texts):
        values = ["" for _ in letters]
    marks = " ".join(  # a space between: where a column is too narrow, they wrap
        f'<span class="sheet-option"><span class="sheet-mark">{letter}</span>{value}</span>'
        for letter, value in zip(letters, values, strict=True)
    )
    return (
        f'<li{columns.width_class(ref)}><span class="key-number">{ref.number}</span>'
        f'<span class="sheet-marks">{marks}</span>{_choose(ref, words, labels)}</li>'
    )


def _choose(ref: QuestionRef, words: SheetWords, labels: Labels) -> str:
    """Under a multiple-answer question's letters, how many to mark: "choose 2"; where its
    stem leaves the count open ("Select all that apply"), "all that apply"."""
    question = ref.question
    if question.type != "multiple":
        return ""
    count = len(question.answer_letters)
    said = words.choose_all if hides_count(question.stem) else words.choose.format(count=count)
    return f'<span class="sheet-choose"{labels.lang_attribute}>{escape(said)}</span>'
