"""The answer key as a trainer reads a loose page of it: each page says which section its
answers belong to, and an answer of many letters keeps them on one line, in line with the
columns of the rest of the key."""

from __future__ import annotations

from exambank.builders import Settings
from exambank.builders.handout import handout_html
from exambank.builders.pdf import PdfBuilder
from exambank.builders.render import render_pdf
from tests.builders.test_pdf_layout import HEADER, SEVEN_OPTIONS, layout, text_positions
from tests.conftest import QUESTION, section_yaml


def numbered(count: int, first: int = 1, question: str = QUESTION) -> list[str]:
    return [question.replace("id: q1", f"id: q{number}") for number in range(first, first + count)]


def key_alone(bank, large_print: bool = False) -> bytes:
    """The PDF of the student handout's answer key alone, without the questions before it
    (which take minutes to lay out for a key of several pages)."""
    html = handout_html(bank, "student", Settings(large_print=large_print))
    body = html.index(">", html.index("<body")) + 1
    key = html[:body] + html[html.index('<section class="answer-key"') :]
    return render_pdf(key, bank.root, Settings(large_print=large_print))[0]


def test_a_key_page_that_continues_a_section_repeats_its_heading(make_bank):
    one = section_yaml(*numbered(5), section_id="one").replace("title: Main", "title: Opening")
    two = section_yaml(*numbered(300, 6), section_id="two").replace("title: Main", "title: Later")
    bank = make_bank({"01-one.yaml": one, "02-two.yaml": two})
    pages = text_positions(key_alone(bank))
    assert len(pages) >= 2  # the key did run onto a second page
    for page in pages[1:]:
        body = [text.strip() for _, y, text in page if y < HEADER and text.strip()]
        # the section's number and title come first on the page, before its answers
        assert body[:2] == ["2", "Later"], body[:6]
    first = [text.strip() for _, y, text in pages[0] if y < HEADER and text.strip()]
    assert first.count("Later") == 1 and first.count("Opening") == 1


def test_an_answer_of_seven_letters_stays_on_one_line_and_the_columns_in_line(make_bank):
    seven = SEVEN_OPTIONS.replace("answer: A", "type: multiple\nanswer: [A, B, C, D, E, F, G]")
    questions = numbered(9)
    questions[1] = seven.replace("id: q1", "id: q2")
    bank = make_bank({"01-main.yaml": section_yaml(*questions)})
    lines = layout(PdfBuilder().build(bank, Settings())[0].data, -1)
    (row,) = [line for line in lines if line.lstrip().startswith("1 ")]
    assert "A, B, C, D, E, F, G" in row, lines
    # question 2 takes two columns: 3 and 4 end the row, and sit above 8 and 9
    (below,) = [line for line in lines if line.lstrip().startswith("5 ")]
    assert row.index("3 ") == below.index("8 ") and row.index("4 ") == below.index("9 "), lines


def test_in_large_print_three_letters_stay_on_one_line(make_bank):
    three = QUESTION.replace("answer: A", "type: multiple\nanswer: [A, B, D]")
    bank = make_bank({"01-main.yaml": section_yaml(three, *numbered(4, 2))})
    lines = layout(key_alone(bank, large_print=True), -1)
    assert any("A, B, D" in line for line in lines), lines


def test_in_large_print_a_section_of_five_answers_takes_one_row(make_bank):
    # four a row left the fifth answer of each five-question section alone on a row
    bank = make_bank({"01-main.yaml": section_yaml(*numbered(10))})
    rows = [line.split() for line in layout(key_alone(bank, large_print=True), -1)]
    assert ["1", "A", "2", "A", "3", "A", "4", "A", "5", "A"] in rows, rows
    assert ["6", "A", "7", "A", "8", "A", "9", "A", "10", "A"] in rows, rows
    # two letters take one column beside the bank's numbers, four letters two: each on
    # one line
    questions = numbered(10)
    questions[1] = QUESTION.replace("id: q1", "id: q2").replace(
        "answer: A", "type: multiple\nanswer: [A, B]"
    )
    questions[6] = QUESTION.replace("id: q1", "id: q7").replace(
        "answer: A", "type: multiple\nanswer: [A, B, C, D]"
    )
    bank = make_bank({"01-main.yaml": section_yaml(*questions)})
    rows = [" ".join(line.split()) for line in layout(key_alone(bank, large_print=True), -1)]
    assert "1 A 2 A, B 3 A 4 A 5 A" in rows, rows
    assert "6 A 7 A, B, C, D 8 A 9 A" in rows, rows
