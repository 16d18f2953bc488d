"""SARIF 2.1.0 that validates against the OASIS schema and describes every rule."""

from __future__ import annotations

import importlib
import json
import os
from importlib.metadata import PackageNotFoundError
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from exambank.cli import main
from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import LintResult
from exambank.reporters import REPORTER_BY_NAME
from exambank.rule_docs import CONFIG_DOC
from exambank.rules import RULES
from tests.conftest import QUESTION, REPO, LintBank, section_yaml, write_bank
from tests.reporters.conftest import SELECT

STRAY = QUESTION.replace("id: q1", "id: q9")
SARIF_MODULE = importlib.import_module("exambank.reporters.sarif")  # not the function
SCHEMA = json.loads((REPO / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text("utf-8"))


def sarif(diagnostics: list[Diagnostic]) -> dict[str, Any]:
    return validated(REPORTER_BY_NAME["sarif"](diagnostics))


def validated(report: str) -> dict[str, Any]:
    """The log, once it is UTF-8, valid SARIF, and every result's rule is described."""
    log: dict[str, Any] = json.loads(report.encode("utf-8"))
    errors = sorted(Draft4Validator(SCHEMA).iter_errors(log), key=str)
    assert errors == [], [error.message for error in errors]
    for run in log["runs"]:
        rules = run["tool"]["driver"]["rules"]
        for result in run["results"]:
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    return log


def uris(log: dict[str, Any]) -> list[str]:
    return [
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in log["runs"][0]["results"]
    ]


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
        "artifactLocation": {"uri": "bank/01-main.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 20, "startColumn": 13},
    }
    assert result["properties"] == {"question": "q2"}
    rules = run["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "answer-not-in-options"
    assert {r["level"] for r in run["results"]} == {"error", "warning"}


def test_every_rule_is_described() -> None:
    rules = sarif([])["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [*RULES, "config"]
    for rule in rules[:-1]:
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
    assert uris(sarif(found)) == ["my%20bank/01%20%231.yaml", "file:///srv/b/bank.yaml"]


def test_a_file_name_that_is_not_utf8_keeps_its_bytes_in_the_uri() -> None:
    name = "bank/02-x\udcffy.yaml"  # what Python reads from the name b"02-x\xffy.yaml"
    found = [Diagnostic(name, 1, 1, "error", "manifest", f"{name} is not listed", f"{name}?")]
    log = sarif(found)
    assert uris(log) == ["bank/02-x%FFy.yaml"]
    [result] = log["runs"][0]["results"]
    shown = "bank/02-x\ufffdy.yaml"  # UTF-8 text cannot hold the byte: the URI has it
    assert result["message"]["text"] == f"{shown} is not listed (hint: {shown}?)"


def test_cli_with_a_file_name_that_is_not_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(QUESTION)})
    try:
        Path(os.fsdecode(b"bank/02-x\xffy.yaml")).write_text(
            section_yaml(STRAY, section_id="x"), "utf-8"
        )
    except (OSError, UnicodeError):
        pytest.skip("this file system only takes UTF-8 file names")
    assert main(["lint", *SELECT, "--format", "sarif"]) == 1
    assert uris(validated(capsys.readouterr().out)) == ["bank/02-x%FFy.yaml"]


def test_columns_are_code_points_and_the_run_says_so(lint_bank: LintBank) -> None:
    # The emoji is one code point, as an editor counts it, but two UTF-16 code units.
    line = (
        '  - {id: q1, stem: "\N{SLIGHTLY SMILING FACE} Which service trains models?", '
        "options: {A: SageMaker, B: Lambda, C: EC2, D: Bedrock}, answer: E, explanation: x}"
    )
    result = lint_bank(
        {"01-main.yaml": "id: main\ntitle: Main\nquestions:\n" + line + "\n"},
        config=Config(select={"answer-not-in-options"}),
    )
    [run] = sarif(result.diagnostics)["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    [found] = run["results"]
    region = found["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 4, "startColumn": line.index("answer: E") + len("answer: ") + 1}


def test_cli_reports_a_pyproject_mistake_under_a_described_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text('[tool.exambank]\nselect = ["answer-cont"]\n', "utf-8")
    assert main(["lint", "--format", "sarif"]) == 2
    [run] = validated(capsys.readouterr().out)["runs"]
    assert [result["ruleId"] for result in run["results"]] == ["config"]
    config = run["tool"]["driver"]["rules"][run["results"][0]["ruleIndex"]]
    assert config["defaultConfiguration"]["level"] == "error"
    assert config["shortDescription"]["text"] and config["fullDescription"]["text"]


def test_cli(sample: LintResult, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", *SELECT, "--format", "sarif"]) == 1
    assert json.loads(capsys.readouterr().out)["runs"][0]["results"]


def test_config_has_help_as_every_rule_has_for_github_code_scanning() -> None:
    """GitHub refuses a rule without ``help`` (GH2012), and config is in every report."""
    rules = sarif([])["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules if not rule.get("help", {}).get("text")] == []
    config = rules[-1]
    assert config["help"]["text"] == CONFIG_DOC  # what `exambank rule config` prints
    assert config["shortDescription"]["text"] == CONFIG_DOC.splitlines()[0]
    assert "Bad:" not in config["fullDescription"]["text"]


class _Metadata:
    def __init__(self, urls: list[str]) -> None:
        self.urls = urls

    def get_all(self, name: str) -> list[str] | None:
        return (self.urls or None) if name == "Project-URL" else None


@pytest.mark.parametrize(
    ("urls", "uri"),
    [
        (
            ["Repository, https://git.example.org/x", "Homepage, https://example.org/"],
            "https://example.org/",
        ),
        (["Source, https://git.example.org/x"], "https://git.example.org/x"),
        (["Changelog, https://example.org/changes"], None),
        ([], None),  # exambank's own pyproject.toml: no public homepage to name
    ],
)
def test_the_driver_s_information_uri_is_the_homepage_the_package_names(
    monkeypatch: pytest.MonkeyPatch, urls: list[str], uri: str | None
) -> None:
    monkeypatch.setattr(SARIF_MODULE, "metadata", lambda name: _Metadata(urls))
    driver = sarif([])["runs"][0]["tool"]["driver"]
    assert driver.get("informationUri") == uri
    assert list(driver) == ["name", "version", *(["informationUri"] if uri else []), "rules"]


def test_no_information_uri_from_a_checkout_never_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def missing(name: str) -> None:
        raise PackageNotFoundError(name)

    monkeypatch.setattr(SARIF_MODULE, "metadata", missing)
    assert "informationUri" not in sarif([])["runs"][0]["tool"]["driver"]


def test_each_result_has_the_baseline_s_fingerprint_which_moved_lines_keep(
    sample: LintResult, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", *SELECT, "--write-baseline", "known.json"]) == 0
    known = {
        entry["fingerprint"]
        for entry in json.loads(Path("known.json").read_text("utf-8"))["findings"]
    }
    capsys.readouterr()

    def fingerprints() -> dict[str, tuple[int, str]]:
        main(["lint", *SELECT, "--no-baseline", "--format", "sarif"])
        results = validated(capsys.readouterr().out)["runs"][0]["results"]
        return {
            result["partialFingerprints"][SARIF_MODULE.FINGERPRINT_KEY]: (
                result["locations"][0]["physicalLocation"]["region"]["startLine"],
                result["ruleId"],
            )
            for result in results
        }

    before = fingerprints()
    assert len(known) >= 2 and known <= set(before)
    section = Path("bank/01-main.yaml")  # a question added above every finding in it
    added = section_yaml(QUESTION.replace("id: q1", "id: q0")).split("questions:\n", 1)[1]
    section.write_text(section.read_text("utf-8").replace("questions:\n", "questions:\n" + added))
    after = fingerprints()
    assert set(after) == set(before)
    moved = [name for name, (line, _) in after.items() if line != before[name][0]]
    assert moved and all(after[name][1] == before[name][1] for name in after)


def test_two_identical_findings_are_two_results_to_code_scanning() -> None:
    # the same image twice without a description: code scanning folds results of one
    # partialFingerprints value into one alert (review s22 diff #2)
    twice = Diagnostic("b/01-a.yaml", 3, 5, "warning", "image-alt", "no alt", question="q1")
    results = sarif([twice, twice])["runs"][0]["results"]
    prints = [result["partialFingerprints"][SARIF_MODULE.FINGERPRINT_KEY] for result in results]
    assert len(set(prints)) == 2
