"""GitHub workflow commands: one annotation per finding, escaped as the runner expects."""

from __future__ import annotations

import pytest

from exambank.cli import main
from exambank.diagnostics import Diagnostic
from exambank.lint import LintResult
from exambank.reporters import REPORTER_BY_NAME
from tests.reporters.conftest import SELECT


def test_one_annotation_per_finding(sample: LintResult) -> None:
    lines = REPORTER_BY_NAME["github"](sample.diagnostics).splitlines()
    assert len(lines) == len(sample.diagnostics)
    assert (
        "::error file=bank/01-main.yaml,line=20,col=13,title=exambank (answer-not-in-options)"
        "::answer E names no option (options are A, B, C, D)"
        "%0Ahint: point the answer at an existing option letter, or add the missing option E"
    ) in lines
    assert any(line.startswith("::warning file=bank/01-main.yaml,line=") for line in lines)


def test_escaping() -> None:
    # a value's own line break or ESC shows as an escape: the runner would print it as a
    # line of the annotation, or colour the log; only the break before the hint is real
    found = Diagnostic(
        "odd,name: 100%.yaml", 3, 4, "error", "schema", "50% done\r\nnext: \x1b[31m", "a, b: c"
    )
    [line] = REPORTER_BY_NAME["github"]([found]).splitlines()
    assert line == (
        "::error file=odd%2Cname%3A 100%25.yaml,line=3,col=4,title=exambank (schema)"
        "::50%25 done\\r\\nnext: \\x1b[31m%0Ahint: a, b: c"
    )


def test_no_findings_no_output() -> None:
    assert REPORTER_BY_NAME["github"]([]) == ""


def test_cli(sample: LintResult, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", *SELECT, "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith("::error file=bank/")
