"""What a screen reader, a bookmark panel and a viewer's title bar get from a handout: the
contents' dots drawn and not read, links described by their words, one list per answer key
run and one item per key term, each question a heading with a bookmark, and a title naming
the edition (in XMP too, with no claim of PDF/UA conformance)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_layout import text_positions
from tests.builders.test_pdf_outline import outline
from tests.builders.test_pdf_tags import read_tags
from tests.conftest import QUESTION, section_yaml

MANIFEST = "id: test-bank\ntitle: Test bank\nsections: [one, two]\n"
TERMS = (
    "key_terms:\n"
    "  - {term: Endpoint, definition: A URL that serves a model.}\n"
    '  - {term: Notebook, definition: "An editor for code and notes.\\n\\nIt runs cells."}\n'
)


def numbered(first: int, count: int) -> list[str]:
    return [QUESTION.replace("id: q1", f"id: q{number}") for number in range(first, first + count)]


def two_sections(make_bank, extra: str = ""):  # type: ignore[no-untyped-def]
    """A bank of two sections of seven questions each: its answer key has two runs."""
    return make_bank(
        {
            "01-one.yaml": section_yaml(*numbered(1, 7), section_id="one", extra=extra),
            "02-two.yaml": section_yaml(*numbered(8, 7), section_id="two").replace(
                "title: Main", "title: Second"
            ),
        },
        MANIFEST,
    )


def test_the_contents_draw_their_dots_and_describe_each_link_by_its_words(make_bank):
    data = PdfBuilder().build(two_sections(make_bank), Settings())[0].data
    reader, document = read_tags(data)
    contents = document.kids[1]
    # no leader text: each entry reads its number, words and page number, and nothing else
    entries = [item.words() for item in contents.find("LI")]
    assert entries == [
        "1 Main questions 1\u20137 3",
        "2 Second questions 8\u201314 5",
        "Answer key 7",
    ]
    page = reader.pages[1]
    annotations = [annotation.get_object()["/Contents"] for annotation in page["/Annots"]]
    assert annotations == ["Main", "Second", "Answer key"]  # not "section-one", "answer-key"
    # the dots are still there, drawn as one pattern per entry, which is no text
    assert len(page["/Resources"]["/Pattern"]) == 3


def test_each_run_of_the_answer_key_is_one_list_of_one_item_per_question(make_bank):
    _, document = read_tags(PdfBuilder().build(two_sections(make_bank), Settings())[0].data)
    lists = document.find("L")
    assert not [kid for each in lists for kid in each.kids if kid.tag == "L"]  # none nested
    key = [each for each in lists if re.fullmatch(r"\d+ [A-F]", each.kids[0].words())]
    assert [[item.words() for item in each.kids] for each in key] == [
        [f"{number} A" for number in range(1, 8)],
        [f"{number} A" for number in range(8, 15)],
    ]


def test_the_key_reads_across_its_rows_five_answers_a_row(make_bank):
    data = PdfBuilder().build(two_sections(make_bank), Settings())[0].data
    rows: dict[int, list[str]] = {}
    for _, y, text in text_positions(data)[-1]:
        rows.setdefault(round(y), []).append(text.strip())
    key = [row for row in rows.values() if "A" in row]  # not a run's heading
    assert [row[::2] for row in key] == [
        ["1", "2", "3", "4", "5"],
        ["6", "7"],
        ["8", "9", "10", "11", "12"],
        ["13", "14"],
    ]


def test_each_key_term_is_one_item_holding_its_definition(make_bank):
    _, document = read_tags(PdfBuilder().build(two_sections(make_bank, TERMS), Settings())[0].data)
    [terms] = [each for each in document.find("L") if each.words().startswith("Endpoint")]
    assert [item.tag for item in terms.kids] == ["LI", "LI"]
    assert [item.words() for item in terms.kids] == [
        "Endpoint A URL that serves a model.",
        "Notebook An editor for code and notes. It runs cells.",
    ]


def test_each_question_is_a_heading_and_a_bookmark_named_as_a_question(make_bank):
    # A screen reader's list of headings said "1, 2, 3": each names what it heads, as the
    # bookmark does, though the page still shows the number alone
    bank = two_sections(make_bank)
    student = PdfBuilder().build(bank, Settings())[0].data
    _, document = read_tags(student)
    headings = [element.words() for element in document.find("H4")]
    assert headings == [f"Question {number}" for number in range(1, 15)]
    practice, questions = outline(student)[1][2]  # inside the first section's bookmark
    assert practice == "Practice questions"
    assert questions == [f"Question {number}" for number in range(1, 8)]


def test_a_question_s_heading_and_bookmark_are_named_in_the_bank_s_language(make_bank):
    manifest = "id: test-bank\ntitle: Test\nlanguage: de\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    data = PdfBuilder().build(bank, Settings())[0].data
    assert outline(data)[1][2] == ["\u00dcbungsfragen", ["Frage 1"]]
    assert [element.words() for element in read_tags(data)[1].find("H4")] == ["Frage 1"]


def test_the_title_names_the_edition_in_the_info_and_the_xmp(make_bank):
    student, trainer = PdfBuilder().build(two_sections(make_bank), Settings())
    for output, edition in ((student, "Student edition"), (trainer, "Trainer edition")):
        reader = PdfReader(io.BytesIO(output.data))
        assert reader.metadata.title.startswith(f"Test bank \u2013 {edition}")
        assert reader.xmp_metadata.dc_title == {"x-default": reader.metadata.title}
        assert b"pdfuaid" not in reader.trailer["/Root"]["/Metadata"].get_data()


def test_the_exam_is_the_subject_and_the_title_keeps_one_dash_style(make_bank):
    manifest = "id: b\ntitle: Test bank -- Part one\nexam: Cert Exam (CE-01)\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    student, trainer = PdfBuilder().build(bank, Settings())
    for output in (student, trainer):
        reader = PdfReader(io.BytesIO(output.data))
        assert reader.metadata.subject == "Cert Exam (CE-01)"
        assert reader.xmp_metadata.dc_description == {"x-default": "Cert Exam (CE-01)"}
        # the bank's " -- ", the title's joint and the edition's words: en dashes all
        assert "\u2014" not in reader.metadata.title and reader.metadata.title.count("\u2013") >= 2
    assert PdfReader(io.BytesIO(trainer.data)).metadata.title == (
        "Test bank \u2013 Part one \u2013 Trainer edition \u2013 with answers, not for students"
    )
