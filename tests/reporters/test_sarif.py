"""SARIF 2.1.0 that validates against the OASIS schema and describes every rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from exambank.cli import main
from exambank.diagnostics import Diagnostic
from exambank.lint import LintResult
from exambank.reporters import REPORTER_BY_NAME
from exambank.rules import RULES
from tests.conftest import REPO
from tests.reporters.conftest import SELECT

SCHEMA = json.loads((REPO / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text("utf-8"))


def sarif(diagnostics: list[Diagnostic]) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(REPORTER_BY_NAME["sarif"](diagnostics))
    errors = sorted(Draft4Validator(SCHEMA).iter_errors(log), key=str)
    assert errors == [], [error.message for error in errors]
    return log


def test_the_schema_fixture_is_the_sarif_2_1_0_schema() -> None:
    Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}  # a driver needs a name
    assert not Draft4Validator(SCHEMA).is_valid(bad)


def test_a_run_with_findings_validates(sample: LintResult) -> None:
    log = sarif(sample.diagnostics)
    [run] = log["runs"]
    assert log["version"] == "2.1.0"
    assert len(run["results"]) == len(sample.diagnostics)
    result = next(r for r in run["results"] if r["ruleId"] == "answer-not-in-options")
    assert result["level"] == "error"
    assert result["message"]["text"].startswith("answer E names no option")
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "bank/01-main.yaml"},
        "region": {"startLine": 20, "startColumn": 13},
    }
    assert result["properties"] == {"question": "q2"}
    rules = run["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "answer-not-in-options"
    assert {r["level"] for r in run["results"]} == {"error", "warning"}


def test_every_rule_is_described() -> None:
    rules = sarif([])["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(RULES)
    for rule in rules:
        summary = RULES[rule["id"]].summary()
        assert rule["shortDescription"]["text"] == summary
        assert rule["fullDescription"]["text"]
        assert "Bad:" not in rule["fullDescription"]["text"]
        assert rule["help"]["text"] == RULES[rule["id"]].doc()


def test_paths_become_uris() -> None:
    found = [
        Diagnostic("my bank/01 #1.yaml", 1, 1, "warning", "manifest", "m"),
        Diagnostic(str(Path("/srv/b/bank.yaml")), 2, 3, "error", "manifest", "m"),
    ]
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif(found)["runs"][0]["results"]
    ]
    assert uris == ["my%20bank/01%20%231.yaml", "file:///srv/b/bank.yaml"]


def test_cli(sample: LintResult, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", *SELECT, "--format", "sarif"]) == 1
    assert json.loads(capsys.readouterr().out)["runs"][0]["results"]
