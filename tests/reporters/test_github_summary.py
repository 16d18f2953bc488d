"""``--format github`` appends every finding to the job summary, ``$GITHUB_STEP_SUMMARY``.

GitHub annotates 10 errors and 10 warnings per step; the summary's table has them all, up
to the 1 MiB a step's summary may hold, and a summary that cannot be written fails nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.diagnostics import Diagnostic, Note, Suppressed
from exambank.lint import LintResult
from exambank.reporters import REPORTER_BY_NAME, Context
from exambank.reporters.github import SUMMARY_BYTES, changed_first, step_summary
from tests.conftest import QUESTION, section_yaml, write_bank
from tests.reporters.conftest import SELECT


@pytest.fixture(autouse=True)
def outside_a_pull_request(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("GITHUB_WORKSPACE", "GITHUB_BASE_REF", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(variable, raising=False)


def table_rows(summary: str) -> list[str]:
    return [line for line in summary.splitlines() if line.startswith("| ")][2:]  # no heading


def test_every_finding_is_appended_to_the_step_summary(
    sample: LintResult,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    summary = tmp_path / "step_summary"
    summary.write_text("## What an earlier command of the step wrote\n", "utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["lint", *SELECT, "--format", "github"]) == 1
    assert capsys.readouterr().err == ""
    written = summary.read_text("utf-8")
    assert written.startswith("## What an earlier command of the step wrote\n### exambank lint: ")
    errors = sum(found.severity == "error" for found in sample.diagnostics)
    warnings = len(sample.diagnostics) - errors
    counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    assert f"### exambank lint: {counts}\n" in written
    rows = table_rows(written)
    assert len(rows) == len(sample.diagnostics)
    assert rows[0].startswith("| error | bank/01-main.yaml:20:13 | answer-not-in-options | ")
    assert (
        "(hint: point the answer at an existing option letter, or add the missing option E) |"
        in rows[0]
    )
    assert "this pull request" not in written  # nothing known about one


def test_errors_only_counts_the_warnings_it_leaves_out(
    sample: LintResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "step_summary"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["lint", *SELECT, "--format", "github", "--errors-only"]) == 1
    written = summary.read_text("utf-8")
    warnings = sum(found.severity == "warning" for found in sample.diagnostics)
    assert all(row.startswith("| error | ") for row in table_rows(written))
    assert f"{warnings} warning{'s' * (warnings != 1)} not listed (--errors-only)." in written


def test_a_summary_that_cannot_be_written_is_said_and_fails_nothing(
    sample: LintResult,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path))  # a folder: no file to append to
    assert main(["lint", *SELECT, "--format", "github"]) == 1  # the findings' status, not 2
    captured = capsys.readouterr()
    assert captured.out.count("\n") == len(sample.diagnostics)
    assert captured.err.startswith(f"exambank: note: no job summary written to {tmp_path} ")


def test_cells_hold_no_markup_and_one_line() -> None:
    found = Diagnostic("b/a|b.yaml", 3, 4, "warning", "schema", "a | b\nc <b>*x*</b> `y`")
    [row] = table_rows(step_summary([found], Context(), {}, None))
    assert row == (
        "| warning | b/a\\|b.yaml:3:4 | schema | a \\| b\\\\nc \\<b\\>\\*x\\*\\</b\\> \\`y\\` |"
    )


def test_notes_are_rows_too() -> None:
    note = Note("b/bank.yaml", 4, 11, "the bank's language is 'de': negative-stem did not run")
    summary = step_summary([], Context(notes=(note,)), {}, None)
    assert summary.startswith("### exambank lint: no problems found\n")
    assert table_rows(summary) == [
        "| note | b/bank.yaml:4:11 |  | the bank's language is 'de': negative-stem did not run |"
    ]


def test_how_many_are_in_the_pull_request() -> None:
    found = [Diagnostic("b/a.yaml", 3, 4, "warning", "schema", "m")]
    assert "those in files this pull request changes (1 of them) first." in step_summary(
        found, Context(), {}, 1
    )
    assert "errors first. None is in a file this PR changes." in step_summary(
        found, Context(), {}, 0
    )


def test_a_table_too_big_for_the_summary_is_cut_with_a_count() -> None:
    found = [
        Diagnostic("b/a.yaml", line, 1, "warning", "schema", "x" * 900) for line in range(2000)
    ]
    summary = step_summary(found, Context(), {}, None)
    assert SUMMARY_BYTES - 2000 < len(summary.encode("utf-8")) <= SUMMARY_BYTES
    kept = len(table_rows(summary))
    assert 1000 < kept < 2000
    assert f"...and {2000 - kept} more, not shown: a step's summary holds at most 1 MiB" in summary


def test_what_the_step_wrote_before_counts_against_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "step_summary"
    summary.write_bytes(b"x" * (SUMMARY_BYTES - 20_000))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    found = [Diagnostic("b/a.yaml", line, 1, "warning", "schema", "x" * 900) for line in range(50)]
    REPORTER_BY_NAME["github"](found)
    assert summary.stat().st_size <= SUMMARY_BYTES
    assert b" more, not shown: a step's summary holds at most 1 MiB" in summary.read_bytes()


def test_no_summary_outside_github(sample: LintResult, tmp_path: Path) -> None:
    REPORTER_BY_NAME["github"](sample.diagnostics)
    assert list(tmp_path.glob("*summary*")) == []


SUPPRESSED = QUESTION.replace("models?", "models? (Choose two.)") + (
    'lint: {ignore: [answer-count], reason: "the guide <b>says</b> so | ##[error]x"}\n'
)


def test_the_suppressions_a_bank_holds_are_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pull request that switches a rule off for its own question shows it to a reviewer:
    the annotations and the log say nothing of what a suppression dropped."""
    write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(SUPPRESSED)})
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "step_summary"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["lint", *SELECT, "--format", "github"]) == 0
    assert summary.read_text("utf-8") == (
        "### exambank lint: no problems found (1 suppressed)\n\n"
        "\n#### Suppressed in bank files: 1 finding, by 1 entry\n\n"
        "Each entry in a question's `lint: ignore` switches a rule off for that question, so "
        "neither the annotations nor the log show what it dropped.\n\n"
        "| where | question | rule | findings | reason |\n| --- | --- | --- | --- | --- |\n"
        "| bank/01-main.yaml:13:21 | q1 | answer-count | 1 | the guide \\<b\\>says\\</b\\> so "
        "\\| ##\\\\x5berror\\]x |\n\n"
    )


def entries(count: int, reason: str = "r") -> tuple[Suppressed, ...]:
    return tuple(
        Suppressed(f"b/{number}.yaml", 3, 21, f"q{number}", "answer-count", 2, reason)
        for number in range(count)
    )


def test_the_suppressions_in_the_pull_requests_files_come_first() -> None:
    found = [Diagnostic("b/a.yaml", 3, 4, "warning", "schema", "m")]
    summary = step_summary(found, Context(suppressed=entries(2)), {}, None, SUMMARY_BYTES, 1)
    assert summary.startswith("### exambank lint: 0 errors, 1 warning (4 suppressed)\n")
    assert "#### Suppressed in bank files: 4 findings, by 2 entries\n" in summary
    assert "what it dropped; those in files this pull request changes (1) come first." in summary
    none_in_it = step_summary([], Context(suppressed=entries(1)), {}, None, SUMMARY_BYTES, 0)
    assert "what it dropped. None is in a file this PR changes.\n" in none_in_it
    moved, in_files = changed_first(
        entries(2), frozenset({os.path.normcase(os.path.realpath("b/1.yaml"))})
    )
    assert ([entry.question for entry in moved], in_files) == (["q1", "q0"], 1)


def test_many_findings_leave_the_suppressions_half_the_summary() -> None:
    found = [
        Diagnostic("b/a.yaml", line, 1, "warning", "schema", "x" * 900) for line in range(2000)
    ]
    summary = step_summary(found, Context(suppressed=entries(5000, "y" * 300)), {}, None)
    assert SUMMARY_BYTES - 4000 < len(summary.encode("utf-8")) <= SUMMARY_BYTES
    listed = [row for row in table_rows(summary) if "| answer-count |" in row]
    assert 1500 < len(listed) < 5000
    assert 500 < len([row for row in table_rows(summary) if row.startswith("| warning |")]) < 2000
    assert listed[0].endswith(f"| 2 | {'y' * 200}… |")  # a long reason is cut
    cut = f"...and {5000 - len(listed)} more, not shown: a step's summary holds at most 1 MiB.\n"
    assert summary.endswith(cut + "\n")
    assert summary.index("...and") < summary.index("#### Suppressed")  # the findings' cut
