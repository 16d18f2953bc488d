"""The front of a handout: its cover and its contents."""

from __future__ import annotations

from html import escape

from exambank.bank import Bank, QuestionRef
from exambank.builders.answer_key import shuffle_mark, size_mark
from exambank.builders.base import Settings
from exambank.builders.editions import Edition, edition_words, footer_text
from exambank.builders.labels import Labels
from exambank.builders.running_head import RunningHead
from exambank.builders.sheet_words import name_line
from exambank.identifiers import marked_identifiers
from exambank.markdown import to_html, typeset


def title_page_html(
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


def contents_html(
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
