"""The stats report's PDF as a trainer prints it: a short table on one page under its
heading, and each bank on pages of its own (review s36, print #5)."""

import re
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import section_yaml, write_bank
from tests.rules.item_writing import question


def one_question_sections(root: Path, sections: int, title: str = "B") -> Path:
    """A bank of ``sections`` sections s0, s1, ..., each one question with a finding."""
    files = {
        f"{at:02}-s{at}.yaml": section_yaml(question(f"q{at}"), section_id=f"s{at}")
        for at in range(sections)
    }
    listed = "".join(f"  - s{at}\n" for at in range(sections))
    return write_bank(root, files, f"id: {root.name}\ntitle: {title}\nsections:\n{listed}")


def report_pages(tmp_path: Path, *banks: Path) -> list[str]:
    """The text of each page of the PDF report on ``banks``."""
    from pypdf import PdfReader

    out = tmp_path / "report.pdf"
    assert main(["stats", *map(str, banks), "--format", "html", "--out", str(out)]) == 0
    return [page.extract_text() for page in PdfReader(out).pages]


def rows_by_page(pages: list[str], row: str) -> list[int]:
    """How many rows matching ``row`` each page holding any holds."""
    counts = [len(re.findall(row, text, re.MULTILINE)) for text in pages]
    return [count for count in counts if count]


# 8 and 11 sections left room at page 1's foot for the header and 5, resp. 2, rows.
@pytest.mark.parametrize("sections", [8, 11])
def test_a_short_sections_table_moves_whole_to_the_next_page(tmp_path, sections):
    pages = report_pages(tmp_path, one_question_sections(tmp_path / "b", sections))
    assert rows_by_page(pages, r"^s\d+ Main 1 1") == [sections]
    [page] = [text for text in pages if "Section Title Questions" in text]
    assert "Sections\nSection Title Questions" in page  # under its heading


def test_the_ten_worst_questions_are_printed_on_one_page(tmp_path):
    # 39 sections left room at page 3's foot for the header and 7 of the 10 rows.
    pages = report_pages(tmp_path, one_question_sections(tmp_path / "b", 39))
    assert rows_by_page(pages, r"^q\d+ \d\d-s\d+\.yaml:\d+ ") == [10]
    [page] = [text for text in pages if "Question Where Findings" in text]
    assert "answer runs aside\nQuestion Where Findings" in page  # under its heading


def test_the_note_on_the_questions_left_out_stays_under_the_table(tmp_path):
    # 72 sections left room at page 5's foot for the table, not for the note after it.
    pages = report_pages(tmp_path, one_question_sections(tmp_path / "b", 72))
    [note] = [at for at, text in enumerate(pages) if "\u2026 and 62 more questions" in text]
    assert "Question Where Findings" in pages[note]


def test_each_bank_starts_a_page(tmp_path):
    banks = [one_question_sections(tmp_path / name, 3, title=f"Bank {name}") for name in "xyz"]
    pages = report_pages(tmp_path, *banks)
    # each title at the top of a page, and on no other
    titles = [re.findall(r"^Bank [xyz]$", text, re.MULTILINE) for text in pages]
    tops = [text.split("\n", 1)[0] for text in pages if re.match(r"Bank [xyz]\n", text)]
    assert tops == ["Bank x", "Bank y", "Bank z"] == [title for found in titles for title in found]
