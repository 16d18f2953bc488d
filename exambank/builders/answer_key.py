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
    questions all sit in one section gets one run and no heading."""
    lang = labels.lang_attribute
    runs = []
    for number, section in enumerate(bank.sections, start=1):
        items = "".join(
            f'<li><span class="key-number">{ref.number}</span>'
            f'<span class="key-letter">{", ".join(ref.question.answer_letters)}</span></li>'
            for ref in refs
            if ref.section is section
        )
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
    body = "".join(run if len(runs) == 1 else heading + run for heading, run in runs)
    return (
        f'<section class="answer-key" id="answer-key"><h2{lang}>{escape(labels.answer_key)}</h2>'
        f'<p class="key-note"{lang}>{escape(note)}</p>{body}</section>\n'
    )
