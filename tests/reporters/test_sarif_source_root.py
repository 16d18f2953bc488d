"""SARIF locations are relative to ``%SRCROOT%``: the checkout (``GITHUB_WORKSPACE``) in a
GitHub job, else the working folder; ``originalUriBaseIds`` says where that is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from exambank.cli import main
from exambank.diagnostics import Diagnostic, Note
from exambank.lint import LintResult
from exambank.reporters import REPORTER_BY_NAME, Context
from tests.reporters.conftest import SELECT
from tests.reporters.test_sarif import validated


@pytest.fixture(autouse=True)
def outside_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


def artifacts(log: dict[str, Any]) -> set[tuple[str, str | None]]:
    return {
        (location["uri"], location.get("uriBaseId"))
        for result in log["runs"][0]["results"]
        for location in [result["locations"][0]["physicalLocation"]["artifactLocation"]]
    }


def source_root(log: dict[str, Any]) -> str:
    uri: str = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    return uri


def test_relative_to_the_working_folder_outside_github(sample: LintResult) -> None:
    log = validated(REPORTER_BY_NAME["sarif"](sample.diagnostics))
    assert artifacts(log) == {
        ("bank/01-main.yaml", "%SRCROOT%"),
        ("bank/02-extra.yaml", "%SRCROOT%"),
    }
    # Named by description only: the same report in every checkout, no home folder in it.
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"] == {
        "description": {"text": "The folder exambank ran in."}
    }


def test_relative_to_the_workspace_when_run_below_it(
    sample: LintResult, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repository = Path.cwd()
    monkeypatch.setenv("GITHUB_WORKSPACE", str(repository))
    monkeypatch.chdir("bank")  # a step with working-directory: bank
    assert main(["lint", *SELECT, "--format", "sarif", "."]) == 1
    log = validated(capsys.readouterr().out)
    assert artifacts(log) == {
        ("bank/01-main.yaml", "%SRCROOT%"),
        ("bank/02-extra.yaml", "%SRCROOT%"),
    }
    assert source_root(log) == repository.as_uri() + "/"


def test_a_file_outside_the_root_is_an_absolute_uri_with_no_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    outside = tmp_path.parent / "elsewhere" / "bank.yaml"
    found = Diagnostic(str(outside), 2, 3, "error", "manifest", "m")
    assert artifacts(validated(REPORTER_BY_NAME["sarif"]([found]))) == {(outside.as_uri(), None)}


def test_a_notification_is_placed_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    note = Note("b/bank.yaml", 4, 11, "the bank's language is 'de': negative-stem did not run")
    log = validated(REPORTER_BY_NAME["sarif"]([], Context(notes=(note,))))
    [notification] = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    location = notification["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "b/bank.yaml", "uriBaseId": "%SRCROOT%"}


def test_the_root_uri_ends_in_one_slash_even_at_the_top(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", "/")
    log = validated(REPORTER_BY_NAME["sarif"]([]))
    assert source_root(log) == "file:///"
