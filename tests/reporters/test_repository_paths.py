"""The repository's root a CI job names may be a link to the checkout: paths below it are
still relative to it, in every format that places findings on a repository's files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exambank.config import Config
from exambank.lint import LintResult, lint
from exambank.reporters import REPORTER_BY_NAME
from exambank.reporters.repository import relative_to, repository_path
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
