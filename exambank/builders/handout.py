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

from exambank.bank import Bank
from exambank.builders.answer_key import headed_answer_key
from exambank.builders.base import Settings
from exambank.builders.code_lines import code_lines
from exambank.builders.editions import Edition, edition_words
from exambank.builders.front_matter import contents_html, title_page_html
from exambank.builders.handout_metadata import metadata_html
from exambank.builders.handout_sections import section_html
from exambank.builders.labels import Labels, labels_for
from exambank.builders.running_head import RunningHead
from exambank.markdown import typeset
from exambank.rules.numbers import reading


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
        section_html(
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
            title_page_html(bank, edition, settings, len(refs), labels, grouped, head),
            contents_html(bank, refs, labels, grouped, with_key),
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
