"""A handout's sections: each one's reading, then its questions, with their answers and
explanations in the trainer edition.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from exambank.bank import QuestionRef
from exambank.builders.answer_instruction import answer_instruction
from exambank.builders.editions import Edition
from exambank.builders.labels import Labels
from exambank.builders.running_head import RunningHead
from exambank.identifiers import marked_identifiers
from exambank.markdown import short_html, to_html, typeset
from exambank.model import Section


def section_html(
    number: int,
    section: Section,
    refs: list[QuestionRef],
    edition: Edition,
    labels: Labels,
    grouped: bool,
    head: RunningHead,
    student_pages: Mapping[int, int],
) -> str:
    lang = labels.lang_attribute
    title = typeset(section.title, grouped)
    parts = [
        # the section, on each page it is on, sets the running head: see handout.css, @page
        f'<section class="section" id="section-{section.id}"{head.attributes(title)}>'
        f'<p class="section-number"{lang}>{escape(labels.section.format(number=number))}</p>'
        f"<h2{head.attributes(title)}>{marked_identifiers(title)}</h2>"
    ]
    if section.summary:
        parts.append(f'<div class="summary">{to_html(section.summary, space_groups=grouped)}</div>')
    if section.notes:
        parts.append(f'<div class="notes">{to_html(section.notes, space_groups=grouped)}</div>')
    if section.key_terms:
        # A list of terms, each an item holding its definition: WeasyPrint tags a <dl>'s
        # terms and definitions as items of one list, each on its own
        terms = "".join(
            f'<li><p class="term">{escape(typeset(term.term, grouped))}</p>'
            f'<div class="definition">{short_html(term.definition, grouped)}</div></li>'
            for term in section.key_terms
        )
        parts.append(f'<h3{lang}>{escape(labels.key_terms)}</h3><ul class="key-terms">{terms}</ul>')
    if section.exam_tips:
        tips = "".join(f"<li>{short_html(tip, grouped)}</li>" for tip in section.exam_tips)
        parts.append(
            f'<aside class="exam-tips"><h3{lang}>{escape(labels.exam_tips)}</h3>'
            f"<ul>{tips}</ul></aside>"
        )
    if refs:
        if len(parts) > 1:  # reading before the questions: a rule sets them off (handout.css)
            parts.append('<hr class="practice-rule">')
        parts.append(f'<h3 class="practice"{lang}>{escape(labels.practice_questions)}</h3>')
        parts.extend(
            _question(ref, edition, labels, grouped, student_pages.get(ref.number)) for ref in refs
        )
    parts.append("</section>\n")
    return "".join(parts)


def _question(
    ref: QuestionRef, edition: Edition, labels: Labels, grouped: bool, student_page: int | None
) -> str:
    question = ref.question
    answer = question.answer_letters
    options = []
    for letter in question.options:
        text = short_html(question.option_text(letter), grouped)
        classes = ["option"]
        if edition == "trainer" and letter in answer:
            classes.append("correct")
        if text.startswith("<pre"):
            classes.append("code-first")  # its letter moves down to the code's first line
        feedback = question.option_feedback(letter) if edition == "trainer" else None
        feedback_html = (
            f'<div class="feedback">{short_html(feedback, grouped)}</div>' if feedback else ""
        )
        options.append(
            f'<li class="{" ".join(classes)}">'
            f'<span class="letter-cell"><span class="letter">{letter}</span></span>'
            f'<div class="option-text">{text}{feedback_html}</div></li>'
        )
    lang = labels.lang_attribute
    instruction_text = answer_instruction(question, labels)
    instruction = (
        f'<p class="instruction"{lang}>{escape(instruction_text)}</p>' if instruction_text else ""
    )
    solution = ""
    if edition == "trainer":
        line = labels.answers if len(answer) > 1 else labels.answer
        answer_line = line.format(letters=", ".join(answer))
        # The id, as lint, stats and the sources name the question: a trainer's "question
        # 1573 has a wrong key" then leads the bank's maintainer to its file.
        # and the page the class has it on (student_pages.py)
        words = labels.student_page.format(page=student_page)
        page = f'<span class="student-page"{lang}>{escape(words)}</span>' if student_page else ""
        solution = (
            f'<div class="solution"><p class="answer-line"><span{lang}>{escape(answer_line)}'
            f'</span><span class="question-id">{escape(question.id)}</span>{page}</p>'
            f'<div class="explanation">{short_html(question.explanation, grouped)}</div></div>'
        )
    return (
        f'<article class="question" id="q-{ref.number}">{_question_number(ref.number, labels)}'
        '<div class="question-body">'
        f'<div class="stem">{short_html(question.stem, grouped)}</div>{instruction}'
        f'<ol class="options">{"".join(options)}</ol>{solution}</div>'
        # Where the question ends, for the foot of a page it breaks on (handout.css)
        '<div class="question-end"></div></article>'
    )


def _question_number(number: int, labels: Labels) -> str:
    """The number a question is printed under, a heading one rank below "Practice
    questions", so a screen reader can list and jump to it, and its bookmark nests under
    that heading's. Both name it as the labels do ("Question 37"): the page shows the
    number alone, and the tagged PDF gives the heading the bookmark's words as its
    description (``question_headings.py``), as a list of headings that read "1, 2, 3"
    said nothing of what they head. Where the labels stand in for the bank's language the
    heading is marked English (``lang``), as its description is; its number reads alike."""
    template = labels.one_question[:1].upper() + labels.one_question[1:]
    bookmark = escape(template.format(number=number))
    return (
        f'<h4 class="question-number"{labels.lang_attribute} data-bookmark="{bookmark}">'
        f"{number}</h4>"
    )
