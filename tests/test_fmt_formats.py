"""``fmt --check --format``: each file that would change, for a CI to annotate at the
first line that would change; the exit codes stay those of ``fmt --check``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.cli.fmt import first_changed_line
from exambank.layout import format_file
from tests.conftest import QUESTION, section_yaml, write_bank

TIDY = section_yaml(QUESTION)
MISLAID = TIDY.replace("answer: A", "answer:   A")  # line 11 of the file


def bank(root: Path, text: str = MISLAID, name: str = "01-main.yaml") -> Path:
    write_bank(root, {name: text})
    return root / name


def test_github_annotates_the_first_changed_line_relative_to_the_workspace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = bank(tmp_path / "repo" / "bank" / "a, b: c")  # a comma and a colon to escape
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "repo"))
    monkeypatch.chdir(path.parent)
    assert main(["fmt", "--check", "--format", "github"]) == 1
    printed = capsys.readouterr()
    assert printed.out == (
        "::error file=bank/a%2C b%3A c/01-main.yaml,line=11,col=1,title=exambank fmt::"
        "the file is not in the layout exambank fmt writes%0A"
        "hint: run 'exambank fmt 01-main.yaml' and commit the result\n"
    )
    assert printed.err == "would reformat 01-main.yaml\n1 would be reformatted, 1 unchanged\n"
    assert path.read_text(encoding="utf-8") == MISLAID  # --check changes nothing


def test_a_tidy_bank_gives_no_annotation_and_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bank(tmp_path / "b", TIDY)
    assert main(["fmt", "--check", "--format", "github", str(path.parent)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["fmt", "--check", "--format", "gitlab", str(path.parent)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_gitlab_and_json_report_the_same_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = bank(Path("b"), MISLAID.replace("\n", "\r\n"))
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    assert main(["fmt", "--check", "--format", "gitlab"]) == 1
    [issue] = json.loads(capsys.readouterr().out)
    assert issue["check_name"] == "fmt" and issue["severity"] == "major"
    assert issue["location"] == {"path": "b/01-main.yaml", "lines": {"begin": 11}}
    said = "not in the layout exambank fmt writes (layout, line endings CRLF -> LF)"
    assert said in issue["description"]
    assert main(["fmt", "--check", "--format", "json", str(path)]) == 1
    [found] = json.loads(capsys.readouterr().out)
    assert (found["path"], found["line"], found["rule"]) == ("b/01-main.yaml", 11, "fmt")


def test_a_file_fmt_cannot_format_is_reported_where_it_cannot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bank(tmp_path / "b", "id: main\ntitle: [unclosed\n")
    assert main(["fmt", "--check", "--format", "github", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"::error file={path},line=2,col=8,title=exambank fmt::")
    assert "exambank fmt cannot format the file: " in out


@pytest.mark.parametrize(
    "arguments", [["--format", "github"], ["--check", "--diff", "--format", "json"]]
)
def test_a_format_needs_check_and_no_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    path = bank(tmp_path / "b")
    assert main(["fmt", *arguments, str(path)]) == 2
    assert "reports what --check finds: give --check, without --diff" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == MISLAID  # nothing written


@pytest.mark.parametrize(
    ("old", "line"),
    [
        (MISLAID, 11),
        (TIDY.replace("\n", "\r\n"), 1),  # only the line endings change
        ("\ufeff" + TIDY, 1),  # only the byte-order mark goes
        (TIDY + "summary: S\n", 3),  # a key moves up, before the questions
        (TIDY.rstrip("\n"), 12),  # a line break only added at the end: the last line
    ],
)
def test_the_first_changed_line_of_a_rewrite(tmp_path: Path, old: str, line: int) -> None:
    rewrite = format_file(bank(tmp_path / "b", old))
    assert rewrite.changed
    assert first_changed_line(rewrite.old_text, rewrite.new) == line


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("a\nb\nc\n", "a\nb\n", 3),  # lines taken away at the end: the first of them
        ("a\n", "a\nb\n", 1),  # lines added at the end: the last line there is
        ("", "a\n", 1),  # an empty file: its first line
        ("a\nb\n", "a\nb\n", 1),
        # a line separator inside a quoted text ends no line an editor, git or a CI shows
        ('a: "x\u2028y"\nb: 1\n', 'a: "x\u2028y"\nb: 2\n', 2),
    ],
)
def test_the_first_changed_line(old: str, new: str, line: int) -> None:
    assert first_changed_line(old, new) == line
