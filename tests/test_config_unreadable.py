"""A ``pyproject.toml`` whose ``[tool.exambank]`` cannot be read stops every command that
reads it, and says why where: saved as UTF-16 (found or named), or holding a merge
conflict. Nothing is checked, built or rewritten."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank

# With its rules switched off by the table, the bank passes; without the table, it fails.
ANSWER_E = QUESTION.replace("answer: A", "answer: E")
TABLE = '[project]\nname = "team-bank"\n\n[tool.exambank]\nignore = ["answer-not-in-options"]\n'
UTF16_HINT = (
    "    hint: save the file as UTF-8, as TOML files are (Notepad: Save as -> Encoding: "
    "UTF-8; in Windows PowerShell, write it with Out-File -Encoding utf8, not >)"
)
CONFLICT = "pyproject.toml:{}:1: error config unresolved merge conflict marker '{}'"
RESOLVE = (
    "    hint: keep one side's settings, or merge the two (TOML sets a key once), and delete the "
)


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose bank lints clean only under its [tool.exambank] (UTF-8 here)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    write_bank(tmp_path / "bank" / "b", {"01-main.yaml": section_yaml(ANSWER_E)})
    (tmp_path / "pyproject.toml").write_text(TABLE, encoding="utf-8")
    assert main(["lint"]) == 0
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, list[str]]:
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out, captured.err.splitlines()


@pytest.mark.parametrize(
    ("raw", "saved_as"),
    [
        (TABLE.encode("utf-16"), "UTF-16"),  # Notepad's "Unicode", PowerShell 5.1's >
        (codecs.BOM_UTF16_BE + TABLE.encode("utf-16-be"), "UTF-16"),
        (TABLE.encode("utf-16-le"), "UTF-16 (with no byte-order mark)"),
    ],
)
def test_a_pyproject_saved_as_utf16_stops_lint_where_it_was_passed_over(
    repository, capsys, raw, saved_as
):
    Path("pyproject.toml").write_bytes(raw)
    status, out, err = run(capsys, "lint")
    assert (status, out) == (2, "")
    assert err == [
        f"pyproject.toml:1:1: error config the file is saved as {saved_as}, not UTF-8",
        UTF16_HINT,
        "1 error, 0 warnings.",
        "exambank: error: pyproject.toml is saved as UTF-16, not UTF-8",
    ]
    assert run(capsys, "lint", "bank/b")[0] == 2  # from a bank's folder too
    status, out, _ = run(capsys, "lint", "--format", "json")
    assert status == 2 and '"path": "pyproject.toml"' in out  # for the tool that reads stdout


def test_a_build_under_a_pyproject_saved_as_utf16_writes_nothing(repository, capsys):
    Path("pyproject.toml").write_bytes(TABLE.encode("utf-16"))
    status, _, err = run(capsys, "build", "--out", "dist", "--only", "json")
    assert status == 2 and err[0].endswith("the file is saved as UTF-16, not UTF-8")
    assert not Path("dist").exists()


def test_a_merge_conflict_in_pyproject_is_named_at_its_first_marker(repository, capsys):
    Path("pyproject.toml").write_text(
        "[tool.exambank]\n"
        "<<<<<<< HEAD\n"
        'ignore = ["answer-not-in-options"]\n'
        "=======\n"
        'ignore = ["answer-count"]\n'
        ">>>>>>> alice\n"
        'extend-select = ["near-duplicate"]\n'
        "<<<<<<< HEAD\n"
        "paper = 'letter'\n"
        "=======\n"
        ">>>>>>> alice\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, "lint")
    assert (status, out) == (2, "")
    assert err == [
        CONFLICT.format(2, "<<<<<<< HEAD"),
        RESOLVE + "<<<<<<<, ======= and >>>>>>> lines",
        CONFLICT.format(8, "<<<<<<< HEAD"),
        RESOLVE + "<<<<<<<, ======= and >>>>>>> lines",
        "2 errors, 0 warnings.",
        "exambank: error: pyproject.toml holds an unresolved merge conflict",
    ]


def test_a_diff3_conflict_in_pyproject_says_to_delete_the_old_settings_too(repository, capsys):
    section = Path("bank/b/01-main.yaml")
    before = section.read_bytes()
    Path("pyproject.toml").write_text(
        "[tool.exambank]\n"
        "<<<<<<< HEAD\n"
        'ignore = ["answer-not-in-options", "answer-run"]\n'
        "||||||| 1ab59f6\n"
        'ignore = ["answer-not-in-options"]\n'
        "=======\n"
        'ignore = ["answer-not-in-options", "near-duplicate"]\n'
        ">>>>>>> bob\n",
        encoding="utf-8",
    )
    resolve = (
        RESOLVE + "<<<<<<<, |||||||, ======= and >>>>>>> lines and the old settings "
        "between ||||||| and ======="
    )
    for command in (["lint"], ["fmt"], ["fmt", "--check"], ["build", "--out", "dist"]):
        status, _, err = run(capsys, *command)
        assert status == 2 and err[:2] == [CONFLICT.format(2, "<<<<<<< HEAD"), resolve]
    assert section.read_bytes() == before and not Path("dist").exists()
