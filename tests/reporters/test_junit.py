"""JUnit XML: one testcase per question checked, failures carrying the diagnostics."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from exambank.cli import main
from exambank.diagnostics import Diagnostic
from exambank.lint import LintResult
from exambank.reporters import REPORTER_BY_NAME, CheckedQuestion, Context
from tests.reporters.conftest import SELECT


def junit(result: LintResult, strict: bool = False) -> ET.Element:
    report = REPORTER_BY_NAME["junit"](result.diagnostics, Context.of(result, strict=strict))
    assert report.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(report)


def cases(root: ET.Element) -> dict[tuple[str, str], ET.Element]:
    return {
        (suite.get("name", ""), case.get("name", "")): case
        for suite in root.iter("testsuite")
        for case in suite.iter("testcase")
    }


def test_one_testcase_per_question_and_per_file_with_findings(sample: LintResult) -> None:
    found = cases(junit(sample))
    assert sorted(found) == [
        ("bank/01-main.yaml", "q1"),
        ("bank/01-main.yaml", "q2"),
        ("bank/01-main.yaml", "q3"),
        ("bank/02-extra.yaml", "02-extra.yaml"),  # not in the manifest: no question's fault
    ]  # and its question q4 is no part of the bank: not checked
    assert found[("bank/01-main.yaml", "q1")].find("failure") is None
    failure = found[("bank/01-main.yaml", "q2")].find("failure")
    assert failure is not None and failure.get("type") == "answer-not-in-options"
    assert "bank/01-main.yaml:20:13: error answer-not-in-options" in (failure.text or "")
    warned = found[("bank/01-main.yaml", "q3")]
    assert warned.find("failure") is None
    assert "unused-suppression" in (warned.findtext("system-out") or "")


@pytest.mark.parametrize(("strict", "failures"), [(False, 2), (True, 3)])
def test_counts_add_up(sample: LintResult, strict: bool, failures: int) -> None:
    root = junit(sample, strict)
    suites = list(root.iter("testsuite"))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == (
        "4",
        str(failures),
        "0",
    )
    for suite in suites:
        testcases = list(suite.iter("testcase"))
        assert suite.get("tests") == str(len(testcases))
        failing = sum(case.find("failure") is not None for case in testcases)
        assert suite.get("failures") == str(failing)
    assert sum(int(suite.get("failures", "")) for suite in suites) == failures


def test_text_that_xml_cannot_hold_is_replaced() -> None:
    found = Diagnostic("b/x.yaml", 1, 1, "error", "schema", "bad \x00\x1b byte <&>", None, "q1")
    report = REPORTER_BY_NAME["junit"]([found], Context((CheckedQuestion("b/x.yaml", "q1"),)))
    failure = ET.fromstring(report).find(".//failure")
    assert failure is not None and "bad \ufffd\ufffd byte <&>" in (failure.text or "")


def test_cli(sample: LintResult, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", *SELECT, "--format", "junit"]) == 1
    assert ET.fromstring(capsys.readouterr().out).get("tests") == "4"
