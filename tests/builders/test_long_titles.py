"""Titles with a long word in them, as a trainer prints them (review s34, findings 2 and 3):
a long name such as the IAM role ``AmazonSageMakerServiceCatalogProductsUseRole`` wraps at a
case change wherever a title prints (the cover, the contents, a section's heading, the key's
and the answer sheet's headings), as it does in running text; nothing runs off the paper; and
a contents entry ends with its page number, however long its words."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from exambank.identifiers import identifier_parts
from exambank.lint import lint
from tests.builders.test_pdf_code_seams import pdf_text
from tests.builders.test_pdf_layout import MM
from tests.builders.test_pdf_tags import read_tags
from tests.conftest import QUESTION, section_yaml, write_bank

ROLE = "AmazonSageMakerServiceCatalogProductsUseRole"
NOTEBOOKS = "AWSServiceRoleForAmazonSageMakerNotebooks"
# A German compound of 106 letters: no case change, it breaks where the line ends
COMPOUND = (
    "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen"
    "herstellungsbetriebsleiterstellvertretungsausweis"
)
TITLES = {
    "roles": f"Roles: {ROLE} explained",
    "german": f"Overflow: {COMPOUND} in a title",
    "names": f"{NOTEBOOKS}And{ROLE}",
}
BANK_TITLE = f"{NOTEBOOKS} and {ROLE}"
# The right edge of the text on A4: the pages' right margin is 20 mm, in both editions
TEXT_RIGHT = 210 * MM - 20 * MM
LARGE_PRINT = Settings(
    large_print=True, large_print_size=24, student_key="separate", answer_sheet=True
)

Word = tuple[float, float, float, float, str]  # left, top, right, foot in points; the word


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    """Three sections, one question each, a title with a long word in each; the first with
    a notes heading that is a long name."""
    sections = {}
    for number, (section_id, title) in enumerate(TITLES.items(), start=1):
        question = QUESTION.replace("id: q1", f"id: {section_id}-q1")
        extra = f"notes: |\n  ### {ROLE}\n\n  Some notes.\n" if section_id == "roles" else ""
        text = section_yaml(question, section_id=section_id, extra=extra)
        sections[f"{number:02}-{section_id}.yaml"] = text.replace(
            "title: Main", f'title: "{title}"'
        )
    names = "\n".join(f"  - {section_id}" for section_id in TITLES)
    manifest = f'id: titles\ntitle: "{BANK_TITLE}"\nversion: "1.0"\nsections:\n{names}\n'
    root = write_bank(tmp_path_factory.mktemp("titles") / "bank", sections, manifest)
    return lint([root]).banks[0]


@pytest.fixture(scope="module")
def standard(bank: Bank) -> bytes:
    return PdfBuilder().steps(bank, Settings())[0].make().data


@pytest.fixture(scope="module")
def large_print(bank: Bank) -> dict[str, bytes]:
    """The student edition, the answer key printed alone and the answer sheet, at 24 pt."""
    student, _, key, sheet = PdfBuilder().steps(bank, LARGE_PRINT)
    return {"student": student.make().data, "key": key.make().data, "sheet": sheet.make().data}


def lines(data: bytes, page: int) -> list[list[Word]]:
    """The words a page (from 1) prints, as poppler finds them, by line, top to bottom and
    left to right: a word whose middle is between the top and foot of a line's first word
    is on its line (the contents' "question 1" is set smaller, on the same baseline)."""
    found = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout.decode()
    boxes = re.findall(
        r'<word xMin="([^"]*)" yMin="([^"]*)" xMax="([^"]*)" yMax="([^"]*)">([^<]*)</word>', found
    )
    page_words = [
        (float(left), float(top), float(right), float(foot), text)
        for left, top, right, foot, text in boxes
    ]
    by_line: list[list[Word]] = []
    for word in sorted(page_words, key=lambda word: word[1]):
        middle = (word[1] + word[3]) / 2
        line = next((line for line in by_line if line[0][1] < middle < line[0][3]), None)
        if line is None:
            by_line.append([word])
        else:
            line.append(word)
    return [sorted(line) for line in by_line]


def words(data: bytes, page: int) -> list[Word]:
    """The words a page (from 1) prints, line by line."""
    return [word for line in lines(data, page) for word in line]


def page_of(data: bytes, text: str) -> int:
    """The first page (from 1) whose text holds ``text``, in capitals or not (the standard
    edition prints "SECTION 1")."""
    pages = PdfReader(io.BytesIO(data)).pages
    return next(
        number
        for number, page in enumerate(pages, 1)
        if text.casefold() in page.extract_text().casefold()
    )


def drawn_words(data: bytes, page: int) -> list[str]:
    """The words a page (from 1) draws, in the order it draws them: a name wrapped in the
    key's table is whole in its replacement text (``/ActualText``), which poppler reads,
    and broken as printed in what pypdf reads."""
    return PdfReader(io.BytesIO(data)).pages[page - 1].extract_text().split()


def printed_pieces(texts: list[str], name: str) -> list[list[str]]:
    """Each run of the words ``texts`` that together print ``name``: the pieces it was
    broken into, each ending a line but the last."""
    runs = []
    for start in range(len(texts)):
        run: list[str] = []
        for text in texts[start:]:
            if not name.startswith("".join(run) + text):
                break
            run.append(text)
            if "".join(run) == name:
                runs.append(run)
                break
    return runs


def assert_broken_at_case_changes(texts: list[str], name: str, where: str) -> None:
    """``name`` prints among ``texts`` on more than one line, each break at a case change."""
    parts = identifier_parts(name)
    changes = {len("".join(parts[:end])) for end in range(1, len(parts))}
    runs = printed_pieces(texts, name)
    assert runs, f"{name} not printed on {where}"
    for run in runs:
        breaks = {len("".join(run[:end])) for end in range(1, len(run))}
        assert breaks and breaks <= changes, (where, run)


def assert_inside_the_text(page_words: list[Word], where: str) -> None:
    """No word runs past the right margin."""
    outside = [text for _, _, right, _, text in page_words if right > TEXT_RIGHT + 0.5]
    assert not outside, (where, outside)


@pytest.mark.parametrize("edition", ["standard", "large print"])
def test_each_contents_entry_ends_with_its_page_number_inside_the_page(
    standard: bytes, large_print: dict[str, bytes], edition: str
) -> None:
    """The role's name at 24 pt, the compound in the standard edition, ran off the paper,
    and their dots ended with no page number."""
    data = standard if edition == "standard" else large_print["student"]
    contents = lines(data, 2)
    assert contents[1][0][-1] == "Contents"
    assert_inside_the_text(words(data, 2), "the contents")
    # each entry's last line: its questions ("question 1"), the dots, its page number
    entries = [line for line in contents if "question" in [text for *_, text in line]]
    printed = [line[-1][-1] for line in entries]
    starts = [str(page_of(data, f"Section {number}")) for number in (1, 2, 3)]
    assert printed == starts, [[text for *_, text in line] for line in entries]


def test_a_long_name_in_a_title_wraps_at_its_case_changes_wherever_it_prints(
    large_print: dict[str, bytes],
) -> None:
    """At 24 pt the role's name broke mid-word in its section's heading
    ("AmazonSageMakerServic" / "eCatalogProductsUseRole"); on the cover, in the contents
    and the key, it ran off the paper or broke anywhere (the German compound, too, ran off
    the key's page)."""
    student, key, sheet = large_print["student"], large_print["key"], large_print["sheet"]
    places = {
        "the cover": (student, 1, [NOTEBOOKS, ROLE]),
        "the contents": (student, 2, [ROLE]),
        "the section's heading": (student, page_of(student, "Section 1"), [ROLE]),
        "the last section's heading": (student, page_of(student, "Section 3"), [TITLES["names"]]),
        "the key": (key, 1, [ROLE]),  # its heading and the line naming the bank
        "the answer sheet": (sheet, 1, [ROLE]),
    }
    for where, (data, page, names) in places.items():
        assert_inside_the_text(words(data, page), where)
        for name in names:
            assert_broken_at_case_changes(drawn_words(data, page), name, where)
    for name, data in (("key", key), ("sheet", sheet)):
        for page in range(1, len(PdfReader(io.BytesIO(data)).pages) + 1):
            assert_inside_the_text(words(data, page), f"page {page} of the {name}")


def test_bookmarks_and_contents_links_name_a_long_name_as_written(
    large_print: dict[str, bytes],
) -> None:
    """Where a name wraps, its breaks are no part of it: a bookmark (a heading's text,
    here the section's and one in its notes) and a contents link's description, which a
    screen reader announces, hold it as typed."""
    reader = PdfReader(io.BytesIO(large_print["student"]))
    titles: list[str] = []

    def collect(outline: list[object]) -> None:
        for item in outline:
            if isinstance(item, list):
                collect(item)
            else:
                titles.append(str(item.title))  # type: ignore[attr-defined]

    collect(reader.outline)
    assert TITLES["roles"] in titles and ROLE in titles and BANK_TITLE in titles, titles
    links = [
        str(annotation.get_object().get("/Contents"))
        for annotation in reader.pages[1].get("/Annots") or []
    ]
    assert TITLES["roles"] in links and TITLES["names"] in links, links
    assert not [text for text in titles + links if "\u200b" in text]


@pytest.mark.parametrize("edition", ["standard", "large print"])
def test_a_contents_entry_is_one_link_that_says_its_title_however_it_wraps(
    standard: bytes, large_print: dict[str, bytes], edition: str
) -> None:
    """A title holding a long name had a link tag for each of its lines and an annotation
    for the name, tagged outside them (review s34, finding 4): a keyboard user met one
    entry three times, the last without its first words. Each entry is one Link, holding
    each annotation the page has for it, each saying the title."""
    data = standard if edition == "standard" else large_print["student"]
    reader, document = read_tags(data)
    contents = document.kids[1]
    links = contents.find("Link")
    words = [*TITLES.values(), "Answer key"][: len(links)]  # large print's key is apart
    assert len(links) >= len(TITLES)
    assert [re.sub(r"[\s\u200b]", "", link.words()) for link in links] == [
        re.sub(r"\s", "", title) for title in words
    ]
    held = {number: link for link in links for number in link.annotations}
    annotations = [annotation.get_object() for annotation in reader.pages[1]["/Annots"]]
    assert sorted(held) == sorted(annotation.indirect_reference.idnum for annotation in annotations)
    for annotation in annotations:
        link = held[annotation.indirect_reference.idnum]
        assert str(annotation["/Contents"]) == words[links.index(link)]
    assert len(annotations) > len(links)  # a wrapped title has an annotation for each line


@pytest.mark.parametrize("document", ["key", "sheet"])
def test_a_key_section_s_number_stands_beside_its_title_s_first_line(
    large_print: dict[str, bytes], document: str
) -> None:
    """A title whose name wraps as a block has its baseline at its last line: the number
    stood there ("3" beside "Role")."""
    data = large_print[document]
    starts = {str(number): title[:6] for number, title in enumerate(TITLES.values(), start=1)}
    headed = []
    for page in range(1, len(PdfReader(io.BytesIO(data)).pages) + 1):
        for line in lines(data, page):
            number = line[0][-1]
            if number in starts and len(line) > 1 and line[1][-1].startswith(starts[number]):
                headed.append(number)
    assert headed == ["1", "2", "3"], headed


def test_a_long_name_wrapped_in_a_title_is_copied_and_found_whole(
    large_print: dict[str, bytes],
) -> None:
    """It prints broken at its case changes (above); a copy, or a viewer's search, got the
    pieces ("AmazonSageMakerService" / "CatalogProductsUseRole"), and only a table's
    lines carried the name whole (review s34, finding 9)."""
    student, key = large_print["student"], large_print["key"]
    places = {
        "the cover": (student, 1, [NOTEBOOKS, ROLE]),
        "the contents": (student, 2, [ROLE, TITLES["names"]]),
        "the section's heading": (student, page_of(student, "Section 1"), [ROLE]),
        "the key": (key, 1, [NOTEBOOKS, ROLE]),
    }
    for where, (data, page, names) in places.items():
        copied = pdf_text(data, "-f", str(page), "-l", str(page)).split()
        for name in names:
            assert len(printed_pieces(drawn_words(data, page), name)[0]) > 1, (where, name)
            assert name in copied, (where, name)
