"""The English words of a handout in a language without its own, as a screen reader gets
them: each structure element holding only them says it is English (``/Lang``), so the
reader voices "Answer key" in English in a Swedish bank, and nothing else says so. The stats
report is the other way round: its words are English, a bank's titles in the bank's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from exambank.builders.render import render_report_pdf
from exambank.lint import lint
from exambank.stats import bank_stats
from exambank.stats_html import render_html
from tests.builders.test_pdf_tags import Element, read_tags
from tests.conftest import QUESTION, section_yaml, write_bank

MULTIPLE = QUESTION.replace("id: q1", "id: q2").replace(
    "answer: A", "type: multiple\nanswer: [A, C]"
)
EXTRA = (
    "notes: Fakta om tjänsten.\n"
    "key_terms:\n  - term: Modellträning\n    definition: Att lära en modell av data.\n"
    "exam_tips:\n  - Läs frågan två gånger.\n"
)
BANK_TEXT = (  # the bank's own words, in its language or none: never marked English
    "Main",
    "Fakta om tjänsten.",
    "Modellträning",
    "Att lära en modell av data.",
    "Läs frågan två gånger.",
    "Which AWS service trains, tunes and deploys ML models?",
    "Amazon SageMaker",
)


def manifest(language: str) -> str:
    return (
        f"id: test-bank\ntitle: Provbank\nversion: '2.1'\nlanguage: {language}\nsections: [main]\n"
    )


def languages(
    element: Element, inherited: str | None = None
) -> Iterator[tuple[Element, str | None, str | None]]:
    """Each element with the language a reader voices it in, its own ``/Lang`` or the
    nearest one above it (None for the document's), and its parent's."""
    language = str(element.raw["/Lang"]) if "/Lang" in element.raw else inherited
    yield element, language, inherited
    for kid in element.kids:
        yield from languages(kid, language)


def marked(document: Element) -> list[tuple[str, str]]:
    """The outermost elements in another language than the document's: type and words."""
    return [
        (element.tag, element.words())
        for element, language, inherited in languages(document)
        if language is not None and inherited is None
    ]


def labelled(edition: str, *answer_lines: str) -> list[tuple[str, str]]:
    """The English words of the Swedish bank's handout, as the elements holding them: in
    the trainer edition, each answer line and the student edition's page the question is
    on (both on page 3)."""
    first, second = answer_lines or ("", "")
    page = ("Span", "student edition p. 3")  # its no-break space extracted as a space
    return [
        ("P", edition),
        *([("P", "Name:")] if edition == "Student edition" else []),  # the cover's name line
        ("TH", "Version"),  # its value, "2.1", is the bank's
        ("TR", "Contents 1 section, 2 practice questions"),
        ("H2", "Contents"),
        ("Span", "questions 1\u20132"),  # the rest of its line is the section's title
        ("LI", "Answer key 4"),
        ("P", "SECTION 1"),
        ("H3", "Key terms"),
        ("H3", "Exam tips"),
        ("H3", "Practice questions"),
        ("H4", "Question 1"),  # its description: the page shows "1"
        *([("Span", first), page] if first else []),  # the question's id between them
        ("H4", "Question 2"),
        ("P", "Choose 2 answers."),
        *([("Span", second), page] if second else []),
        ("H2", "Answer key"),
        ("P", "Question number and correct option."),
    ]


def test_the_english_words_of_a_swedish_bank_are_tagged_english_and_nothing_else(make_bank):
    bank = make_bank(
        {"01-main.yaml": section_yaml(QUESTION, MULTIPLE, extra=EXTRA)}, manifest("sv")
    )
    student, trainer = (output.data for output in PdfBuilder().build(bank, Settings()))
    trainer_edition = "Trainer edition \u2013 with answers, not for students"
    for data, words, bank_text in (
        (student, labelled("Student edition"), BANK_TEXT),
        (
            trainer,
            labelled(trainer_edition, "Answer: A", "Answers: A, C"),
            (*BANK_TEXT, "SageMaker covers the whole ML lifecycle."),
        ),
    ):
        reader, document = read_tags(data)
        assert reader.trailer["/Root"]["/Lang"] == "sv"  # the document's language
        assert marked(document) == words
        assert {language for _, language, _ in languages(document)} == {None, "en"}
        voiced = [(element.words(), language) for element, language, _ in languages(document)]
        for text in bank_text:
            assert any(text in words for words, _ in voiced), text
            assert not [words for words, language in voiced if text in words and language], text


def test_only_a_bank_without_words_in_its_language_has_parts_in_another(make_bank):
    for language, key_heading in (("ja", "en"), ("de", None), ("en", None)):
        bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest(language))
        for output in PdfBuilder().build(bank, Settings(large_print=True)):
            reader, document = read_tags(output.data)
            assert reader.trailer["/Root"]["/Lang"] == language
            [heading] = [h for h in document.find("H2") if h.words() in ("Answer key", "Lösungen")]
            assert heading.raw.get("/Lang") == key_heading, language
            if key_heading is None:  # nothing marked: the PDF is as WeasyPrint wrote it
                assert not [element for element in document.walk() if "/Lang" in element.raw]


@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("en", []),
        ("de-AT", [("H1", "Netzwerke"), ("TD", "Größen")]),  # the section's title, in its row
    ],
)
def test_the_stats_pdf_voices_a_bank_s_titles_in_the_bank_s_language(tmp_path, language, titles):
    """A German bank's stats PDF: its titles were read as English, the report's language,
    as WeasyPrint keeps only the document's (the HTML marks them: test_stats.py)."""
    manifest = f"id: test-bank\ntitle: Netzwerke\nlanguage: {language}\nsections: [main]\n"
    section = section_yaml(QUESTION).replace("title: Main", "title: Größen")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section}, manifest)
    reader, document = read_tags(render_report_pdf(render_html(bank_stats(lint([root])))))
    assert reader.trailer["/Root"]["/Lang"] == "en"  # the report's own words
    assert marked(document) == titles
    voiced = {voiced for _, voiced, _ in languages(document)}
    assert voiced == ({None, language} if titles else {None})
