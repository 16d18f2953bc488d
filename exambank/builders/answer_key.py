"""The answer key at the end of each handout: question numbers and their letters."""

from __future__ import annotations

from html import escape

from exambank.bank import Bank, QuestionRef
from exambank.builders.labels import Labels
from exambank.markdown import typeset


def answer_key_html(
    bank: Bank, refs: list[QuestionRef], shuffle_seed: str | None, labels: Labels, grouped: bool
) -> str:
    """The key, a run of columns per section under the section's number and title, so a
    trainer who set one section as a quiz finds its answers together. A bank whose
    questions all sit in one section gets one run and no heading. A run is a table of one
    cell under a header row holding the section's heading: WeasyPrint repeats a table's
    header on every page the table continues on, so a loose page of the key still says
    which section its answers belong to (the list inside keeps one item per answer)."""
    lang = labels.lang_attribute
    runs = []
    for number, section in enumerate(bank.sections, start=1):
        items = "".join(_item(ref) for ref in refs if ref.section is section)
        if items:
            heading = (
                f'<h3 class="key-section"><span class="key-section-number">{number}</span>'
                f"{escape(typeset(section.title, grouped))}</h3>"
            )
            runs.append((heading, f"<ol>{items}</ol>"))
    note = (
        labels.key_note_shuffled.format(seed=shuffle_seed)
        if shuffle_seed is not None
        else labels.key_note
    )
    body = "".join(
        run
        if len(runs) == 1
        else f'<table class="key-run"><thead><tr><th scope="col">{heading}</th></tr></thead>'
        f"<tbody><tr><td>{run}</td></tr></tbody></table>"
        for heading, run in runs
    )
    return (
        f'<section class="answer-key" id="answer-key"><h2{lang}>{escape(labels.answer_key)}</h2>'
        f'{shuffle_mark(shuffle_seed, labels)}<p class="key-note"{lang}>{escape(note)}</p>'
        f"{body}</section>\n"
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


def _item(ref: QuestionRef) -> str:
    """One answer. One of two letters or more is marked by how many it has: the CSS sets it
    two columns wide where its letters would not fit one (from four letters, and from two
    in large print), and three in large print from four, instead of wrapping them ("A, B,
    C, / D, E")."""
    letters = ref.question.answer_letters
    wide = ' class="key-wide"' if len(letters) > 3 else _WIDTH_CLASS.get(len(letters), "")
    return (
        f'<li{wide}><span class="key-number">{ref.number}</span>'
        f'<span class="key-letter">{", ".join(letters)}</span></li>'
    )
