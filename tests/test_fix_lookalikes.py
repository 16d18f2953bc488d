"""``exambank lint --fix`` writes an answer's Cyrillic or Greek look-alike letter in Latin
(review RU, finding 1), only where that cannot change what the author meant: the options
are lettered A, B, C..., and every such letter of the answer looks like one of them.
Constructed items: the project has no real Russian bank."""

# ruff: noqa: RUF001, RUF002, RUF003  # Cyrillic and Greek look-alikes are the point

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank


def _bank(tmp_path: Path, question: str) -> Path:
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    return root / "01-main.yaml"


def _multiple(answer: str) -> str:
    stem = "Select TWO. Which AWS service trains, tunes and deploys ML models?"
    question = QUESTION.replace("answer: A", f"type: multiple\nanswer: {answer}")
    return question.replace("Which AWS service trains, tunes and deploys ML models?", stem)


@pytest.mark.parametrize(
    ("written", "fixed", "said"),
    [
        ("answer: С", "answer: C", ["11:13: fixed answer letter 'С' (Cyrillic) -> 'C'"]),
        ("answer: в", None, []),  # B by look, C by its place in Russian, D by its key
        ("answer: 'А'", "answer: 'A'", ["11:13: fixed answer letter 'А' (Cyrillic) -> 'A'"]),
        ("answer: Δ", None, []),  # no look-alike: the schema says so
        ("answer: Β", "answer: B", ["11:13: fixed answer letter 'Β' (Greek) -> 'B'"]),
        ("answer: Х", None, []),  # looks like X, which is no option here
    ],
)
def test_a_look_alike_answer_letter_is_written_in_latin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written, fixed, said
) -> None:
    path = _bank(tmp_path, QUESTION.replace("answer: A", written))
    before = path.read_text(encoding="utf-8")
    status = main(["lint", "--fix", str(path)])
    err = capsys.readouterr().err
    assert [line.split(":", 1)[1] for line in err.splitlines() if "fixed" in line] == said
    if fixed is None:
        assert status == 1 and path.read_text(encoding="utf-8") == before
    else:
        assert status == 0 and path.read_text(encoding="utf-8") == before.replace(written, fixed)
        assert main(["lint", "--fix", str(path)]) == 0  # and a second run has nothing to do
        assert "fixed" not in capsys.readouterr().err


def test_an_answer_list_is_fixed_item_by_item_with_lower_case_too(tmp_path: Path) -> None:
    path = _bank(tmp_path, _multiple("[А, c]"))
    assert main(["lint", "--fix", str(path)]) == 0
    assert "answer: [A, C]" in path.read_text(encoding="utf-8")


def test_a_letter_without_a_look_alike_leaves_the_whole_answer_as_written(
    tmp_path: Path,
) -> None:
    # 'Б' says the author counts in Russian order, where 'В' is the third option, C
    path = _bank(tmp_path, _multiple("[Б, В]"))
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before


def test_options_lettered_in_russian_order_are_never_relettered(tmp_path: Path) -> None:
    options = "options:\n  А: S3\n  Б: EBS\n  В: EFS\n  Г: Glacier\n"
    question = QUESTION.split("options:")[0] + options + "answer: В\nexplanation: x\n"
    path = _bank(tmp_path, question)
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before


def test_an_answer_in_russian_order_anywhere_in_the_file_stops_every_look_alike_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Answers А, Б, В, Г over four questions: the file counts in Russian order, so its
    'А' is not fixed either (review-s20diff #1: 'В' became B, meant C)."""
    questions = [
        QUESTION.replace("id: q1", f"id: q{number}").replace("answer: A", f"answer: {letter}")
        for number, letter in enumerate("АБВГ", 1)
    ]
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})
    path = root / "01-main.yaml"
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    capsys.readouterr()
    assert main(["lint", str(path)]) == 1
    said = capsys.readouterr().out
    assert "write answer: A in Latin letters\n" in said and "--fix does this" not in said
