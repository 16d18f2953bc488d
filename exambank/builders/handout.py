"""The HTML of a printed handout: title page, contents, sections, answer key.

Every text from a source is either escaped (titles, terms) or rendered from Markdown with
raw HTML off, so nothing an author writes becomes markup. ``handout.css`` does the rest.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Literal

from exambank.bank import Bank, QuestionRef
from exambank.markdown import short_html, to_html, typeset
from exambank.model import Section

Edition = Literal["student", "trainer"]
EDITIONS: tuple[Edition, ...] = ("student", "trainer")
EDITION_LABEL: dict[Edition, str] = {
    "student": "Student edition",
    "trainer": "Trainer edition \u2014 with answers, not for students",
}


def handout_html(
    bank: Bank, edition: Edition, build_date: datetime | None, shuffle_seed: str | None
) -> str:
    refs = list(bank.questions())
    sections = [
        _section(number, section, [ref for ref in refs if ref.section is section], edition)
        for number, section in enumerate(bank.sections, start=1)
    ]
    return "".join(
        [
            _head(bank, build_date, len(str(len(refs)))),
            _title_page(bank, edition, build_date, shuffle_seed, len(refs)),
            _contents(bank, refs),
            *sections,
            _answer_key(refs, shuffle_seed),
            "</body>\n</html>\n",
        ]
    )


def _head(bank: Bank, build_date: datetime | None, digits: int) -> str:
    """The document head, and a body whose class says how many digits the question numbers
    run to, so the CSS can widen their column for four or five."""
    dates = ""
    if build_date is not None:
        stamp = build_date.strftime("%Y-%m-%dT%H:%M:%SZ")
        dates = (
            f'<meta name="dcterms.created" content="{stamp}">\n'
            f'<meta name="dcterms.modified" content="{stamp}">\n'
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(bank.manifest.language)}">\n'
        '<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(typeset(bank.manifest.title))}</title>\n"
        f'<meta name="generator" content="exambank">\n{dates}'
        f'</head>\n<body class="numbers-{digits}">\n'
    )


def _title_page(
    bank: Bank,
    edition: Edition,
    build_date: datetime | None,
    shuffle_seed: str | None,
    question_count: int,
) -> str:
    manifest = bank.manifest
    facts = [
        ("Version", manifest.version),
        ("Built", build_date.strftime("%Y-%m-%d") if build_date else None),
        (
            "Contents",
            f"{_count(len(bank.sections), 'section')}, "
            f"{_count(question_count, 'practice question')}",
        ),
        ("Options", f"shuffled with seed {shuffle_seed}" if shuffle_seed is not None else None),
    ]
    rows = "".join(
        f"<div><dt>{label}</dt><dd>{escape(value)}</dd></div>"
        for label, value in facts
        if value is not None
    )
    exam = f'<p class="exam">{escape(typeset(manifest.exam))}</p>' if manifest.exam else ""
    description = (
        f'<div class="description">{to_html(manifest.description)}</div>'
        if manifest.description
        else ""
    )
    return (
        f'<section class="cover {edition}">{exam}'
        f'<h1 class="book-title">{escape(typeset(manifest.title))}</h1>'
        f'<p class="edition" data-footer="{escape(_footer(bank, edition, shuffle_seed))}">'
        f"{EDITION_LABEL[edition]}</p>"
        f'{description}<dl class="facts">{rows}</dl></section>\n'
    )


def _footer(bank: Bank, edition: Edition, shuffle_seed: str | None) -> str:
    """What the foot of every page says besides its number, so a loose page can be told
    apart: the edition, the bank's version and the seed its options were shuffled with."""
    parts = [EDITION_LABEL[edition]]
    version = bank.manifest.version
    if version:
        parts.append(version if version[:1].isalpha() else f"v{version}")
    if shuffle_seed is not None:
        parts.append(f"shuffle {shuffle_seed}")
    return " \u00b7 ".join(parts)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _contents(bank: Bank, refs: list[QuestionRef]) -> str:
    items = []
    for number, section in enumerate(bank.sections, start=1):
        span = _span([ref.number for ref in refs if ref.section is section])
        items.append(
            f'<li><a href="#section-{section.id}"><span class="toc-number">{number}</span>'
            f'{escape(typeset(section.title))} <span class="toc-span">{span}</span></a></li>'
        )
    items.append('<li class="toc-key"><a href="#answer-key">Answer key</a></li>')
    return f'<nav class="contents"><h2>Contents</h2><ol>{"".join(items)}</ol></nav>\n'


def _span(numbers: list[int]) -> str:
    """The questions a section holds, as its line in the contents gives them."""
    if not numbers:
        return "no questions"
    if len(numbers) == 1:
        return f"question {numbers[0]}"
    return f"questions {numbers[0]}\u2013{numbers[-1]}"


def _section(number: int, section: Section, refs: list[QuestionRef], edition: Edition) -> str:
    parts = [
        f'<section class="section" id="section-{section.id}">'
        f'<p class="section-number">Section {number}</p>'
        f"<h2>{escape(typeset(section.title))}</h2>"
    ]
    if section.summary:
        parts.append(f'<div class="summary">{to_html(section.summary)}</div>')
    if section.notes:
        parts.append(f'<div class="notes">{to_html(section.notes)}</div>')
    if section.key_terms:
        terms = "".join(
            f"<dt>{escape(typeset(term.term))}</dt><dd>{short_html(term.definition)}</dd>"
            for term in section.key_terms
        )
        parts.append(f'<h3>Key terms</h3><dl class="key-terms">{terms}</dl>')
    if section.exam_tips:
        tips = "".join(f"<li>{short_html(tip)}</li>" for tip in section.exam_tips)
        parts.append(f'<aside class="exam-tips"><h3>Exam tips</h3><ul>{tips}</ul></aside>')
    if refs:
        parts.append('<h3 class="practice">Practice questions</h3>')
        parts.extend(_question(ref, edition) for ref in refs)
    parts.append("</section>\n")
    return "".join(parts)


def _question(ref: QuestionRef, edition: Edition) -> str:
    question = ref.question
    answer = question.answer_letters
    options = []
    for letter in question.options:
        text = short_html(question.option_text(letter))
        classes = ["option"]
        if edition == "trainer" and letter in answer:
            classes.append("correct")
        if text.startswith("<pre"):
            classes.append("code-first")  # its letter moves down to the code's first line
        feedback = question.option_feedback(letter) if edition == "trainer" else None
        feedback_html = f'<div class="feedback">{short_html(feedback)}</div>' if feedback else ""
        options.append(
            f'<li class="{" ".join(classes)}">'
            f'<span class="letter-cell"><span class="letter">{letter}</span></span>'
            f'<div class="option-text">{text}{feedback_html}</div></li>'
        )
    instruction = (
        f'<p class="instruction">Choose {len(answer)} answers.</p>'
        if question.type == "multiple"
        else ""
    )
    solution = ""
    if edition == "trainer":
        solution = (
            f'<div class="solution"><p class="answer-line">Answer: {", ".join(answer)}</p>'
            f'<div class="explanation">{short_html(question.explanation)}</div></div>'
        )
    return (
        f'<article class="question" id="q-{ref.number}">'
        f'<span class="question-number">{ref.number}</span><div class="question-body">'
        f'<div class="stem">{short_html(question.stem)}</div>{instruction}'
        f'<ol class="options">{"".join(options)}</ol>{solution}</div></article>'
    )


def _answer_key(refs: list[QuestionRef], shuffle_seed: str | None) -> str:
    items = "".join(
        f'<li><span class="key-number">{ref.number}</span>'
        f'<span class="key-letter">{", ".join(ref.question.answer_letters)}</span></li>'
        for ref in refs
    )
    note = (
        f" (options shuffled with seed {escape(shuffle_seed)})" if shuffle_seed is not None else ""
    )
    return (
        f'<section class="answer-key" id="answer-key"><h2>Answer key</h2>'
        f'<p class="key-note">Question number and correct option{note}.</p>'
        f"<ol>{items}</ol></section>\n"
    )
