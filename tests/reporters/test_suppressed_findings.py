"""What a question's ``lint: ignore`` dropped, in the reports besides the job summary:
sarif's suppressed results, json's items when asked, the text summary's count; and the
reports' fingerprints, which take each bank's id from what lint read."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from exambank import fingerprint
from exambank.cli import main
from exambank.config import Config
from exambank.lint import lint
from exambank.reporters import REPORTER_BY_NAME, Context
from tests.conftest import QUESTION, section_yaml, write_bank
from tests.reporters.test_sarif import SARIF_MODULE, validated

NO_SUCH_OPTION = QUESTION.replace("answer: A", "answer: E")  # an error: answer-not-in-options
ALL = QUESTION.replace("id: q1", "id: q2").replace("D: Amazon Bedrock", "D: All of the above")
RULES = "answer-not-in-options,all-of-the-above,unused-suppression"
IGNORE = 'lint: {ignore: [all-of-the-above], reason: "the guide\'s own wording"}\n'


def _bank(tmp_path: Path, suppressed: bool) -> Path:
    """q1 has an error; q2 a warning, which its lint: ignore drops when ``suppressed``."""
    warning = ALL + IGNORE if suppressed else ALL
    return write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(NO_SUCH_OPTION, warning)})


def _report(capsys: pytest.CaptureFixture[str], format_name: str, *more: str) -> str:
    main(["lint", "--select", RULES, "--format", format_name, *more, "bank"])
    return capsys.readouterr().out


def _fingerprint(result: dict[str, Any]) -> str:
    return str(result["partialFingerprints"][SARIF_MODULE.FINGERPRINT_KEY])


def test_sarif_leaves_a_suppressed_finding_out_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review s34 (CI) #2: GitHub code scanning reads no SARIF suppressions and opened an
    alert for each suppressed result; left out, the finding's alert closes."""
    monkeypatch.chdir(tmp_path)
    _bank(tmp_path, suppressed=False)
    before = validated(_report(capsys, "sarif"))["runs"][0]["results"]
    _bank(tmp_path, suppressed=True)
    after = validated(_report(capsys, "sarif"))["runs"][0]["results"]
    assert after == before[:1]  # the error alone, as it was, with no suppressions key


def test_sarif_lists_a_suppressed_finding_as_suppressed_in_source_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """For a viewer that honours suppressions: it shows the alert as suppressed, with the
    reason, under the fingerprint it had before."""
    monkeypatch.chdir(tmp_path)
    _bank(tmp_path, suppressed=False)
    before = validated(_report(capsys, "sarif"))["runs"][0]["results"]
    assert [(one["ruleId"], "suppressions" in one) for one in before] == [
        ("answer-not-in-options", False),
        ("all-of-the-above", False),
    ]
    _bank(tmp_path, suppressed=True)
    after = validated(_report(capsys, "sarif", "--list-suppressed"))["runs"][0]["results"]
    assert [_fingerprint(one) for one in after] == [_fingerprint(one) for one in before]
    live, dropped = after
    assert live["suppressions"] == []  # SARIF: all results have suppressions, or none
    assert dropped["ruleId"] == "all-of-the-above"
    assert dropped["locations"] == before[1]["locations"]
    [suppression] = dropped["suppressions"]
    assert suppression["kind"] == "inSource"
    assert suppression["justification"] == "the guide's own wording"
    place = suppression["location"]["physicalLocation"]
    assert place["artifactLocation"] == {"uri": "bank/01-main.yaml", "uriBaseId": "%SRCROOT%"}
    assert place["region"] == {"startLine": 22, "startColumn": 21}  # the rule's name in ignore


def test_sarif_with_a_baseline_keeps_both_kinds_of_suppression_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _bank(tmp_path, suppressed=True)
    main(["lint", "--select", RULES, "--write-baseline", "known.json", "bank"])
    capsys.readouterr()
    judged = ["lint", "--select", RULES, "--baseline", "known.json", "--format", "sarif"]
    main([*judged, "bank"])
    assert validated(capsys.readouterr().out)["runs"][0]["results"] == []  # nothing new
    main([*judged, "--list-suppressed", "bank"])
    results = validated(capsys.readouterr().out)["runs"][0]["results"]
    said = [
        (one["ruleId"], one["baselineState"], [kind["kind"] for kind in one["suppressions"]])
        for one in results
    ]
    assert said == [
        ("answer-not-in-options", "unchanged", ["external"]),
        ("all-of-the-above", "new", ["inSource"]),  # no baseline holds a suppressed finding
    ]


def test_json_lists_suppressed_findings_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its readers count its items as findings: by default the list stays as it was."""
    monkeypatch.chdir(tmp_path)
    config = Config(select=set(RULES.split(",")))
    unsuppressed = lint([_bank(tmp_path, suppressed=False)], config)
    plain = json.loads(REPORTER_BY_NAME["json"](unsuppressed.diagnostics, Context.of(unsuppressed)))
    result = lint([_bank(tmp_path, suppressed=True)], config)
    context = Context.of(result)
    report = REPORTER_BY_NAME["json"]
    assert json.loads(report(result.diagnostics, context)) == plain[:1]
    listed = json.loads(report(result.diagnostics, replace(context, list_suppressed=True)))
    assert listed[:1] == plain[:1]
    where = {"path": str(Path("bank/01-main.yaml")), "line": 22, "column": 21}
    assert listed[1:] == [
        {**plain[1], "suppressed": {"reason": "the guide's own wording", **where}}
    ]


def test_lint_list_suppressed_adds_them_to_the_json_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _bank(tmp_path, suppressed=True)
    plain = json.loads(_report(capsys, "json"))
    main(["lint", "--select", RULES, "--format", "json", "--list-suppressed", "bank"])
    listed = json.loads(capsys.readouterr().out)
    assert [one["rule"] for one in plain] == ["answer-not-in-options"]
    assert [(one["rule"], "suppressed" in one) for one in listed] == [
        ("answer-not-in-options", False),
        ("all-of-the-above", True),
    ]


@pytest.mark.parametrize("format_name", ["text", "github", "gitlab", "junit"])
def test_list_suppressed_with_another_format_is_a_usage_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    format_name: str,
) -> None:
    """Ignored, it would let a maintainer believe a report lists what it does not (review
    s28-diff, finding 10)."""
    monkeypatch.chdir(tmp_path)
    _bank(tmp_path, suppressed=True)
    arguments = ["lint", "--format", format_name, "--list-suppressed", "bank"]
    assert main(arguments) == 2
    captured = capsys.readouterr()
    assert "--list-suppressed adds to --format json or sarif only" in captured.err
    assert captured.out == ""


@pytest.mark.parametrize(
    ("questions", "summary"),
    [
        ((NO_SUCH_OPTION, ALL + IGNORE), "1 error, 0 warnings (1 suppressed by lint: ignore)."),
        ((ALL + IGNORE,), "No problems found (1 suppressed by lint: ignore)."),
        ((NO_SUCH_OPTION, ALL), "1 error, 1 warning."),
    ],
)
def test_the_text_summary_counts_what_lint_ignore_suppressed(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    questions: tuple[str, ...],
    summary: str,
) -> None:
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})
    main(["lint", "--select", RULES, str(bank)])
    lines = capsys.readouterr().out.splitlines()
    assert summary in lines


def test_errors_only_and_suppressions_share_the_summary_s_brackets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warning = ALL.replace("id: q2", "id: q3")
    questions = (NO_SUCH_OPTION, ALL + IGNORE, warning)
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})
    main(["lint", "--select", RULES, "--errors-only", str(bank)])
    lines = capsys.readouterr().out.splitlines()
    assert "1 error, 1 warning (1 not listed; 1 suppressed by lint: ignore)." in lines


def test_gitlab_leaves_suppressed_findings_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Code Quality has no suppressed issue: each issue it is given is open."""
    monkeypatch.chdir(tmp_path)
    _bank(tmp_path, suppressed=True)
    issues = json.loads(_report(capsys, "gitlab"))
    assert [issue["check_name"] for issue in issues] == ["answer-not-in-options"]


def test_junit_lists_a_suppressed_finding_in_its_question_s_output_failing_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """GitLab's Code Quality has no suppressed issue: its test tab shows them instead."""
    monkeypatch.chdir(tmp_path)
    _bank(tmp_path, suppressed=True)
    main(["lint", "--select", RULES, "--format", "junit", "--strict", "bank"])
    root = ElementTree.fromstring(capsys.readouterr().out)
    q2 = next(case for case in root.iter("testcase") if case.get("name") == "q2")
    assert q2.find("failure") is None
    said = (q2.findtext("system-out") or "").splitlines()
    assert said[0].startswith("bank/01-main.yaml:19:10: warning all-of-the-above option D")
    end = "suppressed by lint: ignore at bank/01-main.yaml:22:21: the guide's own wording"
    assert said[-1] == f"    {end}"
    assert root.get("failures") == "1"  # q1's error only


@pytest.mark.parametrize("format_name", ["json", "sarif", "gitlab"])
def test_no_report_reads_a_manifest_again(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    format_name: str,
) -> None:
    """Nor one lint refused: a 47 MB bank.yaml took 1.4 s to read, for each report. The
    bank's id is the one lint read, or none where lint read none."""
    monkeypatch.chdir(tmp_path)
    _bank(tmp_path, suppressed=True)
    Path("big").mkdir()
    write_bank(Path("big"), {"01-main.yaml": section_yaml(NO_SUCH_OPTION)})
    manifest = Path("big/bank.yaml")
    manifest.write_text(manifest.read_text("utf-8") + "# " + "x" * 400 + "\n", "utf-8")
    Path("pyproject.toml").write_text("[tool.exambank]\nmax-file-bytes = 300\n", "utf-8")
    reads: list[Path] = []
    read_source = fingerprint.read_source

    def counted(path: Path, *arguments: Any, **options: Any) -> Any:
        reads.append(path)
        return read_source(path, *arguments, **options)

    monkeypatch.setattr(fingerprint, "read_source", counted)
    main(["lint", "--select", f"{RULES},file-size", "--format", format_name, "bank", "big"])
    assert "file-size" in capsys.readouterr().out  # lint refused big/bank.yaml
    assert reads == []


def test_errors_only_with_sarif_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Code scanning closes as fixed the alert of each finding a report leaves out: the
    warnings' alerts would close at every run with --errors-only (review s34-ci, 4)."""
    monkeypatch.chdir(tmp_path)
    _bank(tmp_path, suppressed=False)
    assert main(["lint", "--select", RULES, "--errors-only", "--format", "sarif", "bank"]) == 2
    captured = capsys.readouterr()
    assert "--errors-only does not go with --format sarif" in captured.err
    assert captured.out == ""


SUPPRESSED_ERROR = NO_SUCH_OPTION.replace("id: q1", "id: q3") + (
    'lint: {ignore: [answer-not-in-options], reason: "a new option E comes later"}\n'
)


@pytest.fixture
def suppressed_error_and_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """q1 has an error; q2's lint: ignore drops a warning, q3's an error."""
    monkeypatch.chdir(tmp_path)
    questions = (NO_SUCH_OPTION, ALL + IGNORE, SUPPRESSED_ERROR)
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(*questions)})


def _errors_only(capsys: pytest.CaptureFixture[str], *options: str) -> str:
    assert main(["lint", "--select", RULES, "--errors-only", *options, "bank"]) == 1
    return capsys.readouterr().out


@pytest.mark.usefixtures("suppressed_error_and_warning")
def test_errors_only_lists_a_suppressed_error_and_no_suppressed_warning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--errors-only lists only the errors, in every format: a warning a lint: ignore
    dropped too (review s34-ci, finding 4); the text summary still counts it."""
    root = ElementTree.fromstring(_errors_only(capsys, "--format", "junit"))
    said = {case.get("name"): case.findtext("system-out") for case in root.iter("testcase")}
    assert said["q2"] is None
    end = "suppressed by lint: ignore at bank/01-main.yaml:32:21: a new option E comes later"
    assert (said["q3"] or "").endswith(end)
    listed = json.loads(_errors_only(capsys, "--format", "json", "--list-suppressed"))
    assert [(one["question"], "suppressed" in one) for one in listed] == [
        ("q1", False),
        ("q3", True),
    ]
    summary = "1 error, 0 warnings (2 suppressed by lint: ignore)."
    assert summary in _errors_only(capsys).splitlines()


@pytest.mark.usefixtures("suppressed_error_and_warning")
def test_errors_only_leaves_a_suppressed_warning_out_of_the_job_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The table of suppressions lists q3's entry, not q2's; the heading counts both."""
    summary = tmp_path / "step_summary"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _errors_only(capsys, "--format", "github")
    written = summary.read_text("utf-8")
    assert written.startswith("### exambank lint: 1 error, 0 warnings (2 suppressed)\n")
    assert "#### Suppressed in bank files: 1 finding, by 1 entry" in written
    entries = [line for line in written.splitlines() if line.startswith("| bank/")]
    assert [entry.split(" | ")[1:3] for entry in entries] == [["q3", "answer-not-in-options"]]
