"""Where the student edition's answer key goes (``--student-key``), shuffled versions told
apart by their file names and covers (``--shuffle``), and the paper size from the config."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder, file_name
from exambank.cli import main
from exambank.shuffle import shuffled
from tests.builders.chosen_settings import build_recording_settings
from tests.builders.conftest import RECORD
from tests.conftest import QUESTION, section_yaml, write_bank

QUESTIONS = [QUESTION.replace("id: q1", f"id: q{number}") for number in range(1, 9)]


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _build(tmp_path: Path, *arguments: str) -> Path:
    """``exambank build --only pdf`` of an eight-question bank; the folder it wrote."""
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*QUESTIONS)})
    out = tmp_path / "dist"
    assert main(["build", str(bank), "--only", "pdf", "--out", str(out), *arguments]) == 0
    return out / "test-bank"


@pytest.mark.parametrize("large_print", [[], ["--large-print"]])
def test_a_student_edition_for_a_quiz_has_no_key_and_the_key_prints_alone(
    tmp_path: Path, large_print: list[str]
) -> None:
    folder = _build(tmp_path, "--student-key", "separate", *large_print)
    assert sorted(path.name for path in folder.iterdir()) == [
        RECORD,
        "test-bank-answer-key.pdf",
        "test-bank-student.pdf",
        "test-bank-trainer.pdf",
    ]
    student = _pages(folder / "test-bank-student.pdf")
    assert not any("Answer key" in page for page in student)  # nor in the contents
    assert "Answer key" in _pages(folder / "test-bank-trainer.pdf")[-1]  # the trainer's keeps it
    [key] = _pages(folder / "test-bank-answer-key.pdf")  # one page, to grade with
    size = "Large print 16 pt " if large_print else ""  # which sheets it goes with
    assert key.startswith(f"Test bank Answer key {size}Question number and correct option. 1 A 2 A")
    assert key.endswith("Answer key Page 1 of 1")  # the footer names what the page is


def test_none_leaves_the_key_out_and_end_keeps_it_at_the_end(tmp_path: Path) -> None:
    without = _build(tmp_path / "none", "--student-key", "none")
    assert sorted(path.name for path in without.iterdir()) == [
        RECORD,
        "test-bank-student.pdf",
        "test-bank-trainer.pdf",
    ]
    assert not any("Answer key" in page for page in _pages(without / "test-bank-student.pdf"))
    default = _build(tmp_path / "end")
    assert (default / "test-bank-student.pdf").read_bytes() == (
        _build(tmp_path / "end-named", "--student-key", "end") / "test-bank-student.pdf"
    ).read_bytes()
    assert "1 A 2 A 3 A" in _pages(default / "test-bank-student.pdf")[-1]


def test_shuffled_versions_are_named_by_their_seed_and_do_not_replace_each_other(
    tmp_path: Path,
) -> None:
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*QUESTIONS)})
    out = tmp_path / "dist"
    for seed in ("7", "8"):
        arguments = ["build", str(bank), "--out", str(out), "--shuffle", seed]
        assert main([*arguments, "--student-key", "separate"]) == 0
    folder = out / "test-bank"
    assert sorted(path.name for path in folder.iterdir()) == [
        RECORD,
        "test-bank-answer-key-shuffle7.pdf",
        "test-bank-answer-key-shuffle8.pdf",
        "test-bank-questions.csv",  # the exports are not shuffled: one of each
        "test-bank-student-shuffle7.pdf",
        "test-bank-student-shuffle8.pdf",
        "test-bank-trainer-shuffle7.pdf",
        "test-bank-trainer-shuffle8.pdf",
        "test-bank.json",
    ]
    for edition in ("student", "trainer"):
        cover = _pages(folder / f"test-bank-{edition}-shuffle8.pdf")[0]
        assert "Test bank Shuffle 8" in cover  # the version's mark, right under the title
    assert "Answer key Shuffle 8" in _pages(folder / "test-bank-answer-key-shuffle8.pdf")[0]


@pytest.mark.parametrize(
    ("seed", "name"),
    [
        ("7", "b-student-shuffle7.pdf"),
        ("spring-2025-midterm-b", "b-student-shufflespring-2025-midterm-b.pdf"),
        ("spring-2025-midterm-B", "b-student-shufflespring-2025-midterm-B-6eadf343.pdf"),
        ("spring 2025/B", "b-student-shufflespring-2025-B-f16eb16f.pdf"),
        ("../..", "b-student-shuffle0cfd1c96.pdf"),
        ("x" * 41, f"b-student-shuffle{'x' * 40}-3164596d.pdf"),
        ("a-559aead0", "b-student-shufflea-559aead0-a7638c75.pdf"),  # "A" is "-shuffleA-559aead0"
    ],
)
def test_a_seed_goes_into_file_names_as_every_system_can_hold_it(seed: str, name: str) -> None:
    assert file_name("b", "student", Settings(shuffle_seed=seed)) == name
    assert file_name("b", "student", Settings()) == "b-student.pdf"


@pytest.mark.parametrize(
    "seeds",
    [
        ("A", "a"),
        ("Spring-B", "spring-b"),
        ("\u0412", "\u0432"),
        ("\u00df", "ss"),
        ("\u0131", "i"),
        ("A", "a-559aead0"),
    ],
    ids=[
        "A and a",
        "Spring-B and spring-b",
        "Cyrillic Ve",
        "sharp s and ss",
        "dotless i and i",
        "A and A's name",
    ],
)
def test_two_seeds_never_name_one_file_where_case_is_ignored(seeds: tuple[str, str]) -> None:
    """macOS and Windows ignore case in file names (and fold "\u00df" as "ss"): versions "A"
    and "a" named "-shuffleA" and "-shufflea" would be one file there, one version writing
    over the other, or a build removing the other's key as stale (review s28-diff #3)."""
    for document in ("student", "trainer", "answer-key", "answer-sheet"):
        first, second = (file_name("b", document, Settings(shuffle_seed=seed)) for seed in seeds)
        assert first.upper().casefold() != second.upper().casefold()
        assert first.casefold() != second.casefold()
    built = [
        {name for name, _ in PdfBuilder().stale_names("b", Settings(shuffle_seed=seed))}
        for seed in seeds
    ]
    assert {name.casefold() for name in built[0]}.isdisjoint(name.casefold() for name in built[1])


def test_the_key_beside_a_shuffled_student_edition_follows_its_order(
    make_bank: Callable[..., Bank],
) -> None:
    bank = make_bank({"01-main.yaml": section_yaml(*QUESTIONS)})
    settings = Settings(shuffle_seed="7", student_key="separate")
    outputs = PdfBuilder().build(shuffled(bank, "7"), settings)
    key = " ".join(PdfReader(io.BytesIO(outputs[-1].data)).pages[0].extract_text().split())
    expected = " ".join(
        f"{ref.number} {ref.question.answer_letters[0]}" for ref in shuffled(bank, "7").questions()
    )
    assert outputs[-1].name == "test-bank-answer-key-shuffle7.pdf" and expected in key


@pytest.mark.parametrize(
    ("table", "flag", "paper"),
    [
        ('paper = "letter"', [], "letter"),
        ('paper = "Letter"', [], "letter"),
        ('paper = "letter"', ["--paper", "a4"], "a4"),  # the command line wins
        ("", [], "a4"),
    ],
)
def test_the_paper_size_comes_from_the_config_unless_the_command_line_gives_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str, flag: list[str], paper: str
) -> None:
    status, asked, _ = build_recording_settings(tmp_path, monkeypatch, table, flag)
    assert status == 0
    papers = [settings.paper for settings in asked]
    assert papers == [paper, paper]


@pytest.mark.parametrize(
    ("table", "flags", "documents"),
    [
        ('student-key = "separate"\nanswer-sheet = true', [], ["answer-key", "answer-sheet"]),
        ('student-key = "separate"\nanswer-sheet = true', ["--no-answer-sheet"], ["answer-key"]),
        ('student-key = "separate"', ["--student-key", "end"], []),  # the command line wins
        ("answer-sheet = false", ["--answer-sheet"], ["answer-sheet"]),
        ("", [], []),
    ],
)
def test_the_key_and_the_sheet_come_from_the_config_unless_the_command_line_says(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    table: str,
    flags: list[str],
    documents: list[str],
) -> None:
    status, asked, folder = build_recording_settings(tmp_path, monkeypatch, table, flags)
    assert status == 0
    assert sorted(path.name for path in folder.iterdir()) == [RECORD] + [
        f"test-bank-{document}.pdf" for document in sorted([*documents, "student", "trainer"])
    ]
    keys = {settings.student_key for settings in asked}
    assert keys == {"separate" if "answer-key" in documents else "end"}


@pytest.mark.parametrize(
    ("seed", "why"),
    [
        ("caf\udce9", "the seed is not UTF-8 text"),  # "café" from a Latin-1 terminal
        ("", "the seed is blank"),  # --shuffle "$VERSION", the variable unset
        ("  ", "the seed is blank"),
    ],
    ids=["Latin-1 bytes", "empty", "spaces"],
)
def test_a_seed_that_names_no_version_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed: str, why: str
) -> None:
    """Bytes a terminal in another encoding sent stopped the build with an internal error
    (review s30-fuzz #4); a blank seed printed a version mark with no version."""
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    with pytest.raises(SystemExit) as exit_status:
        main(["build", str(bank), "--shuffle", seed, "--out", str(tmp_path / "dist")])
    assert exit_status.value.code == 2
    assert f"argument --shuffle: {why}" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()


def test_a_seed_copied_from_a_large_print_footer_shuffles_as_the_seed_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The footer ties the seed's last word with a no-break space ("version\u00a0B"): copied
    # from the PDF into --shuffle, it gave another order and another version mark
    (tmp_path / "typed").mkdir()
    (tmp_path / "copied").mkdir()
    _, typed, _ = build_recording_settings(
        tmp_path / "typed", monkeypatch, "", ["--shuffle", "midterm, version B"]
    )
    _, copied, _ = build_recording_settings(
        tmp_path / "copied", monkeypatch, "", ["--shuffle", "midterm,\u202fversion\u00a0B"]
    )
    assert {settings.shuffle_seed for settings in typed + copied} == {"midterm, version B"}
