"""The answer key and the answer sheet as a screen reader gets them (review s34, findings 3
and 7): printed alone, each starts with the bank's title as its one H1, "Answer key" or
"Answer sheet" one rank below, its sections one below that; and each item is its question's
number as its label and its letters as its body, "1, B", not "1B"; a section's heading reads
"1 First part", not "1First part"."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from pypdf import PdfReader

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_tags import Element, read_tags
from tests.conftest import QUESTION, section_yaml

MANIFEST = 'id: test-bank\ntitle: "Test bank"\nsections: [first, second]\n'
CHOOSE_TWO = QUESTION.replace("id: q1", "id: q2").replace(
    "answer: A", "type: multiple\nanswer: [B, D]"
)
ALONE = Settings(student_key="separate", answer_sheet=True)


@pytest.fixture
def alone(make_bank: Callable[..., Bank]) -> dict[str, bytes]:
    """The key and the sheet printed alone, of a bank of two sections: a one-answer and a
    two-answer question, then one more."""
    first = section_yaml(QUESTION, CHOOSE_TWO, section_id="first")
    second = section_yaml(QUESTION.replace("id: q1", "id: q3"), section_id="second")
    bank = make_bank(
        {
            "01-first.yaml": first.replace("Main", "First part"),
            "02-second.yaml": second.replace("Main", "Second part"),
        },
        MANIFEST,
    )
    steps = PdfBuilder().steps(bank, ALONE)
    return {
        name: step.make().data
        for step in steps
        for name in ("key", "sheet")
        if step.name.endswith(f"answer-{name}.pdf")
    }


def test_a_key_or_sheet_printed_alone_starts_with_the_bank_s_title_as_its_h1(alone):
    for name, heading in (("key", "Answer key"), ("sheet", "Answer sheet")):
        _, document = read_tags(alone[name])
        headings = [
            (int(element.tag[1]), element.words())
            for element in document.walk()
            if re.fullmatch(r"H\d", element.tag)
        ]
        assert headings == [
            (1, "Test bank"),
            (2, heading),
            (3, "1 First part"),
            (3, "2 Second part"),
        ], name
        # the outline follows the headings: the title, the key (its sections are the
        # handouts' to list)
        outline = PdfReader(io.BytesIO(alone[name])).outline
        assert [getattr(item, "title", None) for item in outline] == ["Test bank", None]
        assert [item.title for item in outline[1]] == [heading]  # type: ignore[union-attr]


def test_a_key_item_is_its_question_s_number_as_label_and_its_letters_as_body(alone):
    letters = {
        "key": ["A", "B, D", "A"],
        "sheet": ["A B C D", "A B C D choose 2", "A B C D"],
    }
    for name, bodies in letters.items():
        _, document = read_tags(alone[name])
        items = document.find("LI")
        assert [[kid.tag for kid in item.kids] for item in items] == [["Lbl", "LBody"]] * 3
        assert [(label.words(), body.words()) for label, body in (i.kids for i in items)] == [
            (str(number), words) for number, words in enumerate(bodies, start=1)
        ], name


def test_a_key_section_s_heading_reads_its_number_apart_from_its_title(alone):
    """The number, in a column of its own beside the title, is text of its own: the
    heading read "1First part" to a reader that joins its parts as they are, adding no
    space from where they print (review s34, finding 7). The number's own text now ends in
    a space, which its column hides."""
    for name in ("key", "sheet"):
        _, document = read_tags(alone[name])
        numbers = [heading.kids[0] for heading in document.find("H3")]
        texts = [text_of(number).lstrip("\n") for number in numbers]
        assert texts == ["1 ", "2 "], name
        assert [heading.words() for heading in document.find("H3")] == [
            "1 First part",
            "2 Second part",
        ]


def text_of(element: Element) -> str:
    """The text of ``element``'s marked content, its parts joined as they are."""
    return "".join(part if isinstance(part, str) else text_of(part) for part in element.content)
