"""``lint --baseline``: only findings the baseline does not hold are reported and fail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from exambank.baseline import Baseline, Scope, compare, write
from exambank.cli import main
from exambank.diagnostics import Diagnostic
from tests.conftest import QUESTION, section_yaml, write_bank
from tests.reporters.test_sarif import validated

RULES = ["--select", "answer-not-in-options,all-of-the-above"]
HIDDEN = "{} findings hidden by the baseline {}."


def question(number: int, flaw: str = "") -> str:
    text = QUESTION.replace("id: q1", f"id: q{number}")
    if flaw == "error":
        return text.replace("answer: A", "answer: E")
    if flaw == "warning":
        return text.replace("  D: Amazon Bedrock", "  D: All of the above")
    return text


def section(*questions: str) -> str:
    return section_yaml(*questions)


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose bank has an old error (q2) and an old warning (q3)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    sections = {"01-main.yaml": section(question(1), question(2, "error"), question(3, "warning"))}
    return write_bank(tmp_path / "bank" / "b", sections)


def lint(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(["lint", *RULES, *arguments])
    output = capsys.readouterr()
    return status, output.out, output.err


def add_questions(bank: Path, *questions: str, above: bool = False) -> None:
    """Add questions to the section, below its last one or above its first."""
    path = bank / "01-main.yaml"
    header, _, body = path.read_text("utf-8").partition("questions:\n")
    new = section(*questions).partition("questions:\n")[2]
    body = new + body if above else body + new
    path.write_text(f"{header}questions:\n{body}", "utf-8")


def test_the_written_baseline_hides_every_known_finding(bank, capsys):
    assert lint(capsys)[0] == 1
    status, out, err = lint(capsys, "--write-baseline", "known.json")
    assert status == 0
    assert err == "wrote known.json: 2 findings\n"
    assert out == "No problems found.\n2 findings hidden by the baseline known.json.\n"
    status, out, _ = lint(capsys, "--baseline", "known.json", "--strict")
    assert status == 0 and out.endswith("2 findings hidden by the baseline known.json.\n")


def test_a_new_finding_is_listed_and_fails_when_lines_moved_above_the_old_ones(bank, capsys):
    lint(capsys, "--write-baseline", "known.json")
    add_questions(bank, question(7), question(8), above=True)  # every old finding moves down
    add_questions(bank, question(9, "error"))  # its answer at line 56
    status, out, _ = lint(capsys, "--baseline", "known.json")
    assert status == 1
    listed = [line.split(":", 1)[1] for line in out.splitlines() if ": error " in line]
    assert listed == [
        "56:13: error answer-not-in-options answer E names no option (options are A, B, C, D)"
    ]
    assert out.splitlines()[-2:] == [
        "1 error, 0 warnings.",
        "2 findings hidden by the baseline known.json.",
    ]


def test_a_finding_the_baseline_holds_n_times_is_hidden_n_times_at_most(tmp_path):
    def copy(line: int) -> Diagnostic:  # the same flaw, twice in one question
        return Diagnostic(
            str(tmp_path / "01.yaml"), line, 1, "warning", "empty-text", "blank", None, "q"
        )

    known, _ = write(tmp_path / "known.json", [copy(3)], Scope(frozenset(), frozenset()), None)
    compared = compare(known, [copy(3), copy(9)], Scope(frozenset(), frozenset()))
    assert (compared.new, compared.hidden) == ([copy(9)], 1)
    twice, _ = write(
        tmp_path / "known.json", [copy(3), copy(9)], Scope(frozenset(), frozenset()), None
    )
    compared = compare(twice, [copy(3), copy(5), copy(9)], Scope(frozenset(), frozenset()))
    assert (compared.new, compared.hidden) == ([copy(9)], 2)
    assert isinstance(twice, Baseline) and len(twice.entries) == 2


def test_fixed_entries_are_counted_without_failing_and_dropped_when_written_again(bank, capsys):
    lint(capsys, "--write-baseline", "known.json")
    path = bank / "01-main.yaml"
    path.write_text(path.read_text("utf-8").replace("answer: E", "answer: A"), "utf-8")
    status, out, _ = lint(capsys, "--baseline", "known.json")
    assert status == 0
    assert out.splitlines()[-2:] == [
        "1 finding hidden by the baseline known.json.",
        "1 baseline entry is fixed; run lint with --prune-baseline known.json to drop it.",
    ]
    lint(capsys, "--write-baseline", "known.json")
    assert len(json.loads(Path("known.json").read_text("utf-8"))["findings"]) == 1
    assert "fixed" not in lint(capsys, "--baseline", "known.json")[1]


def test_entries_of_banks_and_rules_a_run_did_not_check_are_kept_and_not_fixed(bank, capsys):
    other = write_bank(bank.parent / "c", {"01-main.yaml": section(question(5, "warning"))})
    lint(capsys, "--write-baseline", "known.json")
    status, out, _ = lint(capsys, "--baseline", "known.json", str(bank))
    assert status == 0 and "fixed" not in out
    main(["lint", "--select", "all-of-the-above", "--baseline", "known.json"])
    assert "fixed" not in capsys.readouterr().out
    status, _, err = lint(capsys, "--write-baseline", "known.json", str(bank))
    assert err.startswith("known.json is up to date: 3 findings, 1 of them of files or")
    files = [
        entry["file"] for entry in json.loads(Path("known.json").read_text("utf-8"))["findings"]
    ]
    assert files.count("bank/c/01-main.yaml") == 1 and other.is_dir()


NEW_LINE = 37  # where q9's "All of the above" is


def listed_lines(format_name: str, out: str) -> list[int]:
    """The line of each finding a report lists."""
    if format_name == "text":
        return [int(line.split(":")[1]) for line in out.splitlines() if ": warning " in line]
    if format_name == "github":
        return [int(line.split("line=")[1].split(",")[0]) for line in out.splitlines()]
    if format_name == "junit":
        failing = ElementTree.fromstring(out).iter("failure")
        return [int((failure.text or "").split(":")[1]) for failure in failing]
    if format_name == "sarif":  # the baseline's findings only with --list-suppressed (below)
        results = json.loads(out)["runs"][0]["results"]
        return [one["locations"][0]["physicalLocation"]["region"]["startLine"] for one in results]
    if format_name == "gitlab":
        return [issue["location"]["lines"]["begin"] for issue in json.loads(out)]
    return [item["line"] for item in json.loads(out)]


@pytest.mark.parametrize("format_name", ["text", "json", "github", "gitlab", "sarif", "junit"])
def test_every_format_reports_the_new_finding_only(bank, capsys, format_name):
    lint(capsys, "--write-baseline", "known.json")
    add_questions(bank, question(9, "warning"))
    status, out, err = lint(capsys, "--baseline", "known.json", "--format", format_name, "--strict")
    assert status == 1
    assert listed_lines(format_name, out) == [NEW_LINE]
    said = "2 findings hidden by the baseline known.json.\n"
    if format_name == "text":
        assert out.endswith(said)
    else:
        assert err == said  # stdout is the tool's report, and nothing else


def test_sarif_lists_the_baselines_findings_as_suppressed_results_when_asked(bank, capsys):
    """By default they are left out: GitHub code scanning reads no SARIF suppressions and
    would open an alert for each. Asked, for viewers that honour them, each result says
    whether the baseline held it; the new one's suppressions are an empty list: SARIF has
    them all null or all non-null."""
    lint(capsys, "--write-baseline", "known.json")
    add_questions(bank, question(9, "warning"))
    judged = ["--baseline", "known.json", "--format", "sarif", "--strict"]
    status, out, _ = lint(capsys, *judged)
    assert status == 1
    assert [line_of(one) for one in validated(out)["runs"][0]["results"]] == [NEW_LINE]
    status, out, _ = lint(capsys, *judged, "--list-suppressed")
    assert status == 1
    results = validated(out)["runs"][0]["results"]
    states = [
        (one["ruleId"], one["baselineState"], one.get("suppressions"), line_of(one))
        for one in results
    ]
    held = [{"kind": "external", "justification": "in the baseline known.json"}]
    assert states == [
        ("all-of-the-above", "new", [], NEW_LINE),
        ("answer-not-in-options", "unchanged", held, 20),
        ("all-of-the-above", "unchanged", held, 28),
    ]
    _, out, _ = lint(capsys, "--no-baseline", "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert len(results) == 3 and not any("baselineState" in one for one in results)


def line_of(result: dict[str, Any]) -> int:
    line: int = result["locations"][0]["physicalLocation"]["region"]["startLine"]
    return line


def test_errors_only_and_strict_count_new_findings_only(bank, capsys):
    lint(capsys, "--write-baseline", "known.json")
    assert lint(capsys, "--baseline", "known.json", "--strict")[0] == 0
    add_questions(bank, question(8, "error"), question(9, "warning"))
    status, out, _ = lint(capsys, "--baseline", "known.json", "--errors-only")
    assert status == 1 and "q9" not in out
    assert "1 error, 1 warning (1 not listed)." in out
    bank.joinpath("01-main.yaml").write_text(
        bank.joinpath("01-main.yaml").read_text("utf-8").replace("answer: E", "answer: B"), "utf-8"
    )
    assert lint(capsys, "--baseline", "known.json")[0] == 0
    assert lint(capsys, "--baseline", "known.json", "--strict")[0] == 1


def test_fix_runs_first_and_the_baseline_judges_what_is_left(bank, capsys):
    lint(capsys, "--write-baseline", "known.json")
    path = bank / "01-main.yaml"
    path.write_text(path.read_text("utf-8").replace("answer: A", "answer: a", 1), "utf-8")
    assert lint(capsys, "--baseline", "known.json")[0] == 1  # a schema error: no baseline hides it
    status, out, err = lint(capsys, "--baseline", "known.json", "--fix", "--strict")
    assert status == 0 and "fixed answer letter 'a' -> 'A'" in err
    assert "2 findings hidden by the baseline known.json." in out


def test_what_no_configuration_can_switch_off_is_never_baselined(bank, capsys):
    (bank / "02-broken.yaml").write_text("id: broken\ntitle: [\n", "utf-8")
    bank.joinpath("bank.yaml").write_text(
        "id: test-bank\ntitle: Test bank\nsections: [main, broken]\n", "utf-8"
    )
    status, _, err = lint(capsys, "--write-baseline", "known.json")
    assert status == 1 and err == "wrote known.json: 2 findings\n"
    status, out, _ = lint(capsys, "--baseline", "known.json")
    assert status == 1 and "error yaml-syntax" in out


def test_pyproject_names_the_baseline_and_no_baseline_shows_everything(bank, capsys):
    Path("pyproject.toml").write_text('[tool.exambank]\nbaseline = "ci/known.json"\n', "utf-8")
    status, _, err = lint(capsys)
    assert status == 2 and "ci/known.json: no such baseline; write it with" in err
    assert lint(capsys, "--write-baseline", "ci/known.json")[0] == 0
    status, out, _ = lint(capsys)
    assert status == 0 and "2 findings hidden by the baseline ci/known.json." in out
    files = {entry["file"] for entry in json.loads(Path("ci/known.json").read_text())["findings"]}
    assert files == {"../bank/b/01-main.yaml"}  # relative to the baseline's folder
    status, out, _ = lint(capsys, "--no-baseline")
    assert status == 1 and "hidden" not in out


def test_a_baseline_in_pyproject_must_name_a_file(bank, capsys):
    Path("pyproject.toml").write_text("[tool.exambank]\nbaseline = 3\n", "utf-8")
    status, _, err = lint(capsys)
    assert status == 2
    assert "pyproject.toml:2:12: error config 'baseline' must be the name of a file" in err


def test_the_baseline_holds_wherever_lint_runs(bank, capsys, monkeypatch):
    """A message naming another file names it from where lint runs (duplicate-question:
    "... as q1 at bank/b/01-main.yaml:4"); the baseline holds all the same."""
    add_questions(bank, question(1).replace("id: q1", "id: q4"))
    select = ["--select", "duplicate-question"]
    _, _, err = lint(capsys, *select, "--write-baseline", "known.json")
    assert err == "wrote known.json: 5 findings\n"  # 3 of duplicate-question
    known = str(bank.parent.parent / "known.json")
    for where, paths in [(bank, []), (bank.parent, [str(bank)]), (bank, ["."])]:
        monkeypatch.chdir(where)
        status, out, _ = lint(capsys, *select, "--baseline", known, *paths)
        assert (status, out.splitlines()) == (0, ["No problems found.", HIDDEN.format(5, known)])
