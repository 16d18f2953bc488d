"""Sections that run on (``build --sections run-on``, ``sections`` in the config): less paper
for a bank of short sections, a section's heading never alone at the foot of a page, and the
running head naming the section open at the top of each page, read back from the PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.labels import ENGLISH
from exambank.builders.pdf import PdfBuilder
from tests.builders.chosen_settings import build_recording_settings
from tests.builders.test_pdf_continued import marked_pages
from tests.builders.test_pdf_layout import HEADER, MM, pages, text_positions
from tests.builders.test_running_head import headers
from tests.conftest import QUESTION, section_yaml

RUN_ON = Settings(sections="run-on")
LONG_STEM = "Which AWS service trains, tunes and deploys ML models, " + "and then some, " * 12


SUMMARY = "summary: " + "A summary that runs over several lines of the page, " * 8 + "\n"


def _sections(counts: list[int], extra: str = "") -> dict[str, str]:
    """Section files ``s1``, ``s2`` ... (titled "Topic 1" ...), each with as many questions
    (long ones) as ``counts`` says, and ``extra`` (YAML)."""
    files = {}
    for number, count in enumerate(counts, start=1):
        questions = [
            QUESTION.replace("id: q1", f"id: s{number}-q{n}").replace(
                "Which AWS service trains, tunes and deploys ML models?", LONG_STEM
            )
            for n in range(1, count + 1)
        ]
        section = section_yaml(*questions, section_id=f"s{number}", extra=extra)
        files[f"{number:02}-s{number}.yaml"] = section.replace(
            "title: Main", f"title: Topic {number}"
        )
    return files


def _student(bank: Bank, settings: Settings) -> bytes:
    return PdfBuilder().steps(bank, settings)[0].make().data


def _lines(data: bytes) -> list[list[str]]:
    """Each A4 page's lines of text between the running header and footer, top to bottom
    ("SECTION 2" in either case: large print does not set it in capitals)."""
    found = []
    for runs in text_positions(data):
        rows: dict[float, list[tuple[float, str]]] = {}
        for x, y, text in runs:
            if 22 * MM < y < HEADER:
                rows.setdefault(round(y), []).append((x, text.strip()))
        found.append(
            [
                " ".join(text for _, text in sorted(rows[y])).upper()
                for y in sorted(rows, reverse=True)
            ]
        )
    return found


def _first_line(data: bytes, text: str) -> tuple[int, int]:
    """The page (from 0) and line of that page where ``text`` is first printed."""
    return next(
        (page, index)
        for page, lines in enumerate(_lines(data))
        for index, line in enumerate(lines)
        if line == text.upper()
    )


def test_short_sections_share_pages_and_the_key_keeps_a_page_of_its_own(
    make_bank: Callable[..., Bank],
) -> None:
    bank = make_bank(_sections([1] * 8))
    new_page, run_on = _student(bank, Settings()), _student(bank, RUN_ON)
    assert len(pages(new_page)) == 11  # cover, contents, 8 sections, key
    lines = _lines(run_on)
    assert len(lines) <= 6, len(lines)  # the reviewer's 20 sections: 24 pages -> 11
    assert lines[2][:2] == ["SECTION 1", "TOPIC 1"]  # the first starts page 3, as before
    assert _first_line(run_on, "Section 2")[0] == 2  # ... and the next one below it
    assert lines[-1][0] == "ANSWER KEY"  # the key starts a page of its own
    assert _first_line(run_on, "Section 8")[0] < len(lines) - 1


def test_the_running_head_names_the_section_open_at_the_top_of_the_page(
    make_bank: Callable[..., Bank],
) -> None:
    """Section 1 runs onto page 4, where section 2 starts below its end: page 4 is headed
    by section 1 (it was headed by section 2, the first one starting on it), page 5,
    which starts in section 2, by section 2."""
    bank = make_bank(_sections([7, 9]))
    data = _student(bank, RUN_ON)
    assert _first_line(data, "Section 1") == (2, 0)
    page, line = _first_line(data, "Section 2")
    assert page == 3 and line > 0  # section 2 starts on page 4, below section 1's end
    heads = [runs[-1][1] if runs else "" for runs in headers(data)]
    assert heads[2:6] == ["Topic 1", "Topic 1", "Topic 2", "Topic 2"], heads
    assert heads[-1] == "Answer key"


def test_a_section_s_heading_never_ends_a_page(make_bank: Callable[..., Bank]) -> None:
    """Sections of 1 to 4 long questions end at many heights of a page: wherever one ends
    near a page's foot, the next one's number and title go to the next page with it."""
    bank = make_bank(_sections([3, 1, 2, 4, 1, 3, 2, 1, 4, 2, 3, 1]))
    for settings in (RUN_ON, Settings(sections="run-on", large_print=True)):
        lines = _lines(_student(bank, settings))
        for page, printed in enumerate(lines[2:-1], start=3):
            assert printed, page  # no page left empty
            last = printed[-1]
            assert not last.startswith(("SECTION ", "TOPIC ")), (settings, page, printed[-3:])


def test_a_section_starts_a_new_page_where_less_than_a_quarter_of_it_is_left(
    make_bank: Callable[..., Bank],
) -> None:
    """Each section's number is printed 60 mm or more above the text's foot (22 mm above
    the paper's): a section does not start with its title and two lines at a page's foot.
    (Sections of 1 to 4 questions, each after a summary, start at many heights.)"""
    bank = make_bank(_sections([3, 1, 2, 4, 1, 3, 2, 1, 4, 2, 3, 1], SUMMARY))
    for runs in text_positions(_student(bank, RUN_ON))[2:]:
        for _, y, text in runs:
            if text.strip().upper().startswith("SECTION "):
                assert y > (22 + 60 - 4) * MM, (text, y / MM)  # its line's top: 60 mm up


# Section 2's first question: a stem of a dozen lines, its last option "... Osprey"
TALL = (
    QUESTION.replace("id: q1", "id: s2-q1")
    .replace("Which AWS service trains, tunes and deploys ML models?", "Kestrel. " + LONG_STEM * 4)
    .replace("D: Amazon Bedrock", "D: Amazon Bedrock Osprey")
)


def test_a_section_start_too_tall_for_the_rest_of_the_page_starts_the_next_one_whole(
    make_bank: Callable[..., Bank],
) -> None:
    """Section 1 leaves more than a quarter of its last page, where section 2 may start;
    but its number, title and first question, a long one, do not fit there. They start the
    next page together, the question whole under them. The question printed under them at
    the foot of the page, its stem's first ten lines there and the rest with its options on
    the next, and the build said that heading and question together were longer than a page
    (review s36-print #1): the block that keeps a quarter of the page for a section's start
    was left there alone, and taken for the heading left behind. The contents give the
    page the section starts on."""
    first = [
        QUESTION.replace("id: q1", f"id: s1-q{number}").replace("Which", f"Heron {number}. Which")
        for number in range(1, 5)
    ]
    sections = {
        "01-s1.yaml": section_yaml(*first, section_id="s1").replace("Main", "Topic 1"),
        "02-s2.yaml": section_yaml(TALL, section_id="s2").replace("Main", "Topic 2"),
    }
    output = PdfBuilder().steps(make_bank(sections), RUN_ON)[0].make()
    lines = _lines(output.data)
    page, line = _first_line(output.data, "Section 2")
    assert line == 0, lines[page]  # it starts a page ...
    for words in ("KESTREL", "OSPREY"):  # ... and the question prints whole on it
        printed_on = [index for index, printed in enumerate(lines) if words in " ".join(printed)]
        assert printed_on == [page], (words, printed_on)
    assert marked_pages(output.data, ENGLISH.continued) == []
    assert output.notes == ()
    # Section 1 ends on the page before, more than 60 mm above the text's foot: section 2
    # would have started below it, had it fitted there
    assert "HERON 4" in " ".join(lines[page - 1])
    last = min(y for _, y, text in text_positions(output.data)[page - 1] if 22 * MM < y < HEADER)
    assert last > (22 + 60) * MM, last / MM
    [entry] = [printed for printed in lines[1] if printed.startswith("2 TOPIC 2")]
    assert entry.endswith(f" {page + 1}"), entry


def test_run_on_builds_are_byte_identical(make_bank: Callable[..., Bank]) -> None:
    bank = make_bank(_sections([2, 1, 3]))
    assert _student(bank, RUN_ON) == _student(bank, RUN_ON)


@pytest.mark.parametrize(
    ("table", "flag", "sections"),
    [
        ('sections = "run-on"', [], "run-on"),
        ('sections = "Run-On"', [], "run-on"),  # read as the command line reads it
        ('sections = "run-on"', ["--sections", "new-page"], "new-page"),  # the flag wins
        ("", ["--sections", "run-on"], "run-on"),
        ("", [], "new-page"),
    ],
)
def test_where_sections_start_comes_from_the_config_unless_the_command_line_says(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    table: str,
    flag: list[str],
    sections: str,
) -> None:
    status, asked, _ = build_recording_settings(tmp_path, monkeypatch, table, flag)
    assert status == 0
    chosen = [settings.sections for settings in asked]
    assert chosen == [sections, sections]
