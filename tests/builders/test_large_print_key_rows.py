"""The answer key and the answer sheet in large print: five answers a row up to 18 pt, four
above, but five in a key whose numbers have two digits at most where that takes fewer rows;
each answer as many columns wide as its letters need beside the bank's largest number, so a
two-letter answer takes one column; the sheet keeps four, the key's rows where the key has
four, and its circles grow with their letters. Read from WeasyPrint's layout boxes."""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from weasyprint.formatting_structure.boxes import Box, InlineBlockBox, TextBox

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.answer_key import answer_key_html
from exambank.builders.answer_sheet import answer_sheet_html
from exambank.builders.handout import document_head
from exambank.builders.handout_layout import lay_out
from exambank.builders.labels import labels_for
from tests.builders.test_answer_sheet import CHOOSE_TWO, _made, _numbered, _rows
from tests.conftest import QUESTION, section_yaml

PX_PER_MM = 96 / 25.4  # WeasyPrint's layout is in CSS px
# The widest letters of the key's font (DejaVu Sans Condensed Bold), one, two, three and
# seven to an answer: one column, two, two and three
ANSWERS = [*"WMQODGHN", "M, W", "M, Q, W", "D, G, H, M, N, O, Q"]


def lettered(number: int, answer: str, last: str = "W") -> str:
    """Question ``number``, whose answer is ``answer``'s letters, with options A to ``last``."""
    letters = answer.split(", ")
    options = "".join(
        f"  {letter}: Option {letter}\n"
        for letter in string.ascii_uppercase[: string.ascii_uppercase.index(last) + 1]
    )
    kind = f"type: multiple\nanswer: [{answer}]" if len(letters) > 1 else f"answer: {answer}"
    return f"id: q{number}\nstem: Which one?\noptions:\n{options}{kind}\nexplanation: It is.\n"


def boxes_of(box: Box, cls: str) -> Iterator[Box]:
    """The boxes below ``box`` of the elements of class ``cls``."""
    for child in box.descendants():
        element = getattr(child, "element", None)
        if element is not None and cls in (element.get("class") or "").split():
            yield child


def texts(box: Box) -> list[TextBox]:
    return [child for child in box.descendants() if isinstance(child, TextBox)]


def key_items(
    bank: Bank, settings: Settings, first: int = 1
) -> list[tuple[tuple[int, float], str, list[float], float]]:
    """Each answer of the student edition's key as laid out (the key alone: the questions
    before it take long to lay out), its questions numbered from ``first``, as in a bank of
    as many questions before them: its row's page and top, its number, how far (mm) each
    text box of its letters lies below its number's line, and how far (mm) its letters end
    inside its column."""
    labels = labels_for(bank.manifest.language)
    refs = [replace(ref, number=number) for number, ref in enumerate(bank.questions(), first)]
    head = document_head(bank, "student", None, len(str(refs[-1].number)), labels, grouped=False)
    key = answer_key_html(bank, refs, settings, labels, grouped=False)
    document = lay_out(f"{head}{key}</body>\n</html>\n", bank.root, settings, {}, "")[1]
    items = []
    for index, page in enumerate(document.pages):
        for item in page._page_box.descendants():
            if not (isinstance(item, InlineBlockBox) and item.element_tag == "li"):
                continue
            [number] = texts(next(boxes_of(item, "key-number")))
            letters = [text for box in boxes_of(item, "key-letter") for text in texts(box)]
            below = [(text.position_y - number.position_y) / PX_PER_MM for text in letters]
            end = max(text.position_x + text.width for text in letters)
            room = (item.content_box_x() + item.width - end) / PX_PER_MM
            items.append(((index, round(item.position_y)), number.text, below, room))
    return items


def key_rows(items: list[tuple[tuple[int, float], str, list[float], float]]) -> list[list[str]]:
    """The numbers of each row of ``items`` (``key_items``), each answer's letters on its
    number's line and inside its column."""
    rows: dict[tuple[int, float], list[str]] = {}
    for top, number, below, room in items:
        rows.setdefault(top, []).append(number)
        assert below == pytest.approx([0] * len(below), abs=0.01), (number, below)
        assert room >= 0, (number, room)  # its letters end inside its column
    return list(rows.values())


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("size", [19, 24])
def test_above_18_pt_the_key_sets_four_answers_a_row_each_beside_its_number(
    make_bank: Callable[..., Bank], paper: str, size: int
) -> None:
    questions = [lettered(number, answer) for number, answer in enumerate(ANSWERS, start=1)]
    bank = make_bank({"01-main.yaml": section_yaml(*questions)})
    items = key_items(bank, Settings(paper=paper, large_print=True, large_print_size=size), 8991)
    # one letter a column; the widest two and three letters (of options A to W) beside four
    # digits take three columns of a row between them, seven the next row
    assert key_rows(items) == [
        ["8991", "8992", "8993", "8994"],
        ["8995", "8996", "8997", "8998"],
        ["8999", "9000"],
        ["9001"],
    ]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("size", [19, 24])
def test_above_18_pt_a_key_of_numbers_of_two_digits_keeps_five_answers_a_row(
    make_bank: Callable[..., Bank], paper: str, size: int
) -> None:
    # Four a row, a section of five questions (the seed bank's) took two rows, the second
    # holding one answer (review s32-lp #6): a W beside 99 fits a fifth of the line at 24 pt
    questions = [lettered(number, answer) for number, answer in enumerate("WMQOD", start=1)]
    bank = make_bank({"01-main.yaml": section_yaml(*questions)})
    settings = Settings(paper=paper, large_print=True, large_print_size=size)
    assert key_rows(key_items(bank, settings, 95)) == [["95", "96", "97", "98", "99"]]


def test_at_24_pt_a_key_of_two_digit_numbers_sets_four_where_five_split_two_letters(
    make_bank: Callable[..., Bank],
) -> None:
    # Five a row, "A, D" takes two columns beside 99 at 24 pt: eight such answers took four
    # rows of two, each looking like a row of four with every other cell empty
    questions = [lettered(number, "A, D", last="E") for number in range(1, 9)]
    bank = make_bank({"01-main.yaml": section_yaml(*questions)})
    settings = Settings(large_print=True, large_print_size=24)
    assert key_rows(key_items(bank, settings, 92)) == [
        ["92", "93", "94", "95"],
        ["96", "97", "98", "99"],
    ]


def test_up_to_18_pt_the_key_keeps_five_answers_a_row(make_bank: Callable[..., Bank]) -> None:
    bank = make_bank({"01-main.yaml": section_yaml(*_numbered([QUESTION] * 10, 1))})
    items = key_items(bank, Settings(large_print=True, large_print_size=18), 8991)
    assert [number for _, number, _, _ in items[:5]] == ["8991", "8992", "8993", "8994", "8995"]
    assert len({top for top, _, _, _ in items}) == 2


# A bank's most common answers of two letters, of options A to E: the widest two, another
# pair and one letter
PAIRS = ["A, D", "B, E", "D"] * 3 + ["A, D"]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize(("size", "per_row"), [(16, 5), (18, 5), (19, 4), (24, 4)])
def test_two_letters_beside_three_digits_take_one_column_at_every_size(
    make_bank: Callable[..., Bank], paper: str, size: int, per_row: int
) -> None:
    # Two columns each, they left rows of three or four answers with cells that looked
    # empty: 742 questions, 189 of two letters, took 197 rows at 16 pt, 35 of them full
    questions = [lettered(number, answer, last="E") for number, answer in enumerate(PAIRS, 1)]
    bank = make_bank({"01-main.yaml": section_yaml(*questions)})
    settings = Settings(paper=paper, large_print=True, large_print_size=size)
    numbers = [str(number) for number in range(990, 1000)]
    rows = [numbers[start : start + per_row] for start in range(0, len(numbers), per_row)]
    assert key_rows(key_items(bank, settings, 990)) == rows


@pytest.mark.parametrize("size", [19, 24])
def test_above_18_pt_the_sheet_holds_four_a_row_as_a_key_of_long_numbers_does(
    make_bank: Callable[..., Bank], size: int
) -> None:
    # every third question one of two answers: a column of the key, and of the sheet
    questions = [CHOOSE_TWO if number % 3 == 0 else QUESTION for number in range(1, 101)]
    bank = make_bank({"01-main.yaml": section_yaml(*_numbered(questions, 1))})
    settings = Settings(
        student_key="separate", answer_sheet=True, large_print=True, large_print_size=size
    )
    made = _made(bank, settings)
    key, sheet = made["test-bank-answer-key.pdf"], made["test-bank-answer-sheet.pdf"]
    rows = [[number for _, number in row] for row in _rows(key)]
    assert rows[:3] == [["1", "2", "3", "4"], ["5", "6", "7", "8"], ["9", "10", "11", "12"]]
    assert [[number for _, number in row] for row in _rows(sheet)] == rows


def test_above_18_pt_a_key_built_with_a_sheet_keeps_the_sheet_s_four_a_row(
    make_bank: Callable[..., Bank],
) -> None:
    # four circles of 7.5 mm do not fit a fifth of the line at 24 pt, as a W beside 12
    # does; the key beside the sheet keeps its rows, so a trainer grades row by row
    bank = make_bank({"01-main.yaml": section_yaml(*_numbered([QUESTION] * 12, 1))})
    settings = Settings(
        student_key="separate", answer_sheet=True, large_print=True, large_print_size=24
    )
    made = _made(bank, settings)
    key, sheet = made["test-bank-answer-key.pdf"], made["test-bank-answer-sheet.pdf"]
    rows = [["1", "2", "3", "4"], ["5", "6", "7", "8"], ["9", "10", "11", "12"]]
    assert [[number for _, number in row] for row in _rows(sheet)] == rows
    assert [[number for _, number in row] for row in _rows(key)] == rows


def circles(bank: Bank, settings: Settings) -> list[tuple[float, float, float]]:
    """Each circle of the answer sheet: its width, the width inside its ring and its
    letter's, in mm."""
    html = answer_sheet_html(bank, settings)
    document = lay_out(html, bank.root, settings, {}, "")[1]
    return [
        (mark.border_width() / PX_PER_MM, mark.width / PX_PER_MM, letter.width / PX_PER_MM)
        for page in document.pages
        for mark in boxes_of(page._page_box, "sheet-mark")
        if isinstance(mark, InlineBlockBox)
        for letter in texts(mark)
    ]


@pytest.mark.parametrize(("size", "width"), [(16, 5.6), (18, 5.6), (20, 6.22), (24, 7.47)])
def test_a_sheet_s_circle_grows_above_18_pt_to_hold_its_letter(
    make_bank: Callable[..., Bank], size: int, width: float
) -> None:
    # its letter is 3/4 of the body: an M of 18 pt (at 24 pt) was 6.3 mm wide, in a ring of
    # 5.6 mm. (W is wider still, by its side bearings: its ink stays inside.)
    bank = make_bank({"01-main.yaml": section_yaml(lettered(1, "M", last="M"))})
    found = circles(bank, Settings(large_print=True, large_print_size=size))
    assert len(found) == 13  # A to M
    for circle, inside, letter in found:
        assert circle == pytest.approx(width, abs=0.01)
        assert letter <= inside
