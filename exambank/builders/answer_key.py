"""The answer key at the end of each handout: question numbers and their letters."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from exambank.bank import Bank, QuestionRef
from exambank.builders.labels import Labels
from exambank.builders.running_head import RunningHead
from exambank.markdown import typeset


def headed_answer_key(
    bank: Bank,
    refs: list[QuestionRef],
    shuffle_seed: str | None,
    labels: Labels,
    grouped: bool,
    head: RunningHead,
) -> str:
    """The answer key, its heading setting the running head as a section's does."""
    key = answer_key_html(bank, refs, shuffle_seed, labels, grouped)
    return key.replace("<h2", f"<h2{head.attributes(labels.answer_key)}", 1)


def answer_key_html(
    bank: Bank, refs: list[QuestionRef], shuffle_seed: str | None, labels: Labels, grouped: bool
) -> str:
    """The key, a run of columns per section under the section's number and title
    (``key_grid``), so a trainer who set one section as a quiz finds its answers together."""
    lang = labels.lang_attribute
    note = (
        labels.key_note_shuffled.format(seed=shuffle_seed)
        if shuffle_seed is not None
        else labels.key_note
    )
    return (
        f'<section class="answer-key" id="answer-key"><h2{lang}>{escape(labels.answer_key)}</h2>'
        f'{shuffle_mark(shuffle_seed, labels)}<p class="key-note"{lang}>{escape(note)}</p>'
        f"{key_grid(bank, refs, grouped, _item)}</section>\n"
    )


def key_grid(
    bank: Bank, refs: list[QuestionRef], grouped: bool, item: Callable[[QuestionRef], str]
) -> str:
    """The questions' ``item``s (the key's answers, the answer sheet's letters to mark),
    five a row, a run per section under its number and title: the key and the answer sheet
    share it, so that each of their rows holds the same questions. A bank whose questions
    all sit in one section gets one run and no heading. A run is a table of one cell under
    a header row holding the section's heading: WeasyPrint repeats a table's header on
    every page the table continues on, so a loose page still says which section its
    questions belong to (the list inside keeps one item per question)."""
    runs = []
    for number, section in enumerate(bank.sections, start=1):
        items = "".join(item(ref) for ref in refs if ref.section is section)
        if items:
            heading = (
                f'<h3 class="key-section"><span class="key-section-number">{number}</span>'
                f"{escape(typeset(section.title, grouped))}</h3>"
            )
            runs.append((heading, f"<ol>{items}</ol>"))
    return "".join(
        run
        if len(runs) == 1
        else f'<table class="key-run"><thead><tr><th scope="col">{heading}</th></tr></thead>'
        f"<tbody><tr><td>{run}</td></tr></tbody></table>"
        for heading, run in runs
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
