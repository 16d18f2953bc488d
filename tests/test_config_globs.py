"""per-file-ignores globs that match no file: noted at their line, never a failure."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank

TABLE = """\
[tool.exambank]

[tool.exambank.per-file-ignores]
"bank/b/*.yaml" = ["answer-count"]
"bank/legcy/*.yaml" = ["negative-stem"]
"01-main.yaml" = ["option-letters"]
"*-draft.yaml" = ["empty-text"]
"""
MANIFEST = "id: c\ntitle: C\nsections: [main]\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_bank(tmp_path / "bank" / "b", {"01-main.yaml": section_yaml(QUESTION)})
    hidden = tmp_path / ".drafts"  # lint never reads a hidden folder: no file of its counts
    hidden.mkdir()
    (hidden / "q-draft.yaml").write_text("id: x\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(TABLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_glob_that_matches_no_file_is_noted_at_its_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint"]) == 0  # a note fails nothing
    out = capsys.readouterr().out
    notes = [line.split(" note ", 1)[0] for line in out.splitlines() if " note " in line]
    assert notes == ["pyproject.toml:5:1:", "pyproject.toml:7:1:"]
    assert "'bank/legcy/*.yaml' matches no YAML file" in out
    assert "No problems found." in out


def test_the_note_is_in_the_junit_report_as_a_passing_testcase(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", "--format", "junit"]) == 0
    root = ET.fromstring(capsys.readouterr().out)
    suite = root.find("testsuite[@name='pyproject.toml']")
    assert suite is not None and suite.get("failures") == "0"
    said = suite.findtext("testcase/system-out") or ""
    assert "'bank/legcy/*.yaml' matches no YAML file" in said
    assert "'*-draft.yaml' matches no YAML file" in said


def test_no_note_once_the_glob_matches(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_bank(project / "bank" / "legcy", {"01-main.yaml": section_yaml(QUESTION)})
    (project / "bank" / "b" / "02-q-draft.yaml").write_text("id: q\n", encoding="utf-8")
    main(["lint"])
    assert " note " not in capsys.readouterr().out


def test_a_glob_reaching_outside_the_folder_is_noted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """per-file-ignores apply under the pyproject's folder only: a file out there does
    not count as a match."""
    project = tmp_path / "project"
    write_bank(project / "bank" / "b", {"01-main.yaml": section_yaml(QUESTION)})
    write_bank(tmp_path / "elsewhere", {"01-main.yaml": section_yaml(QUESTION)})
    table = TABLE.split("[tool.exambank.per-file-ignores]")[0] + (
        '[tool.exambank.per-file-ignores]\n"../elsewhere/*.yaml" = ["empty-text"]\n'
    )
    (project / "pyproject.toml").write_text(table, encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["lint"]) == 0
    said = capsys.readouterr().out
    assert "pyproject.toml:4:1: note per-file-ignores: '../elsewhere/*.yaml'" in said


@pytest.mark.parametrize(
    "glob",
    [
        '"./bank/b/01-main.yaml"',  # copied from a shell
        "'bank\\b\\01-main.yaml'",  # copied on Windows, in a literal string
        '".\\\\bank\\\\b\\\\*.yaml"',  # and in a basic string, its backslashes escaped
    ],
)
def test_a_glob_with_a_leading_dot_slash_or_backslashes_matches_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], glob: str
) -> None:
    wrong_key = section_yaml(QUESTION.replace("answer: A", "answer: E"))
    write_bank(tmp_path / "bank" / "b", {"01-main.yaml": wrong_key})
    table = f'[tool.exambank.per-file-ignores]\n{glob} = ["answer-not-in-options"]\n'
    (tmp_path / "pyproject.toml").write_text(table, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["lint"]) == 0
    assert capsys.readouterr().out == "No problems found.\n"


def test_a_glob_written_dot_slash_name_is_the_file_beside_the_pyproject_only(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # '01-main.yaml' matches that file name anywhere; './01-main.yaml' only at the top
    table = (
        "[tool.exambank.per-file-ignores]\n"
        '"./bank/b/01-main.yaml" = ["answer-count"]\n"./01-main.yaml" = ["answer-count"]\n'
    )
    (project / "pyproject.toml").write_text(table, encoding="utf-8")
    main(["lint"])
    notes = [line for line in capsys.readouterr().out.splitlines() if " note " in line]
    assert [note.split(" matches")[0] for note in notes] == [
        "pyproject.toml:3:1: note per-file-ignores: './01-main.yaml'"
    ]


def test_a_glob_with_escapes_that_matches_nothing_is_noted_at_its_own_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = TABLE.replace('"bank/legcy/*.yaml"', '"bank\\\\legcy\\\\*.yaml"')
    (project / "pyproject.toml").write_text(table, encoding="utf-8")
    main(["lint"])
    out = capsys.readouterr().out
    assert "pyproject.toml:5:1: note per-file-ignores: 'bank\\legcy\\*.yaml' matches no" in out


@pytest.mark.parametrize(
    ("glob", "name"),
    [
        ("bank/*/*.yaml.txt", "02-old.yaml.txt"),  # as the README has it
        ("bank/*/*.yaml.", "02-old.yaml."),
        ("bank/b/02-old.yaml ", "02-old.yaml "),
        ("bank/*/bank.yaml.txt", "bank.yaml.txt"),  # a misnamed manifest, in a bank of its own
    ],
)
def test_a_glob_that_silences_a_file_lint_does_not_read_is_not_told_to_go(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    glob: str,
    name: str,
) -> None:
    """lint reports '02-old.yaml.txt' (not read, not listed); a glob kept to silence it
    must not be called one that 'switches nothing off': removed, the error is back."""
    write_bank(tmp_path / "bank" / "b", {"01-main.yaml": section_yaml(QUESTION)})
    folder = tmp_path / "bank" / ("c" if name.startswith("bank") else "b")
    folder.mkdir(exist_ok=True)
    text = MANIFEST if name.startswith("bank") else section_yaml(QUESTION, section_id="old")
    (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["lint"]) == 1
    assert f"{name}:1:1: error manifest " in capsys.readouterr().out
    table = f'[tool.exambank.per-file-ignores]\n"{glob}" = ["manifest"]\n'
    Path("pyproject.toml").write_text(table, encoding="utf-8")
    assert main(["lint"]) == 0
    assert capsys.readouterr().out == "No problems found.\n"
