"""Text written as a date ('explanation: 2024-01-01') is text to lint, as to YAML 1.2, but a
date to YAML 1.1 readers such as PyYAML's ``safe_load``, which fail outright on a day that
does not exist: lint asks to quote it, as it does ``yes`` and ``4:1``, and ``lint --fix``
quotes it where it is the author's text (review s35 hostile, finding 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank

DATES = QUESTION.replace(
    "  A: Amazon SageMaker\n  B: AWS Lambda\n  C: Amazon EC2\n  D: Amazon Bedrock\n",
    "  A: 2024-01-01\n"
    "  B: 2001-12-14t21:59:43.10-05:00\n"
    "  C: 2001-12-14 21:59:43.10 -5\n"
    "  D: '2024-12-31'\n",  # quoted: text to every reader
).replace("explanation: SageMaker covers the whole ML lifecycle.", "explanation: 2024-02-30")
# Text no reader takes for a date: no seconds, a day written short, words before it.
NO_DATES = "summary: 2024-01-01 10:00\nnotes: 2024-1-1\nexam_tips: [On 2024-01-01]\n"
ONLY_YAML11 = "a date to YAML 1.1 readers only (others read the text)"
FIXED = " (exambank lint --fix does this)"


def _section(tmp_path: Path, question: str, extra: str = "") -> Path:
    section = section_yaml(question, extra=extra)
    return write_bank(tmp_path / "bank", {"01-main.yaml": section}) / "01-main.yaml"


def test_text_a_yaml11_reader_takes_for_a_date_is_told_where_it_is_with_the_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _section(tmp_path, DATES, extra=NO_DATES)
    assert main(["lint", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:10:10: error schema question q1, option A is '2024-01-01', {ONLY_YAML11}",
        f'    hint: quote it so it stays text: "2024-01-01"{FIXED}',
        f"{path}:11:10: error schema question q1, option B is '2001-12-14t21:59:43.10-05:00', "
        f"{ONLY_YAML11}",
        f'    hint: quote it so it stays text: "2001-12-14t21:59:43.10-05:00"{FIXED}',
        f"{path}:12:10: error schema question q1, option C is '2001-12-14 21:59:43.10 -5', "
        f"{ONLY_YAML11}",
        f'    hint: quote it so it stays text: "2001-12-14 21:59:43.10 -5"{FIXED}',
        f"{path}:15:18: error schema question q1, explanation is '2024-02-30', {ONLY_YAML11}",
        f'    hint: quote it so it stays text: "2024-02-30"{FIXED}',
        "4 errors, 0 warnings.",
    ]


def test_lint_fix_quotes_each_date_so_a_yaml11_reader_reads_the_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    yaml = pytest.importorskip("yaml")  # PyYAML, a YAML 1.1 reader (pre-commit's)
    path = _section(tmp_path, DATES)
    with pytest.raises(ValueError):  # 2024-02-30 is no day: PyYAML cannot read the file
        yaml.safe_load(path.read_text(encoding="utf-8"))
    # lint --fix once failed on that day: "a number of more than 4,300 digits"
    assert main(["lint", "--fix", str(path)]) == 0
    assert "No problems found." in capsys.readouterr().out
    quoted = (
        DATES.replace("A: 2024-01-01", 'A: "2024-01-01"')
        .replace("B: 2001-12-14t21:59:43.10-05:00", 'B: "2001-12-14t21:59:43.10-05:00"')
        .replace("C: 2001-12-14 21:59:43.10 -5", 'C: "2001-12-14 21:59:43.10 -5"')
        .replace("explanation: 2024-02-30", 'explanation: "2024-02-30"')
    )
    assert path.read_text(encoding="utf-8") == section_yaml(quoted)
    [question] = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    assert question["options"]["A"] == "2024-01-01"
    assert question["explanation"] == "2024-02-30"


def test_fmt_says_to_quote_a_date_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # once "the rewrite would change the file's data; please report this"
    path = _section(tmp_path, DATES)
    before = path.read_bytes()
    assert main(["fmt", str(path)]) == 1
    assert (
        f"{path}:7:10: cannot format: '2024-01-01' is read as a date; quote it first "
        "(exambank lint --fix quotes it)"
    ) in capsys.readouterr().err
    assert path.read_bytes() == before


def test_an_id_written_as_a_date_is_told_and_left_to_the_author(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _section(tmp_path, QUESTION.replace("id: q1", "id: 2024-01-01"))
    assert main(["lint", "--fix", str(path)]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == [
        f"{path}:4:9: error schema question 2024-01-01, id is '2024-01-01', {ONLY_YAML11}",
        '    hint: quote it so it stays text: "2024-01-01"',
    ]
    assert "- id: 2024-01-01\n" in path.read_text(encoding="utf-8")
