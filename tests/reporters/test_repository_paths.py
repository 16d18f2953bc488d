"""The repository's root a CI job names may be a link to the checkout: paths below it are
still relative to it, in every format that places findings on a repository's files."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import LintResult, lint
from exambank.reporters import REPORTER_BY_NAME
from exambank.reporters.repository import FromRoot, relative_to, repository_path
from tests.conftest import QUESTION, section_yaml, write_bank
from tests.reporters.conftest import RULE_NAMES


@pytest.fixture
def run_below_a_linked_root(
    sample: LintResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> LintResult:
    """lint run in bank/, the checkout's root named by a link to it."""
    for variable in ("GITHUB_WORKSPACE", "GITHUB_BASE_REF", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(variable, raising=False)
    (tmp_path.parent / f"{tmp_path.name}-link").symlink_to(tmp_path, target_is_directory=True)
    monkeypatch.chdir(tmp_path / "bank")
    return lint([Path()], Config(select=set(RULE_NAMES)))


def linked_root(tmp_path: Path) -> str:
    return str(tmp_path.parent / f"{tmp_path.name}-link")


def test_gitlab(
    run_below_a_linked_root: LintResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI_PROJECT_DIR", linked_root(tmp_path))
    report = json.loads(REPORTER_BY_NAME["gitlab"](run_below_a_linked_root.diagnostics))
    paths = {issue["location"]["path"] for issue in report}
    assert paths == {"bank/01-main.yaml", "bank/02-extra.yaml"}


def test_github(
    run_below_a_linked_root: LintResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", linked_root(tmp_path))
    lines = REPORTER_BY_NAME["github"](run_below_a_linked_root.diagnostics).splitlines()
    assert {line.split("file=")[1].split(",")[0] for line in lines} == {
        "bank/01-main.yaml",
        "bank/02-extra.yaml",
    }


def test_outside_the_root_a_path_is_as_lint_names_it(tmp_path: Path) -> None:
    root = str(tmp_path / "repository")
    assert relative_to(str(tmp_path / "repository" / "a" / "b.yaml"), root) == "a/b.yaml"
    assert relative_to(str(tmp_path / "repository-2" / "b.yaml"), root) is None
    assert relative_to(str(tmp_path), root) is None
    assert repository_path(str(tmp_path / "x.yaml"), root) == (tmp_path / "x.yaml").as_posix()
    assert repository_path("bank/x.yaml", None) == "bank/x.yaml"


# Each finding that quotes another file: a section id and a question used twice, keys given
# away, a manifest's key that belongs in a section file, a file beside no manifest, a bank
# behind a link, and a per-file-ignores glob that matches nothing (a note).
QUOTING = ["duplicate-id", "duplicate-question", "near-duplicate", "key-in-other-stem", "manifest"]


@pytest.fixture
def quoting_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A checkout (with .git) whose findings quote other files, and an empty docs/."""
    monkeypatch.chdir(tmp_path)
    Path(".git").mkdir()
    Path("docs").mkdir()
    twin = QUESTION.replace("id: q1", "id: q2")
    key = "keeps several copies of every object"
    giver = QUESTION.replace("id: q1", "id: q3").replace("Amazon SageMaker", key)
    giver = giver.replace("trains, tunes and deploys ML models", "stores data")
    taker = QUESTION.replace("id: q1", "id: q4")
    taker = taker.replace("Which AWS service trains", f"A service {key}. Which one trains")
    sections = {
        "01-netz.yaml": section_yaml(QUESTION, twin, giver, taker, section_id="netz"),
        "02-kopie.yaml": section_yaml(QUESTION.replace("id: q1", "id: q9"), section_id="netz"),
    }
    write_bank(Path("bank/it"), sections, "id: it\ntitle: IT\nsections: [netz]\nquestions: []\n")
    Path("bank/it/sub").mkdir()
    Path("bank/it/sub/x.yaml").write_text("id: x\n", "utf-8")
    write_bank(Path("elsewhere/linked"), {}, "id: linked\ntitle: L\nsections: []\n")
    Path("bank/linked").symlink_to(tmp_path / "elsewhere" / "linked", target_is_directory=True)
    glob = '[tool.exambank.per-file-ignores]\n"bank/legcy/*.yaml" = ["answer-count"]\n'
    Path("pyproject.toml").write_text(glob, "utf-8")
    return tmp_path


# What each of those says, from the root.
QUOTED = [
    "already used at bank/it/01-netz.yaml:1",
    "q2 at bank/it/01-netz.yaml:14",
    "in the stem of q4 at bank/it/01-netz.yaml:32",
    "a section's file, bank/it/<nn>-<section-id>.yaml,",
    "bank/it/bank.yaml reads only the files beside it",
    "(exambank lint bank/linked)",
    "relative to the folder of pyproject.toml,",
]


@pytest.mark.parametrize(
    ("report", "variable"),
    [("github", "GITHUB_WORKSPACE"), ("gitlab", "CI_PROJECT_DIR"), ("sarif", "GITHUB_WORKSPACE")],
)
def test_a_report_names_the_files_its_messages_quote_from_the_root_as_its_own(
    quoting_checkout: Path,
    report: str,
    variable: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """So it is the same bytes from every folder of the checkout (the job summary too);
    text, for a person at a terminal, names them from the working folder."""
    monkeypatch.setenv(variable, str(quoting_checkout))
    select = ["--select", ",".join(QUOTING)]

    def run(folder: str, *options: str) -> str:
        monkeypatch.chdir(quoting_checkout / folder)
        summary = quoting_checkout / f"summary-{folder or 'root'}"
        monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
        above = "../" if folder else ""
        paths = [f"{above}bank", f"{above}bank/it/sub/x.yaml"]  # x.yaml: beside no manifest
        assert main(["lint", *select, *options, *paths]) == 1
        return capsys.readouterr().out

    from_the_root, from_docs = run("", "--format", report), run("docs", "--format", report)
    assert all(quoted in from_docs for quoted in QUOTED)
    assert "../" not in from_docs
    assert from_docs == from_the_root
    if report == "github":
        summary = (quoting_checkout / "summary-docs").read_text("utf-8")
        assert summary == (quoting_checkout / "summary-root").read_text("utf-8")
    assert "already used at ../bank/it/01-netz.yaml:1" in run("docs")


def test_only_the_places_a_finding_names_are_named_from_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A place quoted whole, as a message quotes it (escaped by invisible.shown, too); not
    where its words stand within another path or a quoted value."""
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    message = (
        "id 'a' is already used at ../bank/a.yaml:2, not in ../../bank/a.yaml, "
        "../bank/a.yaml.txt or '../bank/a.yaml' (and at ../bank/a\\nb.yaml:4)"
    )
    places = ("../bank/a.yaml", "../bank/a\nb.yaml")  # a line break in the second name
    found = Diagnostic("x.yaml", 1, 1, "error", "duplicate-id", message, "see ../bank/a.yaml.")
    from_root = FromRoot(str(tmp_path))
    said = from_root(replace(found, places=places))
    assert said.message == (
        "id 'a' is already used at bank/a.yaml:2, not in ../../bank/a.yaml, "
        "../bank/a.yaml.txt or '../bank/a.yaml' (and at bank/a\\nb.yaml:4)"
    )
    assert said.hint == "see bank/a.yaml."
    assert from_root(found) is found  # it names no place
    assert FromRoot(None)(said) is said  # no root: as lint names them
