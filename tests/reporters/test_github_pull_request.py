"""``--format github`` in a pull request: the annotations GitHub shows are about the PR.

GitHub shows a step's first 10 error and 10 warning annotations only, so the errors come
first and, within each kind, the findings in the files the pull request changes
(``git diff origin/$GITHUB_BASE_REF...HEAD``); without git or the base, bank order.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank
from tests.reporters.conftest import SELECT

WARNING = 'lint: {ignore: [answer-count], reason: "x"}\n'  # an unused suppression


def question(number: int, *, warning: bool = False, error: bool = False) -> str:
    text = QUESTION.replace("id: q1", f"id: q{number}")
    return (text.replace("answer: A", "answer: E") if error else text) + (
        WARNING if warning else ""
    )


BASE = {  # q2 and q3 warn, q5 is wrong; the pull request makes q4 warn in 03-c.yaml
    "01-a.yaml": section_yaml(question(1), question(2, warning=True), section_id="a"),
    "02-b.yaml": section_yaml(question(3, warning=True), question(5, error=True), section_id="b"),
    "03-c.yaml": section_yaml(question(4), section_id="c"),
}


@pytest.fixture(autouse=True)
def a_github_job_of_our_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """No variable of a real CI job leaks in; git reads no user's configuration."""
    for variable in ("GITHUB_WORKSPACE", "GITHUB_BASE_REF", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Author")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "author@example.org")


def git(folder: Path, *arguments: str) -> None:
    subprocess.run(["git", *arguments], cwd=folder, check=True, capture_output=True)


@pytest.fixture
def pull_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clone of a bank repository on a branch whose one commit makes q4 warn; the
    working folder is the clone, with GITHUB_BASE_REF set as in a pull_request job."""
    return cloned(
        tmp_path, monkeypatch, BASE, section_yaml(question(4, warning=True), section_id="c")
    )


def cloned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, base: dict[str, str], section_c: str
) -> Path:
    """A clone of the bank ``base`` on a branch whose one commit writes ``section_c`` to
    03-c.yaml."""
    upstream = tmp_path / "upstream"
    write_bank(upstream / "bank", base)
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "the bank")
    git(tmp_path, "clone", "-q", str(upstream), "clone")
    clone = tmp_path / "clone"
    git(clone, "checkout", "-q", "-b", "feature")
    (clone / "bank" / "03-c.yaml").write_text(section_c, "utf-8")
    git(clone, "commit", "-q", "-a", "-m", "q4")
    monkeypatch.chdir(clone)
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    return clone


def suppressing(number: int) -> str:
    """Question ``number``, asking for two answers, and its suppression of answer-count."""
    text = question(number).replace("models?", "models? (Choose two.)")
    return text + f'lint: {{ignore: [answer-count], reason: "q{number}"}}\n'


def test_the_suppressions_in_the_pull_requests_files_come_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    base = {**BASE, "01-a.yaml": section_yaml(question(1), suppressing(2), section_id="a")}
    cloned(tmp_path, monkeypatch, base, section_yaml(suppressing(4), section_id="c"))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    annotated(capsys)
    summary = (tmp_path / "summary.md").read_text("utf-8")
    assert "#### Suppressed in bank files: 2 findings, by 2 entries\n" in summary
    assert "those in files this pull request changes (1) come first." in summary
    rows = [line for line in summary.splitlines() if "| answer-count | 1 |" in line]
    assert rows == [
        "| bank/03-c.yaml:13:21 | q4 | answer-count | 1 | q4 |",
        "| bank/01-a.yaml:22:21 | q2 | answer-count | 1 | q2 |",
    ]


def annotated(capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str]]:
    """(kind, file) of each annotation lint printed."""
    assert main(["lint", *SELECT, "--format", "github"]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""  # nothing said about git, whatever happened
    lines = captured.out.splitlines()
    return [(line[2:].split(" ")[0], line.split("file=")[1].split(",")[0]) for line in lines]


ERRORS_THEN_BANK_ORDER = [
    ("error", "bank/02-b.yaml"),
    ("warning", "bank/01-a.yaml"),
    ("warning", "bank/02-b.yaml"),
    ("warning", "bank/03-c.yaml"),
]


def test_errors_then_the_pull_requests_findings_come_first(
    pull_request: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    assert annotated(capsys) == [
        ("error", "bank/02-b.yaml"),
        ("warning", "bank/03-c.yaml"),  # the file the pull request changed
        ("warning", "bank/01-a.yaml"),
        ("warning", "bank/02-b.yaml"),
    ]
    summary = (tmp_path / "summary.md").read_text("utf-8")
    assert "those in files this pull request changes (1 of them) first." in summary
    rows = [line.split(" | ")[:2] for line in summary.splitlines() if line.startswith("| ")]
    assert [where.split(":")[0] for _, where in rows[2:]] == [
        "bank/02-b.yaml",
        "bank/03-c.yaml",
        "bank/01-a.yaml",
        "bank/02-b.yaml",
    ]


def test_without_the_base_branch_bank_order(
    pull_request: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_BASE_REF", "no-such-branch")
    assert annotated(capsys) == ERRORS_THEN_BANK_ORDER


def test_without_git_bank_order(
    pull_request: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "no-git").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "no-git"))
    assert annotated(capsys) == ERRORS_THEN_BANK_ORDER


def test_a_shallow_clone_without_the_base_bank_order(
    pull_request: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # as actions/checkout's default fetch-depth 1: the commit, neither its parent nor main
    git(tmp_path, "clone", "-q", "--depth", "1", "-b", "feature", pull_request.as_uri(), "shallow")
    monkeypatch.chdir(tmp_path / "shallow")
    assert annotated(capsys) == ERRORS_THEN_BANK_ORDER


def test_outside_a_pull_request_bank_order_without_asking_git(
    pull_request: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("GITHUB_BASE_REF")
    (tmp_path / "no-git").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "no-git"))
    assert annotated(capsys) == ERRORS_THEN_BANK_ORDER


def test_paths_are_relative_to_the_workspace_when_run_below_it(
    pull_request: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(pull_request))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(pull_request / "summary.md"))
    monkeypatch.chdir(pull_request / "bank")  # a step with working-directory: bank
    assert main(["lint", *SELECT, "--format", "github", "."]) == 1
    files = {line.split("file=")[1].split(",")[0] for line in capsys.readouterr().out.splitlines()}
    assert files == {"bank/01-a.yaml", "bank/02-b.yaml", "bank/03-c.yaml"}
    summary = (pull_request / "summary.md").read_text("utf-8")
    assert "| warning | bank/03-c.yaml:" in summary
