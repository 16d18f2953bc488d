"""The HTML of a printed handout: title page, contents, sections, answer key.

Every text from a source is either escaped (titles, terms) or rendered from Markdown with
raw HTML off, so nothing an author writes becomes markup. ``handout.css`` does the rest.
The fixed words come from ``labels.py`` in the bank's language; when they stand in for one
it has no labels for, each element holding them says it is English (``lang="en"``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from html import escape
from typing import Literal

from exambank.bank import Bank, QuestionRef
from exambank.builders.answer_instruction import answer_instruction
from exambank.builders.answer_key import headed_answer_key, shuffle_mark, size_mark
from exambank.builders.base import Settings
from exambank.builders.code_lines import code_lines
from exambank.builders.handout_metadata import metadata_html
from exambank.builders.labels import Labels, labels_for
from exambank.builders.running_head import RunningHead
from exambank.builders.sheet_words import name_line, sheet_words_for
from exambank.identifiers import marked_identifiers
from exambank.markdown import short_html, to_html, typeset
from exambank.model import Section
from exambank.rules.numbers import reading

# The two handouts, the answer key printed alone (``build --student-key separate``) and
# the sheet a class marks its answers on (``build --answer-sheet``)
Edition = Literal["student", "trainer", "answer-key", "answer-sheet"]
EDITIONS: tuple[Edition, ...] = ("student", "trainer")


def handout_html(
    bank: Bank,
    edition: Edition,
    settings: Settings,
    with_key: bool = True,
    student_pages: Mapping[int, int] | None = None,
) -> str:
    """The handout, ending with the answer key unless ``with_key`` is False (a student
    edition for a quiz in class: neither the key nor its line in the contents). A trainer
    edition's answer lines name the page of the student edition each question is on, as
    ``student_pages`` (question number: page) gives it. ``settings``: the build's date,
    shuffle seed, paper and large print."""
    labels = labels_for(bank.manifest.language)
    # "1 000 €" is one number where the numeric rules read it as one: see ``typeset``
    grouped = reading(bank.manifest.language).space_groups
    refs = list(bank.questions())
    head = RunningHead.of(typeset(bank.manifest.title, grouped), settings)
    sections = [
        _section(
            number,
            section,
            [ref for ref in refs if ref.section is section],
            edition,
            labels,
            grouped,
            head,
            student_pages or {},
        )
        for number, section in enumerate(bank.sections, start=1)
    ]
    key = headed_answer_key(bank, refs, settings, labels, grouped, head)
    document = "".join(
        [
            document_head(bank, edition, settings.build_date, len(str(len(refs))), labels, grouped),
            _title_page(bank, edition, settings, len(refs), labels, grouped, head),
            _contents(bank, refs, labels, grouped, with_key),
            *sections,
            key if with_key else "",
            "</body>\n</html>\n",
        ]
    )
    # A code line too long for the page shows where it continues (code_lines.py)
    return code_lines(document, settings.large_print, settings.large_print_size)


def document_head(
    bank: Bank,
    edition: Edition,
    build_date: datetime | None,
    digits: int,
    labels: Labels,
    grouped: bool,
) -> str:
    """The document head (its title and metadata: ``handout_metadata.py``), with the
    footer's page number and the words under a question that breaks across pages in the
    labels' words for ``handout.css``, and a body whose classes
    say how many digits the question numbers run to, so the CSS can widen their column for
    four or five, and whether the bank's language cannot be hyphenated, so a word too long
    for a table column breaks anywhere instead."""
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(bank.manifest.language)}">\n'
        '<head>\n<meta charset="utf-8">\n'
        f"{metadata_html(bank, edition_words(edition, labels), build_date, labels, grouped)}"
        f"<style>:root {{ --page-number: {_page_number(labels.page)}; "
        f"--continued: {_css_string(labels.continued)}; }}</style>\n"
        f'</head>\n<body class="numbers-{digits}{_unhyphenated(bank.manifest.language)}">\n'
    )


def _unhyphenated(language: str) -> str:
    """The body's class for a language WeasyPrint has no hyphenation rules for (it looks
    them up in pyphen this way), else nothing."""
    import pyphen  # type: ignore[import-untyped]  # ships no types; loads only for a build

    return "" if pyphen.language_fallback(language) else " unhyphenated"


def _page_number(template: str) -> str:
    """A CSS ``content`` value from "Page {page} of {pages}": quoted strings and counters."""
    values = []
    for index, part in enumerate(re.split(r"\{(pages?)\}", template)):
        if index % 2:
            values.append(f"counter({part})")
        elif part:
            values.append(_css_string(part))
    return " ".join(values)


def _css_string(text: str) -> str:
    """``text`` as a quoted CSS string, escaped: a quote or backslash would end the
    string, "</" the <style>."""
    escaped = "".join(rf"\{ord(c):x} " if c in '"\\<' else c for c in text)
    return f'"{escaped}"'


def _title_page(
    bank: Bank,
    edition: Edition,
    settings: Settings,
    question_count: int,
    labels: Labels,
    grouped: bool,
    head: RunningHead,
) -> str:
    """The cover. Of its facts, the version is the bank's words, the build date (ISO, as
    any language reads it) nobody's, the contents and options the labels'. The facts are a
    table with a header for each row, so the tagged PDF pairs each value with its name.
    The student edition's has a line for its owner's name, under the edition's; a
    large-print edition's says its size under the title (``size_mark``), and has its facts
    before the description, so that they stay on the first page where the description,
    at the body's size, does not fit there (large-print.css). Its options fact says
    "shuffled" without the seed, which the shuffle mark under the title shows in large
    type: at 24 pt the seed a second time took the fact's row to the second page."""
    manifest = bank.manifest
    build_date, shuffle_seed = settings.build_date, settings.shuffle_seed
    lang = labels.lang_attribute
    contents = (
        f"{labels.count(labels.sections, len(bank.sections))}, "
        f"{labels.count(labels.questions, question_count)}"
    )
    shuffled = None
    if shuffle_seed is not None:  # in large print, the mark above names the seed
        shuffled = (
            labels.shuffled_short
            if settings.large_print
            else labels.shuffled.format(seed=shuffle_seed)
        )
    facts = [
        (labels.version, manifest.version, ""),
        (labels.built, build_date.strftime("%Y-%m-%d") if build_date else None, ""),
        (labels.contents_fact, contents, lang),
        (labels.options_fact, shuffled, lang),
    ]
    rows = "".join(
        f'<tr><th scope="row"{lang}>{escape(label)}</th><td{value_lang}>{escape(value)}</td></tr>'
        for label, value, value_lang in facts
        if value is not None
    )
    exam = f'<p class="exam">{escape(typeset(manifest.exam, grouped))}</p>' if manifest.exam else ""
    description = (  # its headings follow the book's title: h2 and below
        '<div class="description">'
        f"{to_html(manifest.description, top_level=2, space_groups=grouped)}</div>"
        if manifest.description
        else ""
    )
    table = f'<table class="facts">{rows}</table>'
    return (
        f'<section class="cover {edition}">{exam}'
        f'<h1 class="book-title"{head.attributes("")}>{marked_identifiers(head.book_title)}</h1>'
        f"{size_mark(settings, labels)}{shuffle_mark(shuffle_seed, labels)}"
        f'<p class="edition"{lang} '
        f'data-footer="{escape(footer_text(bank, edition, settings, labels))}">'
        f"{escape(edition_words(edition, labels))}</p>"
        f"{name_line(labels) if edition == 'student' else ''}"
        f"{table + description if settings.large_print else description + table}</section>\n"
    )


def edition_words(edition: Edition, labels: Labels) -> str:
    """What the edition is called, on the cover, in the footer and in the PDF's title."""
    if edition == "answer-key":
        return labels.answer_key
    if edition == "answer-sheet":
        return sheet_words_for(labels).answer_sheet
    return labels.student_edition if edition == "student" else labels.trainer_edition


# In large print, the longest last word of the footer that wraps with the word before it
# ("B", "7", "3)")
_SHORT_LAST_WORD = 3


def footer_text(bank: Bank, edition: Edition, settings: Settings, labels: Labels) -> str:
    """What the foot of every page says besides its number, so a loose page can be told
    apart: the edition, the bank's version and the seed its options were shuffled with.
    In large print, which wraps it to lines of a few words, no line starts with the dot
    between two of them (a no-break space before it, as WeasyPrint breaks no line there),
    and a short last word does not end it alone ("version" / "B"): it wraps with the
    word before it. The standard edition's small print keeps its plain spaces, and its
    documents their bytes."""
    parts = [edition_words(edition, labels)]
    version = bank.manifest.version
    if version:
        parts.append(version if version[:1].isalpha() else f"v{version}")
    if settings.shuffle_seed is not None:
        parts.append(labels.footer_shuffle.format(seed=settings.shuffle_seed))
    if not settings.large_print:
        return " \u00b7 ".join(parts)
    text = "\u00a0\u00b7 ".join(parts)
    before, space, last = text.rpartition(" ")
    if space and 0 < len(last) <= _SHORT_LAST_WORD:
        return f"{before}\u00a0{last}"
    return text


def _contents(
    bank: Bank, refs: list[QuestionRef], labels: Labels, grouped: bool, with_key: bool
) -> str:
    """The contents: a list whose entries link their titles to where they start. A link
    holds nothing but its words, and the page number (which the CSS writes into the empty
    ``toc-page``, from its ``data-page-of``) is outside it: WeasyPrint tags an element inside
    a link as a second link, nested in the first, with an annotation of its own. The words
    are one inline box, which the CSS gives the page's colour to hide the dots beneath."""
    lang = labels.lang_attribute
    items = []
    for number, section in enumerate(bank.sections, start=1):
        span = _span([ref.number for ref in refs if ref.section is section], labels)
        title = marked_identifiers(typeset(section.title, grouped))
        items.append(
            f'<li><span class="toc-number">{number}</span><span class="toc-entry"><span>'
            f'<a href="#section-{section.id}">{title}</a> '
            f'<span class="toc-span"{lang}>{escape(span)}</span></span></span>'
            f"{_page_of(f'section-{section.id}')}</li>"
        )
    if with_key:
        items.append(
            f'<li class="toc-key"{lang}><span class="toc-entry"><span>'
            f'<a href="#answer-key">{escape(labels.answer_key)}</a></span></span>'
            f"{_page_of('answer-key')}</li>"
        )
    return (
        f'<section class="contents"><h2{lang}>{escape(labels.contents)}</h2>'
        f"<ol>{''.join(items)}</ol></section>\n"
    )


def _page_of(anchor: str) -> str:
    return f'<span class="toc-page" data-page-of="#{anchor}"></span>'


def _span(numbers: list[int], labels: Labels) -> str:
    """The questions a section holds, as its line in the contents gives them."""
    if not numbers:
        return labels.no_questions
    if len(numbers) == 1:
        return labels.one_question.format(number=numbers[0])
    return labels.question_range.format(first=numbers[0], last=numbers[-1])


def _section(
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
